"""A GIN index on the expression the PostgreSQL search backend filters on.

Wagtail's database backend finds rows with `(title || body) @@ query` on
wagtailsearch_indexentry; its own GIN indexes are on `title` and `body`
apart, which that expression cannot use, so every search read every entry.
With this index PostgreSQL reads only the matching entries (see the README's
search figures). Other databases and backends: nothing to do."""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
