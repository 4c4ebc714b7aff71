"""Server-rendered SVG charts of progress: readable without JavaScript, labelled in Russian."""

import datetime

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.formatting import date_format
from skills.models.mastery import Lens

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 200, 16, 16, 44
COLOURS = {Lens.SELF: "#e8a317", Lens.MENTOR: "#1f4e79"}
DASH = {Lens.SELF: "6 4", Lens.MENTOR: ""}


def _x(day, start, end):
    span = max((end - start).days, 1)
    return LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / span


def _y(level, top_level):
    return TOP + (HEIGHT - TOP - BOTTOM) * (top_level - level) / max(top_level, 1)


def progress_svg(events, scale, *, title, key, today=None, labels=None):
    """A step chart of both lenses over time for one person and one tool.

    ``events`` are :class:`MasteryEvent` oldest first; ``scale`` is ``{value: SkillLevel}``.
    Returns safe SVG markup with a ``<title>`` and ``<desc>`` for screen readers; ``key``
    (the tool's id) keeps their ids unique when a page shows a chart per tool. ``labels``
    renames a lens (e.g. the curator's observation of a mentor's competency).
    """

    names = {lens: str((labels or {}).get(lens) or Lens(lens).label) for lens in Lens}

    def label_of(lens):
        return names[lens]

    ids = f"chart-{key}-t", f"chart-{key}-d"
    today = today or timezone.localdate()
    empty = _("No records yet")
    top_level = max(scale) if scale else 4
    dates = [timezone.localtime(e.recorded_at).date() for e in events]
    start = min(dates) if dates else today - datetime.timedelta(days=90)
    start = min(start, today - datetime.timedelta(days=30))
    end = today
    parts = [
        f'<svg class="progress-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="{ids[0]} {ids[1]}">',
        f'<title id="{ids[0]}">{escape(title)}</title>',
    ]
    desc = []
    for value in sorted(scale):
        y = _y(value, top_level)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
        )
        label = f"{value} {scale[value].label}"
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">'
            f"{escape(label[:30])}</text>"
        )
    month = start.replace(day=1)
    while month <= end:
        if month >= start:
            x = _x(month, start, end)
            parts.append(
                f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" font-size="11" '
                f'text-anchor="middle">{escape(date_format(month, "M Y"))}</text>'
            )
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    for lens in (Lens.SELF, Lens.MENTOR):
        points = []
        level = None
        for event, day in zip(events, dates, strict=True):
            if event.lens != lens:
                continue
            x = _x(day, start, end)
            if level is not None:
                points.append((x, _y(level, top_level)))
            level = event.to_level
            points.append((x, _y(level, top_level)))
            desc.append(f"{date_format(day, 'j E Y')}: {label_of(lens)} — {level}")
        if level is None:
            continue
        points.append((_x(end, start, end), _y(level, top_level)))
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        dash = f' stroke-dasharray="{DASH[lens]}"' if DASH[lens] else ""
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{COLOURS[lens]}" '
            f'stroke-width="3"{dash}/>'
        )
    legend_y = HEIGHT - 8
    for i, lens in enumerate((Lens.SELF, Lens.MENTOR)):
        x = LEFT + i * 200
        dash = f' stroke-dasharray="{DASH[lens]}"' if DASH[lens] else ""
        parts.append(
            f'<line x1="{x}" x2="{x + 24}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
            f'stroke="{COLOURS[lens]}" stroke-width="3"{dash}/>'
            f'<text x="{x + 30}" y="{legend_y}" font-size="11">{escape(label_of(lens))}</text>'
        )
    if not events:
        parts.append(
            f'<text x="{(LEFT + WIDTH) / 2:.0f}" y="{HEIGHT / 2:.0f}" text-anchor="middle" '
            f'font-size="13" fill="#555">{escape(empty)}</text>'
        )
    parts.insert(2, f'<desc id="{ids[1]}">{escape("; ".join(desc) or empty)}</desc>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text part above is escaped
