"""Planning the next meeting of a pair, and each person's calendar feed."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.db.models import F, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring import access, calendars, emails
from mentoring.forms import PlannedMeetingForm
from mentoring.models import CalendarFeed, Pair, PlannedMeeting
from mentoring.views.pairs import WORKING_STATUSES

FEED_PAST_DAYS = 90


def _running_pair(request, pk):
    pair = access.get_member_pair_or_404(request.user, pk)
    if pair.status not in WORKING_STATUSES and not pair.is_in_notice:
        raise Http404
    return pair


def plan_meeting(request, pk, planned_id=None):
    """`/my/pairs/<pk>/plan/`: either member plans (or moves) the next meeting; both get a
    calendar invitation by e-mail."""
    pair = _running_pair(request, pk)
    planned = None
    if planned_id is not None:
        planned = get_object_or_404(
            PlannedMeeting, pk=planned_id, pair=pair, cancelled_at__isnull=True
        )
    form = PlannedMeetingForm(request.POST or None, instance=planned)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            item = form.save(commit=False)
            if planned is None:
                item.pair = pair
                item.created_by = request.user
            else:
                item.sequence = F("sequence") + 1
            item.save()
            item.refresh_from_db()
        emails.send_meeting_invitation(item)
        messages.success(request, _("The meeting is planned; both of you got an invitation."))
        return redirect("pair_detail", pk=pair.pk)
    return render(
        request, "mentoring/plan_meeting.html", {"pair": pair, "form": form, "planned": planned}
    )


@require_POST
def cancel_planned_meeting(request, pk, planned_id):
    """Call off a planned meeting: both get a cancellation their calendar applies."""
    pair = _running_pair(request, pk)
    planned = get_object_or_404(PlannedMeeting, pk=planned_id, pair=pair, cancelled_at__isnull=True)
    PlannedMeeting.objects.filter(pk=planned.pk).update(
        cancelled_at=timezone.now(), sequence=F("sequence") + 1
    )
    planned.refresh_from_db()
    emails.send_meeting_invitation(planned)
    messages.success(request, _("The meeting is cancelled; both of you were told."))
    return redirect("pair_detail", pk=pair.pk)


def my_calendar(request):
    """`/my/calendar/`: the secret address of my calendar feed; create, replace or revoke it."""
    me = access.participant_of(request.user)
    if me is None:
        raise Http404
    if request.method == "POST":
        CalendarFeed.objects.filter(participant=me).delete()
        if request.POST.get("action") == "create":
            CalendarFeed.objects.create(participant=me)
            messages.success(request, _("A new address is ready; any older one no longer works."))
        else:
            messages.success(request, _("The address is revoked: calendars stop receiving it."))
        return redirect("my_calendar")
    feed = CalendarFeed.objects.filter(participant=me).first()
    url = request.build_absolute_uri(reverse("calendar_feed", args=[feed.token])) if feed else None
    return render(request, "mentoring/my_calendar.html", {"feed": feed, "feed_url": url})


def upcoming_for(participant, since=None):
    since = since or timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    return (
        PlannedMeeting.objects.filter(
            Q(pair__mentor=participant) | Q(pair__mentee=participant), starts_at__gte=since
        )
        .exclude(pair__status=Pair.Status.PROPOSED)
        .select_related("pair__cycle", "pair__mentor__user", "pair__mentee__user")
    )


@login_not_required
def calendar_feed(request, token):
    """`/calendar/<token>.ics`: a person's planned meetings for a calendar program. The
    secret token is the only key (calendar programs do not sign in)."""
    feed = CalendarFeed.objects.filter(token=token).select_related("participant__user").first()
    if feed is None or not feed.participant.user.is_active:
        raise Http404
    CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=timezone.now())
    body = calendars.feed(feed.participant, upcoming_for(feed.participant))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="nastavnik.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
