"""Locust users for the load test: one class per role, weighted like a plant's rollout.

Run through ``make loadtest`` (``bench/load/run.py``), which starts gunicorn with production
settings on PostgreSQL and Redis first. Requests carry ``X-Forwarded-Proto: https`` as
nginx in front of gunicorn would, so the production settings (secure cookies, CSRF checks)
are exercised as deployed; the secure cookies are then sent back over the plain loopback.
"""

import itertools
from urllib.parse import urlsplit

from locust import HttpUser, between, task
from locust.exception import RescheduleTask

from bench.load.journeys import ACCOUNTS, ROLE_WEIGHTS, STEPS, Journey, Unexpected

_accounts = {role: itertools.cycle(names) for role, names in ACCOUNTS.items()}


class RoleUser(HttpUser):
    """A signed-in person of one role, thinking 1–3 s between steps."""

    abstract = True
    role = None
    wait_time = between(1, 3)

    def on_start(self):
        host = urlsplit(self.host).netloc
        self.headers = {"X-Forwarded-Proto": "https", "Referer": f"https://{host}/"}
        self.journey = Journey(self.fetch, self.role, next(_accounts[self.role]))
        self.steps = [step for step, _weight in STEPS[self.role]]
        self.weights = [weight for _step, weight in STEPS[self.role]]
        self.journey.log_in()

    def fetch(self, method, path, name, data=None, expect=200):
        with self.client.request(
            method,
            path,
            name=name,
            data=data,
            headers=self.headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            for cookie in self.client.cookies:
                cookie.secure = False
            unexpected = response.status_code != expect
            if unexpected:
                response.failure(f"{response.status_code} (expected {expect}) for {path}")
        if unexpected:
            raise RescheduleTask()  # the rest of this step depends on the page
        return response.text

    @task
    def step(self):
        (chosen,) = self.journey.rng.choices(self.steps, weights=self.weights)
        try:
            chosen(self.journey)
        except Unexpected as error:
            self.environment.events.request.fire(
                request_type="JOURNEY",
                name=chosen.__name__,
                response_time=0,
                response_length=0,
                exception=error,
                context={},
            )


def _role_class(role):
    return type(
        f"{role.title().replace('_', '')}User",
        (RoleUser,),
        {"role": role, "weight": ROLE_WEIGHTS[role], "__module__": __name__},
    )


MenteeUser = _role_class("mentee")
MentorUser = _role_class("mentor")
CuratorUser = _role_class("curator")
HrEditorUser = _role_class("hr_editor")
HrAdminUser = _role_class("hr_admin")
