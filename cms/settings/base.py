"""Settings shared by every environment; values that differ come from the environment."""

import hashlib
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF

from .s3 import s3_storages

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    """Read a yes/no switch from the environment."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated list from the environment."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "search",
    "growth",
    "curricula",
    "skills",
    "mentoring",
    "bench",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.RussianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cms.structure.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.middleware.IntranetLoginRequiredMiddleware",
    "cms.middleware.PrivateResponsesMiddleware",
    "cms.sessions.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.middleware.ProductNotFoundPageMiddleware",
    # Last, so that it turns a login refused for too many failures into the login page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_shell",
                "mentoring.context_processors.roles",
            ],
            # `|date` formats each value once per process (cms/formatting.py)
            "builtins": ["cms.templatetags.local_dates"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Persistent connections: a request no longer pays for opening one (and for the
        # SQLite pragmas below, run once per connection); checked before reuse.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the dev server and a background worker share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_SERVER_SIDE_BINDING", True
):
    # Parameters bound by the server, so psycopg prepares a statement the fifth time the
    # same query text comes on a connection: PostgreSQL then stops planning it again. The
    # pages' queries join up to nine tables, and planning them took longer than running them
    # (8 ms against 0.7 ms for a reader's pairs at the holding's size).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"server_side_binding": True, "prepare_threshold": 5}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "mentoring.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Axes first: it refuses a locked-out login before any backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Directory sign-in (django-auth-ldap; `pip install -e ".[ldap]"`), off unless LDAP_SERVER_URI
# is set. Local accounts keep working beside it; Axes stays first. See the README.
LDAP_SERVER_URI = os.environ.get("LDAP_SERVER_URI", "")
if LDAP_SERVER_URI:
    from mentoring.directory_settings import directory_settings

    globals().update(directory_settings(os.environ))
    AUTHENTICATION_BACKENDS.insert(1, "mentoring.directory.DirectoryBackend")

# Invitations: the one-time link to set a first password lives this many days.
INVITATION_DAYS = int(os.environ.get("INVITATION_DAYS", "7"))

# Login throttling (django-axes, failures kept in the database so every app server sees a
# lock): LOGIN_FAILURE_LIMIT failures for one account or LOGIN_ADDRESS_FAILURE_LIMIT from one
# address (a whole plant may share one) within LOGIN_LOCKOUT_MINUTES lock logins for that
# long after the last failure. An HR admin lifts a lock in the Wagtail admin.
AXES_HANDLER = "cms.login_throttle.AccountAndAddressHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "50"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.login_throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.login_throttle.client_ip"
AXES_USERNAME_CALLABLE = "cms.login_throttle.client_username"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# How many reverse proxies (nginx, a load balancer) stand in front of the app and append to
# X-Forwarded-For; 0 trusts only the socket's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = "/login/"

# Intranet by default: every page needs a login. Set PUBLIC_CONTENT=1 to let anonymous
# readers see the published content pages (tracks, library, tools); records stay private.
PUBLIC_CONTENT = env_bool("PUBLIC_CONTENT", False)

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("en", "English")]

TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Media (images, documents): the local disk on one box, answered by cms.storage.serve_media
# (SERVE_MEDIA, on by default; MEDIA_X_ACCEL_REDIRECT hands the bytes to nginx). Private files
# (evidence of skills) live apart and only access-checked views stream them (cms/storage.py).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
MEDIA_X_ACCEL_REDIRECT = os.environ.get("MEDIA_X_ACCEL_REDIRECT", "")
PRIVATE_MEDIA_ROOT = os.environ.get("PRIVATE_MEDIA_ROOT", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "cms.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Several app servers share S3-compatible object storage instead (django-storages):
# S3_BUCKET for media, S3_PRIVATE_BUCKET for private files (a bucket nobody reads without
# credentials), S3_ENDPOINT_URL (SeaweedFS, MinIO, a cloud's S3), S3_ACCESS_KEY_ID,
# S3_SECRET_ACCESS_KEY, S3_REGION. S3_MEDIA_PUBLIC=1 when the media bucket is readable
# without credentials (plain URLs, cacheable); otherwise media URLs are signed for
# S3_URL_EXPIRE_SECONDS. S3_MEDIA_URL names the public address of the media bucket when
# readers reach it elsewhere than S3_ENDPOINT_URL (through nginx, say).
S3_BUCKET = os.environ.get("S3_BUCKET", "")
S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "")
S3_MEDIA_URL = os.environ.get("S3_MEDIA_URL", "")
if S3_BUCKET:
    STORAGES.update(s3_storages(os.environ))
    # Documents stream through Wagtail's view (login, collection privacy), never a bucket URL.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Sessions end when the browser closes (a shared shop-floor PC) and after SESSION_IDLE_MINUTES
# without a request: activity moves the end forward (cms.sessions.IdleSessionMiddleware
# saves the session at most once per SESSION_REFRESH_SECONDS).
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60
SESSION_REFRESH_SECONDS = 60

# Content-Security-Policy: the site's pages run scripts and styles only from its own static
# files (no inline code); images may also come from the media host when MEDIA_URL names one.
# The Wagtail admin gets its own policy (cms.middleware.ContentSecurityPolicyMiddleware).
MEDIA_ORIGINS = [
    f"{url.scheme}://{url.netloc}"
    for url in map(urlsplit, (MEDIA_URL, S3_MEDIA_URL or (S3_BUCKET and S3_ENDPOINT_URL)))
    if url.netloc
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "frame-src": [SELF],
    }
}

REDIS_URL = os.environ.get("REDIS_URL", "")
# Keys of one database never meet another's in a shared Redis or cache folder (a test or
# bench server next to the real one): cached fragments hold ids of that database.
_DATABASE_KEY = f"{DATABASES['default'].get('HOST')}/{DATABASES['default']['NAME']}"
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX") or (
    "nastavnik-" + hashlib.sha256(_DATABASE_KEY.encode()).hexdigest()[:10]
)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
    # Sessions read from Redis (written through to the database, so none is lost when
    # Redis restarts): every app server sees every session, without a query per request.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # One machine without Redis: a cache in files, shared by every worker process of the
    # server, so that what one process writes makes the others' cached fragments stale
    # (cms/generations.py); a cache in each process's memory could not.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if env_bool("TASKS_IN_BACKGROUND", False):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "nastavnik@localhost")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Наставник"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Nothing is loaded from outside the site (closed intranet): no Gravatar avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"

SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")
SEARCH_URL = os.environ.get("SEARCH_URL", "")
# The index alias on Elasticsearch/OpenSearch (the bench uses one of its own).
SEARCH_INDEX = os.environ.get("SEARCH_INDEX", "nastavnik-pages")
# Wagtail's own search (the admin's) in Russian too: PostgreSQL's `russian` configuration,
# or, on SQLite, Wagtail's FTS5 backend with Snowball stems (search/admin_backend.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.admin_backend", "SEARCH_CONFIG": "russian"}
}

# Aggregates over people never show a group smaller than this (confidentiality rule).
MIN_GROUP_SIZE = int(os.environ.get("MIN_GROUP_SIZE", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
