"""What every page of the shell needs from the project itself."""

from django.conf import settings


def site_shell(request):
    """Expose the list of interface languages to the base template (footer switch)."""
    return {"LANGUAGES_AVAILABLE": settings.LANGUAGES}
