"""Settings: safe with nothing set, and production passes Django's deploy checks.

Each check runs in a fresh interpreter with a clean environment, so the
settings are read exactly as a server would read them."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def production_env(**overrides):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # 67 random characters
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "REDIS_URL": "redis://localhost:6379/0",
        "DATABASE_URL": "sqlite:////tmp/x.sqlite3",
    }
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def run_python(args, env):
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def read_settings(module, names, env):
    code = f"import json, {module} as s; print(json.dumps({{n: getattr(s, n) for n in {names!r}}}, default=str))"
    result = run_python(["-c", code], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_pass_deploy_checks_with_no_warnings():
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_required_variable(missing):
    result = run_python(["manage.py", "check"], production_env(**{missing: None}))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_ignores_a_debug_flag_from_the_environment():
    values = read_settings("config.settings.production", ["DEBUG"], production_env(DJANGO_DEBUG="true"))

    assert values == {"DEBUG": False}


def test_production_admin_base_url_defaults_to_the_first_host():
    values = read_settings("config.settings.production", ["WAGTAILADMIN_BASE_URL"], production_env())

    assert values == {"WAGTAILADMIN_BASE_URL": "https://example.org"}


def test_base_settings_are_safe_with_nothing_set():
    env = {"PATH": os.environ.get("PATH", "")}
    values = read_settings(
        "config.settings.base", ["DEBUG", "WAGTAIL_GRAVATAR_PROVIDER_URL", "SECRET_KEY", "ALLOWED_HOSTS"], env
    )

    assert values["DEBUG"] is False
    assert values["WAGTAIL_GRAVATAR_PROVIDER_URL"] is None
    assert values["SECRET_KEY"] == ""
    assert values["ALLOWED_HOSTS"] == []


def test_plain_http_of_make_serve_is_refused_for_a_public_host():
    result = run_python(["manage.py", "check"], production_env(DJANGO_LOOPBACK_HTTP="true"))

    assert result.returncode != 0
    assert "DJANGO_LOOPBACK_HTTP" in result.stderr


def test_plain_http_of_make_serve_turns_off_https_only_settings_on_loopback():
    names = ["SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "DEBUG"]
    env = production_env(DJANGO_LOOPBACK_HTTP="true", DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost")

    values = read_settings("config.settings.production", names, env)

    assert values == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 0,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "DEBUG": False,
    }
