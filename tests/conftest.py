"""Shared fixtures.

pytest-django supplies ``client``, ``admin_client`` and ``django_assert_max_num_queries``;
test data comes from the ``make_*`` helpers in ``tests/factories.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture
def fixtures_dir() -> Path:
    """The project's ``fixtures/`` folder (the seed articles)."""
    return PROJECT_DIR / "fixtures"
