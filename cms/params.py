"""Values typed into addresses and query strings, read safely.

An id in a query string or a path may be any text: 20 digits overflow SQLite's integer
(``OverflowError``: a 500), a NUL byte is refused by PostgreSQL (``ValueError``: a 500 and a
cut-off download). These helpers turn such values into "no such record" or "no filter",
before they reach the database, so each view answers 404 or ignores the filter instead.
"""

from django.urls import register_converter

# The largest value of a 64-bit database integer (Django's BigAutoField on every backend).
DB_INT_MAX = 2**63 - 1


def db_id(value):
    """``value`` as a positive database id, or ``None`` if it cannot be one (not digits,
    zero, larger than a database integer)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 < value <= DB_INT_MAX else None
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(DB_INT_MAX)):
        return None
    number = int(text)
    return number if 0 < number <= DB_INT_MAX else None


def clean_text(value, max_length=200):
    """Free text from a query string with NUL and other control characters removed, trimmed
    and cut to ``max_length``; ``""`` when nothing is left."""
    text = str(value or "")
    text = "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)
    return text.strip()[:max_length]


class IdConverter:
    """``<id:pk>`` in a route: digits that fit a database integer, otherwise no match (404)
    instead of the built-in ``<int:…>``'s unbounded number."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > DB_INT_MAX:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
