"""`manage.py load_demo`: the Russian demo content and demo accounts, safe to run twice."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.signal_handlers import disable_reference_index_auto_update

import curricula.demo
import growth.demo
import home.demo
import mentoring.demo
import skills.demo

# Each module adds its part; order follows the layers (people first, content last).
DEMO_STEPS = [
    ("people and pairs", mentoring.demo.load),
    ("site tree", home.demo.load),
    ("tool catalogue and skills", skills.demo.load),
    ("tracks, library and curricula", curricula.demo.load),
    ("meetings, feedback and ideas", mentoring.demo.load_activity),
    ("mentors' growth", growth.demo.load),
]


class Command(BaseCommand):
    help = "Load the Russian demo content and demo accounts (password demo12345)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG=False (never in production)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG=False: демо-данные не загружаются на боевом сервере. "
                "Если это точно тестовый стенд, добавьте --force."
            )
        # Wagtail indexes an object's references on each save, and the demo saves its
        # pages several times over (draft, revision, publish): index them once at the end.
        with disable_reference_index_auto_update():
            for label, step in DEMO_STEPS:
                self.stdout.write(f"Loading {label}…")
                with transaction.atomic():
                    step(stdout=self.stdout)
        call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(
                "Demo ready: accounts hr, curator, mentor, mentee; password demo12345"
            )
        )
