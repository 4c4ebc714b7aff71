"""Small template helpers for levels: the label of a value and the lookup of matrix cells."""

import functools

from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext

from cms.formatting import date_filter

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


@register.simple_tag
def skill_history(events, scale):
    """A person's history of levels in one tool, newest first, built in one pass.

    ``/my/skills/`` shows the history of every tool the reader has — a hundred events and
    more — and a template include per event spent most of the page's time; the markup is
    the same as a template would give.
    """
    if not events:
        return format_html('<p class="meta">{}</p>', gettext("No records yet."))
    evidence_link, evidence_file = gettext("Link to evidence"), gettext("Evidence file")
    items = []
    for e in reversed(events):
        classes = ("is-self" if e.lens == "self" else "") + ("" if e.is_up else " is-down")
        recorded = template_localtime(e.recorded_at)  # as `|date` in a template sees it
        parts = [
            format_html(
                '<li class="{}">\n  <time datetime="{}">{}</time> ·\n  <strong>{}</strong>:\n  ',
                classes,
                date_filter(recorded, r"Y-m-d\TH:i:sO"),
                date_filter(recorded, "j E Y"),
                e.get_lens_display(),
            )
        ]
        if e.from_level is not None:
            parts.append(f"{e.from_level} → ")
        parts.append(format_html("{} «{}»", e.to_level, level_label(scale, e.to_level)))
        if e.recorded_by_id and e.recorded_by:
            parts.append(
                format_html(' <span class="meta">({})</span>', e.recorded_by.get_full_name())
            )
        if e.evidence_text:
            parts.append(format_html("<br>{}", e.evidence_text))
        if e.evidence_link:
            parts.append(
                format_html(
                    '<br><a href="{}" rel="noopener noreferrer">{}</a>',
                    e.evidence_link,
                    evidence_link,
                )
            )
        if e.evidence_file:
            parts.append(
                format_html(
                    '<br><a href="{}">{}</a>',
                    reverse("skills_evidence", args=[e.pk]),
                    evidence_file,
                )
            )
        if e.meeting_id and e.meeting:
            held = gettext("At the meeting of %(date)s") % {
                "date": date_filter(e.meeting.held_on, "j E Y")
            }
            parts.append(format_html('<br><span class="meta">{}</span>', held))
        parts.append("\n</li>")
        items.append(mark_safe("".join(map(str, parts))))  # noqa: S308 - each part escaped above
    return format_html('<ol class="timeline" reversed>\n{}\n</ol>', mark_safe("\n".join(items)))  # noqa: S308
