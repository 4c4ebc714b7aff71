"""Fixtures shared by the whole suite."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from mentoring.roles import Role
from tests.mentoring.factories import PairFactory, ParticipantFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache. The generations of ``cms.generations`` move on
    every write, but a test's rolled-back writes do not move them back: without this, a
    figure cached in one test could be read by the next over the same ids."""
    from django.core.cache import cache

    cache.clear()


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


if os.environ.get("NASTAVNIK_TEST_DB_TEMPLATE"):
    # Mutation testing runs the tests once per mutant in a fresh pytest session: migrating a
    # test database each time would take most of the run. `make mutants` migrates one SQLite
    # file and each session works on its own copy of it (see tests/mutation/README.md).

    @pytest.fixture(scope="session")
    def django_db_setup(django_db_blocker):
        from django.db import connections

        folder = Path(tempfile.mkdtemp(prefix="nastavnik-mutant-"))
        copy = folder / "test.sqlite3"
        shutil.copyfile(os.environ["NASTAVNIK_TEST_DB_TEMPLATE"], copy)
        with django_db_blocker.unblock():
            connection = connections["default"]
            connection.close()
            connection.settings_dict["NAME"] = str(copy)
        yield
        with django_db_blocker.unblock():
            connections["default"].close()
        shutil.rmtree(folder, ignore_errors=True)
