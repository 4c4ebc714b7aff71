"""`manage.py search_relevance`: hits@3 of the relevance set and query times, per backend."""

import json

from django.core.management.base import BaseCommand

from search import conf, service
from search.backends import get_backend
from search.relevance import evaluate


class Command(BaseCommand):
    help = "Report hits@3 and p50/p95 query time of search/relevance.json on each backend."

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
            score = result["hits_at_3"]
            self.stdout.write(
                f"{name}: hits@3 = {score:.3f} over {result['evaluated']} queries "
                f"({len(result['skipped'])} skipped: expected page missing); "
                f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms"
                if score is not None
                else f"{name}: no query has its expected pages here"
            )
            if options["verbose_misses"]:
                for row in result["rows"]:
                    if not row["hit"]:
                        self.stdout.write(
                            f"  MISS {row['q']!r}: want {row['expect']} got {row['top']}"
                        )
        if options["json"]:
            for result in report.values():
                result.pop("rows", None)
            self.stdout.write(json.dumps(report, ensure_ascii=False))
