from django.db import migrations, models

# The search (selectors.search) asks `search_text LIKE '% word%'` for every word: a trigram GIN index answers
# that without reading the whole table. PostgreSQL only (pg_trgm); SQLite keeps its full scan.
TRIGRAM_INDEX = "initiative_search_trgm"


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON initiatives_initiative USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0002_initiative_result_initiative_result_decided_at_and_more"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(fields=["unit", "campaign", "id"], name="initiative_unit_campaign"),
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index, elidable=False),
    ]
