"""Settings: safe with nothing set, and production passes Django's deploy checks.

Each check runs in a fresh interpreter with a clean environment, so the
settings are read exactly as a server would read them."""

import json
import os
import re
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


def deployment_env(**overrides):
    """The environment a real deployment has: every line of .env.example read
    as a process manager reads KEY=VALUE lines (the value verbatim), with
    fresh random values where the example says change-me."""
    env = {"PATH": os.environ.get("PATH", "")}
    for line in (BASE_DIR / ".env.example").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, value = line.partition("=")
        env[name] = secrets.token_urlsafe(50) if value.startswith("change-me") else value
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def deploy_check(env):
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    return result, sorted(set(re.findall(r"\(([a-z_]+\.[EW]\d+)\)", result.stdout + result.stderr)))


def test_production_settings_pass_deploy_checks_with_no_warnings():
    result, found = deploy_check(production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert found == []
    assert "System check identified no issues" in result.stdout


def test_the_environment_of_a_real_deployment_passes_deploy_checks_with_no_warnings():
    env = deployment_env()
    assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert env["DATABASE_URL"].startswith("postgres://")

    result, found = deploy_check(env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert found == []


def test_plain_http_on_loopback_warns_of_exactly_what_it_turns_off():
    """make serve's override costs HSTS, the redirect and the two Secure
    cookies, and nothing else: the deploy check says so rather than silencing it."""
    env = production_env(DJANGO_LOOPBACK_HTTP="true", DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost")

    result, found = deploy_check(env)

    assert result.returncode != 0
    assert found == ["security.W004", "security.W008", "security.W012", "security.W016"]


def test_no_variable_turns_the_https_redirect_off_in_production():
    values = read_settings(
        "config.settings.production",
        ["SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"],
        deployment_env(DJANGO_SECURE_SSL_REDIRECT="false", DJANGO_LOOPBACK_HTTP="false"),
    )

    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
    }


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


def test_production_media_stay_on_local_disk_unless_a_bucket_is_named():
    values = read_settings("config.settings.production", ["STORAGES", "CONTENT_SECURITY_POLICY"], deployment_env())

    assert values["STORAGES"]["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'"]


def test_a_bucket_puts_media_on_s3_storage_with_plain_lasting_urls():
    env = production_env(AWS_STORAGE_BUCKET_NAME="steady-media", AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000")
    code = (
        "import django, json; django.setup()\n"
        "from django.conf import settings; from django.core.files.storage import default_storage as s\n"
        "print(json.dumps({'class': type(s._wrapped if hasattr(s, '_wrapped') else s).__name__,\n"
        "  'url': s.url('original_images/a.jpg'), 'overwrite': s.file_overwrite,\n"
        "  'img': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],\n"
        "  'admin_img': settings.ADMIN_CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
    )
    result = run_python(["-c", code], env)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)

    assert values["class"] == "S3Storage"
    # Not signed (a kept page's links never expire), path-style on the endpoint.
    assert values["url"] == "http://127.0.0.1:9000/steady-media/original_images/a.jpg"
    assert values["overwrite"] is False
    assert values["img"] == ["'self'", "http://127.0.0.1:9000"]
    assert values["admin_img"] == ["'self'", "data:", "blob:", "http://127.0.0.1:9000"]


def test_media_through_a_cdn_host_are_allowed_by_the_content_security_policy():
    env = production_env(AWS_STORAGE_BUCKET_NAME="steady-media", AWS_S3_CUSTOM_DOMAIN="media.example.org")
    values = read_settings("config.settings.production", ["CONTENT_SECURITY_POLICY"], env)

    assert values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'", "https://media.example.org"]


def test_each_purge_address_and_a_cloudfront_distribution_become_frontend_cache_backends():
    env = production_env(
        FRONTEND_CACHE_PURGE_URL="http://10.0.0.5:6081, http://10.0.0.6:6081",
        FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID="E2EXAMPLE",
    )
    values = read_settings("config.settings.production", ["WAGTAILFRONTENDCACHE"], env)

    assert values["WAGTAILFRONTENDCACHE"] == {
        "proxy1": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://10.0.0.5:6081",
        },
        "proxy2": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://10.0.0.6:6081",
        },
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E2EXAMPLE",
        },
    }
    assert read_settings("config.settings.production", ["WAGTAILFRONTENDCACHE"], production_env()) == {
        "WAGTAILFRONTENDCACHE": {}
    }
