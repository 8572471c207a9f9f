"""`check --deploy` with the settings production uses, in a process of its own as an operator runs it."""

import os
import secrets
import subprocess
import sys


def _check_deploy(env_overrides: dict) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        # the browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE in this process: a deployment never has it
        if k not in ("MAILLAGE_DEMO", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "maillage.example.org", **env_overrides}
    )
    return subprocess.run(
        [sys.executable, "-m", "maillage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_behind_https():
    result = _check_deploy({"HTTPS": "1"})
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_without_https_check_deploy_names_what_is_missing():
    result = _check_deploy({})
    assert result.returncode != 0
    for code in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert code in result.stderr


def test_production_settings_require_the_second_factor_and_the_demo_does_not():
    code = "import django; django.setup(); from django.conf import settings; print(settings.MAILLAGE_REQUIRE_TOTP)"

    def run(extra):
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("MAILLAGE_DEMO", "DEBUG", "MAILLAGE_REQUIRE_TOTP")
        }
        env.update({"DJANGO_SETTINGS_MODULE": "maillage.settings", "SECRET_KEY": "x" * 50, **extra})
        return subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
        )

    assert run({}).stdout.strip() == "True"
    assert run({"MAILLAGE_DEMO": "1"}).stdout.strip() == "False"
