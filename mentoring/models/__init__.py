"""Records of the programme: people, their places of work, cycles and pairs."""

from .people import Department, Participant, Plant, User
from .programme import Cycle, Pair

__all__ = ["Cycle", "Department", "Pair", "Participant", "Plant", "User"]
