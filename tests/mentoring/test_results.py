"""The HR dashboard: HR roles only, aggregates only, small groups hidden."""

import datetime
import io

import pytest

from django.urls import reverse

from wagtail import hooks

from mentoring import reporting, results
from mentoring.models import Idea, Pair
from mentoring.results import ResultSeries
from tests.mentoring.factories import (
    CycleFactory,
    FeedbackFactory,
    MeetingFactory,
    PairFactory,
)
from tests.utils import query_count


def _pairs(count, cycle=None, **kwargs):
    cycle = cycle or CycleFactory()
    pairs = [PairFactory(cycle=cycle, **kwargs) for _ in range(count)]
    for pair in pairs:
        meeting = MeetingFactory(pair=pair, held_on=datetime.date.today().replace(day=1))
        FeedbackFactory(meeting=meeting, usefulness=4, equal_dialogue=5)
    return pairs


def _series(client, key, **params):
    response = client.get(reverse("programme_results"), params)
    assert response.status_code == 200
    for item in response.context["series"]:
        if item["series"].key == key:
            return item["series"]
    raise AssertionError(key)


@pytest.mark.parametrize("role", ["mentor", "mentee", "curator"])
def test_dashboard_is_refused_to_non_hr(client, pair, role):
    client.force_login(getattr(pair, role).user)
    assert client.get(reverse("programme_results")).status_code == 403
    assert client.get(reverse("programme_results_xlsx")).status_code == 403


def test_staff_without_hr_role_is_refused(client, db):
    from tests.mentoring.factories import UserFactory

    boss = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(boss)
    assert client.get(reverse("programme_results")).status_code == 403


def test_small_groups_are_hidden(client, hr_editor):
    _pairs(4)
    client.force_login(hr_editor.user)
    active = _series(client, "active_pairs")
    assert active.total is None
    assert all(value is None for _label, value in active.by_group)
    usefulness = _series(client, "feedback_usefulness")
    assert usefulness.total is None
    meetings = _series(client, "meetings")
    assert meetings.by_month[datetime.date.today().replace(day=1)] is None
    body = client.get(reverse("programme_results")).content.decode()
    assert "группа слишком мала" in body


def test_groups_from_min_size_are_shown(client, hr_editor, settings):
    settings.MIN_GROUP_SIZE = 5
    pairs = _pairs(5)
    client.force_login(hr_editor.user)
    active = _series(client, "active_pairs")
    assert active.total == 5
    assert dict(active.by_group)[pairs[0].cycle.name] == 5
    assert _series(client, "feedback_usefulness").total == 4
    assert _series(client, "meetings").by_month[datetime.date.today().replace(day=1)] == 5
    assert _series(client, "active_pairs", cycle=pairs[0].cycle.pk).total == 5


def test_a_hidden_group_is_never_recoverable_by_subtraction(client, hr_editor, settings):
    """Total 7 beside a visible 5 gave away the hidden 2 (this test used to assert it)."""
    settings.MIN_GROUP_SIZE = 5
    pairs = _pairs(5)
    small = _pairs(2)  # another cycle, too small on its own
    client.force_login(hr_editor.user)
    active = _series(client, "active_pairs")
    by_group = dict(active.by_group)
    assert by_group[small[0].cycle.name] is None
    shown = [v for v in (active.total, by_group[pairs[0].cycle.name]) if v is not None]
    assert len(shown) <= 1  # total and the big cycle never both: 7 − 5 = 2
    # nor through the filter: the big cycle alone against the total without the filter
    filtered = _series(client, "active_pairs", cycle=pairs[0].cycle.pk).total
    assert active.total is None or filtered is None
    assert _series(client, "active_pairs", cycle=small[0].cycle.pk).total is None


def test_mentors_retained_and_ideas(client, hr_admin):
    pairs = _pairs(5)
    left = pairs[0].mentor
    left.left_company_on = datetime.date.today()
    left.save()
    for pair in pairs:
        Idea.objects.create(
            author=pair.mentee,
            pair=pair,
            title="Электронный журнал смены",
            description="…",
            status=Idea.Status.IMPLEMENTED,
        )
    client.force_login(hr_admin.user)
    assert _series(client, "mentors_retained").total == 80
    assert _series(client, "ideas_implemented").total == 5


def test_provider_series_from_upper_apps_are_shown(client, hr_editor):
    def provider(filters):
        return [ResultSeries(key="level_ups", title="Повышения уровня", total=None)]

    with hooks.register_temporarily(results.RESULTS_HOOK, provider):
        client.force_login(hr_editor.user)
        body = client.get(reverse("programme_results")).content.decode()
        assert "Повышения уровня" in body


def test_xlsx_export_streams_a_workbook(client, hr_editor):
    from openpyxl import load_workbook

    _pairs(5)
    client.force_login(hr_editor.user)
    response = client.get(reverse("programme_results_xlsx"))
    assert response.streaming
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [c for row in workbook.active.iter_rows(values_only=True) for c in row if c]
    assert "Активные пары" in cells
    assert 5 in cells


def test_query_count_does_not_grow_with_data(db):
    filters = reporting.filters_from({})
    _pairs(2)
    small = query_count(reporting.compute, filters)
    _pairs(12)
    assert query_count(reporting.compute, filters) == small


def test_results_link_in_navigation_for_hr_only(client, hr_editor, pair):
    client.force_login(hr_editor.user)
    assert reverse("programme_results") in client.get(reverse("my_dashboard")).content.decode()
    client.force_login(pair.mentor.user)
    body = client.get(reverse("my_dashboard")).content.decode()
    assert reverse("programme_results") not in body
    assert reverse("my_pairs") in body


def test_pairs_of_other_statuses_are_not_active(db):
    _pairs(5, status=Pair.Status.PAUSED)
    series = reporting.active_pairs(reporting.filters_from({}), reporting._labels())
    assert series.total is None


def test_charts_are_valid_svg_numbers_in_russian(client, hr_editor, settings):
    """Russian number formatting (decimal comma) must never reach SVG coordinates."""
    import re
    from xml.etree import ElementTree

    settings.MIN_GROUP_SIZE = 1
    _pairs(3)
    client.force_login(hr_editor.user)
    body = client.get(reverse("programme_results")).content.decode()
    svgs = re.findall(r"<svg class=\"results-chart\".*?</svg>", body, flags=re.S)
    assert svgs
    heights = []
    for svg in svgs:
        root = ElementTree.fromstring(svg)
        heights += [float(el.attrib["height"]) for el in root.iter() if el.tag.endswith("rect")]
        for el in root.iter():
            for name in ("x", "y", "width", "height"):
                if name in el.attrib:
                    float(el.attrib[name])
    assert any(h > 0 for h in heights)


def test_plant_filter_and_total_never_give_away_a_small_plant(client, hr_editor, settings):
    """Meetings 7 in total and 5 with ``?plant=`` gave away the small plant's 2."""
    from tests.mentoring.factories import DepartmentFactory

    settings.MIN_GROUP_SIZE = 5
    big, small = DepartmentFactory(), DepartmentFactory()
    cycle = CycleFactory()
    _pairs(5, cycle=cycle, mentee__department=big)
    _pairs(2, cycle=cycle, mentee__department=small)
    client.force_login(hr_editor.user)
    month = datetime.date.today().replace(day=1)
    for key in ("meetings", "active_pairs", "feedback_usefulness"):
        everyone = _series(client, key)
        plant = _series(client, key, plant=big.plant_id)
        assert everyone.total is None or plant.total is None, key
        assert dict(everyone.by_group).get(small.plant.name) is None
        assert dict(everyone.by_group).get(big.plant.name) is None or everyone.total is None
        if everyone.by_month:
            assert everyone.by_month[month] is None or plant.by_month[month] is None
    workbook_body = client.get(reverse("programme_results_xlsx"), {"plant": small.plant_id})
    assert workbook_body.status_code == 200
