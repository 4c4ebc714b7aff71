"""The paperwork: the pair agreement, the mentor's addendum, consents as documents."""

import datetime
import io
import re

import pypdf
import pytest

from django.urls import reverse

from mentoring import addenda, agreements, consent_documents, consents
from mentoring.models import (
    ConsentKind,
    ConsentRecord,
    ConsentText,
    DocumentTemplate,
    MentoringAddendum,
    Pair,
)
from tests.mentoring.factories import PairFactory

pytestmark = pytest.mark.django_db


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf", response.content[:300]
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def _write(client, pair, **changes):
    data = {
        "goals": "Собирать отчёт по браку за смену самостоятельно",
        "tools": [],
        "meeting_format": "in_person",
        "meeting_every_days": 14,
        "meeting_slot": "По четвергам в 15:00",
        **changes,
    }
    return client.post(reverse("pair_agreement_edit", args=[pair.pk]), data)


def test_agreement_is_accepted_by_both_and_a_change_needs_both_again(client, pair):
    client.force_login(pair.mentor.user)
    assert _write(client, pair).status_code == 302
    first = agreements.current(pair)
    assert first.mentor_accepted_at and not first.mentee_accepted_at
    assert "Конфиденциальность" in first.rules and pair.mentee.full_name in first.rules
    client.force_login(pair.mentee.user)
    client.post(reverse("pair_agreement_accept", args=[pair.pk]), {"version": first.version})
    first.refresh_from_db()
    assert first.is_accepted and first.mentee_accepted_by == pair.mentee.user
    _write(client, pair, meeting_every_days=7)
    second = agreements.current(pair)
    assert second.version == 2
    assert second.mentee_accepted_at and not second.mentor_accepted_at
    first.refresh_from_db()
    assert first.is_accepted  # the earlier version stays as both accepted it
    client.force_login(pair.mentor.user)
    response = client.post(
        reverse("pair_agreement_accept", args=[pair.pk]), {"version": first.version}, follow=True
    )
    assert "изменился" in response.content.decode()
    client.post(reverse("pair_agreement_accept", args=[pair.pk]), {"version": 2})
    second.refresh_from_db()
    assert second.is_accepted


def test_saving_the_same_agreement_again_is_not_a_new_version(client, pair):
    client.force_login(pair.mentor.user)
    _write(client, pair)
    _write(client, pair)
    assert pair.agreements.count() == 1


def test_accepted_rhythm_is_the_rhythm_the_curator_desk_checks(pair):
    from mentoring import rhythm

    agreement = agreements.new_version(
        pair,
        goals="Цели",
        tools=[],
        meeting_format="online",
        meeting_every_days=7,
        meeting_slot="",
        by=pair.mentor.user,
    )
    agreements.accept(agreement, pair.mentee.user)
    annotated = rhythm.with_rhythm(Pair.objects.filter(pk=pair.pk)).get()
    assert rhythm.every_days(annotated) == 7


def test_agreement_pdf_names_the_parties_the_term_and_the_pay_basis(client, pair):
    client.force_login(pair.mentor.user)
    _write(client, pair)
    text = pdf_text(client.get(reverse("pair_agreement_pdf", args=[pair.pk, 1])))
    assert pair.mentor.full_name in text and pair.mentee.full_name in text
    assert pair.cycle.ends_on.strftime("%d.%m.%Y") in text
    assert "доплату" in text and "351.8" in text
    assert "По четвергам в 15:00" in text


def test_strangers_and_hr_without_consent_do_not_read_the_agreement(client, pair, hr_admin):
    client.force_login(pair.mentor.user)
    _write(client, pair)
    stranger = PairFactory()
    client.force_login(stranger.mentor.user)
    assert client.get(reverse("pair_agreement", args=[pair.pk])).status_code == 404
    client.force_login(hr_admin.user)
    agreement = agreements.current(pair)
    response = client.get(reverse("agreement_admin_pdf", args=[agreement.pk]))
    assert response.status_code == 403
    consents.record(pair.mentee, ConsentKind.SHARE_WITH_HR, True)
    assert client.get(reverse("agreement_admin_pdf", args=[agreement.pk]))["Content-Type"] == (
        "application/pdf"
    )


def test_addendum_pdf_names_the_parties_the_term_and_the_pay_basis(client, pair, hr_admin):
    addendum = addenda.draft(
        pair,
        pay_basis="ежемесячная доплата 5 000 руб.",
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2027, 2, 28),
    )
    client.force_login(hr_admin.user)
    text = pdf_text(client.get(reverse("addendum_admin_pdf", args=[addendum.pk])))
    assert pair.mentor.full_name in text and pair.mentee.full_name in text
    assert "с 01.09.2026 по 28.02.2027" in text
    assert "ежемесячная доплата 5 000 руб." in text
    assert "351.8" in text
    client.force_login(pair.mentor.user)
    assert "доплата" in pdf_text(client.get(reverse("pair_addendum_pdf", args=[pair.pk])))
    client.force_login(pair.mentee.user)
    assert client.get(reverse("pair_addendum_pdf", args=[pair.pk])).status_code == 404


def test_addendum_statuses_in_the_admin(client, pair, hr_admin):
    client.force_login(hr_admin.user)
    page = client.get(reverse("addenda:add") + f"?pair={pair.pk}").content.decode()
    assert pair.cycle.ends_on.strftime("%d.%m.%Y") in page
    data = {
        "pair": pair.pk,
        "number": "2026-7",
        "dated": "01.09.2026",
        "starts_on": "01.09.2026",
        "ends_on": "28.02.2027",
        "form": "индивидуальное, очно",
        "duties": "Проводить встречи",
        "pay_basis": "доплата 4 000 руб. в месяц",
        "status": "drafted",
        "signed_on": "",
        "ended_on": "",
    }
    assert client.post(reverse("addenda:add"), data).status_code == 302
    addendum = MentoringAddendum.objects.get(pair=pair)
    assert addendum.template.kind == DocumentTemplate.Kind.ADDENDUM
    url = reverse("addenda:edit", args=[addendum.pk])
    response = client.post(url, {**data, "status": "signed"})
    assert "Укажите дату" in response.content.decode()
    client.post(url, {**data, "status": "signed", "signed_on": "02.09.2026"})
    addendum.refresh_from_db()
    assert addendum.status == MentoringAddendum.Status.SIGNED
    response = client.post(
        url, {**data, "status": "signed", "signed_on": "02.09.2026", "pay_basis": "другое"}
    )
    assert "меняются только новым соглашением" in response.content.decode()
    pair.transition_to(Pair.Status.COMPLETED)
    addendum.refresh_from_db()
    assert addendum.status == MentoringAddendum.Status.ENDED


def test_editing_a_text_people_agreed_to_makes_a_new_version(client, hr_admin, pair):
    text = consents.current_text(ConsentKind.PERSONAL_DATA)
    client.force_login(hr_admin.user)
    url = reverse("consent_texts:edit", args=[text.pk])
    client.post(url, {"kind": text.kind, "title": text.title, "body": "Новая редакция текста"})
    text.refresh_from_db()
    assert text.body != "Новая редакция текста"
    newest = consents.current_text(ConsentKind.PERSONAL_DATA)
    assert (newest.version, newest.body) == (text.version + 1, "Новая редакция текста")
    # a version nobody agreed to yet is simply corrected
    url = reverse("consent_texts:edit", args=[newest.pk])
    client.post(url, {"kind": newest.kind, "title": newest.title, "body": "Исправлено"})
    assert consents.current_text(ConsentKind.PERSONAL_DATA).pk == newest.pk
    assert ConsentText.objects.filter(kind=ConsentKind.PERSONAL_DATA).count() == 2


def test_template_with_an_unknown_placeholder_is_refused(client, hr_admin):
    client.force_login(hr_admin.user)
    response = client.post(
        reverse("document_templates:add"),
        {"kind": "addendum", "title": "Шаблон", "body": "{{ mentor.user.password }}"},
    )
    assert "Неизвестные подстановки" in response.content.decode()


def test_hr_records_a_paper_consent_and_its_pdf_says_so(client, hr_admin):
    pair = PairFactory(consented=False)
    client.force_login(hr_admin.user)
    response = client.post(
        reverse("consent_records:add"),
        {
            "participant": pair.mentee.pk,
            "kind": "personal_data",
            "given": "1",
            "cycle": "",
            "signed_on": "20.11.2026",
        },
    )
    assert response.status_code == 302
    record = ConsentRecord.objects.get(participant=pair.mentee)
    assert (record.way, record.recorded_by, record.signed_on) == (
        ConsentRecord.Way.PAPER,
        hr_admin.user,
        datetime.date(2026, 11, 20),
    )
    text = pdf_text(client.get(reverse("consent_record_pdf", args=[record.pk])))
    assert pair.mentee.full_name in text
    assert "согласие дано" in text and "20.11.2026" in text
    assert f"Редакция текста {record.text.version}" in text
    assert "подписано" in text.lower() or "бумаге" in text


def test_withdrawing_personal_data_consent_ends_the_running_pairs(
    pair, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = consent_documents.change(
            pair.mentee, ConsentKind.PERSONAL_DATA, False, by=pair.mentee.user
        )
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ENDED_EARLY
    assert pair.ended_on > datetime.date.today()
    assert pair.end_started_side == Pair.Side.MENTEE
    assert pair.ended_on.strftime("%d.%m.%Y") in entry.effect
    assert not consents.has_consent(pair.mentee, ConsentKind.PERSONAL_DATA)


def test_withdrawing_the_consent_to_mentor_for_one_cycle_ends_that_cycles_pairs(pair):
    elsewhere = PairFactory(mentor=pair.mentor)
    consent_documents.change(pair.mentor, ConsentKind.MENTORING, False, cycle=pair.cycle)
    pair.refresh_from_db()
    elsewhere.refresh_from_db()
    assert pair.status == Pair.Status.ENDED_EARLY
    assert elsewhere.status == Pair.Status.ACTIVE


def test_my_consents_page_gives_withdraws_and_prints(client, pair):
    client.force_login(pair.mentor.user)
    page = client.get(reverse("my_consents")).content.decode()
    assert "Согласие на обработку персональных данных" in page
    assert "Согласие на выполнение работы наставника" in page
    assert pair.mentee.full_name in page  # the pair a withdrawal would end
    client.post(reverse("consent_change"), {"kind": "mentoring", "given": "0"})
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ENDED_EARLY
    text = consents.current_text(ConsentKind.MENTORING)
    client.post(
        reverse("consent_change"), {"kind": "mentoring", "given": "1", "version": text.version}
    )
    assert consents.has_consent(pair.mentor, ConsentKind.MENTORING)
    record = ConsentRecord.objects.filter(participant=pair.mentor).first()
    assert "Согласие" in pdf_text(client.get(reverse("consent_pdf", args=[record.pk])))
    other = ConsentRecord.objects.filter(participant=pair.mentee).first()
    assert client.get(reverse("consent_pdf", args=[other.pk])).status_code == 404


def test_the_dashboard_links_to_my_consents(client, pair):
    client.force_login(pair.mentee.user)
    page = client.get(reverse("my_dashboard")).content.decode()
    assert reverse("my_consents") in page
