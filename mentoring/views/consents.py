"""«Мои согласия»: the person's consent to the processing of personal data and, for a
mentor, the consent to mentor — the exact text, the state, the history, each as a PDF.

The switches for showing progress to HR and for being listed for colleagues live on the
person's dashboard; this page covers the two consents the law makes documents of their own.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring import access, consent_documents, consents, documents_pdf, pairing
from mentoring.models import ConsentKind, ConsentRecord, Cycle, Pair


def _kinds_for(me):
    kinds = [ConsentKind.PERSONAL_DATA]
    mentors = (
        pairing.is_mentor(me)
        or Pair.objects.filter(mentor=me).exists()
        or ConsentRecord.objects.filter(participant=me, kind=ConsentKind.MENTORING).exists()
    )
    if mentors:
        kinds.append(ConsentKind.MENTORING)
    return kinds


def _mentor_cycles(me):
    return Cycle.objects.exclude(status=Cycle.Status.FINISHED).order_by("-starts_on")


def my_consents(request):
    """`/my/consents/`: each consent's current text, whether it is in force, its history."""
    me = access.participant_of(request.user)
    if me is None:
        messages.error(request, _("Your account has no participant profile yet."))
        return redirect("my_dashboard")
    sections = []
    for kind in _kinds_for(me):
        try:
            text = consents.current_text(kind)
        except consents.NoConsentText:
            continue
        latest = consents.latest(me, kind)
        sections.append(
            {
                "kind": kind,
                "label": ConsentKind(kind).label,
                "text": text,
                "latest": latest,
                "in_force": bool(latest and latest.given),
                "affected": list(
                    consent_documents.pairs_affected(me, kind).select_related(
                        "mentor__user", "mentee__user", "cycle"
                    )
                ),
                "history": ConsentRecord.objects.filter(participant=me, kind=kind)
                .select_related("text", "cycle", "pair__mentee__user", "pair__mentor__user")
                .order_by("-at", "-pk")[:50],
            }
        )
    cycles = _mentor_cycles(me) if ConsentKind.MENTORING in _kinds_for(me) else []
    scoped = {c.pk: consents.has_consent(me, ConsentKind.MENTORING, cycle=c) for c in cycles}
    return render(
        request,
        "mentoring/my_consents.html",
        {
            "me": me,
            "sections": sections,
            "cycles": [(c, scoped[c.pk]) for c in cycles],
        },
    )


@require_POST
def consent_change(request):
    """Give or withdraw one's own consent; withdrawing applies its effect at once."""
    me = access.participant_of(request.user)
    if me is None:
        raise Http404
    kind = request.POST.get("kind")
    if kind not in consent_documents.DOCUMENT_KINDS or kind not in _kinds_for(me):
        raise Http404
    given = request.POST.get("given") == "1"
    cycle = None
    if kind == ConsentKind.MENTORING and request.POST.get("cycle"):
        cycle = _mentor_cycles(me).filter(pk=request.POST["cycle"]).first()
        if cycle is None:
            raise Http404
    text_version = request.POST.get("version")
    try:
        text = consents.current_text(kind)
    except consents.NoConsentText as error:
        raise Http404 from error
    if given and str(text.version) != text_version:
        messages.error(request, _("The text has changed since you opened the page: read it again."))
        return redirect("my_consents")
    entry = consent_documents.change(me, kind, given, by=request.user, cycle=cycle)
    messages.success(request, entry.effect)
    return redirect("my_consents")


def consent_pdf(request, record_id):
    """The PDF of one of the person's own consent records."""
    me = access.participant_of(request.user)
    record = (
        ConsentRecord.objects.filter(pk=record_id, participant=me)
        .select_related("text", "participant__user", "recorded_by", "cycle", "pair")
        .first()
        if me
        else None
    )
    if record is None:
        raise Http404
    return documents_pdf.consent_response(request, record)
