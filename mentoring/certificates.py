"""Certificates of a completed cycle, for the mentor and the mentee of a pair.

Who gets one: each of the two people of a pair HR marked completed (a pair that ended early
or was never started gets none). The text is HR's latest «certificate» template (Wagtail
admin → document templates) with plain placeholders, or a default wording; the figures
(meetings, hours, tools) come from the meetings the pair logged.
"""

from django.db.models import Sum
from django.utils.translation import gettext as _

from mentoring.models import DocumentTemplate, Pair

DEFAULT_TEXT = (
    "{{ name }} успешно завершил(а) цикл обратного наставничества «{{ cycle }}» "
    "({{ starts_on }} — {{ ends_on }}) в роли: {{ role }}.\n\n"
    "Вместе с {{ partner }} проведено встреч: {{ meetings }}, часов: {{ hours }}.\n"
    "Освоенные и изученные инструменты: {{ tools }}.\n\n"
    "Благодарим за вклад в цифровое развитие предприятия!"
)


def is_eligible(pair, person):
    return (
        pair.status == Pair.Status.COMPLETED
        and person is not None
        and person.pk
        in (
            pair.mentor_id,
            pair.mentee_id,
        )
    )


def current_template():
    return (
        DocumentTemplate.objects.filter(kind=DocumentTemplate.Kind.CERTIFICATE)
        .order_by("-version")
        .first()
    )


def values(pair, person):
    minutes = pair.meetings.aggregate(total=Sum("duration_minutes"))["total"] or 0
    tools = sorted(
        {t.title for m in pair.meetings.prefetch_related("tools") for t in m.tools.all()}
    )
    is_mentor = person.pk == pair.mentor_id
    return {
        "name": person.full_name,
        "role": _("mentor") if is_mentor else _("mentee"),
        "partner": (pair.mentee if is_mentor else pair.mentor).full_name,
        "cycle": pair.cycle.name,
        "starts_on": f"{pair.started_on or pair.cycle.starts_on:%d.%m.%Y}",
        "ends_on": f"{pair.ended_on or pair.cycle.ends_on:%d.%m.%Y}",
        "meetings": pair.meetings.count(),
        "hours": f"{minutes / 60:.1f}".replace(".", ",").replace(",0", ""),
        "tools": ", ".join(tools) or "—",
    }


def text(pair, person):
    template = current_template()
    filled = values(pair, person)
    if template is not None:
        return template.title, template.fill(filled)
    fallback = DocumentTemplate(kind=DocumentTemplate.Kind.CERTIFICATE, body=DEFAULT_TEXT)
    return _("Certificate"), fallback.fill(filled)
