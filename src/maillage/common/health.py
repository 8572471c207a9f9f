"""The load balancer's health check: the database, the cache and the broker each answer, or the page says
which one does not (HTTP 503), in JSON. It reads nothing personal and needs no log-in."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

TIMEOUT = 2.0  # seconds: a load balancer waits little, and a check that hangs is a failed check


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def check_broker() -> bool:
    """False when no broker is configured (tasks then run in-process: nothing to check)."""
    url = settings.CELERY_BROKER_URL
    if not url or url.startswith("memory://"):
        return False
    if url.startswith(("redis://", "rediss://")):
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=TIMEOUT, socket_timeout=TIMEOUT)
        try:
            client.ping()
        finally:
            client.close()
    else:
        from kombu import Connection

        with Connection(url, connect_timeout=TIMEOUT) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, interval_max=0)
    return True


def health_report() -> tuple[bool, dict]:
    checks: dict[str, dict] = {}
    healthy = True
    for name, check in (("database", check_database), ("cache", check_cache), ("broker", check_broker)):
        started = time.perf_counter()
        try:
            result = check()
        except Exception as error:
            healthy = False
            checks[name] = {"ok": False, "error": type(error).__name__}
        else:
            checks[name] = {"ok": True}
            if result is False:
                checks[name]["configured"] = False
        checks[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return healthy, {"status": "ok" if healthy else "fail", "checks": checks}


@never_cache
@require_GET
def health(request):
    healthy, report = health_report()
    return JsonResponse(report, status=200 if healthy else 503)
