"""Suggesting mentors for a mentee: by the level in the mentee's goal tools, plant, capacity.

HR picks; the machine only orders the people who may mentor under the pairing rules of
:mod:`mentoring.pairing` (role, still employed, the cycle's plants and departments, not
below the mentee in the line of management, a free place in the cycle, consent to the
processing of personal data) and says why each is where they are. Ranking, in order: the
sum of the mentor's levels in the goal tools, then the same plant as the mentee, then the
free places left. A constant number of queries whatever the number of mentors.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mentoring import access, pairing
from mentoring.models import ConsentKind, ConsentRecord, Pair
from skills.models import Mastery, SkillGoal
from skills.services import levels


@dataclass
class ToolLevel:
    tool: object
    level: int | None
    lens: str = ""


@dataclass
class Suggestion:
    """One mentor who may take the mentee, with the facts behind the place in the list."""

    mentor: object
    tool_levels: list = field(default_factory=list)
    same_plant: bool = False
    free: int = 0
    capacity: int = 0
    consented_to_mentor: bool = False
    levels_visible: bool = False

    @property
    def score(self):
        return sum(t.level or 0 for t in self.tool_levels)

    @property
    def sort_key(self):
        return (-self.score, not self.same_plant, -self.free, self.mentor.full_name)

    def reasons(self, scale):
        """The reasons in words, for HR to read next to the name."""
        lines = []
        if self.tool_levels:
            if self.levels_visible:
                parts = []
                for item in self.tool_levels:
                    if item.level is None:
                        parts.append(_("%(tool)s: no record") % {"tool": item.tool.title})
                    else:
                        label = scale.get(item.level)
                        parts.append(
                            f"{item.tool.title}: {item.level}"
                            + (f" — {label.label}" if label else "")
                        )
                lines.append(
                    _("Level in the goal tools: %(levels)s") % {"levels": "; ".join(parts)}
                )
            else:
                lines.append(
                    _(
                        "Level in the goal tools counted in the order, not shown: the mentor "
                        "has not agreed to show their skills to HR."
                    )
                )
        lines.append(_("Same plant as the mentee") if self.same_plant else _("Another plant"))
        lines.append(
            ngettext(
                "%(free)s free place of %(capacity)s in the cycle",
                "%(free)s free places of %(capacity)s in the cycle",
                self.free,
            )
            % {"free": self.free, "capacity": self.capacity}
        )
        if not self.consented_to_mentor:
            lines.append(
                _("No consent to mentor yet: the pair can be proposed, made active after it.")
            )
        return lines


def goals_of(mentee, cycle):
    return list(
        SkillGoal.objects.filter(participant=mentee, cycle=cycle)
        .select_related("tool")
        .order_by("tool__title")
    )


def candidates(mentee, cycle):
    """Mentors who may take ``mentee`` in ``cycle`` under the rules, with their running count."""
    running = Q(pairs_as_mentor__cycle=cycle, pairs_as_mentor__status__in=Pair.RUNNING_STATUSES)
    people = (
        pairing.mentors(cycle)
        .filter(left_company_on__isnull=True, user__is_active=True)
        .exclude(pk=mentee.pk)
        .exclude(pk__in=pairing.reports_below(mentee.pk))
        .annotate(running=Count("pairs_as_mentor", filter=running))
        .filter(running__lt=cycle.mentor_capacity)
        .select_related("user", "plant", "department")
    )
    plants = list(cycle.plants.values_list("pk", flat=True))
    departments = list(cycle.departments.values_list("pk", flat=True))
    if plants:
        people = people.filter(plant_id__in=plants)
    if departments:
        people = people.filter(department_id__in=departments)
    return people


def _latest_consents(people_ids, kind, cycle=None):
    scope = Q(cycle__isnull=True, pair__isnull=True)
    if cycle is not None:
        scope |= Q(cycle=cycle, pair__isnull=True)
    latest = {}
    records = (
        ConsentRecord.objects.filter(participant_id__in=people_ids, kind=kind)
        .filter(scope)
        .order_by("participant_id", "-at", "-pk")
        .values_list("participant_id", "given")
    )
    for person_id, given in records:
        latest.setdefault(person_id, given)
    return {pid for pid, given in latest.items() if given}


def suggest(mentee, cycle, viewer=None, limit=50):
    """Ranked :class:`Suggestion` list for ``mentee`` in ``cycle``."""
    goals = goals_of(mentee, cycle)
    tools = [g.tool for g in goals]
    people = list(candidates(mentee, cycle))
    ids = [p.pk for p in people]
    consented = _latest_consents(ids, ConsentKind.PERSONAL_DATA)
    mentoring_ok = _latest_consents(ids, ConsentKind.MENTORING, cycle)
    people = [p for p in people if p.pk in consented]
    found = {
        (m.participant_id, m.tool_id): m
        for m in Mastery.objects.filter(participant_id__in=ids, tool__in=tools)
    }
    result = []
    for person in people:
        tool_levels = []
        for tool in tools:
            mastery = found.get((person.pk, tool.pk))
            tool_levels.append(ToolLevel(tool, mastery.best_level if mastery else None))
        result.append(
            Suggestion(
                mentor=person,
                tool_levels=tool_levels,
                same_plant=bool(mentee.plant_id) and person.plant_id == mentee.plant_id,
                free=cycle.mentor_capacity - person.running,
                capacity=cycle.mentor_capacity,
                consented_to_mentor=person.pk in mentoring_ok,
                levels_visible=viewer is not None
                and (person.listed_as_expert or access.can_view_person(viewer, person)),
            )
        )
    result.sort(key=lambda s: s.sort_key)
    return result[:limit]


def scale():
    return levels()
