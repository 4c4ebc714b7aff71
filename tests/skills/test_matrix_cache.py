"""The matrix page is built from the shared cache (skills.matrix.fragments): it must still
show a level the moment it is recorded, and never show one reader the rows of another."""

import re

from django.urls import reverse

from mentoring.roles import Role
from skills import services
from skills.models.mastery import Lens
from tests.mentoring.factories import PairFactory, ParticipantFactory
from tests.skills.factories import tool


def _cells(html):
    return re.findall(r'<td(?: class="lvl lvl-[^"]+"[^>]*)?>(.*?)</td>', html)


def test_a_level_recorded_after_a_read_is_on_the_next_read(client, db):
    instrument = tool("Kaiten")
    pair = PairFactory()
    client.force_login(pair.mentor.user)
    first = client.get(reverse("skills_matrix")).content.decode()
    assert pair.mentee.full_name in first
    assert _cells(first) == ["—"]
    services.record_level(pair.mentee, instrument, Lens.MENTOR, 3)
    second = client.get(reverse("skills_matrix")).content.decode()
    assert _cells(second) == ["3 <small>/ —</small>"]
    pair.mentee.user.last_name = "Переименованная"
    pair.mentee.user.save()
    assert "Переименованная" in client.get(reverse("skills_matrix")).content.decode()


def test_two_mentors_never_read_each_other_s_cached_rows(client, db):
    tool("Kaiten")
    mine, other = PairFactory(), PairFactory()
    client.force_login(mine.mentor.user)
    assert mine.mentee.full_name in client.get(reverse("skills_matrix")).content.decode()
    client.force_login(other.mentor.user)
    page = client.get(reverse("skills_matrix")).content.decode()
    assert other.mentee.full_name in page
    assert mine.mentee.full_name not in page


def test_the_cached_parts_follow_the_language(client, db, settings):
    tool("Kaiten")
    hr = ParticipantFactory(roles=[Role.HR_ADMIN])
    client.force_login(hr.user)
    russian = client.get(reverse("skills_matrix")).content.decode()
    assert "Все подразделения" in russian
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("skills_matrix")).content.decode()
    assert "All departments" in english
    assert "Все подразделения" not in english


def test_a_whole_level_reads_3_even_after_a_mean_of_3_0(db):
    # The CI run that found it: HR's summary (a mean, 3.0) was formatted first in the same
    # process, and the mentor's row then showed «3,0» for a level of 3.
    from types import SimpleNamespace

    from django.utils import translation

    from skills.templatetags.skills_tags import matrix_cells, summary_cells

    with translation.override("ru"):
        mean = summary_cells({"reportable": True, "cells": [{"mastered": 2, "mean": 3.0}]})
        level = SimpleNamespace(best_level=3, mentor_level=3, self_level=None)
        row = matrix_cells([level])
    assert "2 / 3,0" in mean
    assert _cells(row) == ["3 <small>/ —</small>"]
