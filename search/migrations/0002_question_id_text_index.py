"""An index on a question's id as the text the search index stores it as.

Wagtail's database backend joins its entries to questions on
`object_id = id::varchar(50)`. Without an index on that expression the only
ways in are every question from the newest back (fast when a word is in most
questions) or a scan of all 50,000 to hash them (when a word is rare). With
it, PostgreSQL can start from the few entries that have a rare word (the GIN
index of 0001) and look each question up: "trauma" at full size went from
50 to 11 ms (README, "Search at scale"). Other databases: nothing to do."""

from django.db import migrations

INDEX = "search_qa_question_id_text"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON qa_question ((id::varchar(50)))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index_entry_title_body_gin"), ("qa", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
