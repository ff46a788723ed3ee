"""The extraction package stays free of Django."""

import re
from pathlib import Path

import trips.extraction

PACKAGE = Path(trips.extraction.__file__).parent
DJANGO_IMPORT = re.compile(r"^\s*(?:import\s+django|from\s+django)\b", re.MULTILINE)


def test_it_never_imports_django():
    offenders = [
        path.name for path in PACKAGE.glob("*.py") if DJANGO_IMPORT.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_scoring_never_imports_django():
    source = (PACKAGE.parent / "scoring.py").read_text("utf-8")
    assert not DJANGO_IMPORT.search(source)
