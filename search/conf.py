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


# Where a search that found nothing sends the reader: "app.Model" (its first live page) or
# "app.Model:slug".
DEFAULT_HELP_PAGES = ["skills.ToolIndexPage", "curricula.LibraryIndexPage", "home.StandardPage:faq"]


def help_page_specs():
    return list(getattr(settings, "SEARCH_HELP_PAGES", DEFAULT_HELP_PAGES))


PER_PAGE = 10
