"""The docstring examples of the extraction modules stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import trips.extraction

MODULES = [
    importlib.import_module(f"trips.extraction.{info.name}")
    for info in pkgutil.iter_modules(trips.extraction.__path__)
]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_the_docstring_examples_hold(module):
    result = doctest.testmod(module)

    assert result.failed == 0


def test_the_examples_cover_the_backbone():
    attempted = sum(doctest.testmod(m).attempted for m in MODULES)

    assert attempted >= 40
