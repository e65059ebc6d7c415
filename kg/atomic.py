"""Write outputs so that a failure never leaves a half-written or lost result.

Files are written to a temporary sibling and renamed into place; output
directories are built in a temporary sibling directory and swapped in whole.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from kg.errors import KgError


def _check_parent_writable(target: Path) -> Path:
    parent = target.resolve().parent
    if not parent.exists():
        try:
            parent.mkdir(parents=True)
        except OSError as e:
            raise KgError(f"cannot create output directory {parent}: {e.strerror}") from None
    if not parent.is_dir():
        raise KgError(f"output location is not a directory: {parent}")
    if not os.access(parent, os.W_OK):
        raise KgError(f"output location is not writable: {parent}")
    if target.exists() and not os.access(target, os.W_OK):
        raise KgError(f"output is not writable: {target}")
    return parent


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Temporary files and directories are created private (0600/0700); finished
#: outputs get the usual permissions, as if created with open()/mkdir().
_FILE_MODE = 0o666 & ~_current_umask()
_DIR_MODE = 0o777 & ~_current_umask()


def write_text(path: str | os.PathLike, text: str) -> None:
    """Atomically replace ``path`` with ``text`` (UTF-8)."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    target = Path(path)
    if target.is_dir():
        raise KgError(f"output is a directory, not a file: {target}")
    parent = _check_parent_writable(target)
    fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def check_output_dir(path: str | os.PathLike) -> Path:
    """Fail early, before long work, when ``path`` cannot become an output directory."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise KgError(f"output exists and is not a directory: {target}")
    return _check_parent_writable(target)


@contextlib.contextmanager
def output_dir(path: str | os.PathLike, carry: Path | None = None) -> Iterator[Path]:
    """Yield a fresh temporary directory; on success it replaces ``path`` whole.

    Files already in ``path`` that this run does not write are kept (copied
    over first), so ``kg build --out DIR`` never deletes unrelated files.
    ``carry``, a directory inside ``path`` that may change while the new one is
    written (a store in use), is not copied but moved over at the swap; it must
    be closed by then.
    """
    target = Path(path)
    parent = check_output_dir(target)
    carried = None
    if carry is not None and carry.resolve().is_relative_to(target.resolve()) and carry.exists():
        carried = carry.resolve().relative_to(target.resolve())
    try:
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp"))
    except OSError as e:
        raise KgError(f"cannot write to {parent}: {e.strerror}") from None
    try:
        if target.exists():
            skip = target.resolve() / carried if carried else None
            shutil.copytree(target, tmp, dirs_exist_ok=True,
                            ignore=lambda d, names: [n for n in names if Path(d).resolve() / n == skip])
        yield tmp
        os.chmod(tmp, _DIR_MODE)
        if carried:
            (tmp / carried).parent.mkdir(parents=True, exist_ok=True)
            os.replace(target / carried, tmp / carried)
        try:
            _swap(tmp, target, parent)
        except OSError:
            if carried:
                os.replace(tmp / carried, target / carried)  # the store goes back where it was
            raise
    except OSError as e:
        raise KgError(f"cannot write {target}: {e.strerror or e}") from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _swap(tmp: Path, target: Path, parent: Path) -> None:
    """Put ``tmp`` in place of ``target``; the old directory goes only once the new one is in."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".old"))
        os.rmdir(old)
        os.replace(target, old)
    try:
        os.replace(tmp, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
