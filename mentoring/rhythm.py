"""The one rule for a pair's meeting rhythm: when is a pair behind it?

A pair meets every N days: the rhythm both sides accepted in their agreement, else their
cycle's. It is behind once the days since its last meeting (or its start) pass N plus a
grace for a meeting moved by a few days — a quarter of N, at least three days. The
curator's desk flags such a pair (urgent from twice the rhythm) and the reminder task
writes to it; both ask this module.
"""

import datetime

from django.conf import settings
from django.db.models import Max, OuterRef, Subquery

from mentoring.models import Meeting, PairAgreement

MIN_GRACE_DAYS = 3


def with_rhythm(pairs_qs):
    """Annotate ``last_met`` and ``agreed_every_days`` (subqueries: one row per pair)."""
    agreed = PairAgreement.objects.filter(
        pair=OuterRef("pk"),
        mentor_accepted_at__isnull=False,
        mentee_accepted_at__isnull=False,
    ).order_by("-version")
    # A subquery, not Max over a join: a join groups every selected column of every pair
    # over all its meetings (a hash of the whole meetings table at the holding's size).
    last = Meeting.objects.filter(pair=OuterRef("pk")).order_by().values("pair")
    return pairs_qs.annotate(
        last_met=Subquery(last.annotate(last=Max("held_on")).values("last")[:1]),
        agreed_every_days=Subquery(agreed.values("meeting_every_days")[:1]),
    )


def every_days(pair):
    """The interval the pair keeps to: its accepted agreement's, else its cycle's."""
    return getattr(pair, "agreed_every_days", None) or pair.cycle.meeting_every_days or 14


def overdue_after(every):
    """Days without a meeting after which a pair with rhythm ``every`` is behind."""
    fixed = getattr(settings, "CURATOR_NO_MEETING_DAYS", None)
    return fixed or every + max(MIN_GRACE_DAYS, every // 4)


def days_without_meeting(pair, today=None):
    today = today or datetime.date.today()
    since = getattr(pair, "last_met", None) or pair.started_on or pair.cycle.starts_on
    return (today - since).days


def behind(pair, today=None):
    """Days without a meeting if the pair is behind its rhythm, else ``None``."""
    days = days_without_meeting(pair, today)
    return days if days > overdue_after(every_days(pair)) else None


def is_urgent(pair, days):
    return days >= 2 * every_days(pair)
