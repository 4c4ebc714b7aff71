"""On PostgreSQL, a generated tsvector column with the `russian` configuration and its GIN index.

The column is computed by the database on every write, so a query only compares vectors.
Other databases keep the table as it is (the Snowball stems serve them).
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS fts_russian tsvector "
    "GENERATED ALWAYS AS (setweight(to_tsvector('russian'::regconfig, title), 'A') || "
    "setweight(to_tsvector('russian'::regconfig, keyword_tokens), 'B') || "
    "to_tsvector('russian'::regconfig, body)) STORED",
    "CREATE INDEX IF NOT EXISTS search_entry_fts_russian ON search_searchentry "
    "USING gin (fts_russian)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_fts_russian",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS fts_russian",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
