"""Wagtail's own search (the admin's page, document and snippet search) in Russian.

Wagtail's database backend, with two changes so an editor typing «наставника» finds
«Наставники цеха»:

- PostgreSQL: the `russian` text search configuration (``SEARCH_CONFIG``) for search and
  for the admin's as-you-type search too, which Wagtail otherwise runs with `simple`;
- SQLite: FTS5 has no Russian stemmer, so each word is stored with its Snowball stem
  (`search.text.stem`) and the words of a query are stemmed the same way.

Set as ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.admin_backend",
"SEARCH_CONFIG": "russian"}}``; after switching an existing site, run
``manage.py update_index``.
"""


def SearchBackend(params):  # Wagtail looks the backend up by this name
    """The Russian backend for the database in use (Wagtail's own choice otherwise)."""
    from django.db import connection

    from wagtail.search.backends.database import SearchBackend as wagtail_backend

    if connection.vendor == "postgresql":
        from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

        class RussianPostgresSearchBackend(PostgresSearchBackend):
            def __init__(self, params):
                super().__init__(params)
                self.autocomplete_config = self.config or "russian"

        return RussianPostgresSearchBackend({"SEARCH_CONFIG": "russian", **params})
    backend = wagtail_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from search.admin_sqlite import RussianSQLiteSearchBackend

        return RussianSQLiteSearchBackend(params)
    return backend
