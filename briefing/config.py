"""Settings that are not window state: user name, home time zone, paper, backups, marking ladder.

Read from ``briefbook.json`` in the user's config directory when it exists;
``BRIEFBOOK_HOME_TZ`` overrides the home time zone; a name that is not an IANA
zone a meeting may have (``localtime``, a typo) falls back to the default.
``check_settings`` refuses what cannot be saved (``ValidationError`` naming the
field) and ``save_settings`` writes the file atomically (a temp file renamed
over it), keeping keys it does not know. Window geometry and other GUI state
live in QSettings, not here.
"""

from __future__ import annotations

import getpass
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import StoreError, ValidationError
from briefing.markings.ladder import DEFAULT_LADDER, Ladder, Marking

DEFAULT_HOME_TIMEZONE = "America/New_York"
#: ``paper`` values: the locale's (Letter in the US, Canada…, else A4), or one chosen.
PAPER_LOCALE, PAPERS = "locale", ("locale", "a4", "letter")
#: The colour of a marking added without one (the band of an unknown code).
PLAIN_COLOUR = "#555555"


def default_user_name() -> str:
    """The operating system's user name, or "unknown" when there is none (some services)."""
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no user name in the environment (containers, services)
        return "unknown"


@dataclass(frozen=True)
class Config:
    """One object for the settings the domain needs."""

    home_timezone: str = DEFAULT_HOME_TIMEZONE
    ladder: Ladder = field(default_factory=Ladder)
    author: str = ""
    #: How many automatic backups to keep beside the store (``backups_keep`` in briefbook.json).
    backups_keep: int = 10
    #: Who is working (``user_name``; the older ``author`` key still counts), for note revisions.
    user_name: str = field(default_factory=default_user_name)
    #: The paper of a new export: ``locale``, ``a4`` or ``letter``.
    paper: str = PAPER_LOCALE
    #: The settings file a ladder was read from (an older release kept it there); the store
    #: takes it over when it is opened (``briefing.markings.service``) and it leaves the file.
    ladder_file: Path | None = field(default=None, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Config:
        """The user's settings, falling back to defaults for anything missing or unreadable."""
        data = _read_settings(config_path() if path is None else path)
        home = os.environ.get("BRIEFBOOK_HOME_TZ") or data.get("home_timezone")
        ladder, ladder_file = Ladder(DEFAULT_LADDER), None
        raw = data.get("sensitivity_ladder")
        if isinstance(raw, list) and raw:
            try:
                ladder = Ladder(tuple(Marking(str(m["code"]), str(m["label"]),
                                              str(m.get("colour", "#555555"))) for m in raw))
                ladder_file = config_path() if path is None else Path(path)
            except (KeyError, TypeError, AttributeError):
                ladder = Ladder(DEFAULT_LADDER)
        user_name = str(data.get("user_name") or data.get("author") or "").strip()
        paper = data.get("paper")
        return cls(
            home_timezone=_home_zone(home),
            ladder=ladder,
            author=user_name,
            backups_keep=_positive(data.get("backups_keep"), 10),
            user_name=user_name or default_user_name(),
            paper=paper if paper in PAPERS else PAPER_LOCALE,
            ladder_file=ladder_file,
        )


def check_settings(config: Config, *, in_use: Callable[[str], int] | None = None,
                   previous: Ladder | None = None) -> Config:
    """``config`` as it can be saved (names trimmed), or a ``ValidationError`` saying what is wrong.

    ``in_use(code)`` counts the meetings marked ``code``; a code of ``previous``
    that meetings carry must stay on the ladder.
    """
    from briefing.times.zones import is_meeting_zone

    user_name = config.user_name.strip()
    if not user_name:
        raise ValidationError("user_name", "must not be empty")
    if not is_meeting_zone(config.home_timezone):
        raise ValidationError("home_timezone", f"“{config.home_timezone}” is not a known time zone "
                                               "(an IANA name such as Asia/Tokyo)")
    if config.paper not in PAPERS:
        raise ValidationError("paper", f"must be one of {', '.join(PAPERS)}")
    if isinstance(config.backups_keep, bool) or not isinstance(config.backups_keep, int) \
            or config.backups_keep < 1:
        raise ValidationError("backups_keep", "must be a whole number of at least 1")
    markings = check_ladder(config.ladder.markings)
    if previous is not None and in_use is not None:
        kept = {m.code for m in markings}
        for code in previous.codes:
            count = 0 if code in kept else in_use(code)
            if count:
                raise ValidationError("ladder", removal_refused(code, count))
    return Config(home_timezone=config.home_timezone, ladder=Ladder(markings), author=user_name,
                  backups_keep=config.backups_keep, user_name=user_name, paper=config.paper)


def check_ladder(markings: Sequence[Marking]) -> tuple[Marking, ...]:
    """The markings trimmed, or a ``ValidationError`` for an empty, repeated or unprintable code."""
    if not markings:
        raise ValidationError("ladder", "needs at least one marking")
    seen: set[str] = set()
    result = []
    for position, marking in enumerate(markings, 1):
        code, label = marking.code.strip(), marking.label.strip()
        if not code:
            raise ValidationError("ladder", f"row {position}: the code must not be empty")
        if any(c.isspace() or c in "()" for c in code):
            raise ValidationError("ladder", f"row {position}: the code “{code}” must not contain "
                                            "spaces or parentheses")
        if len(code) > 24:
            raise ValidationError("ladder", f"row {position}: the code “{code}” is longer than 24 characters")
        if code in seen:
            raise ValidationError("ladder", f"row {position}: the code “{code}” is on the ladder twice")
        seen.add(code)
        result.append(Marking(code, label or code.upper(), marking.colour or PLAIN_COLOUR))
    return tuple(result)


def removal_refused(code: str, count: int) -> str:
    """Why ``code`` cannot leave the ladder while ``count`` meetings carry it."""
    meetings = "1 meeting is" if count == 1 else f"{count} meetings are"
    return f"“{code}” cannot be removed: {meetings} marked with it. Change their marking first."


def save_settings(config: Config, path: Path | None = None) -> None:
    """Write ``config`` into ``briefbook.json`` (keys this version does not know are kept),
    atomically: a temp file beside it, flushed, then renamed over it."""
    path = config_path() if path is None else Path(path)
    data = _read_settings(path)
    data.update({
        "user_name": config.user_name,
        "home_timezone": config.home_timezone,
        "paper": config.paper,
        "backups_keep": config.backups_keep,
    })
    data.pop("sensitivity_ladder", None)  # the ladder is the store's (``briefing.markings.service``)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".briefbook-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, indent=2)
                f.write("\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise StoreError(f"Cannot save the settings in {path}: {error.strerror or error}") from None


def _home_zone(value: object) -> str:
    """The home zone from the settings or the environment, if it is one a meeting may have."""
    from briefing.times.zones import is_meeting_zone

    if not isinstance(value, str) or value == DEFAULT_HOME_TIMEZONE:
        return DEFAULT_HOME_TIMEZONE  # no look-up: listing the zones takes tens of ms at start-up
    return value if is_meeting_zone(value) else DEFAULT_HOME_TIMEZONE


def _positive(value: object, default: int) -> int:
    """A whole number of at least 1 from the settings file, else ``default``."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return default


def forget_ladder(path: Path) -> None:
    """Take the ladder out of the settings file at ``path`` once the store has it (other keys kept)."""
    data = _read_settings(path)
    if "sensitivity_ladder" not in data:
        return
    del data["sensitivity_ladder"]
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError:
        pass  # the store has the ladder all the same; the file offers it again next time


def config_path() -> Path:
    """Where ``briefbook.json`` lives: ``BRIEFBOOK_CONFIG_DIR`` when set (tests, portable
    installs), else platformdirs' user config directory."""
    folder = os.environ.get("BRIEFBOOK_CONFIG_DIR")
    if folder:
        return Path(folder) / "briefbook.json"
    from platformdirs import user_config_dir

    return Path(user_config_dir("Briefbook", appauthor=False)) / "briefbook.json"


def _read_settings(path: Path) -> dict:
    """What ``briefbook.json`` holds, or nothing when it is missing, unreadable or not an object."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
