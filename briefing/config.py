"""Settings that are not window state: the home time zone and the sensitivity ladder.

Read from ``briefbook.json`` in the user's config directory when it exists;
``BRIEFBOOK_HOME_TZ`` overrides the home time zone; a name that is not an IANA
zone a meeting may have (``localtime``, a typo) falls back to the default.
Window geometry and other GUI state live in QSettings, not here.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from briefing.markings.ladder import DEFAULT_LADDER, Ladder, Marking

DEFAULT_HOME_TIMEZONE = "America/New_York"


@dataclass(frozen=True)
class Config:
    """One object for the settings the domain needs."""

    home_timezone: str = DEFAULT_HOME_TIMEZONE
    ladder: Ladder = field(default_factory=Ladder)
    author: str = ""
    #: How many automatic backups to keep beside the store (``backups_keep`` in briefbook.json).
    backups_keep: int = 10

    @classmethod
    def load(cls, path: Path | None = None) -> Config:
        """The user's settings, falling back to defaults for anything missing or unreadable."""
        data: dict = {}
        if path is None:
            path = config_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        home = os.environ.get("BRIEFBOOK_HOME_TZ") or data.get("home_timezone")
        ladder = Ladder(DEFAULT_LADDER)
        raw = data.get("sensitivity_ladder")
        if isinstance(raw, list) and raw:
            try:
                ladder = Ladder(tuple(Marking(str(m["code"]), str(m["label"]),
                                              str(m.get("colour", "#555555"))) for m in raw))
            except (KeyError, TypeError):
                ladder = Ladder(DEFAULT_LADDER)
        return cls(
            home_timezone=_home_zone(home),
            ladder=ladder,
            author=str(data.get("author", "")),
            backups_keep=_positive(data.get("backups_keep"), 10),
        )


def _home_zone(value: object) -> str:
    """The home zone from the settings or the environment, if it is one a meeting may have."""
    from briefing.zones import is_meeting_zone

    if not isinstance(value, str) or value == DEFAULT_HOME_TIMEZONE:
        return DEFAULT_HOME_TIMEZONE  # no look-up: listing the zones takes tens of ms at start-up
    return value if is_meeting_zone(value) else DEFAULT_HOME_TIMEZONE


def _positive(value: object, default: int) -> int:
    """A whole number of at least 1 from the settings file, else ``default``."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return default


def config_path() -> Path:
    """Where ``briefbook.json`` lives (platformdirs' user config directory)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("Briefbook", appauthor=False)) / "briefbook.json"
