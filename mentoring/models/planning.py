"""The next meetings a pair has planned, and each person's secret calendar feed."""

import datetime
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .people import Participant
from .programme import Pair


class PlannedMeeting(models.Model):
    """A meeting a pair agreed to hold: date, time, place or link.

    Both people get it as a calendar invitation (RFC 5545) that Outlook, Яндекс 360,
    VK WorkSpace and МойОфис put in their calendars; a change is sent again with the same
    ``uid`` and a higher ``sequence`` (an update), a cancellation with ``METHOD:CANCEL``.
    What happened at the meeting is logged afterwards as a :class:`Meeting`.
    """

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.CASCADE, related_name="planned_meetings"
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"), default=60)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("link to the online meeting"), max_length=500, blank=True)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("planned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("planned meeting")
        verbose_name_plural = _("planned meetings")

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.pair} · {local:%d.%m.%Y %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's calendar feed: a secret address a calendar program subscribes to.

    The address is the only key, so it can be revoked (the row deleted) or replaced by a
    new one at any time from «Мой календарь».
    """

    participant = models.OneToOneField(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.participant)
