"""Records of the programme: people, their places of work, cycles and pairs."""

from .meetings import Meeting
from .people import Department, Participant, Plant, User
from .programme import Cycle, Pair

__all__ = ["Cycle", "Department", "Meeting", "Pair", "Participant", "Plant", "User"]
