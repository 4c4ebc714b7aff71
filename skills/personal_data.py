"""What skills holds on one person, for «Мои данные», and how it is erased (152-ФЗ).

Registered with mentoring's ``PERSONAL_DATA_HOOK`` and ``ANONYMISE_HOOK`` in
``wagtail_hooks.py``. Deleting a participant deletes their evidence files too
(``delete_evidence_file`` on the cascade), so no file outlives its record.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.personal_data import Section
from skills.models import Mastery, MasteryEvent, SkillGoal

logger = logging.getLogger(__name__)


def _storage():
    return MasteryEvent._meta.get_field("evidence_file").storage


def _date(value):
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""


def sections(person):
    masteries = Section(
        _("Skills"),
        [_("Tool"), _("Self-assessment"), _("Mentor observation"), _("Updated")],
        [
            [m.tool.title, m.self_level, m.mentor_level, _date(m.updated_at)]
            for m in Mastery.objects.filter(participant=person).select_related("tool")
        ],
    )
    history = Section(
        _("Skill history"),
        [_("When"), _("Tool"), _("Lens"), _("From"), _("To"), _("Evidence"), _("Link"), _("File")],
    )
    for event in MasteryEvent.objects.filter(mastery__participant=person).select_related(
        "mastery__tool"
    ):
        name = event.evidence_file.name or ""
        archived = f"evidence/{event.pk}-{name.rsplit('/', 1)[-1]}" if name else ""
        history.rows.append(
            [
                _date(event.recorded_at),
                event.mastery.tool.title,
                event.get_lens_display(),
                event.from_level,
                event.to_level,
                event.evidence_text,
                event.evidence_link,
                archived,
            ]
        )
        if name and _storage().exists(name):
            history.files.append((archived, _storage().open(name, "rb")))
    goals = Section(
        _("Goals"),
        [_("Tool"), _("Cycle"), _("Target level"), _("Set")],
        [
            [g.tool.title, str(g.cycle or ""), g.target_level, _date(g.set_at)]
            for g in SkillGoal.objects.filter(participant=person).select_related("tool", "cycle")
        ],
    )
    return [masteries, history, goals]


def _delete_files(names):
    for name in names:
        try:
            _storage().delete(name)
        except OSError:  # already gone: nothing left to erase
            logger.warning("evidence file %s could not be deleted", name)


def anonymise(person):
    """Delete the person's evidence files from storage and clear the evidence text.

    The one change made to the append-only history: the law's erasure, not a correction;
    the levels (the figures aggregates count) stay.
    """
    events = MasteryEvent._base_manager.filter(mastery__participant=person)
    names = [n for n in events.values_list("evidence_file", flat=True) if n]
    events.update(evidence_file="", evidence_text="", evidence_link="")
    transaction.on_commit(lambda: _delete_files(names))


@receiver(post_delete, sender=MasteryEvent)
def delete_evidence_file(sender, instance, **kwargs):
    """A deleted record (its person deleted) takes its evidence file with it."""
    name = instance.evidence_file.name
    if name:
        transaction.on_commit(lambda: _delete_files([name]))
