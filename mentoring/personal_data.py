"""«Мои данные» and anonymisation: what the platform holds on one person (152-ФЗ).

A person downloads everything held on them as a ZIP: one readable XLSX (a sheet per kind
of record) and their evidence files. HR anonymises a person who left: name and contacts
gone, free text they wrote cleared, evidence files deleted from storage, the account
deactivated — while the counts that feed aggregates (pairs, meetings, levels) stay.

``mentoring`` cannot import the apps above it, so they take part through two Wagtail hooks
registered in their ``wagtail_hooks.py``:

* ``PERSONAL_DATA_HOOK``: ``fn(participant) -> list[Section]`` — their records on the person;
* ``ANONYMISE_HOOK``: ``fn(participant) -> None`` — erase what they hold that names or
  describes the person (files first).
"""

import io
import zipfile
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import ModelLogEntry

from mentoring.hours_export import cell as safe_cell
from mentoring.models import (
    ConsentRecord,
    Feedback,
    Idea,
    Meeting,
    Nomination,
    Pair,
    Participant,
    RecordAccess,
    SupportIssue,
)

PERSONAL_DATA_HOOK = "nastavnik_personal_data"
ANONYMISE_HOOK = "nastavnik_anonymise"


@dataclass
class Section:
    """One sheet of the archive; ``files`` are ``(name in the ZIP, open binary file)``."""

    title: str
    headers: list
    rows: list = field(default_factory=list)
    files: list = field(default_factory=list)


def _date(value):
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return (
        value.strftime("%d.%m.%Y %H:%M") if hasattr(value, "hour") else value.strftime("%d.%m.%Y")
    )


def own_sections(person):
    """What mentoring holds on ``person``."""
    user = person.user
    profile = Section(
        _("Profile"),
        [_("Field"), _("Value")],
        [
            [_("Full name"), person.full_name],
            [_("E-mail"), user.email],
            [_("Login"), user.username],
            [_("Personnel number"), person.personnel_number],
            [_("Plant"), str(person.plant or "")],
            [_("Department"), str(person.department or "")],
            [_("Position"), person.position],
            [_("Manager"), str(person.manager or "")],
            [
                _("Consent to share progress with HR"),
                _("yes") if person.consent_to_share else _("no"),
            ],
            [_("Listed for colleagues"), _("yes") if person.listed_as_expert else _("no")],
        ],
    )
    consents = Section(
        _("Consents"),
        [_("When"), _("Consent"), _("Given"), _("Way"), _("Text version")],
        [
            [
                _date(c.at),
                c.get_kind_display(),
                _("yes") if c.given else _("no"),
                c.get_way_display(),
                c.text.version,
            ]
            for c in ConsentRecord.objects.filter(participant=person).select_related("text")
        ],
    )
    pairs = Pair.objects.involving(person).select_related(
        "cycle", "mentor__user", "mentee__user", "curator__user"
    )
    pair_rows = Section(
        _("Pairs"),
        [_("Cycle"), _("Mentor"), _("Mentee"), _("Curator"), _("Status")],
        [
            [
                str(p.cycle),
                p.mentor.full_name,
                p.mentee.full_name,
                p.curator.full_name if p.curator else "",
                p.get_status_display(),
            ]
            for p in pairs
        ],
    )
    member = Q(pair__mentor=person) | Q(pair__mentee=person)
    meetings = Section(
        _("Meetings"),
        [_("Date"), _("Minutes"), _("Topics the mentee asked for"), _("Private notes of the pair")],
        [
            [_date(m.held_on), m.duration_minutes, m.topics_requested, m.private_notes]
            for m in Meeting.objects.filter(member).order_by("held_on")
        ],
    )
    feedback = Section(
        _("My feedback"),
        [_("Meeting"), _("Usefulness"), _("Equal dialogue"), _("What to change")],
        [
            [_date(f.meeting.held_on), f.usefulness, f.equal_dialogue, f.what_to_change]
            for f in Feedback.objects.filter(author=person).select_related("meeting")
        ],
    )
    issues = Section(
        _("My messages to the curator"),
        [_("Raised"), _("Subject"), _("What happened"), _("Status"), _("Handed over to HR")],
        [
            [
                _date(i.created_at),
                i.subject,
                i.description,
                i.get_status_display(),
                _date(i.handed_to_hr_at),
            ]
            for i in SupportIssue.objects.filter(raised_by=person)
        ],
    )
    nominations = Section(
        _("Nominations"),
        [_("Created"), _("Kind"), _("Nominee"), _("Status")],
        [
            [
                _date(n.created_at),
                n.get_kind_display(),
                str(n.nominee or n.nominee_email),
                n.get_status_display(),
            ]
            for n in Nomination.objects.filter(
                Q(nominee=person) | Q(nominator=person)
            ).select_related("nominee__user")
        ],
    )
    ideas = Section(
        _("Ideas"),
        [_("Created"), _("Title"), _("Description"), _("Status")],
        [
            [_date(i.created_at), i.title, i.description, i.get_status_display()]
            for i in Idea.objects.filter(author=person)
        ],
    )
    log = Section(
        _("Who read my records"),
        [_("When"), _("Who"), _("What"), _("Times")],
        [
            [_date(r.last_at), r.actor.get_full_name() if r.actor else "", r.what, r.count]
            for r in RecordAccess.objects.filter(subject=person).select_related("actor")
        ],
    )
    return [profile, consents, pair_rows, meetings, feedback, issues, nominations, ideas, log]


def sections(person):
    found = own_sections(person)
    for provider in hooks.get_hooks(PERSONAL_DATA_HOOK):
        found.extend(provider(person) or [])
    return found


def archive(person):
    """The ZIP of everything held on ``person``: ``my-data.xlsx`` and the files."""
    from openpyxl import Workbook

    parts = sections(person)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for part in parts:
        sheet = workbook.create_sheet(str(part.title)[:31])
        sheet.append([str(h) for h in part.headers])
        for row in part.rows:
            sheet.append([safe_cell(v) for v in row])
    sheet_bytes = io.BytesIO()
    workbook.save(sheet_bytes)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("my-data.xlsx", sheet_bytes.getvalue())
        for part in parts:
            for name, handle in part.files:
                with handle:
                    bundle.writestr(name, handle.read())
    return out.getvalue()


def scrub_log_labels(participant_pk):
    """Wagtail's log keeps an object's label (its name): replace it for this participant."""
    content_type = ContentType.objects.get_for_model(Participant)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(participant_pk)).update(
        label=_("anonymised participant #%(pk)s") % {"pk": participant_pk}
    )


def deactivate(user):
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])


@transaction.atomic
def anonymise(person, *, left_on=None):
    """Erase what names or describes ``person``; keep the figures aggregates count.

    Name, e-mail, login, personnel number, position and manager go; free text the person
    wrote (feedback comments, messages to the curator, private notes of their pairs) is
    cleared; other apps erase theirs through ``ANONYMISE_HOOK`` (skills deletes evidence
    files from storage); the account cannot log in any more. Pairs, meetings, levels and
    feedback scores stay, without a name, for the programme's results.
    """
    for eraser in hooks.get_hooks(ANONYMISE_HOOK):
        eraser(person)
    user = person.user
    user.first_name = user.last_name = ""
    if hasattr(user, "patronymic"):
        user.patronymic = ""
    user.email = ""
    user.username = f"anonymised-{person.pk}"
    user.is_active = False
    user.set_unusable_password()
    user.save()
    person.personnel_number = None
    person.position = ""
    person.manager = None
    person.consent_to_share = False
    person.listed_as_expert = False
    person.left_company_on = person.left_company_on or left_on or timezone.localdate()
    person.save()
    Feedback.objects.filter(author=person).update(what_to_change="")
    SupportIssue.objects.filter(raised_by=person).update(subject="—", description="")
    Meeting.objects.filter(Q(pair__mentor=person) | Q(pair__mentee=person)).update(
        private_notes="", topics_requested=""
    )
    Nomination.objects.filter(nominee=person).update(statement="", nominee_email="")
    scrub_log_labels(person.pk)
    return person
