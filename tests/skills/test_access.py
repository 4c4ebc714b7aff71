"""Confidentiality of skill records, tried by URL and by guessed ids for every role."""

import csv
import io

import pytest

from django.urls import reverse

from mentoring.models import Pair
from mentoring.roles import Role
from skills import services
from skills.models import MasteryEvent
from skills.models.mastery import Lens
from tests.mentoring.factories import DepartmentFactory, PairFactory, ParticipantFactory
from tests.skills.factories import tool


@pytest.fixture
def world(db):
    """Two pairs in one cycle with different mentors and curators, each mentee with a level."""
    instrument = tool("Битрикс24")
    mine = PairFactory()
    other = PairFactory(cycle=mine.cycle)
    for pair, level in ((mine, 2), (other, 3)):
        services.record_level(
            pair.mentee,
            instrument,
            Lens.MENTOR,
            level,
            by=pair.mentor.user,
            evidence_text=f"Секретная заметка {pair.mentee.pk}",
        )
    return {"tool": instrument, "mine": mine, "other": other}


def _person_url(participant):
    return reverse("skills_person", args=[participant.pk])


def test_mentor_sees_own_mentee_not_another(client, world):
    mine, other = world["mine"], world["other"]
    client.force_login(mine.mentor.user)
    body = client.get(_person_url(mine.mentee)).content.decode()
    assert f"Секретная заметка {mine.mentee.pk}" in body
    assert client.get(_person_url(other.mentee)).status_code == 404
    matrix = client.get(reverse("skills_matrix")).content.decode()
    assert mine.mentee.full_name in matrix
    assert other.mentee.full_name not in matrix


def test_mentee_cannot_see_another_mentee(client, world):
    mine, other = world["mine"], world["other"]
    client.force_login(mine.mentee.user)
    for pk in (other.mentee.pk, other.mentor.pk, other.mentee.pk + 1000):
        assert client.get(reverse("skills_person", args=[pk])).status_code == 404
    own = client.get(reverse("my_skills")).content.decode()
    assert f"Секретная заметка {mine.mentee.pk}" in own
    assert f"Секретная заметка {other.mentee.pk}" not in own
    matrix = client.get(reverse("skills_matrix")).content.decode()
    assert other.mentee.full_name not in matrix
    exported = b"".join(client.get(reverse("skills_matrix_csv")).streaming_content).decode()
    assert other.mentee.full_name not in exported


def test_curator_sees_curated_pairs_only(client, world):
    mine, other = world["mine"], world["other"]
    client.force_login(mine.curator.user)
    assert mine.mentee.full_name in client.get(_person_url(mine.mentee)).content.decode()
    assert client.get(_person_url(other.mentee)).status_code == 404
    exported = b"".join(client.get(reverse("skills_matrix_csv")).streaming_content).decode()
    assert mine.mentee.full_name in exported
    assert other.mentee.full_name not in exported


def test_curator_reads_but_cannot_record(client, world):
    mine = world["mine"]
    client.force_login(mine.curator.user)
    body = client.get(_person_url(mine.mentee)).content.decode()
    assert "Записать наблюдение" not in body
    before = MasteryEvent.objects.count()
    response = client.post(_person_url(mine.mentee), {"tool": world["tool"].pk, "level": 4})
    assert response.status_code == 404
    assert MasteryEvent.objects.count() == before


def test_proposed_or_ended_pair_gives_no_access(client, world):
    mine = world["mine"]
    Pair.objects.filter(pk=mine.pk).update(status=Pair.Status.ENDED_EARLY)
    client.force_login(mine.mentor.user)
    assert client.get(_person_url(mine.mentee)).status_code == 404


def test_hr_sees_only_consenting_individuals(client, world, hr_admin):
    mine, other = world["mine"], world["other"]
    other.mentee.consent_to_share = True
    other.mentee.save()
    client.force_login(hr_admin.user)
    assert client.get(_person_url(mine.mentee)).status_code == 404
    assert client.get(_person_url(other.mentee)).status_code == 200
    matrix = client.get(reverse("skills_matrix")).content.decode()
    assert other.mentee.full_name in matrix
    assert mine.mentee.full_name not in matrix
    for name in ("skills_matrix_csv", "skills_matrix_xlsx"):
        response = client.get(reverse(name))
        data = b"".join(response.streaming_content)
        if name.endswith("csv"):
            text = data.decode("utf-8-sig")
            assert other.mentee.full_name in text
            assert mine.mentee.full_name not in text
        else:
            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(data)).active
            names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
            assert names == [other.mentee.full_name]


def test_hr_aggregates_hide_small_groups(client, db, hr_admin, settings):
    settings.MIN_GROUP_SIZE = 5
    instrument = tool("Kaiten")
    big, small = DepartmentFactory(name="Цех большой"), DepartmentFactory(name="Цех малый")
    mentor = ParticipantFactory(roles=[Role.MENTOR])
    first = PairFactory(mentor=mentor, mentee__department=big)
    for _ in range(4):
        PairFactory(cycle=first.cycle, mentor=mentor, mentee__department=big)
    for _ in range(2):
        PairFactory(cycle=first.cycle, mentor=mentor, mentee__department=small)
    for pair in Pair.objects.all():
        services.record_level(pair.mentee, instrument, Lens.MENTOR, 3)
    client.force_login(hr_admin.user)
    body = client.get(reverse("skills_matrix")).content.decode()
    assert "Цех большой" in body
    assert "группа слишком мала" in body
    assert "Все подразделения" in body and "7 человек" in body
    from skills import matrix

    rows = matrix.summary(matrix.read_filters({}), [instrument])
    by_name = {("total" if r["is_total"] else r["department"].name): r for r in rows}
    assert by_name["total"]["cells"] == [{"mastered": 7, "mean": 3.0}]
    # the big department's figures would give the small one's away (7 − 5): hidden too
    assert by_name["Цех большой"]["cells"] == [{"mastered": None, "mean": None}]
    assert by_name["Цех большой"]["size"] is None
    assert by_name["Цех малый"]["cells"] == [{"mastered": None, "mean": None}]
    assert by_name["Цех малый"]["size"] is None
    # no individual is shown (nobody consented)
    assert first.mentee.full_name not in body


def test_hr_summary_never_shows_the_level_of_one_person(client, db, hr_admin, settings):
    """A department of 5 where one person has a level: the mean would be their level."""
    settings.MIN_GROUP_SIZE = 5
    instrument = tool("Kaiten")
    dept = DepartmentFactory(name="Цех один")
    mentor = ParticipantFactory(roles=[Role.MENTOR])
    pairs = [PairFactory(mentor=mentor, mentee__department=dept) for _ in range(5)]
    services.record_level(pairs[0].mentee, instrument, Lens.MENTOR, 2)
    from skills import matrix

    rows = matrix.summary(matrix.read_filters({}), [instrument])
    for row in rows:
        assert row["cells"][0]["mean"] is None
    client.force_login(hr_admin.user)
    body = client.get(reverse("skills_matrix")).content.decode()
    assert " / 2.0" not in body and " / 2,0" not in body


def test_evidence_file_only_for_those_who_may_see(client, world, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path / "media"
    mine, other = world["mine"], world["other"]
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    event = services.record_level(
        mine.mentee,
        world["tool"],
        Lens.MENTOR,
        3,
        by=mine.mentor.user,
        evidence_file=SimpleUploadedFile("shot.png", png, content_type="image/png"),
    )
    url = reverse("skills_evidence", args=[event.pk])
    assert not str(event.evidence_file.path).startswith(str(settings.MEDIA_ROOT) + "/")
    for allowed in (mine.mentor, mine.curator, mine.mentee):
        client.force_login(allowed.user)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == png
    for stranger in (other.mentor, other.curator, other.mentee):
        client.force_login(stranger.user)
        assert client.get(url).status_code == 404
        assert client.get(reverse("skills_evidence", args=[event.pk + 1])).status_code == 404


def test_staff_gets_no_special_access(client, world):
    from tests.mentoring.factories import UserFactory

    boss = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(boss)
    assert client.get(_person_url(world["mine"].mentee)).status_code == 404
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(client.get(reverse("skills_matrix_csv")).streaming_content).decode(
                    "utf-8-sig"
                )
            ),
            delimiter=";",
        )
    )
    assert len(rows) == 1  # the header only


def test_people_list_shows_only_visible_mentees_with_summary(client, world):
    mine, other = world["mine"], world["other"]
    services.set_goal(mine.mentee, world["tool"], mine.cycle, 4)
    client.force_login(mine.mentor.user)
    body = client.get(reverse("skills_people")).content.decode()
    assert mine.mentee.full_name in body
    assert other.mentee.full_name not in body
    assert reverse("skills_person", args=[mine.mentee.pk]) in body
    assert "<td>1</td><td>0</td><td>1</td>" in body  # one tool, none at 3+, one goal
