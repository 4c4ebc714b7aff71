"""What a tool page shows around its guide: the reader's own levels, experts, related content."""

from typing import NamedTuple

from django.db.models import Q

from cms import generations
from mentoring import access
from mentoring.roles import Role
from skills import services
from skills.charts import progress_svg
from skills.forms import GoalForm, LevelForm
from skills.models import Mastery


class Expert(NamedTuple):
    """A colleague listed on a tool page, as the page shows them."""

    name: str
    position: str
    plant: str
    department: str


def experts_for(tool):
    """People at level 3 or more in ``tool`` who consented to be listed for colleagues.

    Showing a name, position and level to every employee is dissemination (152-ФЗ art.
    10.1): only the separate consent ``listed_as_expert`` allows it, for mentors and
    mentees alike — never the consent to HR. The level is the higher of the two lenses.
    The list is the same for every reader and kept in the shared cache until any record
    changes (a withdrawn consent, a new level, a person who left).
    """

    def build():
        strong = Q(self_level__gte=services.EXPERT_LEVEL) | Q(
            mentor_level__gte=services.EXPERT_LEVEL
        )
        found = (
            Mastery.objects.filter(tool=tool)
            .filter(strong)
            .filter(participant__listed_as_expert=True)
            .filter(participant__left_company_on__isnull=True, participant__user__is_active=True)
            .select_related("participant__user", "participant__plant", "participant__department")
            .distinct()
            .order_by("participant__user__last_name", "participant__user__first_name")[:30]
        )
        return [
            Expert(
                m.participant.full_name,
                m.participant.position,
                m.participant.plant.name if m.participant.plant else "",
                m.participant.department.name if m.participant.department else "",
            )
            for m in found
        ]

    return generations.cached("tool-experts", build, tool.pk, scopes=(generations.RECORDS,))


def tool_page_context(tool, request):
    me = access.participant_of(request.user)
    scale = services.levels()
    choices = services.level_choices(scale)
    context = {
        "scale": scale,
        "experts": experts_for(tool) if request.user.is_authenticated else [],
        "me": me,
    }
    if me is not None and access.has_role(request.user, Role.MENTEE):
        overview = services.skills_overview(me, tools=[tool])
        row = overview["rows"][0]
        context.update(
            {
                "my_row": row,
                "my_cycle": overview["cycle"],
                "my_chart": progress_svg(row["events"], scale, title=tool.title, key=tool.pk),
                "assess_form": LevelForm(
                    level_choices=choices,
                    initial={"level": row["mastery"].self_level if row["mastery"] else 0},
                ),
                "goal_form": GoalForm(
                    level_choices=choices,
                    initial={"target_level": row["goal"].target_level if row["goal"] else 3},
                ),
            }
        )
    return context
