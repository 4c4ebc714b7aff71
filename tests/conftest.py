"""Fixtures shared by the whole suite."""

import pytest

from mentoring.roles import Role
from tests.mentoring.factories import PairFactory, ParticipantFactory


@pytest.fixture
def pair(db):
    """An active pair with its mentor, mentee and curator."""
    return PairFactory()


@pytest.fixture
def hr_admin(db):
    return ParticipantFactory(roles=[Role.HR_ADMIN, Role.HR_EDITOR])


@pytest.fixture
def hr_editor(db):
    return ParticipantFactory(roles=[Role.HR_EDITOR])


@pytest.fixture
def client_for(client):
    """Log the test client in as a participant (or user) and return it."""

    def login(person):
        user = getattr(person, "user", person)
        client.force_login(user)
        return client

    return login
