"""Writing levels and reading a person's skills: the one place that changes mastery."""

import datetime
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from cms import generations
from mentoring import access
from mentoring.models import Pair
from mentoring.models.people import full_name
from skills.models import Mastery, MasteryEvent, SkillGoal, SkillLevel
from skills.models.mastery import Lens

# The default scale (also created by migration 0003); stored data, so not translated.
DEFAULT_LEVELS = [
    (0, "", "не начинал", "Ещё не работал с инструментом."),
    (1, "I", "знакомлюсь", "Знаю, зачем нужен инструмент, пробую под присмотром наставника."),
    (2, "L", "применяю с поддержкой", "Выполняю типовые задачи, иногда нужна подсказка."),
    (3, "U", "применяю самостоятельно", "Решаю рабочие задачи сам, без подсказок."),
    (4, "O", "могу научить других", "Уверенно применяю и могу показать коллегам."),
]
EXPERT_LEVEL = 3


def record_level(participant, tool, lens, to_level, *, by=None, at=None, **evidence):
    """Append an event and move the current level of ``lens`` to ``to_level``.

    The mastery row is locked (``select_for_update``) for the whole transaction and the
    event's ``from_level`` is read under that lock, so two people recording at once both
    get their event kept, chained one after the other, and the current level equals the
    last event.
    """
    Lens(lens)
    with transaction.atomic():
        mastery, _ = Mastery.objects.get_or_create(participant=participant, tool=tool)
        mastery = Mastery.objects.select_for_update().get(pk=mastery.pk)
        field = "self_level" if lens == Lens.SELF else "mentor_level"
        event = MasteryEvent.objects.create(
            mastery=mastery,
            lens=lens,
            from_level=getattr(mastery, field),
            to_level=to_level,
            recorded_by=by,
            recorded_at=at or timezone.now(),
            **evidence,
        )
        # under the lock this event is the last of its mastery: the level follows it
        setattr(mastery, field, event.to_level)
        mastery.updated_at = event.recorded_at
        mastery.save(update_fields=[field, "updated_at"])
    return event


def ensure_default_levels():
    """Create the default scale where a level is missing (labels HR edited are kept)."""
    for value, code, label, description in DEFAULT_LEVELS:
        SkillLevel.objects.get_or_create(
            value=value, defaults={"code": code, "label": label, "description": description}
        )


def levels():
    """The scale as ``{value: SkillLevel}`` (from the shared cache; one query when cold)."""
    return generations.cached(
        "skill-levels", lambda: {level.value: level for level in SkillLevel.objects.all()}
    )


def level_choices(scale=None):
    scale = scale if scale is not None else levels()
    return [(value, str(level)) for value, level in sorted(scale.items())]


def current_cycle_of(participant):
    """The cycle of the mentee's latest pair that gives access to records, or ``None``."""
    pair = (
        Pair.objects.filter(mentee=participant, status__in=access.RECORD_ACCESS_STATUSES)
        .select_related("cycle")
        .order_by("-cycle__starts_on", "-pk")
        .first()
    )
    return pair.cycle if pair else None


def set_goal(participant, tool, cycle, target_level):
    goal, _ = SkillGoal.objects.update_or_create(
        participant=participant,
        tool=tool,
        cycle=cycle,
        defaults={"target_level": target_level, "set_at": timezone.now()},
    )
    return goal


class HistoryEvent(NamedTuple):
    """One line of a level history as pages show it and charts draw it: read as a tuple,
    not as three model instances (event, author, meeting) per line."""

    pk: int
    lens: str
    from_level: int | None
    to_level: int
    recorded_at: datetime.datetime
    author: str
    evidence_text: str
    evidence_link: str
    evidence_file: str
    meeting_on: datetime.date | None

    @property
    def is_up(self):
        return self.from_level is None or self.to_level > self.from_level


HISTORY_COLUMNS = (
    "pk",
    "lens",
    "from_level",
    "to_level",
    "recorded_at",
    "recorded_by__last_name",
    "recorded_by__first_name",
    "recorded_by__patronymic",
    "recorded_by__username",
    "evidence_text",
    "evidence_link",
    "evidence_file",
    "meeting__held_on",
    "mastery__tool_id",
)


def _history_event(row):
    pk, lens, from_level, to_level, at, last, first, patronymic, username = row[:9]
    text, link, file, held_on = row[9:13]
    author = full_name(last, first, patronymic, username) if username else ""
    return HistoryEvent(pk, lens, from_level, to_level, at, author, text, link, file, held_on)


def skills_overview(participant, tools=None):
    """Rows for a person's skills page, in a fixed number of queries.

    Each row: tool, mastery (or None), goal for the current cycle, gap, the events, oldest
    first. ``tools`` limits the rows; by default every tool with a level or a goal.
    """
    cycle = current_cycle_of(participant)
    # the tools' guides are long JSON that these rows never show
    heavy = ("tool__use_cases", "tool__guide")
    masteries = Mastery.objects.filter(participant=participant)
    goals = SkillGoal.objects.filter(participant=participant, cycle=cycle)
    found = MasteryEvent.objects.filter(mastery__participant=participant)
    if tools is not None:
        tool_ids = [tool.pk for tool in tools]
        masteries = masteries.filter(tool__in=tool_ids)
        goals = goals.filter(tool__in=tool_ids)
        found = found.filter(mastery__tool__in=tool_ids)
    masteries = {m.tool_id: m for m in masteries.select_related("tool").defer(*heavy)}
    goals = (
        {} if cycle is None else {g.tool_id: g for g in goals.select_related("tool").defer(*heavy)}
    )
    events = {}
    for row in found.order_by("recorded_at", "pk").values_list(*HISTORY_COLUMNS):
        events.setdefault(row[-1], []).append(_history_event(row))
    if tools is None:
        by_id = {m.tool_id: m.tool for m in masteries.values()}
        by_id.update({g.tool_id: g.tool for g in goals.values()})
        tools = sorted(by_id.values(), key=lambda t: t.title)
    rows = []
    for tool in tools:
        mastery = masteries.get(tool.pk)
        goal = goals.get(tool.pk)
        current = mastery.best_level if mastery else None
        gap = None
        if goal is not None:
            gap = max(goal.target_level - (current or 0), 0)
        rows.append(
            {
                "tool": tool,
                "mastery": mastery,
                "goal": goal,
                "gap": gap,
                "self_level": mastery.self_level if mastery else None,
                "mentor_level": mastery.mentor_level if mastery else None,
                "target_level": goal.target_level if goal else None,
                "events": events.get(tool.pk, []),
            }
        )
    return {"cycle": cycle, "rows": rows}
