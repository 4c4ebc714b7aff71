"""Views of people's skills: own skills, a mentee's skills, evidence files, the matrix.

Every view that shows a person's records asks :mod:`mentoring.access` first.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms import generations, spreadsheets
from cms.once import submit_once
from cms.redirects import redirect_to_next
from mentoring import access, audit
from mentoring.models import Meeting
from skills import matrix, services
from skills.charts import progress_svg
from skills.forms import GoalForm, LevelForm, ObservationForm
from skills.models import MasteryEvent, ToolPage
from skills.models.mastery import Lens

MATRIX_PAGE_SIZE = 50


def _with_charts(overview, scale):
    for row in overview["rows"]:
        row["chart"] = progress_svg(
            row["events"], scale, title=row["tool"].title, key=row["tool"].pk
        )
    return overview


def my_skills(request):
    """`/my/skills/`: the reader's own levels by both lenses, goals, gaps, history, charts."""
    me = access.participant_of(request.user)
    if me is None:
        return render(request, "skills/my_skills.html", {"me": None})
    scale = services.levels()
    overview = _with_charts(services.skills_overview(me), scale)
    return render(
        request,
        "skills/my_skills.html",
        {"me": me, "scale": scale, **overview, "tools_url": _catalogue_url()},
    )


def _catalogue_url():
    from skills.models import ToolIndexPage

    def build():
        index = ToolIndexPage.objects.live().first()
        return index.url if index else ""

    return generations.cached("tool-catalogue-url", build) or None


@submit_once
def self_assess(request, tool_id):
    """A mentee records their own level in a tool, with what shows it."""
    me = access.participant_of(request.user)
    if me is None:
        raise Http404
    tool = get_object_or_404(ToolPage.objects.live(), pk=tool_id)
    form = LevelForm(request.POST or None, level_choices=services.level_choices())
    if request.method == "POST" and form.is_valid():
        services.record_level(
            me,
            tool,
            Lens.SELF,
            form.cleaned_data["level"],
            by=request.user,
            evidence_text=form.cleaned_data["evidence_text"],
            evidence_link=form.cleaned_data["evidence_link"],
        )
        messages.success(request, _("Your self-assessment is saved."))
        return redirect_to_next(request, tool.url)
    return render(request, "skills/self_assess.html", {"form": form, "tool": tool})


@require_POST
def set_goal(request, tool_id):
    """A mentee chooses the level they aim for in a tool during their current cycle."""
    me = access.participant_of(request.user)
    if me is None:
        raise Http404
    tool = get_object_or_404(ToolPage.objects.live(), pk=tool_id)
    cycle = services.current_cycle_of(me)
    form = GoalForm(request.POST, level_choices=services.level_choices())
    if cycle is None:
        messages.error(request, _("Goals are set within a cycle; you are not in a pair yet."))
    elif form.is_valid():
        services.set_goal(me, tool, cycle, form.cleaned_data["target_level"])
        messages.success(request, _("Your goal is saved."))
    else:
        messages.error(request, _("Choose a level from the list."))
    return redirect_to_next(request, tool.url)


def people(request):
    """`/skills/people/`: the mentees whose skills the reader may see, with a short summary."""
    me = access.participant_of(request.user)
    visible = access.mentees_visible_to(request.user)
    if me is not None:
        visible = visible.exclude(pk=me.pk)
    strong = Q(masteries__mentor_level__gte=services.EXPERT_LEVEL) | Q(
        masteries__mentor_level__isnull=True, masteries__self_level__gte=services.EXPERT_LEVEL
    )
    visible = (
        visible.select_related("user", "plant", "department")
        .annotate(
            tools_count=Count("masteries", distinct=True),
            independent_count=Count("masteries", filter=strong, distinct=True),
            goals_count=Count("skill_goals", distinct=True),
        )
        .order_by("user__last_name", "user__first_name", "pk")
    )
    page_obj = Paginator(visible, MATRIX_PAGE_SIZE).get_page(request.GET.get("page"))
    audit.record_reads(request.user, page_obj.object_list, "skills", "people")
    return render(request, "skills/people.html", {"page_obj": page_obj})


@submit_once
def person_skills(request, participant_id):
    """`/skills/people/<id>/`: one mentee's skills for their mentor, curator or HR (consent).

    The mentor also records an observation here; a bad file re-shows the form as typed.
    """
    person = access.get_visible_person_or_404(request.user, participant_id)
    can_observe = access.is_mentor_of(request.user, person)
    me = access.participant_of(request.user)
    form = None
    if can_observe:
        meetings = Meeting.objects.filter(
            pair__mentee=person, pair__mentor=me, pair__status__in=access.RECORD_ACCESS_STATUSES
        ).order_by("-held_on")
        form = ObservationForm(
            request.POST or None,
            request.FILES or None,
            level_choices=services.level_choices(),
            meetings=meetings,
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            services.record_level(
                person,
                data["tool"],
                Lens.MENTOR,
                data["level"],
                by=request.user,
                evidence_text=data["evidence_text"],
                evidence_link=data["evidence_link"],
                evidence_file=data["evidence_file"] or "",
                meeting=data["meeting"],
            )
            messages.success(request, _("The observation is saved."))
            return redirect("skills_person", participant_id=person.pk)
    elif request.method == "POST":
        raise Http404
    audit.record_read(request.user, person, "skills")
    scale = services.levels()
    overview = _with_charts(services.skills_overview(person), scale)
    return render(
        request,
        "skills/person_skills.html",
        {"person": person, "form": form, "scale": scale, **overview},
        status=400 if form is not None and form.is_bound else 200,
    )


def evidence_file(request, event_id):
    """An evidence file, only to those who may see the person's records (404 otherwise)."""
    event = (
        MasteryEvent.objects.select_related("mastery__participant")
        .filter(pk=event_id)
        .exclude(evidence_file="")
        .first()
    )
    if event is None or not access.can_view_person(request.user, event.mastery.participant):
        raise Http404
    audit.record_read(
        request.user, event.mastery.participant, "evidence", event.evidence_file.name[-300:]
    )
    response = FileResponse(
        event.evidence_file.open("rb"),
        as_attachment=True,
        filename=event.evidence_file.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def skills_matrix(request):
    """`/skills/matrix/`: mentees × tools, with filters, pages and, for HR, aggregates."""
    filters = matrix.read_filters(request.GET)
    tools = matrix.columns(filters)
    # The ordered ids of everyone visible count the pages in the same scan; the page's
    # people themselves are read only when their rows are not in the cache yet.
    visible = matrix.visible_rows(request.user, filters).values_list("pk", "user_id")
    page_obj = Paginator(list(visible), MATRIX_PAGE_SIZE).get_page(request.GET.get("page"))
    people_page = [matrix.Person(pk, user_id) for pk, user_id in page_obj.object_list]
    audit.record_reads(request.user, people_page, "skills", "matrix")
    is_hr = access.is_hr(request.user)
    fragments = matrix.fragments([p.pk for p in people_page], tools, filters, with_summary=is_hr)
    return render(
        request,
        "skills/matrix.html",
        {
            "filters": filters,
            "filter_query": matrix.filter_query(filters),
            "table": bool(people_page),
            "fragments": fragments,
            "page_obj": page_obj,
            "scale": services.levels(),
            "is_hr": is_hr,
            "min_group_size": access.min_group_size(),
            **matrix.filter_choices(),
        },
    )


def _export_name(extension):
    return f"skills-matrix-{timezone.localdate():%Y-%m-%d}.{extension}"


def _log_export(request, filters, kind):
    people = matrix.visible_rows(request.user, filters).count()
    audit.record_export(request.user, "skills_matrix", people=people, detail=kind)


def matrix_csv(request):
    """The matrix as CSV, streamed row by row (UTF-8 with BOM so Excel reads Cyrillic)."""
    filters = matrix.read_filters(request.GET)
    _log_export(request, filters, "csv")
    return spreadsheets.csv_response(matrix.export_rows(request.user, filters), _export_name("csv"))


def matrix_xlsx(request):
    """The matrix as XLSX, streamed while its rows are read (see cms.spreadsheets)."""
    filters = matrix.read_filters(request.GET)
    _log_export(request, filters, "xlsx")
    rows = matrix.export_rows(request.user, filters)
    return spreadsheets.xlsx_response([(_("Skills matrix"), rows)], _export_name("xlsx"))
