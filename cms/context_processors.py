"""What every page of the shell needs from the project itself."""

from django.conf import settings

from cms.generations import content_generation


def site_shell(request):
    """Expose the list of interface languages to the base template (footer switch), and the
    content generation for the keys of cached fragments (read only when a template asks)."""
    return {"LANGUAGES_AVAILABLE": settings.LANGUAGES, "content_generation": content_generation}
