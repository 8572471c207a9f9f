import io
import json
import logging
import os
import subprocess
import sys

import pytest
from django.urls import reverse

from maillage.common.logging import JsonFormatter, RequestIdFilter


@pytest.fixture
def json_lines():
    """A handler as LOGGING configures it with LOG_FORMAT=json, on the request logger."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("maillage.request")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.setLevel(old_level)


@pytest.mark.django_db
def test_each_request_gets_an_id_in_its_header_and_its_log_line(client, json_lines):
    response = client.get(reverse("privacy:policy"))
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = json_lines()
    assert (line["request_id"], line["method"], line["path"], line["status"], line["level"]) == (
        request_id,
        "GET",
        reverse("privacy:policy"),
        200,
        "INFO",
    )
    assert line["time"].endswith("+00:00")


@pytest.mark.django_db
def test_a_sane_request_id_from_the_proxy_is_kept_and_a_hostile_one_replaced(client):
    kept = client.get(reverse("health"), headers={"X-Request-ID": "lb-1234abcd"})
    assert kept["X-Request-ID"] == "lb-1234abcd"
    replaced = client.get(reverse("health"), headers={"X-Request-ID": "x\r\nSet-Cookie: a=b"})
    assert replaced["X-Request-ID"] != "x\r\nSet-Cookie: a=b"
    assert len(replaced["X-Request-ID"]) == 32


def test_json_formatter_keeps_extras_and_the_traceback():
    record = logging.LogRecord("maillage.test", logging.ERROR, __file__, 1, "failed %s", ("run",), None)
    record.run_id = 7
    try:
        raise ValueError("boom")
    except ValueError:
        record.exc_info = sys.exc_info()
    record.request_id = "abc"
    line = json.loads(JsonFormatter().format(record))
    assert (line["message"], line["run_id"], line["request_id"], line["level"]) == (
        "failed run",
        7,
        "abc",
        "ERROR",
    )
    assert "ValueError: boom" in line["exception"]


def _log_from_a_process(env_overrides: dict) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "LOG_FORMAT")}
    env.update({"DJANGO_SETTINGS_MODULE": "maillage.settings", "MAILLAGE_DEMO": "1", **env_overrides})
    code = "import django, logging; django.setup(); logging.getLogger('maillage.x').warning('disk %s full', 'var')"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stderr.strip()


def test_log_format_json_gives_json_lines():
    line = json.loads(_log_from_a_process({"LOG_FORMAT": "json"}))
    assert (line["logger"], line["message"], line["request_id"]) == ("maillage.x", "disk var full", "-")


def test_the_default_log_format_is_readable_text():
    line = _log_from_a_process({})
    assert line.endswith("WARNING maillage.x [-] disk var full")
