"""One stored ranking per participant instead of one per participant and language (issue 9).

The old rows hold their reasons as English or French sentences, which the new code cannot translate: they are
deleted before the language column goes (which also keeps the new one-row-per-participant constraint from
meeting two rows). Nothing is lost: the next page that reads a session's recommendations finds them out of date
and ranks the session again (on the spot up to 300 participants, else in the background), from the profiles,
which this migration does not touch. Going backwards leaves the table empty in the same way.
"""

from django.db import migrations, models


def forget_rankings(apps, schema_editor):
    apps.get_model("matchmaking", "RecommendationList").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('matchmaking', '0005_engine_run'),
    ]

    operations = [
        migrations.RunPython(forget_rankings, forget_rankings),
        migrations.RemoveConstraint(
            model_name='recommendationlist',
            name='recommendation_list_once',
        ),
        migrations.RemoveIndex(
            model_name='recommendationlist',
            name='matchmaking_session_c94991_idx',
        ),
        migrations.RemoveField(
            model_name='recommendationlist',
            name='language',
        ),
        migrations.AddIndex(
            model_name='recommendationlist',
            index=models.Index(fields=['session', 'fingerprint'], name='matchmaking_session_235a80_idx'),
        ),
        migrations.AddConstraint(
            model_name='recommendationlist',
            constraint=models.UniqueConstraint(fields=('participant',), name='recommendation_list_once'),
        ),
    ]
