"""Every read of a person's named records by someone else and every export is logged;
the person sees who read their records on /my/; HR admins see the exports."""

import pytest

from django.urls import reverse

from mentoring.models import RecordAccess
from tests.mentoring.factories import ParticipantFactory


@pytest.fixture
def mentee_log(client, pair):
    def read():
        client.force_login(pair.mentee.user)
        response = client.get(reverse("my_access_log"))
        assert response.status_code == 200
        return response.content.decode()

    return read


def test_mentor_reading_skills_is_logged_and_shown_to_the_mentee(client, pair, mentee_log):
    client.force_login(pair.mentor.user)
    assert client.get(reverse("skills_person", args=[pair.mentee.pk])).status_code == 200
    client.get(reverse("skills_person", args=[pair.mentee.pk]))
    row = RecordAccess.objects.get(subject=pair.mentee, actor=pair.mentor.user)
    assert (row.what, row.count) == ("skills", 2)
    body = mentee_log()
    assert pair.mentor.user.get_full_name() in body
    assert "навыки" in body


def test_own_reads_are_not_logged(client, pair):
    client.force_login(pair.mentee.user)
    client.get(reverse("my_skills"))
    client.get(reverse("skills_person", args=[pair.mentee.pk]))
    assert not RecordAccess.objects.exists()


def test_curator_reading_the_pair_is_logged_for_both_sides(client, pair, mentee_log):
    client.force_login(pair.curator.user)
    assert client.get(reverse("curator_pair", args=[pair.pk])).status_code == 200
    assert set(RecordAccess.objects.values_list("subject", flat=True)) == {
        pair.mentee.pk,
        pair.mentor.pk,
    }
    assert pair.curator.user.get_full_name() in mentee_log()


def test_matrix_page_and_export_by_hr_are_logged(client, pair, hr_admin, hr_editor):
    pair.mentee.consent_to_share = True
    pair.mentee.save()
    client.force_login(hr_editor.user)
    client.get(reverse("skills_matrix"))
    assert RecordAccess.objects.filter(
        subject=pair.mentee, actor=hr_editor.user, action="read"
    ).exists()
    response = client.get(reverse("skills_matrix_csv"))
    b"".join(response.streaming_content)
    export = RecordAccess.objects.get(action="export")
    assert (export.what, export.people, export.actor) == ("skills_matrix", 1, hr_editor.user)
    # HR admins see the exports; HR editors do not
    assert client.get(reverse("personal_data_exports")).status_code in (302, 403)
    client.force_login(hr_admin.user)
    body = client.get(reverse("personal_data_exports")).content.decode()
    assert "skills_matrix" in body


def test_admin_participant_export_is_logged(client, hr_admin):
    ParticipantFactory()
    client.force_login(hr_admin.user)
    response = client.get(reverse("participants:index") + "?export=csv")
    assert response.status_code == 200
    assert RecordAccess.objects.filter(action="export", what="participant").exists()


def test_dashboard_links_to_the_access_log(client, pair):
    client.force_login(pair.mentee.user)
    assert reverse("my_access_log") in client.get(reverse("my_dashboard")).content.decode()
