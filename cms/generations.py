"""What is kept in the shared cache, and the two numbers that make it stale.

Pages share fragments that are the same for every reader — a tool's guide, the catalogue's
list, the library's filters, the scale of levels — and HR's results are aggregates the same
for every HR reader. Each is kept in the cache (Redis in production, so every app server sees
the same) under a key holding a *generation*:

- ``content``: moves on every write to a table of published content — pages and their
  parts, revisions, view restrictions, images, documents, tags, and models that declare
  ``invalidates_fragments = True`` (categories, the scale, plants…);
- ``records``: moves on every write to the programme's records (the other tables of the
  project's apps), however written — ``save()``, ``bulk_create``, ``update()``, raw SQL
  through Django — because it is read off the SQL statements themselves.

Writes that reading causes (the access log, sessions, sign-in throttling, rendition files)
move neither. A cached value is never deleted one by one: nothing reads an old generation's
keys any more, and they expire.

Templates use Wagtail's ``{% wagtailpagecache %}`` / ``{% wagtailcache %}`` (previews are
never cached) with ``content_generation`` among the key's parts; Python uses :func:`cached`.
"""

import functools
import hashlib
import logging
import re
import time

from django.core.cache import cache
from django.db import transaction
from django.db.backends.signals import connection_created

logger = logging.getLogger(__name__)

FRAGMENT_TIMEOUT = 24 * 60 * 60
CONTENT, RECORDS = "content", "records"

PROJECT_APPS = {"mentoring", "skills", "curricula", "growth", "home", "search", "cms"}
CONTENT_APPS = {"wagtailcore", "wagtailimages", "wagtaildocs", "taggit", "wagtailredirects"}
# Written while reading or signing in, or bookkeeping that no page shows.
IGNORED = {
    "mentoring.recordaccess",
    "cms.formsubmissiontoken",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailimages.rendition",
}
_WRITE = re.compile(
    r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)


def generation(scope):
    """The current number of ``scope`` (created on first use after the cache was emptied)."""
    key = f"generation:{scope}"
    value = cache.get(key)
    if value is None:
        cache.add(key, time.time_ns(), None)
        value = cache.get(key, 0)
    return value


def content_generation():
    return generation(CONTENT)


def bump(scope):
    """Make every value cached under ``scope`` stale."""
    key = f"generation:{scope}"
    try:
        cache.incr(key)
    except ValueError:  # emptied cache: any new number is a new generation
        cache.set(key, time.time_ns(), None)
    except Exception:  # a cache outage must not fail the write; values expire anyway
        logger.exception("could not move the %s generation", scope)


def cached(name, build, *parts, scopes=(CONTENT,), timeout=FRAGMENT_TIMEOUT):
    """``build()``, kept in the cache under ``name``, ``parts`` and the generations."""
    numbers = [str(generation(scope)) for scope in scopes]
    digest = hashlib.md5("\x1f".join(map(str, parts)).encode(), usedforsecurity=False)
    key = ":".join(["cached", name, *numbers, digest.hexdigest()])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def scope_of_model(model):
    """``CONTENT``, ``RECORDS`` or ``None`` for the rows of ``model``."""
    from modelcluster.fields import ParentalKey
    from wagtail.models import Page

    meta = model._meta
    if meta.label_lower in IGNORED:
        return None
    if meta.app_label in CONTENT_APPS or issubclass(model, Page):
        return CONTENT
    if getattr(model, "invalidates_fragments", False):
        return CONTENT
    if any(isinstance(field, ParentalKey) for field in meta.get_fields()):
        return CONTENT
    if meta.app_label in PROJECT_APPS or meta.label_lower == "mentoring.user":
        return RECORDS
    if meta.auto_created:  # m2m tables: those of their owner
        return scope_of_model(meta.auto_created)
    return None


@functools.cache
def _scopes_by_table():
    from django.apps import apps

    tables = {}
    for model in apps.get_models(include_auto_created=True):
        scope = scope_of_model(model)
        if scope is not None:
            tables[model._meta.db_table.lower()] = scope
    tables["auth_group"] = tables["mentoring_user_groups"] = RECORDS
    return tables


def scope_of_sql(sql):
    """The scope a statement writes to, or ``None`` (reads and ignored tables)."""
    if sql[:1] not in "IUDiud \n":
        return None
    match = _WRITE.match(sql)
    return _scopes_by_table().get(match.group(1).lower()) if match else None


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    scope = scope_of_sql(sql) if isinstance(sql, str) else None
    if scope is not None:
        connection = context["connection"]
        bump(scope)
        if connection.in_atomic_block:
            # Once more at commit: a request reading between the write and the commit would
            # otherwise have cached the old values under the new number. One callback per
            # transaction (Django starts a new list of callbacks for each).
            marks = connection.__dict__.setdefault("_generation_marks", {})
            if marks.get(scope) != id(connection.run_on_commit):
                marks[scope] = id(connection.run_on_commit)
                transaction.on_commit(functools.partial(bump, scope), using=connection.alias)
    return result


def _install(connection, **kwargs):
    if _watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch)


def install():
    """Watch every database connection's writes (called once from ``CmsConfig.ready``)."""
    from django.db import connections

    connection_created.connect(_install, dispatch_uid="generations-watch")
    for connection in connections.all(initialized_only=True):
        _install(connection)
