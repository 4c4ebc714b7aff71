"""Personal pages: the dashboard of the person logged in and the people they support."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring import access, consents
from mentoring.dashboard import mentee_links, sections_for
from mentoring.forms import ConsentForm
from mentoring.models import ConsentKind


def my_dashboard(request):
    """`/my/`: one page per person with their roles, pairs and privacy choice.

    Upper apps add their sections (progress on tracks, skills) through
    :mod:`mentoring.dashboard`, so this view never imports them.
    """
    me = access.participant_of(request.user)
    pairs = (
        access.pairs_of(request.user)
        .select_related(
            "cycle", "mentor__user", "mentee__user", "curator__user", "mentee__department"
        )
        .order_by("-cycle__starts_on", "pk")
    )
    return render(
        request,
        "mentoring/my_dashboard.html",
        {
            "me": me,
            "pairs": pairs,
            "consent_form": ConsentForm(instance=me) if me else None,
            "sections": sections_for(request),
        },
    )


@require_POST
def update_consent(request):
    """Change one's own consents (to HR, to be listed for colleagues); never anyone else's.

    Each change is a consent record (:func:`mentoring.consents.record`) and takes effect
    at once on every page that filters on the flags.
    """
    me = access.participant_of(request.user)
    if me is None:
        messages.error(request, _("Your account has no participant profile yet."))
        return redirect("my_dashboard")
    before = {"consent_to_share": me.consent_to_share, "listed_as_expert": me.listed_as_expert}
    form = ConsentForm(request.POST, instance=me)
    if form.is_valid():
        share = form.cleaned_data["consent_to_share"]
        listed = form.cleaned_data["listed_as_expert"]
        if share != before["consent_to_share"]:
            consents.record(me, ConsentKind.SHARE_WITH_HR, share, by=request.user)
            if share:
                messages.success(request, _("HR can now see your progress by name."))
            else:
                messages.success(
                    request, _("HR now sees your progress only in anonymous summaries.")
                )
        if listed != before["listed_as_expert"]:
            consents.record(me, ConsentKind.LISTED_AS_EXPERT, listed, by=request.user)
            if listed:
                messages.success(request, _("Colleagues now see you in «whom to ask» lists."))
            else:
                messages.success(request, _("Your name is no longer in «whom to ask» lists."))
    return redirect("my_dashboard")


MENTEES_PER_PAGE = 50


def my_mentees(request):
    """`/my/mentees/`: the mentees a mentor works with and the pairs a curator supports.

    The list comes from :mod:`mentoring.access`, so it never shows anyone the viewer may
    not see.
    """
    me = access.participant_of(request.user)
    pairs = (
        access.supported_pairs(request.user)
        .select_related(
            "cycle",
            "mentor__user",
            "curator__user",
            "mentee__user",
            "mentee__plant",
            "mentee__department",
        )
        .order_by("mentee__user__last_name", "pk")
    )
    page = Paginator(pairs, MENTEES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "mentoring/my_mentees.html",
        {"me": me, "pairs": page.object_list, "page_obj": page, "mentee_links": mentee_links()},
    )
