"""Records of the programme: people, their places of work, cycles and pairs."""

from .audit import RecordAccess
from .calendar import CalendarDay
from .consents import ConsentKind, ConsentRecord, ConsentText
from .documents import DocumentTemplate, MentoringAddendum, PairAgreement
from .feedback import Feedback
from .hours import HoursEntry, HoursMonth
from .ideas import Idea
from .imports import ImportJob
from .meetings import Meeting, TopicRequest
from .nominations import Nomination
from .people import Department, Participant, Plant, User
from .planning import CalendarFeed, PlannedMeeting
from .programme import Cycle, Pair, PairTransitionError
from .support import IssueNote, SupportIssue

__all__ = [
    "CalendarDay",
    "CalendarFeed",
    "ConsentKind",
    "ConsentRecord",
    "ConsentText",
    "Cycle",
    "Department",
    "DocumentTemplate",
    "Feedback",
    "HoursEntry",
    "HoursMonth",
    "Idea",
    "ImportJob",
    "IssueNote",
    "Meeting",
    "MentoringAddendum",
    "Nomination",
    "Pair",
    "PairAgreement",
    "PairTransitionError",
    "Participant",
    "PlannedMeeting",
    "Plant",
    "RecordAccess",
    "SupportIssue",
    "TopicRequest",
    "User",
]
