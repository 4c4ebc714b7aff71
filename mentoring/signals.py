"""A deleted participant leaves no account that can log in and no name in the log."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from mentoring.models import Participant


@receiver(post_delete, sender=Participant)
def deactivate_deleted_participant(sender, instance, **kwargs):
    """Deleting a participant deactivates their account and scrubs their name from the log.

    Their evidence files go with their records (``skills.personal_data``).
    """
    from mentoring.personal_data import deactivate, scrub_log_labels

    user = type(instance.user).objects.filter(pk=instance.user_id).first()
    if user is not None and user.is_active:
        deactivate(user)
    pk = instance.pk
    transaction.on_commit(lambda: scrub_log_labels(pk))
