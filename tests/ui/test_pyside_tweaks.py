"""PySide6 no longer reads the source of every module imported after it (``ui/pyside_tweaks.py``)."""

from __future__ import annotations

import json
import linecache
import sys

import pytest

import ui.app  # noqa: F401 - importing the app's entry module makes the change
from ui.pyside_tweaks import uses_pyside

feature = sys.modules.get("shibokensupport.feature")
pytestmark = pytest.mark.skipif(feature is None or not hasattr(feature, "_mod_uses_pyside"),
                                reason="this PySide6 has no per-module source check")


def test_the_check_is_ours_once_the_app_module_is_imported():
    assert feature._mod_uses_pyside is uses_pyside


def test_a_module_imported_afterwards_is_not_read_from_its_file(tmp_path, monkeypatch):
    source = tmp_path / "freshly_written.py"
    source.write_text("from PySide6.QtCore import QObject\n\nVALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    module = __import__("freshly_written")  # an import statement's way, through PySide6's hook
    try:
        assert module.VALUE == 1
        assert str(source) not in linecache.cache  # PySide6's own check reads it through linecache
        assert feature.pyside_feature_dict.get("freshly_written") == 0  # counted as using PySide6
    finally:
        sys.modules.pop("freshly_written", None)


def test_modules_that_import_pyside6_are_told_from_those_that_do_not():
    import ui.main_window

    assert uses_pyside(ui.main_window)
    assert not uses_pyside(json)
    assert not uses_pyside(sys.modules["PySide6.QtCore"])  # no Python source, as PySide6 says
