"""`manage.py send_meeting_reminders`: queue reminders for pairs behind their cadence (cron)."""

from django.core.management.base import BaseCommand

from mentoring.tasks import send_meeting_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders for active pairs that have not met within their cadence."

    def handle(self, *args, **options):
        result = send_meeting_reminders.enqueue()
        self.stdout.write(f"queued: {result.id}")
