"""A view's read that finds the store unreachable puts the window offline instead of raising.

Views read through the services on the GUI thread, in slots Qt calls; a
``TransientStoreError`` escaping one would print a traceback and leave the view
half-filled. ``offline_slot`` (a method of a view with ``self.ctx``) and
``offline_safe`` (any function) catch it: the view keeps what it showed, the
status bar says "Offline — N changes waiting" (``LiveUpdates``, which re-reads
every view once the store answers again), or, for a passing error that is not a
lost connection (a full disk), the error itself.
"""

from __future__ import annotations

import functools
import sys
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from briefing.errors import TransientStoreError

if TYPE_CHECKING:
    from ui.context import AppContext

_F = TypeVar("_F", bound=Callable[..., Any])
#: The watcher of each window's context (``id(ctx)``): where a view's failed read goes.
_LIVE: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary()


def register(ctx: AppContext, live: Any) -> None:
    """``live`` (the window's ``LiveUpdates``) is told when a view of ``ctx`` finds the store away."""
    _LIVE[id(ctx)] = live


def is_offline(ctx: AppContext) -> bool:
    """The window of ``ctx`` knows the store cannot be reached now (until it answers again)."""
    live = _LIVE.get(id(ctx))
    return live is not None and live.offline is not None


def store_unreachable(ctx: AppContext, error: TransientStoreError) -> None:
    """A view could not read (or write) the store: the window goes offline instead of raising —
    the view keeps what it shows, the status bar says so, and everything re-reads once it is back."""
    live = _LIVE.get(id(ctx))
    if live is not None and getattr(error, "offline", False):
        live.went_offline(error)
    else:  # a full disk, a busy file: said as it is
        ctx.status.failed(str(error))


def offline_safe(ctx: AppContext, function: _F) -> _F:
    """``function`` (a slot that reads through the services), turning ``TransientStoreError``
    into the offline state (``store_unreachable``): no exception escapes into Qt."""

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except TransientStoreError as error:
            store_unreachable(ctx, error)
            return None

    return guarded  # type: ignore[return-value]


def offline_slot(method: _F) -> _F:
    """``offline_safe`` for a method of a view that has ``self.ctx``."""

    @functools.wraps(method)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except TransientStoreError as error:
            store_unreachable(self.ctx, error)
            return None

    return guarded  # type: ignore[return-value]


def absorb_offline_errors(ctx: AppContext) -> Callable[[], None]:
    """For the window's life: a view's read in any slot that finds the store away (one no
    ``offline_slot`` guards) puts the window offline instead of printing a traceback. Returns
    what undoes it (the window closes)."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        if isinstance(error, TransientStoreError) and getattr(error, "offline", False):
            store_unreachable(ctx, error)
        else:
            previous(kind, error, trace)

    sys.excepthook = hook

    def undo() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return undo


@contextmanager
def offline_absorbed(ctx: AppContext) -> Iterator[None]:
    """Signals emitted inside make every view re-read in its own slot; one that finds the store
    away puts the window offline instead of printing a traceback. (Qt hands an exception that
    escapes a slot to ``sys.excepthook``: only an unreachable store's is kept from it here.)"""
    previous = sys.excepthook
    caught: list[TransientStoreError] = []

    def hook(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        if isinstance(error, TransientStoreError) and getattr(error, "offline", False):
            caught.append(error)
        else:
            previous(kind, error, trace)

    sys.excepthook = hook
    try:
        yield
    finally:
        if sys.excepthook is hook:
            sys.excepthook = previous
    if caught:
        store_unreachable(ctx, caught[0])
