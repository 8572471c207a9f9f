"""The load balancer's check against the real Redis of this machine, and against a port where nothing
listens."""

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/15"
NOTHING = "redis://127.0.0.1:6399/15"  # no server listens there


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
    settings.CACHES = _redis_cache(NOTHING)
    settings.CELERY_BROKER_URL = NOTHING
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
