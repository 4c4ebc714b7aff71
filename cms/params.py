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


def install_model_choice_overflow_guard():
    """A chosen id too large for the database (``99999999999999999999`` in a select or a
    checkbox list) is an invalid choice with Django's Russian message, not a 500: SQLite
    raises ``OverflowError``, which Django's model choice fields do not catch. Installed
    once at start-up so every form of every app (admin included) is covered."""
    from django import forms
    from django.core.exceptions import ValidationError

    if getattr(forms.ModelChoiceField, "_nastavnik_guarded", False):
        return

    def guarded(method):
        def wrapper(self, value):
            try:
                return method(self, value)
            except OverflowError as exc:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": value},
                ) from exc

        return wrapper

    forms.ModelChoiceField.to_python = guarded(forms.ModelChoiceField.to_python)
    forms.ModelMultipleChoiceField._check_values = guarded(
        forms.ModelMultipleChoiceField._check_values
    )
    forms.ModelChoiceField._nastavnik_guarded = True
