"""Pages and exports keep a fixed number of queries whatever the number of people or tools."""

import pytest

from django.urls import reverse

from mentoring.roles import Role
from skills import services
from skills.models.mastery import Lens
from tests.mentoring.factories import CycleFactory, DepartmentFactory, ParticipantFactory
from tests.skills.factories import bulk_mentees, category, tool
from tests.utils import query_count


def _drain(response):
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def people(db):
    cycle = CycleFactory()
    mentor = ParticipantFactory(roles=[Role.MENTOR])
    curator = ParticipantFactory(roles=[Role.CURATOR])
    department = DepartmentFactory()
    tools = [tool(cat=category()) for _ in range(4)]
    return {
        "cycle": cycle,
        "mentor": mentor,
        "curator": curator,
        "dept": department,
        "tools": tools,
    }


@pytest.mark.parametrize("url_name", ["skills_matrix", "skills_matrix_csv", "skills_matrix_xlsx"])
@pytest.mark.parametrize("viewer", ["mentor", "curator", "hr"])
def test_matrix_and_exports_fixed_queries_at_10_and_500(client, people, hr_admin, url_name, viewer):
    kwargs = {
        "mentor": people["mentor"],
        "cycle": people["cycle"],
        "curator": people["curator"],
        "department": people["dept"],
        "tools": people["tools"],
        "consent": True,
    }
    bulk_mentees(10, **kwargs)
    user = hr_admin.user if viewer == "hr" else people[viewer].user
    client.force_login(user)
    url = reverse(url_name)
    _drain(client.get(url))  # warm caches (content types, site root)
    small = query_count(lambda: _drain(client.get(url)))
    bulk_mentees(490, **kwargs)
    body = b""

    def fetch():
        nonlocal body
        body = _drain(client.get(url))

    large = query_count(fetch)
    assert large == small, (small, large)
    assert small <= 25
    if url_name == "skills_matrix_csv":
        assert body.decode("utf-8-sig").count("\n") == 501  # header + every mentee


def test_catalogue_fixed_queries(client, pair):
    client.force_login(pair.mentee.user)
    for _ in range(3):
        tool(tags=["отчёты", "данные"], cat=category())
    index = tool().get_parent()
    _drain(client.get(index.url))
    few = query_count(lambda: _drain(client.get(index.url)))
    for n in range(12):
        tool(tags=[f"метка{n}", "отчёты"], cat=category(f"c{n}", f"Категория {n}"))
    assert query_count(lambda: _drain(client.get(index.url))) == few


def test_tool_page_and_my_skills_fixed_queries(client, pair):
    instrument = tool("Kaiten")
    others = [tool() for _ in range(6)]
    client.force_login(pair.mentee.user)
    services.record_level(pair.mentee, instrument, Lens.SELF, 1, by=pair.mentee.user)
    _drain(client.get(instrument.url))
    few_page = query_count(lambda: _drain(client.get(instrument.url)))
    few_my = query_count(lambda: _drain(client.get(reverse("my_skills"))))
    for page in others:
        for level in (1, 2, 3):
            services.record_level(pair.mentee, page, Lens.MENTOR, level)
    for level in (2, 3, 4):
        services.record_level(pair.mentee, instrument, Lens.MENTOR, level)
    for _ in range(5):  # more experts
        expert = ParticipantFactory(roles=[Role.MENTOR])
        services.record_level(expert, instrument, Lens.SELF, 4)
    assert query_count(lambda: _drain(client.get(instrument.url))) == few_page
    assert query_count(lambda: _drain(client.get(reverse("my_skills")))) == few_my


def test_people_list_fixed_queries(client, people):
    kwargs = {
        "mentor": people["mentor"],
        "cycle": people["cycle"],
        "department": people["dept"],
        "tools": people["tools"],
    }
    bulk_mentees(5, **kwargs)
    client.force_login(people["mentor"].user)
    url = reverse("skills_people")
    _drain(client.get(url))
    few = query_count(lambda: _drain(client.get(url)))
    bulk_mentees(80, **kwargs)
    assert query_count(lambda: _drain(client.get(url))) == few
