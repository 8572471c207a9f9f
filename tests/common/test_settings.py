import os
import subprocess
import sys


def run(env_overrides: dict, code: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "MAILLAGE_DEMO", "DEBUG")}
    env.update(env_overrides)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)


def test_secret_key_is_required_outside_demo():
    result = run({"DJANGO_SETTINGS_MODULE": "maillage.settings"}, "import django; django.setup()")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_database_url_selects_postgresql():
    code = "from django.conf import settings; import django; django.setup(); print(settings.DATABASES['default']['ENGINE'])"
    result = run(
        {
            "DJANGO_SETTINGS_MODULE": "maillage.settings",
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://u@h:5432/d",
        },
        code,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_engine_commands_do_not_load_django():
    code = "import sys; from maillage.__main__ import ENGINE_COMMANDS; import importlib;"
    code += "[importlib.import_module(m) for m in ENGINE_COMMANDS.values()]; print('django' in sys.modules)"
    result = run({}, code)
    assert result.stdout.strip() == "False", result.stderr


def test_cache_url_selects_a_shared_redis_cache():
    code = "from django.conf import settings; import django; django.setup(); print(settings.CACHES['default']['BACKEND'])"
    result = run(
        {
            "DJANGO_SETTINGS_MODULE": "maillage.settings",
            "MAILLAGE_DEMO": "1",
            "CACHE_URL": "redis://h:6379/1",
        },
        code,
    )
    assert result.stdout.strip() == "django_redis.cache.RedisCache", result.stderr


def test_the_embedded_broker_url_names_a_host_so_kombu_never_warns_it_falls_back():
    """Eager tasks still take a producer from Celery's pool: a URL with no host (``memory://``) made kombu
    warn "No hostname was supplied" on the first e-mail of every embedded run, `make demo` included."""
    code = (
        "import logging, django; django.setup()\n"
        "from django.conf import settings; from kombu import Connection\n"
        "warned = []\n"
        "handler = logging.Handler(); handler.emit = lambda record: warned.append(record.getMessage())\n"
        "logging.getLogger('kombu.connection').addHandler(handler)\n"
        "Connection(settings.CELERY_BROKER_URL).clone()\n"
        "print(settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER, warned)"
    )
    env = {"DJANGO_SETTINGS_MODULE": "maillage.settings", "MAILLAGE_DEMO": "1", "CELERY_BROKER_URL": ""}
    result = run(env, code)
    assert result.stdout.split() == ["memory://localhost", "True", "[]"], result.stderr
