"""Pages and records of the content half: tracks, library, curricula, plans, progress."""

from curricula.models.curriculum import CurriculumPage
from curricula.models.library import LibraryIndexPage, MaterialPage, MaterialTag
from curricula.models.plans import SessionPlan, SessionPlanItem
from curricula.models.progress import ModuleProgress
from curricula.models.tracks import Audience, ModulePage, TrackIndexPage, TrackPage

__all__ = [
    "Audience",
    "CurriculumPage",
    "LibraryIndexPage",
    "MaterialPage",
    "MaterialTag",
    "ModulePage",
    "ModuleProgress",
    "SessionPlan",
    "SessionPlanItem",
    "TrackIndexPage",
    "TrackPage",
]
