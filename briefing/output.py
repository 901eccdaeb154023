"""Write a file the user named (``export -o``, ``dump -o``, ``backup -o``): whole, and only over a plain file.

The content goes into a hidden temporary file beside the target
(``.NAME.XXXXXXXX.part``), is flushed to disk, and is then renamed over the
target: a failed, cancelled or killed write leaves an earlier file of that name
as it was, and a ``.part`` file left by a killed one is removed by a later write
of the same name once it is ``STALE_SECONDS`` old. What the name may be:

- nothing yet, or a regular file with a write permission bit: replaced (keeping
  its permission bits);
- a device, FIFO, socket or folder: refused (renaming over ``/dev/full`` as root
  would replace the device with a file);
- a symbolic link: refused, naming the file it points to (a link's meaning stays
  the user's to choose: name the target to replace it);
- a file with no write permission bit: refused, also for root, whom the system
  would let through;
- a file with more than one name (hard links): refused (replacing one name would
  part it from the others; writing in place could leave it half written);
- a name too long for the file system, a missing folder, a full disk: refused or
  failed with the system's reason in one line, nothing left behind.

Every refusal is an ``OutputError`` whose one-line message names the path.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing.errors import BriefbookError
from db.files import fsync_path, same_file

TEMP_SUFFIX = ".part"
#: A temporary file older than this was left by a write that was killed (an export writes its
#: file in well under a second once the book is laid out; a backup of a large store in seconds).
STALE_SECONDS = 600
#: At most this many characters of the target's name go into its temporary file's name, so that
#: a name near the file system's limit (255 bytes) still has room for the temporary one.
NAME_IN_TEMP = 100

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


class OutputError(BriefbookError):
    """A file the user named cannot be written there; nothing was written."""


def check_target(path: str | os.PathLike, *, refuse: Iterable[tuple[Path, str]] = ()) -> Path:
    """The absolute path to write, or ``OutputError`` saying why the name cannot take the file.

    ``refuse`` lists further files this name must not be, each with the reason
    (a backup must not overwrite its own store or the store's ``-wal``).
    """
    path = Path(path).expanduser().absolute()
    if path.name in ("", ".", ".."):
        raise OutputError(f"cannot write {path}: it is a folder, not a file name; nothing was written.")
    for other, why in refuse:
        if path == Path(other).absolute() or same_file(path, Path(other)):
            raise OutputError(f"cannot write {path}: {why}; nothing was written. Choose another file.")
    try:
        folder = os.stat(path.parent)
        found = os.lstat(path)
    except FileNotFoundError:
        if not path.parent.exists():
            raise OutputError(f"cannot write {path}: {os.strerror(errno.ENOENT)} (the folder "
                              f"{path.parent} does not exist); nothing was written.") from None
        return path
    except OSError as error:
        raise _failed(path, error) from None
    if not stat.S_ISDIR(folder.st_mode):
        raise OutputError(f"cannot write {path}: {path.parent} is not a folder; nothing was written.")
    if stat.S_ISLNK(found.st_mode):
        raise OutputError(
            f"cannot write {path}: it is a symbolic link (to {os.readlink(path)}); nothing was written. "
            "Name the file it points to to replace that file, or choose another name.")
    for is_kind, kind in _KINDS:
        if is_kind(found.st_mode):
            raise OutputError(
                f"cannot write {path}: it is {kind}, not a regular file; nothing was written.")
    if not stat.S_ISREG(found.st_mode):
        raise OutputError(f"cannot write {path}: it is not a regular file; nothing was written.")
    if not found.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputError(
            f"cannot write {path}: the file is read-only (no write permission); nothing was written. "
            "Make it writable, or choose another file.")
    if found.st_nlink > 1:
        raise OutputError(
            f"cannot write {path}: the file has {found.st_nlink} names (hard links), and replacing it "
            "under this one would part them; nothing was written. Choose another file.")
    return path


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to the file the user named (see the module's rules); returns its path."""

    def write(temp: Path) -> None:
        with open(temp, "wb") as f:
            _write_all(f.fileno(), data)
            os.fsync(f.fileno())

    return replace_with(path, write)


def replace_with(path: str | os.PathLike, make: Callable[[Path], object], *,
                 refuse: Iterable[tuple[Path, str]] = ()) -> Path:
    """Let ``make(temp)`` write the whole file at ``temp`` beside ``path``, then rename it to ``path``.

    ``temp`` exists, empty, when ``make`` is called (an SQLite file may be built
    in it). Any failure removes it (and an SQLite journal beside it) and leaves
    ``path`` as it was; an ``OSError`` becomes an ``OutputError`` naming ``path``.
    """
    refuse = tuple(refuse)
    target = check_target(path, refuse=refuse)
    sweep_stale_parts(target.parent, target.name)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name[:NAME_IN_TEMP]}.", suffix=TEMP_SUFFIX,
                                    dir=target.parent)
    except OSError as error:
        raise _failed(target, error) from None
    os.close(fd)
    temp = Path(name)
    try:
        make(temp)
        fsync_path(temp)
        old = _mode(target)
        os.chmod(temp, old if old is not None else 0o644)
        check_target(target, refuse=refuse)  # still so, just before the rename
        os.replace(temp, target)
        fsync_path(target.parent)
    except BaseException as error:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            _remove(leftover)
        if isinstance(error, OSError):
            raise _failed(target, error) from None
        raise
    return target


def sweep_stale_parts(directory: Path, name: str) -> list[Path]:
    """Remove the ``.NAME.*.part`` files (and their journals) that killed writes of ``name`` left here."""
    pattern = f".{glob.escape(name[:NAME_IN_TEMP])}.*{TEMP_SUFFIX}"
    return sweep_stale(directory, (pattern, pattern + "-journal"))


def sweep_stale(directory: Path, patterns: Iterable[str], *, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove the files matching ``patterns`` in ``directory`` not touched for ``older_than`` seconds."""
    cutoff = time.time() - older_than
    removed = []
    for pattern in patterns:
        try:
            leftovers = list(Path(directory).glob(pattern))
        except OSError:
            return removed
        for leftover in leftovers:
            try:
                if leftover.lstat().st_mtime < cutoff and not leftover.is_symlink():
                    leftover.unlink()
                    removed.append(leftover)
            except OSError:
                pass  # gone already, or not ours to remove: harmless
    return removed


def _failed(path: Path, error: OSError) -> OutputError:
    if error.errno == errno.ENAMETOOLONG:
        return OutputError(f"cannot write {path}: the file name is too long for its file system; "
                           "nothing was written. Choose a shorter name.")
    return OutputError(f"cannot write {path}: {error.strerror or error}; nothing was written.")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None




def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
