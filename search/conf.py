"""Search settings with their defaults, read when used so tests can override them."""

from django.conf import settings

DEFAULT_PAGE_MODELS = [
    "curricula.TrackPage",
    "curricula.ModulePage",
    "curricula.MaterialPage",
    "curricula.CurriculumPage",
    "skills.ToolPage",
    "home.StandardPage",
]


def backend_name():
    return (getattr(settings, "SEARCH_BACKEND", "") or "database").strip().lower()


def search_url():
    return getattr(settings, "SEARCH_URL", "") or ""


def index_name():
    """The alias the Elasticsearch backend reads and writes."""
    return getattr(settings, "SEARCH_INDEX", "nastavnik-pages")


def page_model_labels():
    return list(getattr(settings, "SEARCH_PAGE_MODELS", DEFAULT_PAGE_MODELS))


PER_PAGE = 10
