"""Optimiser runs become engine runs (common.runs.EngineRun): a finished run's status is now "done", like
every engine run's; at most one run of an edition is queued or running (older duplicates are marked
failed first); the time zone uses the common field."""

import django.core.validators
import maillage.common.fields
from django.db import migrations, models
from django.utils import timezone


def forwards(apps, schema_editor):
    ProgrammeRun = apps.get_model("programme", "ProgrammeRun")
    ProgrammeRun.objects.filter(status="finished").update(status="done")
    active = ProgrammeRun.objects.filter(status__in=["queued", "running"]).order_by(
        "edition_id", "-created", "-pk"
    )
    kept: set[int] = set()
    for run in active:
        if run.edition_id in kept:
            run.status, run.finished = "failed", timezone.now()
            run.error = "Interrupted: another run of this edition was started."
            run.save(update_fields=["status", "finished", "error"])
        kept.add(run.edition_id)


def backwards(apps, schema_editor):
    apps.get_model("programme", "ProgrammeRun").objects.filter(status="done").update(status="finished")


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0003_grid_and_duration_limits"),
    ]

    operations = [
        migrations.AlterField(
            model_name="edition",
            name="timezone",
            field=maillage.common.fields.TimeZoneField(default="America/Toronto", verbose_name="time zone"),
        ),
        migrations.AlterField(
            model_name="programmerun",
            name="stats",
            field=models.JSONField(blank=True, default=dict, verbose_name="figures"),
        ),
        migrations.AlterField(
            model_name="programmerun",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Waiting"),
                    ("running", "Running"),
                    ("done", "Proposal ready"),
                    ("failed", "Failed"),
                    ("applied", "Applied"),
                    ("discarded", "Discarded"),
                ],
                default="queued",
                max_length=12,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="programmerun",
            name="time_limit",
            field=models.FloatField(
                default=10,
                validators=[django.core.validators.MinValueValidator(0.1)],
                verbose_name="time limit (seconds)",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AddConstraint(
            model_name="programmerun",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["queued", "running"])),
                fields=("edition",),
                name="programme_run_one_active",
            ),
        ),
    ]
