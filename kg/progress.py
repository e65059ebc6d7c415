"""Progress bars of long runs: on a terminal only, never in logs or pipes."""
from __future__ import annotations

import sys
from typing import Iterable, Iterator


def with_progress(items: Iterable, total: int, desc: str, quiet: bool, unit: str = "doc") -> Iterator:
    """``items`` one by one, with a progress bar of ``total`` documents (or ``unit``s) on a
    terminal (none when ``quiet``, for one item, or when stderr is not a terminal)."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, leave=False) as bar:
        for item in items:
            yield item
            bar.update(1)
