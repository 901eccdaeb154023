"""Settings saved in the window take effect in the running app where that is cheap.

New meetings take the home zone, checks and exports the ladder, automatic
backups the number kept, note revisions and the change log the user name, and the next export
(and the book preview) the paper, at once. The Overview's list of markings and
the header are built at start-up: a changed ladder shows there at the next start.
"""

from __future__ import annotations

from briefing.config import Config
from briefing.meetings.service import MeetingService
from ui.book.choices import PAPER_KEY
from ui.context import AppContext

LATER = "The Overview's list of markings changes at the next start."


def apply_settings(ctx: AppContext, config: Config) -> str:
    """Put ``config`` into the running services; returns what applies only at the next start ("")."""
    services = ctx.services
    old = services.config
    services.config = config
    services.meetings = MeetingService(services.db, config)  # its checks read the zone and ladder
    services.backups.keep = config.backups_keep
    services.backups.user = config.user_name  # who restored, in the change log
    # the next use makes them with the new settings
    for made_with_old in ("notes", "interchange", "actions", "trash", "history", "positions", "agenda",
                          "people"):
        if made_with_old in vars(services):
            delattr(services, made_with_old)
    if config.paper == "locale":
        ctx.settings.remove(PAPER_KEY)  # the next export offers the locale's paper
    else:
        ctx.settings.setValue(PAPER_KEY, config.paper)
    return LATER if config.ladder.markings != old.ladder.markings else ""
