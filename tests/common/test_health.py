"""The load balancer's check against the real Redis of this machine, and against a port where nothing
listens."""

import json
import socket

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/15"


def _port_nobody_listens_on() -> int:
    """A port the system just handed out and took back: nothing listens there (a fixed one may be taken
    by a Redis someone started by hand)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_cache(url: str) -> dict:
    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}


def test_health_answers_ok_with_the_embedded_setup(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    report = json.loads(response.content)
    assert report["status"] == "ok"
    assert {name: check["ok"] for name, check in report["checks"].items()} == {
        "database": True,
        "cache": True,
        "broker": True,
    }
    assert report["checks"]["broker"]["configured"] is False
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_checks_the_real_redis_cache_and_broker(client, settings):
    settings.CACHES = _redis_cache(REDIS)
    settings.CELERY_BROKER_URL = REDIS
    response = client.get(reverse("health"))
    report = json.loads(response.content)
    assert response.status_code == 200, report
    assert report["checks"]["cache"]["ok"] is True
    assert report["checks"]["broker"] == {"ok": True, "ms": report["checks"]["broker"]["ms"]}


def test_health_is_503_and_names_what_is_down(client, settings):
    nothing = f"redis://127.0.0.1:{_port_nobody_listens_on()}/15"
    settings.CACHES = _redis_cache(nothing)
    settings.CELERY_BROKER_URL = nothing
    response = client.get(reverse("health"))
    assert response.status_code == 503
    report = json.loads(response.content)
    assert report["status"] == "fail"
    assert (
        report["checks"]["database"]["ok"],
        report["checks"]["cache"]["ok"],
        report["checks"]["broker"]["ok"],
    ) == (
        True,
        False,
        False,
    )
    assert report["checks"]["broker"]["error"] == "ConnectionError"


def test_health_needs_no_log_in_even_for_an_organiser_without_second_factor(client, organiser, settings):
    settings.MAILLAGE_REQUIRE_TOTP = True
    client.force_login(organiser)
    assert client.get(reverse("health")).status_code == 200
