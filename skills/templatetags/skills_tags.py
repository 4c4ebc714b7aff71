"""Small template helpers for levels: the label of a value and the lookup of matrix cells."""

import functools
from html import escape as _escape

from django import template
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from cms.formatting import date_filter
from skills.models.mastery import Lens

register = template.Library()
ISO_MOMENT = r"Y-m-d\TH:i:sO"


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


@functools.lru_cache(maxsize=1024, typed=True)
def _localized(value, language):
    # typed: 3 and 3.0 hash alike but read «3» and «3,0».
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
            parts.append("<td>—</td>")  # most of a 300-tool row: kept short (CSS styles it)
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


@register.simple_tag
def skill_history(events, scale):
    """A person's history of levels in one tool, newest first, built in one pass.

    ``/my/skills/`` shows the history of every tool the reader has — a hundred events and
    more (:class:`skills.services.HistoryEvent`) — and a template include per event spent
    most of the page's time; the markup is the same as a template would give. Every text
    that comes from people is escaped (``html.escape``, as Django's ``escape`` does).
    """
    if not events:
        return format_html('<p class="meta">{}</p>', gettext("No records yet."))
    evidence_link = _escape(gettext("Link to evidence"))
    evidence_file = _escape(gettext("Evidence file"))
    lenses = {value: _escape(str(label)) for value, label in Lens.choices}
    labels = {value: _escape(level.label) for value, level in (scale or {}).items()}
    zone = timezone.get_current_timezone()  # as `|date` in a template sees it
    items = []
    for e in reversed(events):
        classes = ("is-self" if e.lens == "self" else "") + ("" if e.is_up else " is-down")
        recorded = e.recorded_at.astimezone(zone)
        parts = [
            f'<li class="{classes}">\n  <time datetime="'
            f'{_escape(date_filter(recorded, ISO_MOMENT))}">'
            f"{_escape(date_filter(recorded, 'j E Y'))}</time> ·\n  "
            f"<strong>{lenses.get(e.lens) or _escape(e.lens)}</strong>:\n  "
        ]
        if e.from_level is not None:
            parts.append(f"{e.from_level} → ")
        parts.append(f"{e.to_level} «{labels.get(e.to_level, '')}»")
        if e.author:
            parts.append(f' <span class="meta">({_escape(e.author)})</span>')
        if e.evidence_text:
            parts.append(f"<br>{_escape(e.evidence_text)}")
        if e.evidence_link:
            parts.append(
                f'<br><a href="{_escape(e.evidence_link)}" rel="noopener noreferrer">'
                f"{evidence_link}</a>"
            )
        if e.evidence_file:
            url = reverse("skills_evidence", args=[e.pk])
            parts.append(f'<br><a href="{_escape(url)}">{evidence_file}</a>')
        if e.meeting_on:
            held = gettext("At the meeting of %(date)s") % {
                "date": date_filter(e.meeting_on, "j E Y")
            }
            parts.append(f'<br><span class="meta">{_escape(held)}</span>')
        parts.append("\n</li>")
        items.append("".join(parts))
    return mark_safe(  # noqa: S308 - every text from people is escaped above
        '<ol class="timeline" reversed>\n' + "\n".join(items) + "\n</ol>"
    )
