"""Small template helpers for levels: the label of a value and the lookup of matrix cells."""

import functools

from django import template
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

register = template.Library()


@register.filter
def level_label(scale, value):
    """``{{ scale|level_label:3 }}`` → «применяю самостоятельно» (empty if unknown)."""
    if value is None or value == "":
        return ""
    level = scale.get(int(value)) if scale else None
    return level.label if level else ""


@register.filter
def level_code(scale, value):
    if value is None or value == "":
        return ""
    level = scale.get(int(value)) if scale else None
    return level.code if level else ""


@functools.lru_cache(maxsize=1024)
def _localized(value, language):
    return formats.number_format(value)


def _or_dash(value, language):
    return "—" if value is None else _localized(value, language)


@register.filter
def matrix_cells(cells):
    """The ``<td>`` cells of one person's row of the matrix, built in one pass: a page holds
    up to 100 rows × 300 tools, and a template loop would spend seconds on 30 000 cells."""
    mentor, own = escape(gettext("mentor")), escape(gettext("self"))
    language = get_language()
    parts = []
    for m in cells:
        if m is None or m.best_level is None:
            parts.append('<td class="lvl lvl-none">—</td>')
            continue
        by_mentor, by_self = _or_dash(m.mentor_level, language), _or_dash(m.self_level, language)
        parts.append(
            f'<td class="lvl lvl-{int(m.best_level)}" title="{mentor}: {by_mentor}, '
            f'{own}: {by_self}">{by_mentor} <small>/ {by_self}</small></td>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - numbers and escaped translations only


@register.filter
def summary_cells(row):
    """The ``<td>`` cells of one department's row of the summary (see :func:`matrix_cells`)."""
    if not row["reportable"]:
        return mark_safe('<td class="meta">—</td>' * len(row["cells"]))  # noqa: S308
    language = get_language()
    return mark_safe(  # noqa: S308 - numbers only
        "".join(
            f"<td>{_or_dash(c['mastered'], language)} / {_or_dash(c['mean'], language)}</td>"
            for c in row["cells"]
        )
    )
