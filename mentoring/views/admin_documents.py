"""PDFs of the paperwork for HR in the admin, each behind its permission and consent."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from mentoring import access, audit, documents_pdf
from mentoring.models import ConsentRecord, MentoringAddendum, PairAgreement


def consent_record_pdf(request, pk):
    """A consent record as a document, for HR admins who keep the register."""
    if not request.user.has_perm("mentoring.view_consentrecord"):
        raise PermissionDenied
    record = get_object_or_404(
        ConsentRecord.objects.select_related(
            "text", "participant__user", "recorded_by", "cycle", "pair"
        ),
        pk=pk,
    )
    audit.record_export(request.user, "consent_record", people=1, subject=record.participant)
    return documents_pdf.consent_response(request, record)


def addendum_pdf(request, pk):
    if not request.user.has_perm("mentoring.view_mentoringaddendum"):
        raise PermissionDenied
    addendum = get_object_or_404(
        MentoringAddendum.objects.select_related(
            "template", "pair__cycle", "pair__mentor__user", "pair__mentee__user"
        ),
        pk=pk,
    )
    return documents_pdf.addendum_response(request, addendum)


def agreement_pdf(request, pk):
    """The agreement names the mentee's goals, a skill record: HR reads it by name only with
    the mentee's consent to show their progress to HR, like every other skill record."""
    if not request.user.has_perm("mentoring.view_pairagreement"):
        raise PermissionDenied
    agreement = get_object_or_404(
        PairAgreement.objects.select_related(
            "pair__cycle", "pair__mentor__user", "pair__mentee__user"
        ),
        pk=pk,
    )
    if not access.can_view_person(request.user, agreement.pair.mentee):
        return render(
            request,
            "mentoring/admin/agreement_hidden.html",
            {"agreement": agreement},
            status=403,
        )
    audit.record_read(request.user, agreement.pair.mentee, "skills", "pair agreement")
    return documents_pdf.agreement_response(request, agreement)
