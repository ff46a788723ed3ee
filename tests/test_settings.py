"""Settings refuse unsafe production configurations."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_DIR


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = _run(["check"], DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_generates_a_key_for_local_use_with_debug_on():
    result = _run(["check"], DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_it_rejects_a_malformed_boolean():
    result = _run(["check"], DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.django_db
def test_production_settings_pass_the_deploy_check():
    result = _run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DEBUG="0",
        SECRET_KEY="k" * 20 + "-a-long-random-looking-production-key-9f8e7d6c5b4a",
        ALLOWED_HOSTS="trips.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_rejects_a_cache_url_it_cannot_use():
    result = _run(["check"], DEBUG="1", CACHE_URL="memcached://127.0.0.1:11211")
    assert result.returncode != 0
    assert "CACHE_URL must be a redis://" in result.stderr
