"""Health signals of pairs for the curator's desk.

Built-in signals come from ``mentoring``'s own records: no meeting for too long, falling
feedback, an open issue. Upper apps add theirs (e.g. goals without progress, from
``skills``) with the Wagtail hook ``SIGNALS_HOOK`` in their ``wagtail_hooks.py``:
``provider(pairs: list[Pair]) -> dict[pair_id, list[Signal]]``, one query per call.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from mentoring import rhythm
from mentoring.models import Feedback, SupportIssue

SIGNALS_HOOK = "nastavnik_pair_signals"


@dataclass(frozen=True)
class Signal:
    """One warning about a pair and the next step the curator should take."""

    key: str
    label: str
    advice: str
    severity: int = 1  # 1 attention, 2 act now


def annotate(pairs_qs):
    """Add the figures the desk needs, by subqueries so the row count never multiplies."""
    recent_from = datetime.date.today() - datetime.timedelta(days=30)
    feedback = Feedback.objects.filter(meeting__pair=OuterRef("pk")).values("meeting__pair")
    return rhythm.with_rhythm(pairs_qs).annotate(
        open_issues=Subquery(
            SupportIssue.objects.filter(pair=OuterRef("pk"))
            .exclude(status=SupportIssue.Status.RESOLVED)
            .values("pair")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        feedback_recent=Subquery(
            feedback.filter(meeting__held_on__gte=recent_from)
            .annotate(a=Avg("usefulness") + Avg("equal_dialogue"))
            .values("a")[:1]
        ),
        feedback_before=Subquery(
            feedback.filter(meeting__held_on__lt=recent_from)
            .annotate(a=Avg("usefulness") + Avg("equal_dialogue"))
            .values("a")[:1]
        ),
    )


def signals_for(pairs):
    """``{pair.pk: [Signal, ...]}`` for annotated pairs, plus the registered providers."""
    today = datetime.date.today()
    result = {}
    for pair in pairs:
        signals = []
        if pair.status == pair.Status.ACTIVE:
            days = rhythm.behind(pair, today)
            if days is not None:
                signals.append(
                    Signal(
                        "no_meeting",
                        _("No meeting for %(days)s days") % {"days": days},
                        _("Call both sides and help them fix a date for the next meeting."),
                        2 if rhythm.is_urgent(pair, days) else 1,
                    )
                )
        if pair.open_issues:
            signals.append(
                Signal(
                    "open_issue",
                    _("Open issue raised with you"),
                    _("Talk to the person who raised it, privately, and record a note."),
                    2,
                )
            )
        recent, before = pair.feedback_recent, pair.feedback_before
        if recent is not None and (
            (before is not None and recent <= before - 1) or recent / 2 <= 2.5
        ):
            signals.append(
                Signal(
                    "falling_feedback",
                    _("Feedback is falling"),
                    _(
                        "Read the latest feedback and meet the pair: agree what to change in "
                        "their meetings."
                    ),
                )
            )
        result[pair.pk] = signals
    for provider in hooks.get_hooks(SIGNALS_HOOK):
        for pair_id, extra in (provider(list(pairs)) or {}).items():
            result.setdefault(pair_id, []).extend(extra)
    for signals in result.values():
        signals.sort(key=lambda s: -s.severity)
    return result


__all__ = ["SIGNALS_HOOK", "Signal", "annotate", "signals_for"]
