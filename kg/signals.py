"""SIGTERM, as sent by ``timeout``, systemd and CI runners, handled like Ctrl-C.

The handler raises ``Terminated`` (a KeyboardInterrupt), so the run unwinds
through its ``with`` and ``finally`` blocks: worker pools are stopped and
temporary files and staging directories are removed before the process exits.
"""
from __future__ import annotations

import signal

#: Exit status of a process stopped by SIGTERM (128 + 15), as the shell reports it.
TERMINATED_EXIT = 128 + signal.SIGTERM


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM."""


def _raise_terminated(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean-up short
    raise Terminated()


def stop_on_sigterm() -> None:
    """From now on SIGTERM raises ``Terminated`` in the main thread."""
    signal.signal(signal.SIGTERM, _raise_terminated)
