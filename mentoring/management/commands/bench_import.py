"""`manage.py bench_import [--rows 5000]`: time the participant import of a generated file.

Builds an XLSX of N valid rows, then times parse + validate (the preview) and apply (the
background task), and a second apply of the same rows (idempotent re-import). Everything
runs inside a transaction that is rolled back, so the database is left as it was.
"""

import io
import json
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from mentoring import importing

ROLES = ["наставник", "наставляемый", "наставляемый", "куратор"]


def build_xlsx(rows):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Сотрудники")
    sheet.append(
        ["ФИО", "E-mail", "Табельный номер", "Завод", "Подразделение", "Должность", "Роль"]
    )
    for n in range(rows):
        sheet.append(
            [
                f"Сотрудников{n} Иван Петрович",
                f"bench{n}@uraltrubmash.example",
                900000 + n,
                "Завод «Уралтрубмаш»" if n % 3 else "Завод «Уралтрубмаш», площадка Полевской",
                f"Цех № {n % 12 + 1}",
                "Инженер",
                ROLES[n % len(ROLES)],
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the import of a generated N-row participant spreadsheet (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=5000)

    def handle(self, *args, rows, **options):
        data = build_xlsx(rows)
        figures = {"rows": rows, "xlsx_bytes": len(data)}
        try:
            with transaction.atomic():
                start = time.perf_counter()
                parsed = importing.parse("bench.xlsx", data)
                figures["parse_s"] = round(time.perf_counter() - start, 2)
                start = time.perf_counter()
                errors = importing.validate(parsed)
                figures["validate_s"] = round(time.perf_counter() - start, 2)
                figures["errors"] = len(errors)
                start = time.perf_counter()
                summary = importing.apply(parsed)
                figures["apply_s"] = round(time.perf_counter() - start, 2)
                figures["created"] = summary.created
                start = time.perf_counter()
                again = importing.apply(importing.parse("bench.xlsx", data))
                figures["reimport_s"] = round(time.perf_counter() - start, 2)
                figures["reimport_unchanged"] = again.unchanged
                raise Rollback
        except Rollback:
            pass
        figures["total_first_import_s"] = round(
            figures["parse_s"] + figures["validate_s"] + figures["apply_s"], 2
        )
        self.stdout.write(json.dumps(figures, ensure_ascii=False))
