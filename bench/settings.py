"""Production settings plus the floor view, for gunicorn during ``manage.py bench``."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
