"""The curator's desk: the pairs they support, their health and the issues raised."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Avg, Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms import generations
from cms.once import submit_once
from mentoring import access, audit, health
from mentoring.dashboard import mentor_links
from mentoring.forms import HandoverForm, IssueNoteForm
from mentoring.models import Feedback, IssueNote, Pair, SupportIssue
from mentoring.roles import Role


def _require_curator(request):
    if not (access.has_role(request.user, Role.CURATOR) or access.is_hr_admin(request.user)):
        raise PermissionDenied


def desk(request):
    """`/curator/`: my pairs, worst first, with what to do next; open issues below."""
    _require_curator(request)
    language = get_language()

    def build():
        pairs = list(
            health.annotate(
                access.curated_pairs(request.user).filter(
                    status__in=(Pair.Status.ACTIVE, Pair.Status.PAUSED)
                )
            ).select_related("cycle", "mentor__user", "mentee__user", "mentee__department")
        )
        signals = health.signals_for(pairs)
        rows = sorted(
            ({"pair": p, "signals": signals.get(p.pk, [])} for p in pairs),
            key=lambda r: (-sum(s.severity for s in r["signals"]), r["pair"].mentee.full_name),
        )
        context = {"rows": rows, "mentor_links": mentor_links()}
        return {
            "rows_html": render_to_string("mentoring/includes/desk_rows.html", context),
            "total": len(rows),
            "healthy": sum(1 for r in rows if not r["signals"]),
        }

    # The table is the same until a record or a page changes, or the day turns (the
    # signals count days): kept in the shared cache per reader, day and language.
    desk_rows = generations.cached(
        "curator-desk",
        build,
        request.user.pk,
        datetime.date.today(),
        language,
        scopes=(generations.CONTENT, generations.RECORDS),
    )
    visible = access.issues_visible_to(request.user).select_related(
        "pair__mentor__user", "pair__mentee__user", "raised_by__user"
    )
    issues = visible.filter(pair__curator=access.participant_of(request.user)).exclude(
        status=SupportIssue.Status.RESOLVED
    )
    handed = SupportIssue.objects.none()
    if access.is_hr_admin(request.user):
        handed = (
            visible.filter(handed_to_hr_at__isnull=False)
            .exclude(status=SupportIssue.Status.RESOLVED)
            .order_by("-handed_to_hr_at")
        )
    return render(
        request,
        "mentoring/curator_desk.html",
        {
            "desk": desk_rows,
            "issues": issues,
            "handed": handed,
        },
    )


def curator_pair(request, pk):
    """`/curator/pairs/<pk>/`: meetings (without private notes), feedback and issues."""
    pair = (
        Pair.objects.filter(pk=pk)
        .select_related("cycle", "mentor__user", "mentee__user", "curator__user")
        .first()
    )
    if pair is None or not access.can_curate(request.user, pair):
        raise Http404
    audit.record_reads(request.user, [pair.mentor, pair.mentee], "meetings", "curator")
    meetings = Paginator(
        pair.meetings.only("pk", "held_on", "duration_minutes", "topics_requested", "pair_id")
        .prefetch_related("tools")
        .order_by("-held_on", "-pk"),
        20,
    ).get_page(request.GET.get("page"))
    feedback = Paginator(
        Feedback.objects.filter(meeting__pair=pair).select_related("author__user", "meeting"),
        20,
    ).get_page(request.GET.get("fpage"))
    averages = Feedback.objects.filter(meeting__pair=pair).aggregate(
        usefulness=Avg("usefulness"), equal_dialogue=Avg("equal_dialogue"), count=Count("pk")
    )
    issues = (
        access.issues_visible_to(request.user).filter(pair=pair).select_related("raised_by__user")
    )
    return render(
        request,
        "mentoring/curator_pair.html",
        {
            "pair": pair,
            "meetings": meetings,
            "feedback": feedback,
            "averages": averages,
            "issues": issues,
        },
    )


@submit_once
def curator_issue(request, pk):
    """`/curator/issues/<pk>/`: track one issue.

    The pair's curator reads it with all their notes and may hand it over to HR; an HR
    admin reads it only after that handover, without the curator's own notes.
    """
    issue = (
        SupportIssue.objects.filter(pk=pk)
        .select_related(
            "pair__cycle", "pair__mentor__user", "pair__mentee__user", "raised_by__user"
        )
        .first()
    )
    if issue is None or not access.can_manage_issue(request.user, issue):
        raise Http404
    if request.method == "GET":
        audit.record_read(request.user, issue.raised_by, "issue", issue.subject)
    is_curator = access.can_curate(request.user, issue.pair)
    if request.method == "POST" and "hand_over" in request.POST:
        handover = HandoverForm(request.POST)
        if not is_curator or issue.handed_to_hr:
            raise PermissionDenied
        if handover.is_valid():
            issue.hand_over_to_hr(
                access.participant_of(request.user), handover.cleaned_data["reason"]
            )
            messages.success(
                request, _("The issue is handed over to HR. Its author sees that it was.")
            )
            return redirect("curator_issue", pk=issue.pk)
        form = IssueNoteForm(initial={"status": issue.status})
        return _issue_page(request, issue, form, handover, is_curator)
    form = IssueNoteForm(request.POST or None, initial={"status": issue.status})
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["text"].strip():
            IssueNote.objects.create(
                issue=issue,
                author=access.participant_of(request.user),
                text=form.cleaned_data["text"].strip(),
            )
        if form.cleaned_data["status"] != issue.status:
            issue.set_status(form.cleaned_data["status"])
        messages.success(request, _("The issue is updated."))
        return redirect("curator_issue", pk=issue.pk)
    return _issue_page(request, issue, form, HandoverForm(), is_curator)


def _issue_page(request, issue, form, handover, is_curator):
    notes = access.issue_notes_visible_to(request.user, issue).select_related("author__user")
    return render(
        request,
        "mentoring/curator_issue.html",
        {
            "issue": issue,
            "notes": notes,
            "form": form,
            "handover_form": handover if is_curator and not issue.handed_to_hr else None,
            "is_curator": is_curator,
        },
    )
