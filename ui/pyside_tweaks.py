"""PySide6's look at every module imported after it, made cheap.

Once PySide6 is imported, it checks every module imported afterwards for
whether the module may use its ``__feature__`` switches (``snake_case``,
``true_property``): it reads the module's whole source file
(``inspect.getsource``) and searches it for "PySide6". At start-up that is
every module of SQLAlchemy, of the standard library and of Briefbook imported
after the window's first PySide6 import: about 330 files read, 60–75 ms on
the benchmark machine (28 Nov 2026).

Briefbook uses no ``__feature__``. The check here asks the module's namespace
instead of its source: a module that imported a PySide6 module or class
counts as using PySide6, as it did before. If a PySide6 version no longer has
the check, nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType


def skip_source_scan() -> bool:
    """Replace PySide6's source-reading check with ``uses_pyside``; whether it was there."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True


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
