"""Local development: debug on, console e-mail, a fixed throwaway secret."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-nastavnik"  # noqa: F405
ALLOWED_HOSTS = ["*"]
