"""A field's value as the crash-recovery journal writes it: exact, whatever its type.

Typed text is a string, but a table's cell holds a duration in minutes, a date, an
issue id or nothing at all. The journal keeps such a value as ``{"t": type, "v": text}``
so that it comes back as exactly the same value (a date stays a date, ``None`` stays
``None``, ``5`` does not become ``"5"``). A list or tuple of such values (a new round's
notes to carry) comes back as a list. Values of any other type are refused with
``ValueError``: the caller keeps the text only.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

_PLAIN = {"none": type(None), "bool": bool, "int": int, "float": float, "str": str}


def encode_value(value: Any) -> dict[str, Any]:
    """A JSON-ready form of ``value`` that ``decode_value`` turns back into an equal value."""
    if value is None:
        return {"t": "none", "v": None}
    for name, kind in _PLAIN.items():  # (bool before int: True is an int too)
        if type(value) is kind:
            return {"t": name, "v": value}
    if isinstance(value, datetime):  # (before date: a datetime is a date too)
        return {"t": "datetime", "v": value.isoformat()}
    if isinstance(value, date):
        return {"t": "date", "v": value.isoformat()}
    if isinstance(value, time):
        return {"t": "time", "v": value.isoformat()}
    if isinstance(value, timedelta):
        return {"t": "timedelta", "v": [value.days, value.seconds, value.microseconds]}
    if isinstance(value, Decimal):
        return {"t": "decimal", "v": str(value)}
    if isinstance(value, (list, tuple)):
        return {"t": "list", "v": [encode_value(item) for item in value]}
    raise ValueError(f"a {type(value).__name__} value cannot be kept in the journal")


def decode_value(entry: dict[str, Any]) -> Any:
    """The value ``encode_value`` wrote (``ValueError``/``KeyError``/``TypeError`` when it is not one)."""
    name, raw = entry["t"], entry["v"]
    if name == "none":
        return None
    if name in _PLAIN:
        kind = _PLAIN[name]
        if type(raw) is not kind and not (kind is float and type(raw) is int):
            raise ValueError(f"not a {name}: {raw!r}")
        return kind(raw)
    if name == "datetime":
        return datetime.fromisoformat(raw)
    if name == "date":
        return date.fromisoformat(raw)
    if name == "time":
        return time.fromisoformat(raw)
    if name == "timedelta":
        days, seconds, micro = raw
        return timedelta(days=days, seconds=seconds, microseconds=micro)
    if name == "decimal":
        return Decimal(raw)
    if name == "list":
        if not isinstance(raw, list):
            raise ValueError(f"not a list: {raw!r}")
        return [decode_value(item) for item in raw]
    raise ValueError(f"unknown value type {name!r}")


def shown_text(value: Any) -> str:
    """The value as the recovery bar shows it beside the stored one ("" for nothing)."""
    if value is None:
        return ""
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
