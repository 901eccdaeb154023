"""The layers stay apart and import in one direction, with no circle anywhere.

briefing/ and db/ never import Qt; ui/ never reaches into the store; the book
never touches the store; nothing imports in a circle. Every import counts: at the
top of a module, inside a function, under ``TYPE_CHECKING``, relative, or named
in a string to ``importlib.import_module``.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGES = ("briefing", "cli", "db", "ui")


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    found = {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    found["main"] = ROOT / "main.py"
    return found


def imports_of(path: Path) -> set[str]:
    """Every module name ``path`` imports, however it imports it (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path) if path.is_relative_to(ROOT) else ""
    package = here.split(".") if path.name == "__init__.py" else here.split(".")[:-1]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package[: len(package) - (node.level - 1)]
                base = ".".join(parent + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and _called(node) == "import_module" and node.args:
            names.update(_string_targets(node.args[0]))
    return {n for n in names if n}


def _called(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _string_targets(arg: ast.expr) -> set[str]:
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return {arg.value}
    if isinstance(arg, ast.JoinedStr):  # f"cli.{name}": every module under that prefix
        head = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
        return {name for name in modules() if name.startswith(head) and name != head.rstrip(".")}
    return set()


def files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


def own_module(name: str) -> str | None:
    """The project module an imported name lives in (``briefing.notes.records.NoteRecord`` → its module)."""
    while name and name not in modules():
        name = name.rpartition(".")[0]
    return name or None


@cache
def import_graph() -> dict[str, frozenset[str]]:
    graph = {}
    for name, path in modules().items():
        targets = {own_module(n) for n in imports_of(path)}
        graph[name] = frozenset(t for t in targets if t and t != name)
    return graph


def circles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


@pytest.mark.parametrize("package", ["briefing", "db", "cli"])
def test_the_domain_the_store_and_the_command_line_never_import_qt(package):
    offenders = [str(p.relative_to(ROOT)) for p in files(package)
                 if any(top(n) in ("PySide6", "ui", "shiboken6") for n in imports_of(p))]
    assert offenders == []


def test_the_ui_never_imports_sqlalchemy_the_models_reportlab_or_the_command_line():
    offenders = [str(p.relative_to(ROOT)) for p in files("ui")
                 if any(top(n) in ("sqlalchemy", "db", "reportlab", "alembic", "cli") for n in imports_of(p))]
    assert offenders == []


def test_the_store_never_imports_the_domain():
    offenders = [str(p.relative_to(ROOT)) for p in files("db")
                 if any(top(n) in ("briefing", "cli") for n in imports_of(p))]
    assert offenders == []


def test_the_domain_never_imports_the_command_line():
    offenders = [str(p.relative_to(ROOT)) for p in files("briefing")
                 if any(top(n) == "cli" for n in imports_of(p))]
    assert offenders == []


def touches_the_store(name: str) -> bool:
    """A module that reads or writes the store: db, SQLAlchemy, a service or the ORM mapping."""
    module = own_module(name) or name
    leaf = module.rpartition(".")[2]
    return (top(name) in ("db", "sqlalchemy", "alembic")
            or module in ("briefing.services", "briefing.editing", "briefing.mapping")
            or (module.startswith("briefing.") and leaf in ("service", "load", "carry_forward")))


def test_the_book_never_touches_the_store():
    """The PDF builder gets a frozen Brief; it never opens a session or calls a service."""
    offenders = {str(p.relative_to(ROOT)): sorted(n for n in imports_of(p) if touches_the_store(n))
                 for p in files("briefing/pdf")}
    assert {path: names for path, names in offenders.items() if names} == {}


def test_no_module_imports_in_a_circle():
    assert circles(import_graph()) == []


def test_the_circle_finder_finds_a_circle():
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert circles(graph) == [["a", "b", "c"]]


def test_imports_inside_functions_under_type_checking_relative_and_in_strings_count(tmp_path):
    source = ROOT / "briefing" / "pdf" / "_layers_probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from db.models import Meeting\n"
        "def f():\n    from . import styles\n    import importlib\n"
        "    importlib.import_module('briefing.services')\n",
        encoding="utf-8")
    try:
        names = imports_of(source)
    finally:
        source.unlink()
    assert {"db.models.Meeting", "briefing.pdf.styles", "briefing.services"} <= names
