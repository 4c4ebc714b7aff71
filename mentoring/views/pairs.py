"""Pages of a pair for its two members: meetings, wanted topics, feedback, the curator."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.once import submit_once
from mentoring import access, emails
from mentoring.forms import FeedbackForm, IssueForm, MeetingForm, TopicRequestForm
from mentoring.models import Feedback, Meeting, Pair, SupportIssue, TopicRequest

WORKING_STATUSES = (Pair.Status.ACTIVE, Pair.Status.PAUSED)


def my_pairs(request):
    """`/my/pairs/`: the pairs I am a member of, with their latest meeting."""
    pairs = (
        access.member_pairs(request.user)
        .select_related("cycle", "mentor__user", "mentee__user", "curator__user")
        .order_by("-cycle__starts_on", "pk")
    )
    return render(request, "mentoring/my_pairs.html", {"pairs": pairs})


def pair_detail(request, pk):
    """`/my/pairs/<pk>/`: meetings and wanted topics of one pair, for its members only."""
    pair = access.get_member_pair_or_404(request.user, pk)
    me = access.participant_of(request.user)
    meetings = Paginator(
        pair.meetings.select_related("logged_by")
        .prefetch_related("tools")
        .order_by("-held_on", "-pk"),
        20,
    ).get_page(request.GET.get("page"))
    given = set(
        Feedback.objects.filter(author=me, meeting__in=[m.pk for m in meetings]).values_list(
            "meeting_id", flat=True
        )
    )
    return render(
        request,
        "mentoring/pair_detail.html",
        {
            "pair": pair,
            "me": me,
            "is_mentee": pair.mentee_id == me.pk,
            "meetings": meetings,
            "feedback_given": given,
            "topics": access.open_topic_requests(request.user, pair),
            "topic_form": TopicRequestForm(),
            "can_log": pair.status in WORKING_STATUSES or pair.is_in_notice,
            "planned_meetings": pair.planned_meetings.filter(
                cancelled_at__isnull=True, starts_at__gte=timezone.now()
            ),
        },
    )


@require_POST
@submit_once
def topic_request(request, pk):
    """The mentee posts a topic they want for the next meeting."""
    pair = access.get_member_pair_or_404(request.user, pk)
    if pair.mentee_id != access.participant_of(request.user).pk:
        raise Http404
    form = TopicRequestForm(request.POST)
    if form.is_valid():
        TopicRequest.objects.create(
            pair=pair, text=form.cleaned_data["text"], requested_by=request.user
        )
        messages.success(request, _("Your mentor will see this topic when preparing the meeting."))
    else:
        messages.error(request, _("Write the topic you would like to work on."))
    return redirect("pair_detail", pk=pair.pk)


@submit_once
def meeting_new(request, pk):
    """Either member logs a meeting of the pair; both are then asked for feedback."""
    pair = access.get_member_pair_or_404(request.user, pk)
    if pair.status not in WORKING_STATUSES and not pair.is_in_notice:
        messages.error(request, _("Meetings can be logged only for an active or paused pair."))
        return redirect("pair_detail", pk=pair.pk)
    topics = list(access.open_topic_requests(request.user, pair))
    if request.method == "POST":
        form = MeetingForm(request.POST, pair=pair)
        if form.is_valid():
            with transaction.atomic():
                meeting = form.save(commit=False)
                meeting.pair = pair
                meeting.logged_by = request.user
                meeting.save()
                form.save_m2m()
                covered = request.POST.getlist("covered")
                TopicRequest.objects.filter(
                    pair=pair, covered_in__isnull=True, pk__in=[c for c in covered if c.isdigit()]
                ).update(covered_in=meeting)
            transaction.on_commit(lambda: emails.send_feedback_request(meeting))
            messages.success(request, _("The meeting is logged. Please leave your feedback."))
            return redirect("meeting_detail", pk=meeting.pk)
    else:
        form = MeetingForm(
            pair=pair, initial={"topics_requested": "\n".join(t.text for t in topics)}
        )
    return render(
        request, "mentoring/meeting_form.html", {"pair": pair, "form": form, "topics": topics}
    )


@submit_once
def meeting_detail(request, pk):
    """`/my/meetings/<pk>/`: the meeting with its private notes and my own feedback.

    Members of the pair only (404 for anyone else); the other side's feedback is never
    shown here.
    """
    meeting = (
        Meeting.objects.filter(pair__in=access.member_pairs(request.user), pk=pk)
        .select_related("pair__cycle", "pair__mentor__user", "pair__mentee__user", "logged_by")
        .prefetch_related("tools")
        .first()
    )
    if meeting is None:
        raise Http404
    me = access.participant_of(request.user)
    mine = access.own_feedback(request.user).filter(meeting=meeting).first()
    form = None
    if mine is None:
        side = Feedback.Side.MENTOR if meeting.pair.mentor_id == me.pk else Feedback.Side.MENTEE
        form = FeedbackForm(request.POST or None, side=side)
        if request.method == "POST" and form.is_valid():
            feedback = form.save(commit=False)
            feedback.meeting = meeting
            feedback.author = me
            feedback.side = side
            try:
                with transaction.atomic():
                    feedback.save()
            except IntegrityError:
                pass  # the same form posted twice: the first answer stands
            messages.success(request, _("Thank you! Only the curator reads your answers."))
            return redirect("meeting_detail", pk=meeting.pk)
    return render(
        request,
        "mentoring/meeting_detail.html",
        {"meeting": meeting, "pair": meeting.pair, "my_feedback": mine, "form": form},
    )


@submit_once
def issue_new(request, pk):
    """Raise an issue with the curator: private, the other side of the pair never sees it."""
    pair = access.get_member_pair_or_404(request.user, pk)
    form = IssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        issue = form.save(commit=False)
        issue.pair = pair
        issue.raised_by = access.participant_of(request.user)
        issue.save()
        transaction.on_commit(lambda: emails.send_issue_raised(issue))
        messages.success(
            request, _("The curator has been told. The other side of the pair does not see this.")
        )
        return redirect("my_issues")
    return render(request, "mentoring/issue_form.html", {"pair": pair, "form": form})


def my_issues(request):
    """`/my/issues/`: the issues I raised myself and where they stand."""
    me = access.participant_of(request.user)
    issues = SupportIssue.objects.none()
    if me is not None:
        issues = SupportIssue.objects.filter(raised_by=me).select_related(
            "pair__mentor__user", "pair__mentee__user", "pair__curator__user"
        )
    page = Paginator(issues, 20).get_page(request.GET.get("page"))
    return render(request, "mentoring/my_issues.html", {"issues": page})
