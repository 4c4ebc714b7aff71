"""`manage.py search_relevance`: hits@1, hits@3, MRR and junk of the relevance set, per backend."""

import json

from django.core.management.base import BaseCommand

from search import conf, service
from search.backends import get_backend
from search.relevance import evaluate


def _fmt(value):
    return "—" if value is None else f"{value:.3f}"


class Command(BaseCommand):
    help = (
        "Report hits@1, hits@3, MRR, junk on no-answer queries and p50/p95 query time of "
        "search/relevance.json on each backend."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            action="append",
            help="database, elasticsearch (repeatable; default: database, plus elasticsearch "
            "when SEARCH_URL is set)",
        )
        parser.add_argument("--url", help="Elasticsearch/OpenSearch URL (default: SEARCH_URL)")
        parser.add_argument("--rebuild", action="store_true", help="Rebuild each index first.")
        parser.add_argument("--verbose-misses", action="store_true", help="List the misses.")
        parser.add_argument("--kinds", action="store_true", help="Figures per kind of query.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args, backend=None, url=None, **options):
        names = backend or (
            ["database", "elasticsearch"] if (url or conf.search_url()) else ["database"]
        )
        report = {}
        for name in names:
            engine = get_backend(name, url)
            if options["rebuild"]:
                service.rebuild(engine)
            result = evaluate(engine)
            report[name] = result
            if options["json"]:
                continue
            self.stdout.write(self._line(name, result))
            if options["kinds"]:
                for kind, figures in result["kinds"].items():
                    self.stdout.write(self._figures(f"  {kind or '-'}", figures))
            if options["verbose_misses"]:
                for row in result["rows"]:
                    if not row["hit"]:
                        label = "JUNK" if row["junk"] else "MISS"
                        self.stdout.write(
                            f"  {label} [{row['kind']}] {row['q']!r}: want {row['expect']} "
                            f"got {row['top']}"
                        )
        if options["json"]:
            for result in report.values():
                result.pop("rows", None)
            self.stdout.write(json.dumps(report, ensure_ascii=False))

    def _figures(self, label, f):
        return (
            f"{label}: hits@1 {_fmt(f['hits_at_1'])}, hits@3 {_fmt(f['hits_at_3'])}, "
            f"MRR {_fmt(f['mrr'])} over {f['answerable']} queries; junk on no-answer "
            f"{_fmt(f['junk'])} ({f['junk_count']} of {f['no_answer']})"
        )

    def _line(self, name, result):
        if not result["evaluated"]:
            return f"{name}: no query has its expected pages here"
        return (
            self._figures(name, result)
            + f"; {len(result['skipped'])} skipped (pages missing); "
            + f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms"
        )
