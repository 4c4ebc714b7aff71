"""What each role does on a working day, as requests named by the kind of page they open.

No locust here: ``bench/load/locustfile.py`` runs these journeys under load, and the test
suite runs each step once against the demo server (``tests/e2e/test_load_journeys.py``).
A journey is given ``fetch(method, path, name, data=None)``, which returns the response's
text and fails (raises :class:`Unexpected`) when the status is not the expected one.
Addresses are found the way a person finds them, by following the site's own links.
"""

import random
import re

# Demo accounts per role (password demo12345) and how many of the 50 users play each role:
# mostly mentees and mentors, a few curators, a handful of HR people.
ACCOUNTS = {
    "mentee": ["mentee", *(f"mentee{n}" for n in range(2, 9))],
    "mentor": ["mentor", *(f"mentor{n}" for n in range(2, 10))],
    "curator": ["curator", "curator2"],
    "hr_editor": ["hreditor"],
    "hr_admin": ["hr"],
}
ROLE_WEIGHTS = {"mentee": 20, "mentor": 16, "curator": 6, "hr_editor": 3, "hr_admin": 5}
PASSWORD = "demo12345"  # noqa: S105 - the demo accounts' published password
SEARCH_TERMS = ["Excel", "Power Query", "отчёт", "1С", "чек-лист", "обратная связь", "Teams"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Unexpected(Exception):
    """A page answered something a person would see as an error."""


def links(html, pattern):
    """Distinct addresses in ``html`` matching ``pattern`` (a regex on the href value);
    the PDF versions are left out (a step asks for them by adding ``pdf/``)."""
    found = re.findall(r'href="(' + pattern + r')"', html)
    return [url for url in dict.fromkeys(found) if not url.endswith("/pdf/")]


class Journey:
    """One signed-in person clicking through the site; steps are the public methods."""

    def __init__(self, fetch, role, username, rng=None):
        self.fetch = fetch
        self.role = role
        self.username = username
        self.rng = rng or random.Random()
        self.seen = {}

    def pick(self, html, pattern, name):
        found = links(html, pattern)
        if not found:
            raise Unexpected(f"{self.username}: no link to {name} ({pattern})")
        return self.rng.choice(found)

    def log_in(self):
        page = self.fetch("GET", "/login/", "login page")
        token = TOKEN.search(page).group(1)
        data = {"csrfmiddlewaretoken": token, "username": self.username, "password": PASSWORD}
        self.fetch("POST", "/login/", "log in", data=data, expect=302)

    # Everyone

    def home_and_dashboard(self):
        self.fetch("GET", "/", "home")
        self.fetch("GET", "/my/", "my page")

    def search(self):
        term = self.rng.choice(SEARCH_TERMS)
        self.fetch("GET", f"/search/suggest/?q={term[:3]}", "search suggest")
        self.fetch("GET", f"/search/?q={term}", "search")

    def tool_guide(self):
        index = self.fetch("GET", "/tools/", "tool catalogue")
        tool = self.pick(index, r"/tools/[\w-]+/", "a tool page")
        self.fetch("GET", tool, "tool page")
        if self.rng.random() < 0.3:
            self.fetch("GET", tool + "pdf/", "tool PDF")

    def track_module(self):
        index = self.fetch("GET", "/tracks/", "track index")
        track = self.pick(index, r"/tracks/[\w-]+/", "a track")
        html = self.fetch("GET", track, "track page")
        module = self.pick(html, re.escape(track) + r"[\w-]+/", "a module")
        self.fetch("GET", module, "module page")
        if self.rng.random() < 0.2:
            self.fetch("GET", module + "pdf/", "module PDF")

    def library(self):
        index = self.fetch("GET", "/library/", "library")
        material = self.pick(index, r"/library/[\w-]+/", "a material")
        self.fetch("GET", material, "material page")
        if self.rng.random() < 0.2:
            self.fetch("GET", material + "pdf/", "material PDF")

    # Mentees

    def my_skills(self):
        self.fetch("GET", "/my/skills/", "my skills")

    def my_pair(self):
        pairs = self.fetch("GET", "/my/pairs/", "my pairs")
        pair = self.pick(pairs, r"/my/pairs/\d+/", "a pair")
        html = self.fetch("GET", pair, "pair page")
        meetings = links(html, r"/my/meetings/\d+/")
        if meetings:
            self.fetch("GET", self.rng.choice(meetings), "meeting page")

    def self_assessment(self):
        index = self.fetch("GET", "/tools/", "tool catalogue")
        tool = self.pick(index, r"/tools/[\w-]+/", "a tool page")
        html = self.fetch("GET", tool, "tool page")
        action = re.search(r'action="(/my/skills/\d+/assess/)"', html)
        if not action:
            return
        data = {
            "csrfmiddlewaretoken": TOKEN.search(html).group(1),
            "level": str(self.rng.randint(1, 3)),
            "evidence_text": "Сделал сводку по сменам сам",
            "next": tool,
        }
        self.fetch("POST", action.group(1), "self-assessment", data=data, expect=302)

    # Mentors

    def my_mentees(self):
        html = self.fetch("GET", "/my/mentees/", "my mentees")
        people = links(html, r"/skills/people/\d+/")
        if people:
            self.fetch("GET", self.rng.choice(people), "person's skills")

    def session_plan(self):
        plans = self.fetch("GET", "/my/plans/", "plans")
        found = links(plans, r"/my/plans/\d+/")
        if found:
            plan = self.rng.choice(found)
            self.fetch("GET", plan, "plan page")
            if self.rng.random() < 0.3:
                self.fetch("GET", plan + "pdf/", "plan PDF")

    # Curators

    def curator_desk(self):
        desk = self.fetch("GET", "/curator/", "curator desk")
        pairs = links(desk, r"/curator/pairs/\d+/")
        if pairs:
            self.fetch("GET", self.rng.choice(pairs), "curated pair")

    # Mentors, curators and HR

    def skills_matrix(self):
        self.fetch("GET", "/skills/matrix/", "skills matrix")
        if self.rng.random() < 0.3:
            export = self.rng.choice(["/skills/matrix.csv", "/skills/matrix.xlsx"])
            self.fetch("GET", export, "matrix export")

    # HR

    def programme_results(self):
        self.fetch("GET", "/programme/results/", "programme results")
        if self.rng.random() < 0.3:
            self.fetch("GET", "/programme/results.xlsx", "results export")

    def admin_pages(self):
        self.fetch("GET", "/admin/", "admin dashboard")
        self.fetch("GET", "/admin/pages/", "admin page explorer")

    def admin_programme(self):
        self.fetch("GET", "/admin/pairs/", "admin pairs")
        self.fetch("GET", "/admin/participants/", "admin participants")
        if self.rng.random() < 0.3:
            self.fetch("GET", "/admin/participants/?export=csv", "admin participants export")


# What each role does, with how often (relative weights).
COMMON = [
    (Journey.home_and_dashboard, 3),
    (Journey.search, 3),
    (Journey.tool_guide, 3),
    (Journey.track_module, 2),
]
STEPS = {
    "mentee": [
        *COMMON,
        (Journey.my_skills, 3),
        (Journey.my_pair, 2),
        (Journey.self_assessment, 1),
    ],
    "mentor": [
        *COMMON,
        (Journey.library, 3),
        (Journey.my_mentees, 3),
        (Journey.session_plan, 2),
        (Journey.my_pair, 1),
        (Journey.skills_matrix, 1),
    ],
    "curator": [*COMMON, (Journey.curator_desk, 4), (Journey.skills_matrix, 2)],
    "hr_editor": [
        *COMMON,
        (Journey.programme_results, 3),
        (Journey.skills_matrix, 2),
        (Journey.admin_pages, 3),
    ],
    "hr_admin": [
        *COMMON,
        (Journey.programme_results, 3),
        (Journey.skills_matrix, 2),
        (Journey.admin_programme, 3),
    ],
}
