"""`manage.py search_rebuild`: index every searchable page again, with a progress bar."""

import sys
import time

from django.core.management.base import BaseCommand

from search import service
from search.backends import get_backend
from search.documents import count_pages


class Progress:
    """A one-line text progress bar, redrawn on terminals and printed every 10% otherwise."""

    def __init__(self, stream, total, width=30):
        self.stream, self.total, self.width = stream, max(total, 1), width
        self.done, self.last_decile = 0, -1
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, step=1):
        self.done += step
        share = min(self.done / self.total, 1)
        bar = "#" * int(share * self.width)
        line = f"[{bar:<{self.width}}] {self.done}/{self.total} ({share:.0%})"
        if self.tty:
            self.stream.write("\r" + line, ending="")
            self.stream.flush()
        elif int(share * 10) != self.last_decile:
            self.last_decile = int(share * 10)
            self.stream.write(line)


class Command(BaseCommand):
    help = "Rebuild the search index of the configured backend (SEARCH_BACKEND)."

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="database or elasticsearch (default: settings)")
        parser.add_argument("--url", help="Elasticsearch/OpenSearch URL (default: SEARCH_URL)")

    def handle(self, *args, backend=None, url=None, **options):
        engine = get_backend(backend, url)
        total = count_pages()
        self.stdout.write(f"Indexing {total} pages into {engine.name}…")
        started = time.monotonic()
        progress = Progress(self.stdout, total)
        count = service.rebuild(engine, progress=progress)
        if progress.tty:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} pages in {time.monotonic() - started:.1f} s.")
        )
        sys.stdout.flush()
