"""Where a form goes after it is saved, when the page that sent it named a ``next`` address.

The ``next`` field is typed by whoever sends the request, so it is never handed to
``redirect()`` (which would try ``-1`` as a URL name and answer 500) and never leads off the
site: only a path on this site is followed, anything else falls back to the view's own page.
"""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request, fallback):
    """The ``next`` address of the request (POST first, then GET) if it is a path on this
    site, otherwise ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and "\x00" not in target
        and "\\" not in target
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return fallback


def redirect_to_next(request, fallback):
    """A redirect to :func:`next_url` (a plain URL redirect: never a URL name lookup)."""
    return HttpResponseRedirect(next_url(request, fallback))
