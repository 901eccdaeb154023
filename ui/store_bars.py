"""The bars a window shows about its store when it opens: read-only, notices, an unclean exit.

Nothing here is modal and nothing heavy is built unless there is something to
say: the unclean-exit bar (and what it imports) only after an unclean exit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.recovery.journal import Recovery
    from ui.context import AppContext
    from ui.widgets.window_bars import WindowBars

READ_ONLY_TITLE = "This database is open read-only: you can read and export, but not change it."


def read_only_text(ctx: AppContext) -> str:
    db = ctx.services.db
    reason = db.read_only_reason or "it cannot be written"
    if getattr(db, "role_read_only", False):
        return (f"{db.location}: {reason}. You can read, search and export; nothing you type is "
                "saved. To make changes, ask the store's administrator for write access, then "
                "open it again.")
    return (f"{db.location}: {reason}. Nothing you do here will change it. To make changes, "
            "copy it to a folder you can write to (or ask for write access), then open the copy.")


def show_store_bars(bars: WindowBars, ctx: AppContext, recovery: Recovery | None,
                    problems: list[str]) -> None:
    """Add a bar for each thing the user should know about the store just opened."""
    unclean = recovery is not None and (recovery.unclean or recovery.anything_kept)
    if not (ctx.services.read_only or ctx.services.notices or problems or unclean):
        return  # the usual start: nothing to say, nothing more to load
    from ui.widgets.message_bar import INFO, MessageBar

    if ctx.services.read_only:
        bars.add(MessageBar(READ_ONLY_TITLE, read_only_text(ctx), kind=INFO, closable=False))
    for notice in [*ctx.services.notices, *problems]:
        add_notice_bar(bars, notice)
    if unclean:
        from ui.recovery.bar import RecoveryBar

        bars.add(RecoveryBar(ctx, recovery))


def add_notice_bar(bars: WindowBars, notice: str) -> None:
    """A warning bar for something about the store that is not an error (a daily backup that failed)."""
    from ui.widgets.message_bar import WARNING, MessageBar

    bars.add(MessageBar("Briefbook opened the database, with a problem to know about.", notice,
                        kind=WARNING))
