"""`manage.py bench`: build the large data set in a throwaway database and measure pages.

Prints one JSON object of named figures (queries, milliseconds, bytes, sizes). The
database is created from scratch with Django's test-database machinery and dropped at the
end, so the development data is never touched.
"""

import json
import os
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment

from bench.data import build_activity, build_library, build_people
from bench.scenarios import SCENARIOS


class Command(BaseCommand):
    help = "Measure page speed and query counts on a large generated data set (JSON output)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=1, help="1 = 1,000 mentees.")
        parser.add_argument("--keep", action="store_true", help="Keep the bench database.")

    def handle(self, *args, scale=1, keep=False, **options):
        figures = {"scale": scale}
        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        started = time.perf_counter()
        test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        figures["migrate_s"] = round(time.perf_counter() - started, 1)
        try:
            started = time.perf_counter()
            call_command("load_demo", "--force", stdout=open(os.devnull, "w"))  # noqa: SIM115
            figures["load_demo_s"] = round(time.perf_counter() - started, 1)
            started = time.perf_counter()
            data = build_people(scale=scale)
            figures.update(build_activity(data))
            figures["materials"] = build_library(200)
            figures["build_data_s"] = round(time.perf_counter() - started, 1)
            figures["mentees"] = len(data["mentees"])
            figures["pairs"] = len(data["pairs"])
            for scenario in SCENARIOS:
                figures.update(scenario(data))
        finally:
            if not keep:
                connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
        figures["database"] = connection.vendor
        figures["test_db"] = str(test_db) if keep else None
        self.stdout.write(json.dumps(figures, ensure_ascii=False))
