"""On PostgreSQL, a trigram GIN index on the token string the database backend matches.

A term matches a whole token (``tokens LIKE '% ос %'``) or the start of one
(``LIKE '% наставн%'``): a pattern with a wildcard in front, which a B-tree cannot serve, so
every search read the whole table — all the text of every page — and its cost grew with the
content. ``pg_trgm``'s GIN index answers such a LIKE from the trigrams of its literal parts
(the database rechecks each row, so the answers stay exactly the same); the backend asks
for it (`DatabaseBackend.reading`). pg_trgm is a
trusted extension (PostgreSQL 13+): the database's owner may create it. Other databases keep
the table as it is.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_entry_tokens_trgm ON search_searchentry "
    "USING gin (tokens gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_tokens_trgm",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0004_starter_synonyms")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
