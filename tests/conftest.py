"""Fixtures shared by the whole suite."""

import os
import shutil
import signal
import tempfile
from pathlib import Path

import pytest

from mentoring.roles import Role
from tests.mentoring.factories import PairFactory, ParticipantFactory


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Make ``--dist loadgroup`` keep an ``xdist_group`` on one worker under pytest 9.

    pytest-xdist 3.8 marks a grouped test by appending ``@group`` to ``item._nodeid``;
    pytest 9 keeps the id in ``item._id``, so the suffix was lost and every group was spread
    over both workers: the two-server cluster, SeaweedFS and the demo server were each
    started twice (four minutes of every run). The same suffix, where pytest reads it.
    """
    if not getattr(config.option, "loadgroup", False):
        return
    from _pytest.nodeid import coerce_node_id

    for item in items:
        names = {
            str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
            for mark in item.iter_markers("xdist_group")
        }
        if names and "@" not in item.nodeid:
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(sorted(names))}")


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

    # A mutant can turn a loop into one that never ends (the suppression loop of
    # mentoring.disclosure): mutmut would wait for it up to 15 times the test's usual time,
    # minutes per mutant. Under mutation a test gets MUTANT_TEST_CPU_SECONDS of processor
    # time — the slowest takes under 2 s — and then fails: a test that spins is a test that
    # fails, and the mutant is killed. Processor time, not wall time, so a busy machine
    # cannot fail a test that is merely slow.
    MUTANT_TEST_CPU_SECONDS = 20

    class MutantSpins(Exception):
        pass

    def _spinning(signum, frame):
        raise MutantSpins(f"over {MUTANT_TEST_CPU_SECONDS} s of processor time")

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(item, nextitem):
        if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
            return (yield)
        previous = signal.signal(signal.SIGPROF, _spinning)
        signal.setitimer(signal.ITIMER_PROF, MUTANT_TEST_CPU_SECONDS)
        try:
            return (yield)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
