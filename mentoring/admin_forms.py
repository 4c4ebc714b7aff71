"""Wagtail admin forms that keep the programme's rules (lifecycle, outcome e-mails)."""

from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from mentoring import emails, pairing, role_changes
from mentoring.models import Nomination, Pair, PairTransitionError


class PairAdminForm(WagtailAdminModelForm):
    """The pair form in the admin: saved through the pairing rules, and a status change goes
    through :meth:`Pair.transition_to` (ending early: three working days' notice)."""

    def clean(self):
        data = super().clean()
        new = data.get("status")
        if not new:
            return data
        if self.instance.pk is None:
            if new not in (Pair.Status.PROPOSED, Pair.Status.ACTIVE):
                self.add_error("status", _("A new pair starts as proposed or active."))
            return data
        original = Pair.objects.get(pk=self.instance.pk)
        if new != original.status:
            try:
                original.check_transition(new, data.get("end_reason", ""))
                if new == Pair.Status.ENDED_EARLY:
                    original.early_end_date(end_on=data.get("ended_on"))
            except PairTransitionError as error:
                field = (
                    "ended_on"
                    if new == Pair.Status.ENDED_EARLY and data.get("end_reason")
                    else "status"
                )
                self.add_error(field, error.messages[0])
        return data

    def save(self, commit=True):
        """Save through the pairing rules (:mod:`mentoring.pairing`) or the lifecycle."""
        pair = super().save(commit=False)
        if pair.pk is not None:
            original_status = Pair.objects.values_list("status", flat=True).get(pk=pair.pk)
            if pair.status != original_status:
                new = pair.status
                pair.status = original_status
                with transaction.atomic():
                    if {"mentor", "mentee", "cycle", "curator"} & set(self.changed_data):
                        pairing.save_pair(pair, by=getattr(self, "for_user", None))
                    pair.transition_to(
                        new,
                        pair.end_reason,
                        on=self.cleaned_data.get("ended_on") if new != Pair.Status.ACTIVE else None,
                        by=getattr(self, "for_user", None),
                        side=Pair.Side.HR,
                    )
                return pair
        elif pair.status == Pair.Status.ACTIVE and not pair.started_on:
            pair.started_on = timezone.localdate()
        if commit:
            pairing.save_pair(pair, by=getattr(self, "for_user", None))
        return pair


class NominationAdminForm(WagtailAdminModelForm):
    """HR's decision; the nominee gets the outcome by e-mail once per decision, and the
    mentor role follows it (:func:`mentoring.role_changes.after_nomination`)."""

    def save(self, commit=True):
        nomination = super().save(commit=False)
        previous = (
            Nomination.objects.filter(pk=nomination.pk).values_list("status", flat=True).first()
        )
        decided = nomination.status != Nomination.Status.SUBMITTED
        if decided and nomination.outcome_sent_for != nomination.status:
            nomination.decided_at = timezone.now()
            nomination.outcome_sent_for = nomination.status
            transaction.on_commit(lambda: emails.send_nomination_outcome(nomination))
        if commit:
            with transaction.atomic():
                nomination.save()
                self.save_m2m()
                role_changes.after_nomination(
                    nomination, previous, by=getattr(self, "for_user", None)
                )
        return nomination


class ParticipantAdminForm(WagtailAdminModelForm):
    """A participant with their name and e-mail: adding one creates the account (no password)
    and e-mails an invitation (:mod:`mentoring.invitations`) once the person is saved.

    Only the name and address of the account are edited here; roles follow the programme
    and passwords are the person's own.
    """

    last_name = forms.CharField(label=_("Last name"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    patronymic = forms.CharField(label=_("Patronymic"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), max_length=254)

    USER_FIELDS = ("last_name", "first_name", "patronymic", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in self.USER_FIELDS:
                self.fields[name].initial = getattr(self.instance.user, name)

    def clean_email(self):
        from mentoring.models import User

        email = self.cleaned_data["email"].strip()
        others = User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        if self.instance.pk:
            others = others.exclude(pk=self.instance.user_id)
        if others.exists():
            raise forms.ValidationError(_("Another account already has this e-mail address."))
        return email

    def save(self, commit=True):
        from mentoring import invitations
        from mentoring.models import User

        person = super().save(commit=False)
        creating = person.pk is None
        with transaction.atomic():
            if creating:
                user = User(username=self.cleaned_data["email"].lower())
                user.set_unusable_password()
            else:
                user = person.user
            for name in self.USER_FIELDS:
                setattr(user, name, self.cleaned_data[name])
            user.save()
            person.user = user
            if commit:
                person.save()
                self.save_m2m()
        if creating and commit:
            by = getattr(self, "for_user", None)
            transaction.on_commit(lambda: invitations.send(person, by=by))
        return person
