"""Local development: debug on (DEBUG=0 shows the real error pages), a throwaway secret."""

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)  # noqa: F405
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-nastavnik"  # noqa: F405
ALLOWED_HOSTS = ["*"]
