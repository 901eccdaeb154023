"""The parallel layout overrides ReportLab internals: an upgrade that changes them fails here.

Not skipped anywhere (also where there is no fork): a ReportLab without these
names would make every parallel export fall back to one process, so the
upgrade must be reviewed (``parallel.py``) before ``pyproject.toml``'s upper
bound on ReportLab is raised.
"""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import reportlab
from packaging.requirements import Requirement

from briefing.pdf import parallel


def test_reportlab_has_every_private_name_the_parallel_layout_relies_on():
    parallel.missing_internals.cache_clear()
    assert parallel.missing_internals() == (), f"ReportLab {reportlab.Version}: review parallel.py"


def test_a_run_still_writes_its_destinations_by_name():
    canvas = parallel.PartCanvas(io.BytesIO())
    canvas.bookmarkPage("here")  # bookmarkPage still goes through _bookmarkReference
    assert isinstance(canvas._destinations["here"], parallel._NamedDestination)
    assert canvas.bound == {"here": (1, "Fit", (None, None, None, None, None))}
    assert canvas._destinations["here"].format(None) == b"/here"


def test_reportlab_is_bounded_to_the_versions_checked_and_this_one_is_among_them():
    project = tomllib.loads((Path(__file__).parents[3] / "pyproject.toml").read_text("utf-8"))
    requirement = next(Requirement(line) for line in project["project"]["dependencies"]
                       if Requirement(line).name == "reportlab")
    assert any(spec.operator == "<" for spec in requirement.specifier), "no upper bound on ReportLab"
    assert requirement.specifier.contains(reportlab.Version)
