"""PySide6's look at every module imported after it, made cheap.

Once PySide6 is imported, it checks every module imported afterwards for
whether the module may use its ``__feature__`` switches (``snake_case``,
``true_property``): it reads the module's whole source file
(``inspect.getsource``) and searches it for "PySide6". At start-up that is
every module of SQLAlchemy, of the standard library and of Briefbook imported
after the window's first PySide6 import: about 330 files read, 60–75 ms on
the benchmark machine (28 Nov 2026).

Briefbook uses no ``__feature__``. ``skip_source_scan``, called by the entry
point (``main.run_gui``) right after PySide6 is imported, replaces that private
check with one that asks the module's namespace instead of its source: a module
that imported a PySide6 module or class counts as using PySide6, as it did
before. It changes PySide6 only on the versions it was verified on
(``VERIFIED_VERSIONS``) and only while the private function is the one it was
verified against; otherwise it logs a warning and changes nothing (start-up is
then slower, nothing else). tests/ui/test_pyside_tweaks.py fails on any other
PySide6, so that an upgrade is re-verified before the change applies to it.
"""

from __future__ import annotations

import logging
import sys
from types import FunctionType, ModuleType

log = logging.getLogger(__name__)

#: PySide6 versions whose ``shibokensupport.feature._mod_uses_pyside`` was read and found to be
#: the source search this module replaces (and whose tests passed with the replacement).
VERIFIED_VERSIONS: tuple[str, ...] = ("6.11.3",)

FEATURE_MODULE = "shibokensupport.feature"
CHECK_NAME = "_mod_uses_pyside"


def skip_source_scan() -> bool:
    """Replace PySide6's source-reading check with ``uses_pyside``; whether it did.

    When it does not (a PySide6 it was not verified on, or a check that has
    changed), it logs a warning that start-up will be slower.
    """
    problem = why_not_applicable()
    if problem is not None:
        log.warning("PySide6's per-module source check was left in place, so start-up will be "
                    "slower: %s", problem)
        return False
    feature = sys.modules[FEATURE_MODULE]
    if getattr(feature, CHECK_NAME) is not uses_pyside:
        setattr(feature, CHECK_NAME, uses_pyside)
    return True


def why_not_applicable() -> str | None:
    """Why ``skip_source_scan`` would leave PySide6 alone (None: it may change it)."""
    pyside = sys.modules.get("PySide6")
    if pyside is None:
        return "PySide6 is not imported yet"
    version = getattr(pyside, "__version__", "?")
    if version not in VERIFIED_VERSIONS:
        verified = ", ".join(VERIFIED_VERSIONS)
        return f"PySide6 {version} is not among the versions it was verified on ({verified})"
    feature = sys.modules.get(FEATURE_MODULE)
    check = getattr(feature, CHECK_NAME, None)
    if check is uses_pyside:
        return None
    if not isinstance(check, FunctionType):
        return f"PySide6 {version} has no {FEATURE_MODULE}.{CHECK_NAME}"
    code = check.__code__
    if code.co_varnames[:code.co_argcount] != ("module",) or "getsource" not in code.co_names:
        return f"{FEATURE_MODULE}.{CHECK_NAME} of PySide6 {version} is not the source search it replaces"
    return None


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module`` holds a PySide6 module or class (what it imported of PySide6).

    Modules without Python source (extension modules, PySide6's own) count as not
    using it, as PySide6's own check, which cannot read their source, says.
    """
    try:
        if not str(getattr(module, "__file__", None) or "").endswith(".py"):
            return False
        for value in list(vars(module).values()):
            if isinstance(value, ModuleType):
                name = value.__name__
            elif isinstance(value, type):
                name = value.__module__
            else:
                continue
            if isinstance(name, str) and name.startswith("PySide6"):
                return True
    except Exception:  # noqa: BLE001 - as PySide6's own check: an odd module is not one of its users
        return False
    return False
