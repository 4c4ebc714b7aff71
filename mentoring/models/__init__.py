"""Records of the programme: people, their places of work, cycles and pairs."""

from .audit import RecordAccess
from .consents import ConsentKind, ConsentRecord, ConsentText
from .feedback import Feedback
from .ideas import Idea
from .imports import ImportJob
from .meetings import Meeting, TopicRequest
from .nominations import Nomination
from .people import Department, Participant, Plant, User
from .programme import Cycle, Pair, PairTransitionError
from .support import IssueNote, SupportIssue

__all__ = [
    "ConsentKind",
    "ConsentRecord",
    "ConsentText",
    "Cycle",
    "Department",
    "Feedback",
    "Idea",
    "ImportJob",
    "IssueNote",
    "Meeting",
    "Nomination",
    "Pair",
    "PairTransitionError",
    "Participant",
    "Plant",
    "RecordAccess",
    "SupportIssue",
    "TopicRequest",
    "User",
]
