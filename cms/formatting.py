"""Dates in Russian (or the reader's language), formatted once per value.

Django's ``date`` filter parses its format string and builds a formatter object on every
call. A page of skill history or meetings formats hundreds of dates, the same ones on every
request, and that formatting was a fifth of the time of ``/my/skills/``. The result depends
only on the value, the format, the language and the time zone, so it is remembered per
process under exactly those.
"""

import functools

from django.template import defaultfilters
from django.utils import formats, timezone, translation

MEMORY = 16384
# Typed caches: values that compare equal across types (3 and 3.0) must not share an entry.


@functools.lru_cache(maxsize=MEMORY, typed=True)
def _filtered(value, arg, language, zone):
    return defaultfilters.date(value, arg)


@functools.lru_cache(maxsize=MEMORY, typed=True)
def _formatted(value, fmt, language, zone):
    return formats.date_format(value, fmt)


def _key(value):
    # Aware datetimes compare (and hash) by instant: the zone must be part of the key.
    zone = getattr(value, "tzinfo", None)
    return str(zone) if zone is not None else timezone.get_current_timezone_name()


def date_filter(value, arg=None):
    """What ``{{ value|date:arg }}`` gives, remembered."""
    if value in (None, ""):
        return ""
    try:
        return _filtered(value, arg, translation.get_language(), _key(value))
    except TypeError:  # an unhashable value: format it as Django would
        return defaultfilters.date(value, arg)


def date_format(value, fmt):
    """:func:`django.utils.formats.date_format`, remembered."""
    return _formatted(value, fmt, translation.get_language(), _key(value))
