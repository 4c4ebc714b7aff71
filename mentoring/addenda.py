"""The mentoring addendum to the mentor's employment contract: drafting and its text."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from mentoring.models import DocumentTemplate, MentoringAddendum

DEFAULT_DUTIES = (
    "проводить встречи с наставляемым в согласованном ритме, помогать ему освоить цифровые "
    "инструменты по его рабочим задачам, отмечать встречи и прогресс в платформе "
    "«Наставник», давать обратную связь после встреч, соблюдать конфиденциальность."
)
DEFAULT_PAY_BASIS = (
    "ежемесячная доплата за работу наставника в размере ______ руб. в месяц "
    "(ст. 351.8 Трудового кодекса РФ), начисляемая за месяцы срока наставничества "
    "пропорционально периоду наставничества в месяце."
)


def current_template():
    template = (
        DocumentTemplate.objects.filter(kind=DocumentTemplate.Kind.ADDENDUM)
        .order_by("-version")
        .first()
    )
    if template is None:
        raise ValidationError(_("HR has not written the template of the addendum yet."))
    return template


def initial(pair):
    """Fields of a new addendum: the pair's term, and what HR wrote last time in the cycle."""
    earlier = (
        MentoringAddendum.objects.filter(pair__cycle=pair.cycle).order_by("-created_at").first()
    )
    return {
        "number": f"{pair.cycle.starts_on:%Y}-{pair.pk}",
        "dated": datetime.date.today(),
        "starts_on": pair.started_on or pair.cycle.starts_on,
        "ends_on": pair.cycle.ends_on,
        "form": earlier.form
        if earlier
        else _("individual reverse mentoring, %(format)s")
        % {"format": pair.cycle.get_meeting_format_display()},
        "duties": earlier.duties if earlier else DEFAULT_DUTIES,
        "pay_basis": earlier.pay_basis if earlier else DEFAULT_PAY_BASIS,
    }


def draft(pair, by=None, **fields):
    """Create the addendum of ``pair`` from the current template (HR fills the rest)."""
    values = {**initial(pair), **fields}
    addendum = MentoringAddendum(pair=pair, template=current_template(), created_by=by, **values)
    addendum.full_clean()
    addendum.save()
    return addendum


def _date(value):
    return value.strftime("%d.%m.%Y") if value else "—"


def values(addendum):
    pair = addendum.pair
    mentor, mentee = pair.mentor, pair.mentee
    return {
        "number": addendum.number,
        "date": _date(addendum.dated),
        "mentor": mentor.full_name,
        "mentor_position": mentor.position or "—",
        "personnel_number": mentor.personnel_number or "—",
        "department": mentor.department.name if mentor.department else "—",
        "plant": mentor.plant.name if mentor.plant else "—",
        "mentee": mentee.full_name,
        "mentee_position": mentee.position or "—",
        "cycle": pair.cycle.name,
        "starts_on": _date(addendum.starts_on),
        "ends_on": _date(addendum.ends_on),
        "form": addendum.form,
        "duties": addendum.duties,
        "pay_basis": addendum.pay_basis,
    }


def text(addendum):
    """The addendum's text: its template version with the placeholders filled."""
    return addendum.template.fill(values(addendum))
