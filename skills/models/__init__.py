"""The digital-tool catalogue (pages) and the mastery records that stand on people."""

from .mastery import Mastery, MasteryEvent, SkillGoal, SkillLevel
from .pages import ToolCategory, ToolIndexPage, ToolPage, ToolPageTag

__all__ = [
    "Mastery",
    "MasteryEvent",
    "SkillGoal",
    "SkillLevel",
    "ToolCategory",
    "ToolIndexPage",
    "ToolPage",
    "ToolPageTag",
]
