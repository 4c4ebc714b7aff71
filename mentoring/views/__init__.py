"""Views of the programme, by audience: personal pages, pairs, curator, HR results."""

from .personal import my_dashboard, my_mentees, update_consent

__all__ = ["my_dashboard", "my_mentees", "update_consent"]
