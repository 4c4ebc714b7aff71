"""Consents are documents: each change is a record against the text the person saw."""

import pytest

from mentoring import audit, consents
from mentoring.models import ConsentKind, ConsentRecord, ConsentText, RecordAccess
from tests.mentoring.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_every_kind_has_a_published_text():
    for kind in ConsentKind:
        text = consents.current_text(kind)
        assert text.version >= 1 and text.body


def test_giving_and_withdrawing_keeps_history_and_the_flag_in_step():
    person = ParticipantFactory()
    consents.record(person, ConsentKind.LISTED_AS_EXPERT, True)
    person.refresh_from_db()
    assert person.listed_as_expert is True
    assert consents.has_consent(person, ConsentKind.LISTED_AS_EXPERT)
    consents.record(person, ConsentKind.LISTED_AS_EXPERT, False, effect="Имя убрано из списков")
    person.refresh_from_db()
    assert person.listed_as_expert is False
    assert not consents.has_consent(person, ConsentKind.LISTED_AS_EXPERT)
    history = ConsentRecord.objects.filter(participant=person).order_by("at", "pk")
    assert [r.given for r in history] == [True, False]
    assert history.last().effect == "Имя убрано из списков"


def test_a_record_points_at_the_version_the_person_saw():
    person = ParticipantFactory()
    first = consents.record(person, ConsentKind.PERSONAL_DATA, True)
    ConsentText.objects.create(
        kind=ConsentKind.PERSONAL_DATA, version=first.text.version + 1, title="v2", body="Новый"
    )
    assert first.text.version == 1
    second = consents.record(person, ConsentKind.PERSONAL_DATA, True)
    assert second.text.version == 2


def test_scoped_consent_applies_to_its_cycle_only(pair):
    mentor = pair.mentor
    consents.record(mentor, ConsentKind.MENTORING, True, cycle=pair.cycle)
    assert consents.has_consent(mentor, ConsentKind.MENTORING, pair=pair)
    assert consents.has_consent(mentor, ConsentKind.MENTORING, cycle=pair.cycle)
    assert not consents.has_consent(mentor, ConsentKind.MENTORING)


def test_reads_are_logged_once_a_day_with_a_count_and_never_for_oneself(pair):
    audit.record_read(pair.mentor.user, pair.mentee, "skills")
    audit.record_read(pair.mentor.user, pair.mentee, "skills")
    audit.record_read(pair.mentee.user, pair.mentee, "skills")
    rows = RecordAccess.objects.filter(subject=pair.mentee)
    assert rows.count() == 1
    assert rows.get().count == 2 and rows.get().actor == pair.mentor.user


def test_exports_are_logged_each_time(hr_admin):
    audit.record_export(hr_admin.user, "skills_matrix", people=12)
    audit.record_export(hr_admin.user, "skills_matrix", people=12)
    assert RecordAccess.objects.filter(action="export", people=12).count() == 2
