"""The published schedule schemas (the shared folder beside the repository, as in CI) and their validators."""

import datetime as dt
import functools
import json
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import xmlschema
from django.conf import settings

SCHEMAS = Path(settings.REPO_DIR).parent / "shared" / "schemas"


@functools.cache
def frab_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "frab-schedule.xml.xsd")


def c3voc_validator() -> jsonschema.Draft6Validator:
    """The published JSON schema, with the formats it names checked by plain parsers."""
    schema = json.loads((SCHEMAS / "c3voc-schedule.schema.json").read_text())
    checker = jsonschema.FormatChecker()

    @checker.checks("uuid", raises=ValueError)
    def is_uuid(value):
        return str(uuid.UUID(value)) == value.lower()

    @checker.checks("date", raises=ValueError)
    def is_date(value):
        return dt.date.fromisoformat(value).isoformat() == value

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value):
        return dt.datetime.fromisoformat(value).tzinfo is not None

    @checker.checks("uri")
    def is_uri(value):
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc)

    return jsonschema.Draft6Validator(schema, format_checker=checker)
