"""PySide6 no longer reads the source of every module imported after it (``ui/pyside_tweaks.py``).

These tests fail (they never skip) on a PySide6 the change was not verified on,
or whose private check has changed: an upgrade shows up here, to be re-verified
and added to ``VERIFIED_VERSIONS``.
"""

from __future__ import annotations

import argparse
import json
import linecache
import logging
import subprocess
import sys

import PySide6
import pytest

import main
import ui.app
from tests.child_process import ROOT
from ui import pyside_tweaks
from ui.pyside_tweaks import CHECK_NAME, FEATURE_MODULE, skip_source_scan, uses_pyside, why_not_applicable

feature = sys.modules.get(FEATURE_MODULE)


@pytest.fixture
def pyside_as_found(monkeypatch):
    """PySide6's own check is put back after the test, whatever the test did to it."""
    assert feature is not None, f"PySide6 {PySide6.__version__} has no {FEATURE_MODULE}"
    monkeypatch.setattr(feature, CHECK_NAME, getattr(feature, CHECK_NAME, None), raising=False)
    return monkeypatch


@pytest.fixture
def applied(pyside_as_found):
    assert skip_source_scan()


def test_the_installed_pyside6_is_one_the_change_was_verified_on(pyside_as_found):
    assert getattr(feature, CHECK_NAME) is not uses_pyside  # PySide6's own, as imported
    assert why_not_applicable() is None, "re-verify ui/pyside_tweaks.py on this PySide6"
    assert PySide6.__version__ in pyside_tweaks.VERIFIED_VERSIONS


def test_starting_the_gui_puts_the_cheap_check_in_place_before_the_window(pyside_as_found, tmp_path, caplog):
    seen = []
    pyside_as_found.setattr(ui.app, "run", lambda url, argv: seen.append(getattr(feature, CHECK_NAME)) or 0)
    with caplog.at_level(logging.WARNING, logger=pyside_tweaks.__name__):
        assert main.run_gui(argparse.Namespace(db=str(tmp_path / "store.db"), command=None)) == 0
    assert seen == [uses_pyside]
    assert caplog.records == []


def test_importing_the_app_changes_nothing_by_itself():
    probe = (f"import sys, ui.app; check = getattr(sys.modules[{FEATURE_MODULE!r}], {CHECK_NAME!r}); "
             "print(check.__module__)")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert out.strip() != pyside_tweaks.__name__


def test_on_a_pyside6_it_was_not_verified_on_nothing_changes_and_a_warning_says_start_up_is_slower(
        pyside_as_found, caplog):
    own = getattr(feature, CHECK_NAME)
    pyside_as_found.setattr(PySide6, "__version__", "6.99.0")
    with caplog.at_level(logging.WARNING, logger=pyside_tweaks.__name__):
        assert not skip_source_scan()
    assert getattr(feature, CHECK_NAME) is own
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert "slower" in record.getMessage() and "6.99.0" in record.getMessage()


def test_a_changed_private_check_is_left_alone_with_a_warning(pyside_as_found, caplog):
    def changed(module, cached=None):  # a new signature, and no source read any more
        return False

    pyside_as_found.setattr(feature, CHECK_NAME, changed)
    with caplog.at_level(logging.WARNING, logger=pyside_tweaks.__name__):
        assert not skip_source_scan()
    assert getattr(feature, CHECK_NAME) is changed
    assert "slower" in caplog.records[0].getMessage()


def test_a_missing_private_check_is_left_missing_with_a_warning(pyside_as_found, caplog):
    pyside_as_found.delattr(feature, CHECK_NAME)
    with caplog.at_level(logging.WARNING, logger=pyside_tweaks.__name__):
        assert not skip_source_scan()
    assert not hasattr(feature, CHECK_NAME)
    assert "has no" in caplog.records[0].getMessage() and "slower" in caplog.records[0].getMessage()


def test_a_module_imported_afterwards_is_not_read_from_its_file(applied, tmp_path, monkeypatch):
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
        feature.pyside_feature_dict.pop("freshly_written", None)


def test_modules_that_import_pyside6_are_told_from_those_that_do_not():
    import ui.main_window

    assert uses_pyside(ui.main_window)
    assert not uses_pyside(json)
    assert not uses_pyside(sys.modules["PySide6.QtCore"])  # no Python source, as PySide6 says
