"""The relevance set on the demo content: the four figures must hold on every backend.

Floors: hits@3 at least 0.95, junk (results shown for a question the content does not
answer) at most 1 in 20, and hits@1 and MRR not below what the engine reached when the set
was written (they guard the order, not only the top three). Cases whose pages the demo does
not create are skipped.
"""

import io

import pytest

from django.core.management import call_command
from django.db import transaction

from search import service
from search.relevance import evaluate, load_cases
from tests.search.conftest import BACKEND_PARAMS, make_backend

FLOORS = {"hits_at_3": 0.95, "hits_at_1": 0.87, "mrr": 0.9}
MAX_JUNK = 1 / 20


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--force", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request, demo):
    engine = make_backend(request.param, request)
    service.rebuild(engine)
    yield engine
    if hasattr(engine, "drop"):
        engine.drop()


def test_relevance_set_is_well_formed():
    cases = load_cases()
    written = [case for case in cases if case["kind"] != "lookup"]
    assert len(written) >= 150
    assert sum(1 for case in cases if not case["expect"]) >= 20
    assert all(case["q"].strip() and case["kind"] for case in cases)
    assert {case["kind"] for case in cases} >= {"typo", "layout", "jargon", "abbreviation"}
    assert len({case["q"] for case in cases}) == len(cases)


def test_four_figures_hold(backend, db):
    report = evaluate(backend)
    if not report["answerable"]:
        pytest.skip("the demo content on this branch has none of the expected pages")
    misses = [(r["q"], r["expect"], r["top"]) for r in report["rows"] if not r["hit"]]
    for figure, floor in FLOORS.items():
        assert report[figure] >= floor, (figure, report[figure], misses)
    assert report["junk"] <= MAX_JUNK, misses
