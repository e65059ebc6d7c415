"""Fixtures shared by several test files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

#: The 250 real news texts of the shared corpus, beside the repository (KG_CORPUS_DOCS overrides
#: the place). Their text is never copied into the repository; tests only build graphs from them.
CORPUS_DOCS = Path(os.environ.get("KG_CORPUS_DOCS", Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docs"))


@pytest.fixture(scope="session")
def corpus_graph(tmp_path_factory) -> Path:
    """graph.ttl of the whole corpus, built once per test session with `kg build`."""
    if not CORPUS_DOCS.is_dir():
        pytest.skip(f"the corpus is not in {CORPUS_DOCS} (set KG_CORPUS_DOCS)")
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, "-m", "kg", "build", str(CORPUS_DOCS), "-q", "--formats", "ttl",
                    "--out", str(out)], check=True, capture_output=True)
    return out / "graph.ttl"
