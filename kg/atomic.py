"""Write outputs so that a failure never leaves a half-written or lost result.

A file is written to a temporary sibling and renamed into place.  An output
directory is never copied: the new files are written into a private staging
directory inside it and then renamed over their namesakes one by one, so a
large existing ``--out`` costs nothing and files this run does not write are
kept.  Staging directories are locked while their run lives; the next run
removes those of a run that was killed (SIGKILL, power loss).

Special file systems (``/proc``, ``/sys``, ``/dev`` ...) and unwritable places
are refused before any work starts.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from kg.errors import KgError

#: Names of staging directories (hidden, so document searches skip them).
STAGING_PREFIX = ".kg-tmp-"
_LOCK = ".lock"

#: Kernel and pseudo file systems: writing there does not store a file (and /proc is huge).
SPECIAL_FILESYSTEMS = frozenset({
    "proc", "sysfs", "devtmpfs", "devpts", "devfs", "cgroup", "cgroup2", "debugfs", "tracefs",
    "securityfs", "pstore", "bpf", "configfs", "fusectl", "mqueue", "hugetlbfs", "autofs",
    "binfmt_misc", "efivarfs", "rpc_pipefs", "nsfs", "selinuxfs"})
#: Where those are mounted when the mount table cannot be read (not Linux).
SPECIAL_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Temporary files are created private (0600); finished outputs get the usual
#: permissions, as if created with open().
_FILE_MODE = 0o666 & ~_current_umask()


# --- checks ---------------------------------------------------------------------

_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")


def _mount_table() -> list[tuple[Path, str]] | None:
    """(mount point, file system type) of every mount, or None where there is no /proc/self/mounts."""
    try:
        lines = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    table = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:  # spaces in mount points are written \040
            table.append((Path(_OCTAL_ESCAPE.sub(lambda m: chr(int(m[1], 8)), fields[1])), fields[2]))
    return table


def special_filesystem(path: Path) -> str | None:
    """The type of the special file system ``path`` is (or would be) on, or None.  Whatever
    is mounted at /proc, /sys or /dev counts as special."""
    path = Path(os.path.abspath(path))
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    path = existing.resolve() / path.relative_to(existing)
    table = _mount_table()
    if table is None:
        return next((str(root) for root in SPECIAL_ROOTS if path.is_relative_to(root)), None)
    mounts = [(point, fstype) for point, fstype in table if path.is_relative_to(point)]
    if not mounts:
        return None
    point, fstype = max(mounts, key=lambda m: len(m[0].parts))
    if fstype in SPECIAL_FILESYSTEMS:
        return fstype
    # containers often mount a tmpfs at /dev: still no place for outputs (/dev/shm, a mount of its own, is)
    return f"{fstype} at {point}" if point in SPECIAL_ROOTS else None


def _check_target(target: Path) -> None:
    """Refuse a special file system and a place this process cannot create ``target`` in."""
    fstype = special_filesystem(target)
    if fstype:
        raise KgError(f"cannot write to {target}: it is on a special file system ({fstype}), not storage")
    if target.exists() and not os.access(target, os.W_OK):
        raise KgError(f"output is not writable: {target}")
    # where entries get created: the directory itself, else the nearest directory above
    existing = target if target.is_dir() else Path(os.path.abspath(target)).parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise KgError(f"output location is not a directory: {existing}")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise KgError(f"output location is not writable: {existing}")


def check_output_dir(path: str | os.PathLike) -> Path:
    """Fail early, before long work, when ``path`` cannot become an output directory; return it."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise KgError(f"output exists and is not a directory: {target}")
    _check_target(target)
    return target


# --- files ----------------------------------------------------------------------

def write_text(path: str | os.PathLike, text: str) -> None:
    """Atomically replace ``path`` with ``text`` (UTF-8)."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Atomically replace ``path`` with ``data``."""
    target = Path(path)
    if target.is_dir():
        raise KgError(f"output is a directory, not a file: {target}")
    _check_target(target)
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise KgError(f"cannot write {target}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --- directories ------------------------------------------------------------------

def remove_leftovers(directory: Path) -> None:
    """Remove the staging directories in ``directory`` whose run is gone (their lock is free)."""
    try:
        entries = [e for e in directory.iterdir() if e.name.startswith(STAGING_PREFIX) and e.is_dir()]
    except OSError:
        return
    for entry in entries:
        try:
            fd = os.open(entry / _LOCK, os.O_RDWR)
        except OSError:
            continue  # being created right now, or not ours
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # its run is alive
        finally:
            os.close(fd)
        shutil.rmtree(entry, ignore_errors=True)


@contextlib.contextmanager
def staging_dir(path: str | os.PathLike) -> Iterator[Path]:
    """A private directory inside the output directory ``path`` (created if missing), removed
    on exit whatever happens; ``path`` too when this created it and nothing was put in it.

    The directory holds a lock as long as this process lives, so that a later run can
    tell the leftovers of a killed run (which it removes) from the work of a running one.
    """
    target = check_output_dir(path)
    created = not target.exists()
    try:
        target.mkdir(parents=True, exist_ok=True)
        remove_leftovers(target)
        stage = Path(tempfile.mkdtemp(dir=target, prefix=STAGING_PREFIX))
    except OSError as e:
        raise KgError(f"cannot write to {target}: {e.strerror or e}") from None
    try:
        # Locked before it gets its name: a cleaner never sees an unlocked lock of a live run.
        fd = os.open(stage / (_LOCK + ".new"), os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.rename(stage / (_LOCK + ".new"), stage / _LOCK)
        try:
            yield stage
        finally:
            shutil.rmtree(stage, ignore_errors=True)
            os.close(fd)
    finally:
        if created:
            with contextlib.suppress(OSError):
                target.rmdir()  # only when empty


@contextlib.contextmanager
def output_dir(path: str | os.PathLike) -> Iterator[Path]:
    """Yield an empty directory to write outputs in; on success each of its entries replaces
    its namesake in ``path``, one rename each.  Files of ``path`` this run does not write are
    kept; on failure ``path`` is left as it was."""
    with staging_dir(path) as stage:
        new = stage / "new"
        new.mkdir()
        yield new
        try:
            _publish(new, Path(path), stage)
        except OSError as e:
            raise KgError(f"cannot write {path}: {e.strerror or e}") from None


def _publish(new: Path, target: Path, stage: Path) -> None:
    """Rename every entry of ``new`` into ``target``; an existing directory of the same name
    is moved into ``stage`` (deleted with it) first, a file is replaced by the rename."""
    for entry in sorted(new.iterdir()):
        old = target / entry.name
        if old.is_dir() and not old.is_symlink():
            os.replace(old, stage / f"old-{entry.name}")
        os.replace(entry, old)
