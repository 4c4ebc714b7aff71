"""`manage.py deactivate_leavers`: queue the daily deactivation of people who left (cron)."""

from django.core.management.base import BaseCommand

from mentoring.tasks import deactivate_leavers


class Command(BaseCommand):
    help = (
        "Disable the accounts of people whose last day in the company has come, take their "
        "programme roles and end their running pairs. Run it daily from cron."
    )

    def handle(self, *args, **options):
        result = deactivate_leavers.enqueue()
        if result.is_finished:
            self.stdout.write(f"done: {result.return_value}")
        else:
            self.stdout.write(f"queued: {result.id}")
