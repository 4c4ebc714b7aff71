"""Test run: fast hashing, in-memory e-mail, tasks run immediately."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-nastavnik"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "cms.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# A session is refreshed (written) once a day at most in tests, so that a page's query count
# does not depend on how long a slow test took; tests of the refresh set it back to 60 s.
SESSION_REFRESH_SECONDS = 24 * 60 * 60
# Sessions in the database even when REDIS_URL is set (production then reads them through
# Redis, cached_db): tests expire a session by editing its row.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Without Redis, the cache is in memory (one process runs the tests; cleared before each).
if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Each pytest-xdist worker gets a Redis database of its own, so that a test clearing the
# cache never clears another worker's (FLUSHDB ignores key prefixes).
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _WORKER.startswith("gw"):  # noqa: F405
    _url = urlsplit(REDIS_URL)  # noqa: F405
    _base = int(_url.path.strip("/") or 0)
    _db = (_base + 1 + int(_WORKER[2:])) % 16
    CACHES["default"]["LOCATION"] = urlunsplit(_url._replace(path=f"/{_db}"))
