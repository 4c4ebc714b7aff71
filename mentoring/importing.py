"""Bulk import of participants from the HR spreadsheet (XLSX or CSV).

Three steps: :func:`parse` reads the file into rows, :func:`validate` checks every row and
returns Russian row-level errors for the preview, :func:`apply` writes everything in one
transaction or nothing at all. Rows match existing people on the personnel number, so
importing the same file again changes nothing.
"""

import codecs
import csv
import io
import secrets
from dataclasses import dataclass, field

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, UNUSABLE_PASSWORD_SUFFIX_LENGTH
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from mentoring import role_changes
from mentoring.models import Department, Participant, Plant, User
from mentoring.roles import GROUP_NAMES, Role

# Limits checked before a file is read in full, so a hostile or careless file is refused in
# well under a second: its size, the sheet size it declares, its number of rows.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 50
# Lines a CSV of MAX_ROWS rows may have (a quoted cell may hold line breaks): counted first.
MAX_CSV_LINES = (MAX_ROWS + 1) * 4
CHUNK = 500

COLUMNS = (
    "full_name",
    "email",
    "personnel_number",
    "plant",
    "department",
    "position",
    "role",
    "manager",
)
HEADER_ALIASES = {
    "full_name": {"фио", "ф.и.о.", "full name", "name", "сотрудник"},
    "email": {"e-mail", "email", "эл. почта", "электронная почта", "почта"},
    "personnel_number": {"табельный номер", "таб. номер", "табельный", "personnel number"},
    "plant": {"завод", "площадка", "предприятие", "plant"},
    "department": {"подразделение", "цех", "отдел", "department"},
    "position": {"должность", "position"},
    "role": {"роль", "роли", "role", "roles"},
    # the line manager's personnel number: the pairing rules read the line of management
    "manager": {
        "руководитель",
        "табельный номер руководителя",
        "таб. номер руководителя",
        "manager",
    },
}
ROLE_ALIASES = {
    "наставник": Role.MENTOR,
    "наставляемый": Role.MENTEE,
    "наставляемая": Role.MENTEE,
    "куратор": Role.CURATOR,
    "hr-редактор": Role.HR_EDITOR,
    "hr-администратор": Role.HR_ADMIN,
    "методист": Role.HR_EDITOR,
    **{role.value: role for role in Role},
    **{str(role.label).lower(): role for role in Role},
}


def _max_length(model, name):
    return model._meta.get_field(name).max_length


# The same limits as the database columns the rows are written to: the preview finds a
# too-long value, never the write (which would leave the job half-done on PostgreSQL).
FIELD_LIMITS = {
    "full_name": 3 * _max_length(User, "last_name"),
    # the e-mail is also the user name of a new account
    "email": min(_max_length(User, "email"), _max_length(User, "username")),
    "personnel_number": _max_length(Participant, "personnel_number"),
    "position": _max_length(Participant, "position"),
    "plant": _max_length(Plant, "name"),
    "department": _max_length(Department, "name"),
    "manager": _max_length(Participant, "personnel_number"),
}


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong format, no header, too many rows)."""


def _clean(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _normalise_header(value):
    return _clean(value).lower().replace("ё", "е").rstrip(":")


def _encoding_of(data):
    """The encoding of CSV bytes: UTF-16 by its byte-order mark or its zero bytes, else
    UTF-8 if it decodes, else Windows-1251 (Excel's «CSV» on a Russian Windows)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4096]
    if b"\x00" in sample:  # text has no zero bytes, UTF-16 has one per Latin letter
        odd, even = sample[1::2].count(b"\x00"), sample[0::2].count(b"\x00")
        return "utf-16-le" if odd >= even else "utf-16-be"
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "cp1251"
    return "utf-8-sig"


ENCODING_NAMES = {
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "utf-8-sig": "UTF-8",
    "cp1251": "Windows-1251",
}


def _read_csv(data):
    if data.count(b"\n") > MAX_CSV_LINES:
        raise _too_many_rows()
    encoding = _encoding_of(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _(
                "The CSV file looks like %(encoding)s text but cannot be read as it. Save it "
                "from Excel as «CSV UTF-8»."
            )
            % {"encoding": ENCODING_NAMES[encoding]}
        ) from exc
    if "\x00" in text:
        raise ImportFileError(
            _("The CSV file holds binary data; save it from Excel as «CSV UTF-8».")
        )
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append(row[:MAX_COLUMNS])
        if len(rows) > MAX_ROWS + 1:
            raise _too_many_rows()
    return rows, ENCODING_NAMES[encoding]


def _too_many_rows():
    return ImportFileError(
        _("The file has more than %(max)s rows; split it into smaller files.") % {"max": MAX_ROWS}
    )


def _read_xlsx(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        declared_rows, declared_columns = sheet.max_row, sheet.max_column
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ImportFileError(_("The file is not a readable XLSX spreadsheet.")) from exc
    if declared_rows and declared_rows > MAX_ROWS + 1:
        workbook.close()
        raise _too_many_rows()
    if declared_columns and declared_columns > MAX_COLUMNS:
        workbook.close()
        raise ImportFileError(
            _(
                "The sheet is too wide (columns: %(columns)s, the limit: %(max)s). Copy the "
                "table to a new sheet and save the file again."
            )
            % {"columns": declared_columns, "max": MAX_COLUMNS}
        )
    rows = []
    try:
        # bounded even when the declared size is missing or wrong
        for row in sheet.iter_rows(max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS, values_only=True):
            rows.append(list(row))
    except Exception as exc:
        raise ImportFileError(_("The file is not a readable XLSX spreadsheet.")) from exc
    finally:
        workbook.close()
    if len(rows) > MAX_ROWS + 1:
        raise _too_many_rows()
    return rows, None


def read_table(name, data):
    """The non-empty rows of an XLSX or CSV file and the encoding a CSV was read in.

    Size, declared sheet size and row count are checked before the file is read in full.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _("The file is larger than %(size)s MB.") % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    reader = _read_xlsx if name.lower().endswith(".xlsx") else _read_csv
    raw, encoding = reader(data)
    raw = [row for row in raw if any(_clean(v) for v in row)]
    if not raw:
        raise ImportFileError(_("The file is empty."))
    return raw, encoding


def no_rows_error():
    return ImportFileError(_("The file has only the header row: there are no rows to import."))


def parse(name, data):
    """Rows of the file as dicts of the seven columns, each with its spreadsheet row number."""
    raw, encoding = read_table(name, data)
    header = [_normalise_header(v) for v in raw[0]]
    positions = {}
    for column, aliases in HEADER_ALIASES.items():
        for index, title in enumerate(header):
            if title in aliases:
                positions[column] = index
                break
    missing = [c for c in ("full_name", "email", "personnel_number", "plant") if c not in positions]
    if missing:
        raise ImportFileError(
            _(
                "The first row must name the columns: ФИО, E-mail, Табельный номер, Завод, "
                "Подразделение, Должность, Роль. Not found: %(missing)s."
            )
            % {"missing": ", ".join(_column_label(c) for c in missing)}
            + (
                " "
                + _(
                    "The file was read as %(encoding)s text; if the names look garbled, save "
                    "it from Excel as «CSV UTF-8»."
                )
                % {"encoding": encoding}
                if encoding
                else ""
            )
        )
    if len(raw) == 1:
        raise no_rows_error()
    if len(raw) - 1 > MAX_ROWS:
        raise _too_many_rows()
    rows = []
    for number, values in enumerate(raw[1:], start=2):
        row = {"row": number}
        for column in COLUMNS:
            index = positions.get(column)
            row[column] = _clean(values[index]) if index is not None and index < len(values) else ""
        rows.append(row)
    return rows


def _column_label(column):
    return {
        "full_name": _("Full name"),
        "email": _("E-mail"),
        "personnel_number": _("Personnel number"),
        "plant": _("Plant"),
        "department": _("Department"),
        "position": _("Position"),
        "role": _("Role"),
        "manager": _("Manager"),
    }[column]


def parse_roles(value):
    roles, unknown = [], []
    for part in value.replace(";", ",").split(","):
        key = part.strip().lower().replace("ё", "е")
        if not key:
            continue
        if key in ROLE_ALIASES:
            roles.append(ROLE_ALIASES[key].value)
        else:
            unknown.append(part.strip())
    return roles, unknown


def split_name(full_name):
    parts = full_name.split(" ")
    return parts[0], parts[1] if len(parts) > 1 else "", " ".join(parts[2:])


def _chunks(items, size=None):
    size = size or CHUNK
    for start in range(0, len(items), size):
        yield items[start : start + size]


def validate(rows, progress=None):
    """Row-level errors in Russian: a list of ``{"row": n, "messages": [...]}``."""
    errors = []
    seen_numbers, seen_emails = {}, {}
    emails = sorted({r["email"].lower() for r in rows if r["email"]})
    owners = {}  # e-mail -> personnel number of the participant who has it (or "")
    for chunk in _chunks(emails):
        for email, number in Participant.objects.filter(user__email__in=chunk).values_list(
            "user__email", "personnel_number"
        ):
            owners[email.lower()] = number or ""
    file_numbers = {r["personnel_number"] for r in rows if r["personnel_number"]}
    wanted_managers = sorted({r.get("manager") for r in rows if r.get("manager")} - file_numbers)
    known_managers = set()
    for chunk in _chunks(wanted_managers):
        known_managers.update(
            Participant.objects.filter(personnel_number__in=chunk).values_list(
                "personnel_number", flat=True
            )
        )
    for index, row in enumerate(rows):
        messages = []
        parts = row["full_name"].split(" ") if row["full_name"] else []
        if len(parts) < 2:
            messages.append(_("Give the full name: surname and first name at least."))
        if not row["email"]:
            messages.append(_("The e-mail is missing."))
        else:
            try:
                validate_email(row["email"])
            except ValidationError:
                messages.append(
                    _("“%(value)s” is not an e-mail address.") % {"value": row["email"]}
                )
        number = row["personnel_number"]
        if not number:
            messages.append(_("The personnel number is missing."))
        elif number in seen_numbers:
            messages.append(
                _("Personnel number %(number)s is already in row %(row)s.")
                % {"number": number, "row": seen_numbers[number]}
            )
        else:
            seen_numbers[number] = row["row"]
        email = row["email"].lower()
        if email:
            if email in seen_emails:
                messages.append(
                    _("E-mail %(email)s is already in row %(row)s.")
                    % {"email": row["email"], "row": seen_emails[email]}
                )
            else:
                seen_emails[email] = row["row"]
            owner = owners.get(email)
            if owner and number and owner != number:
                messages.append(
                    _("E-mail %(email)s belongs to the person with personnel number %(number)s.")
                    % {"email": row["email"], "number": owner}
                )
        if not row["plant"]:
            messages.append(_("The plant is missing."))
        _roles, unknown = parse_roles(row["role"])
        if unknown:
            messages.append(
                _(
                    "Unknown role “%(role)s”: use наставник, наставляемый, куратор, "
                    "HR-редактор or HR-администратор."
                )
                % {"role": ", ".join(unknown)}
            )
        for column, limit in FIELD_LIMITS.items():
            if len(row[column]) > limit:
                messages.append(
                    _("The “%(column)s” column is longer than %(limit)s characters.")
                    % {"column": _column_label(column), "limit": limit}
                )
        manager = row.get("manager", "")
        if manager and manager == number:
            messages.append(_("A person cannot be their own manager."))
        elif manager and manager not in file_numbers and manager not in known_managers:
            messages.append(
                _("No one has the manager's personnel number %(number)s.") % {"number": manager}
            )
        if messages:
            errors.append({"row": row["row"], "messages": messages})
        if progress and index and index % CHUNK == 0:
            progress(index)
    if progress:
        progress(len(rows))
    return errors


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    roles_added: int = 0
    plants_created: list = field(default_factory=list)
    # participants whose account the import created (no password yet: they are invited)
    new_accounts: list = field(default_factory=list)

    def as_dict(self):
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "roles_added": self.roles_added,
            "plants_created": self.plants_created,
        }


def apply(rows, progress=None):
    """Write the rows in one transaction; raise ``ValueError`` if any row is invalid."""
    # progress is reported while checking: writes inside the transaction below would stay
    # invisible to the progress page until the commit
    errors = validate(rows, progress=progress)
    if errors:
        raise ValueError(errors)
    summary = ImportSummary()
    with transaction.atomic():
        plants = {p.name: p for p in Plant.objects.all()}
        for name in sorted({r["plant"] for r in rows} - set(plants)):
            plants[name] = Plant.objects.create(name=name)
            summary.plants_created.append(name)
        departments = {(d.plant_id, d.name): d for d in Department.objects.all()}
        wanted = {(plants[r["plant"]].pk, r["department"]) for r in rows if r["department"]}
        new_departments = [
            Department(plant_id=plant_id, name=name)
            for plant_id, name in sorted(wanted - set(departments))
        ]
        Department.objects.bulk_create(new_departments)
        departments = {(d.plant_id, d.name): d for d in Department.objects.all()}
        groups = {Role(role): Group.objects.get(name=name) for role, name in GROUP_NAMES.items()}

        for chunk in _chunks(rows):
            _apply_chunk(chunk, plants, departments, groups, summary)
        _apply_managers(rows)
    return summary


def _apply_managers(rows):
    """Set each person's line manager from the file (people are all saved by now)."""
    pairs = [(r["personnel_number"], r["manager"]) for r in rows if r.get("manager")]
    for chunk in _chunks(pairs):
        numbers = {n for pair in chunk for n in pair}
        ids = dict(
            Participant.objects.filter(personnel_number__in=numbers).values_list(
                "personnel_number", "pk"
            )
        )
        changed = []
        for person in Participant.objects.filter(personnel_number__in=[p for p, _m in chunk]).only(
            "pk", "personnel_number", "manager_id"
        ):
            manager_id = ids.get(dict(chunk)[person.personnel_number])
            if manager_id and person.manager_id != manager_id:
                person.manager_id = manager_id
                changed.append(person)
        Participant.objects.bulk_update(changed, ["manager"])


def _unusable_password():
    """What ``set_unusable_password`` stores (the invitation sets a real one), made with one
    call to the system's random source instead of forty: a third of a large import's time."""
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_hex(UNUSABLE_PASSWORD_SUFFIX_LENGTH // 2)


def _apply_chunk(rows, plants, departments, groups, summary):
    numbers = [r["personnel_number"] for r in rows]
    emails = [r["email"].lower() for r in rows]
    by_number = {
        p.personnel_number: p
        for p in Participant.objects.filter(personnel_number__in=numbers).select_related("user")
    }
    by_email = {
        p.user.email.lower(): p
        for p in Participant.objects.filter(
            user__email__in=emails, personnel_number__isnull=True
        ).select_related("user")
    }
    users_by_email = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
    taken_usernames = set(
        User.objects.filter(username__in=emails).values_list("username", flat=True)
    )

    users_to_update, participants_to_update = [], []
    new_users, new_participants = [], []
    for row in rows:
        last, first, patronymic = split_name(row["full_name"])
        plant = plants[row["plant"]]
        department = departments.get((plant.pk, row["department"])) if row["department"] else None
        participant = by_number.get(row["personnel_number"]) or by_email.get(row["email"].lower())
        if participant is None:
            user = users_by_email.get(row["email"].lower())
            if user is None:
                username = row["email"].lower()
                if username in taken_usernames:
                    username = f"{username}#{row['personnel_number']}"[:150]
                user = User(
                    username=username,
                    email=row["email"],
                    last_name=last[:150],
                    first_name=first[:150],
                    patronymic=patronymic[:150],
                )
                user.password = _unusable_password()
                new_users.append(user)
            new_participants.append(
                (
                    user,
                    Participant(
                        personnel_number=row["personnel_number"],
                        plant=plant,
                        department=department,
                        position=row["position"],
                    ),
                    row,
                )
            )
            continue
        user = participant.user
        user_changed = False
        for attr, value in (
            ("last_name", last[:150]),
            ("first_name", first[:150]),
            ("patronymic", patronymic[:150]),
            ("email", row["email"]),
        ):
            if getattr(user, attr) != value:
                setattr(user, attr, value)
                user_changed = True
        participant_changed = False
        for attr, value in (
            ("personnel_number", row["personnel_number"]),
            ("plant_id", plant.pk),
            ("department_id", department.pk if department else None),
            ("position", row["position"]),
        ):
            if getattr(participant, attr) != value:
                setattr(participant, attr, value)
                participant_changed = True
        if user_changed:
            users_to_update.append(user)
        if participant_changed:
            participants_to_update.append(participant)
        if user_changed or participant_changed:
            summary.updated += 1
        else:
            summary.unchanged += 1

    User.objects.bulk_create(new_users)
    for user, participant, _row in new_participants:
        participant.user_id = user.pk
    created = Participant.objects.bulk_create([p for _u, p, _r in new_participants])
    summary.created += len(new_participants)
    summary.new_accounts.extend(p.pk for p in created)
    if users_to_update:
        User.objects.bulk_update(
            users_to_update, ["last_name", "first_name", "patronymic", "email"]
        )
    if participants_to_update:
        Participant.objects.bulk_update(
            participants_to_update, ["personnel_number", "plant", "department", "position"]
        )

    # roles are only ever added by an import, never taken away
    user_ids = {r["personnel_number"]: None for r in rows}
    for participant in list(by_number.values()) + list(by_email.values()):
        user_ids[participant.personnel_number] = participant.user_id
    for user, participant, _row in new_participants:
        user_ids[participant.personnel_number] = user.pk
    Through = User.groups.through
    existing = set(
        Through.objects.filter(user_id__in=[u for u in user_ids.values() if u]).values_list(
            "user_id", "group_id"
        )
    )
    links = []
    for row in rows:
        user_id = user_ids.get(row["personnel_number"])
        for role in parse_roles(row["role"])[0]:
            key = (user_id, groups[Role(role)].pk)
            if user_id and key not in existing:
                existing.add(key)
                links.append(Through(user_id=key[0], group_id=key[1]))
    Through.objects.bulk_create(links)
    summary.roles_added += len(links)
    role_by_group = {group.pk: role for role, group in groups.items()}
    role_changes.log_granted(
        [(link.user_id, role_by_group[link.group_id]) for link in links], reason="import"
    )
