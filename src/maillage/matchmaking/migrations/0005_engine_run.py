"""Scheduling runs become engine runs (common.runs.EngineRun): `started_by` is renamed `requested_by`, the
time limit becomes a number of seconds that may have a fraction; the time zone uses the common field."""

import django.core.validators
import maillage.common.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0004_request_window"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="schedulingrun", old_name="started_by", new_name="requested_by"),
        migrations.AlterField(
            model_name="schedulingrun",
            name="requested_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="requested by",
            ),
        ),
        migrations.AlterField(
            model_name="b2bsession",
            name="timezone",
            field=maillage.common.fields.TimeZoneField(default="America/Toronto", verbose_name="time zone"),
        ),
        migrations.AlterField(
            model_name="schedulingrun",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Waiting to start"),
                    ("running", "Running"),
                    ("done", "Done"),
                    ("failed", "Failed"),
                ],
                default="queued",
                max_length=12,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="schedulingrun",
            name="time_limit",
            field=models.FloatField(
                default=10,
                validators=[django.core.validators.MinValueValidator(0.1)],
                verbose_name="time limit (seconds)",
            ),
        ),
    ]
