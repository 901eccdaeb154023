"""The layers stay apart: briefing/ and db/ never import Qt; ui/ never reaches into the store."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("package", ["briefing", "db"])
def test_the_domain_and_the_store_never_import_qt(package):
    offenders = [str(p.relative_to(ROOT)) for p in files(package)
                 if any(top(n) in ("PySide6", "ui", "shiboken6") for n in imports_of(p))]
    assert offenders == []


def test_the_ui_never_imports_sqlalchemy_the_models_or_reportlab():
    offenders = [str(p.relative_to(ROOT)) for p in files("ui")
                 if any(top(n) in ("sqlalchemy", "db", "reportlab", "alembic") for n in imports_of(p))]
    assert offenders == []


def test_the_store_never_imports_the_domain():
    offenders = [str(p.relative_to(ROOT)) for p in files("db")
                 if any(top(n) == "briefing" for n in imports_of(p))]
    assert offenders == []
