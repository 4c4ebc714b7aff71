"""Sessions that end after idle time without a database write on every request.

``SESSION_COOKIE_AGE`` is the idle limit: the stored session expires that long after it was
last saved. Django's ``SESSION_SAVE_EVERY_REQUEST`` would move the end forward by writing the
session on every request; here it is written at most once a ``SESSION_REFRESH_SECONDS``
while the reader is active, so a page costs the same queries whether or not the session is
refreshed on it (the refresh happens at login, then once a minute at most).
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in

SEEN = "_nastavnik_seen"


def _mark_seen(session):
    session[SEEN] = int(time.time())


def mark_seen_at_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        _mark_seen(request.session)


user_logged_in.connect(mark_seen_at_login, dispatch_uid="cms.sessions.mark_seen_at_login")


class IdleSessionMiddleware:
    """Moves the end of a signed-in reader's session forward while they keep working."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is not None and user.is_authenticated and session is not None:
            seen = session.get(SEEN, 0)
            if time.time() - seen >= settings.SESSION_REFRESH_SECONDS:
                _mark_seen(session)
        return response
