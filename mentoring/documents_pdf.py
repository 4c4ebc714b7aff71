"""PDFs of the programme's documents: the pair agreement, the addendum, a consent.

Each is rendered from the exact version on record (the agreement version, the addendum's
template version, the consent text version), so a reprint says what was agreed then.
"""

from django.utils.translation import gettext as _

from cms.pdf import render_pdf
from mentoring import addenda


def agreement_response(request, agreement):
    pair = agreement.pair
    title = _("Pair agreement: %(mentor)s — %(mentee)s") % {
        "mentor": pair.mentor.full_name,
        "mentee": pair.mentee.full_name,
    }
    return render_pdf(
        request,
        "mentoring/pdf/agreement.html",
        {"agreement": agreement, "pair": pair, "tools": list(agreement.tools.all())},
        title,
    )


def addendum_response(request, addendum):
    title = _("Mentoring addendum No. %(number)s") % {"number": addendum.number}
    return render_pdf(
        request,
        "mentoring/pdf/addendum.html",
        {"addendum": addendum, "pair": addendum.pair, "text": addenda.text(addendum)},
        title,
    )


def consent_response(request, record):
    title = _("%(title)s — %(name)s") % {
        "title": record.text.title,
        "name": record.participant.full_name,
    }
    return render_pdf(request, "mentoring/pdf/consent.html", {"record": record}, title)


def certificate_response(request, pair, person):
    from mentoring import certificates

    title, body = certificates.text(pair, person)
    return render_pdf(
        request,
        "mentoring/pdf/certificate.html",
        {"pair": pair, "person": person, "heading": title, "body": body},
        _("Certificate — %(name)s") % {"name": person.full_name},
    )
