"""Reading the JSON objects of an interchange document: each value checked, each problem named by its path.

``read_json`` reads objects as :class:`JsonObject` (which remembers a key given
twice) and integers too long for any field as :class:`LongNumber`;
:class:`ObjectReader` refuses both with their path, along with unknown keys and
values of the wrong kind. The value checks (``TEXT``, ``LINE``, ``one_of`` …)
turn the general ``ValidationError`` of ``briefing.validation`` into an
:class:`InterchangeError` at the value's path.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from briefing import validation as v
from briefing.errors import ValidationError

#: Integers with more digits than this are kept as ``LongNumber`` (no field takes one).
MAX_DIGITS = 30


class JsonObject(dict):
    """A JSON object as ``read_json`` reads it; ``repeated`` is a key it gives twice, if any."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.repeated: str | None = None
        if len(self) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.repeated = key
                    break
                seen.add(key)


class LongNumber:
    """An integer of more than ``MAX_DIGITS`` digits in a JSON file, kept unconverted."""

    __slots__ = ("digits",)

    def __init__(self, text: str) -> None:
        self.digits = len(text.lstrip("-"))


def json_integer(text: str) -> int | LongNumber:
    """An integer of a JSON file (``parse_int``): never converts thousands of digits."""
    return int(text) if len(text) <= MAX_DIGITS else LongNumber(text)


class InterchangeError(ValidationError):
    """A document that cannot be imported; ``field`` is the JSON path of the first problem."""


class ObjectReader:
    """One JSON object being read, with its path for messages."""

    def __init__(self, value: Any, path: str, known: tuple[str, ...]) -> None:
        if not isinstance(value, dict):
            raise InterchangeError(path, f"must be an object, not {kind(value)}")
        repeated = getattr(value, "repeated", None)
        if repeated is not None:
            raise InterchangeError(member(path, repeated), "is given twice in this object")
        unknown = [k for k in value if k not in known]
        if unknown:
            raise InterchangeError(member(path, unknown[0]), "is not a field of this object")
        self.value = value
        self.path = path

    def at(self, name: str) -> str:
        """The JSON path of the member ``name``."""
        return f"{self.path}.{name}"

    def get(self, name: str, check: Callable[[str, Any], Any], *, required: bool = False) -> Any:
        """The member ``name`` passed through ``check(path, value)`` (None when absent or null)."""
        if name not in self.value or self.value[name] is None:
            if required:
                raise InterchangeError(self.at(name), "is required")
            return check(self.at(name), None)
        raw = self.value[name]
        if isinstance(raw, LongNumber):
            raise InterchangeError(self.at(name), f"is a number of {raw.digits:,} digits, too large "
                                                  "for any field")
        try:
            return check(self.at(name), raw)
        except InterchangeError:
            raise
        except ValidationError as error:
            raise InterchangeError(self.at(name), error.message) from None

    def items(self, name: str) -> list[tuple[str, Any]]:
        """``(path, item)`` for each item of the list ``name`` (none when it is absent or null)."""
        raw = self.value.get(name)
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise InterchangeError(self.at(name), f"must be a list, not {kind(raw)}")
        return [(f"{self.at(name)}[{i}]", item) for i, item in enumerate(raw)]


def member(path: str, key: str) -> str:
    """``$.meetings[0].title``; a key that is not a plain name is quoted (``$["a\\nb"]``), so a
    message naming it stays one line."""
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"


def kind(value: Any) -> str:
    """What a JSON value is, in words (``a list``, ``text``, ``null`` …), for messages."""
    if isinstance(value, dict):
        return "an object"
    return {list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number",
            LongNumber: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def string_check(check: Callable[..., Any], **kw: Any) -> Callable[[str, Any], Any]:
    """A check that refuses anything but text (or null), then applies ``check(path, value, **kw)``."""
    def read(path: str, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise InterchangeError(path, f"must be text, not {kind(value)}")
        return check(path, value, **kw)
    return read


TEXT = string_check(v.text)
LINE = string_check(v.line)
REQUIRED_LINE = string_check(v.line, required=True)


def one_of(allowed: tuple[str, ...]) -> Callable[[str, Any], str]:
    """A check for one of the words ``allowed``."""
    return string_check(lambda p, x: v.choice(p, x, allowed))


def minutes(path: str, value: Any) -> int:
    """A whole number of minutes."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise InterchangeError(path, f"must be a whole number of minutes, not {kind(value)}")
    return v.minutes(path, value)


def moment(required: bool) -> Callable[[str, Any], datetime | None]:
    """A check for a date and time, as ``briefing.validation.moment`` reads it."""
    return string_check(lambda p, x: v.moment(p, x, required=required))


def day(path: str, value: Any) -> date | None:
    """A date, as ``briefing.validation.day`` reads it, or null."""
    return string_check(v.day)(path, value)


def optional_key(path: str, value: Any) -> str | None:
    """A key naming another item of the file, or None when empty or absent."""
    return LINE(path, value) or None


def flag(path: str, value: Any) -> bool:
    """true or false (absent is false)."""
    if value is not None and not isinstance(value, bool):
        raise InterchangeError(path, f"must be true or false, not {kind(value)}")
    return bool(value)
