"""Every step of the load test's journeys works once, for every role, on the demo site.

The load itself (`make loadtest`) is not part of the suite: its figures are timings.
"""

import random

import pytest
import requests

from bench.load.journeys import ACCOUNTS, STEPS, Journey

pytestmark = [pytest.mark.standalone, pytest.mark.xdist_group("demo")]


def fetcher(base, session):
    def fetch(method, path, name, data=None, expect=200):
        response = session.request(method, base + path, data=data, allow_redirects=False)
        assert response.status_code == expect, f"{name}: {method} {path} → {response.status_code}"
        return response.text

    return fetch


@pytest.mark.parametrize("role", list(STEPS))
def test_every_step_of_the_role_answers_as_expected(demo_server, role):
    session = requests.Session()
    journey = Journey(fetcher(demo_server, session), role, ACCOUNTS[role][0], random.Random(1))
    journey.log_in()
    journey.rng.random = lambda: 0.0  # take every optional branch (PDFs, exports)
    for step, _weight in STEPS[role]:
        step(journey)
