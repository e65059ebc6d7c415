"""notebooks/explore.ipynb runs top to bottom (nbclient, the venv's python3 kernel)."""
from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from tests.conftest import QUERIES, ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_notebook_runs_and_shows_tables_chart_and_view():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()  # raises on any error
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    data = [o.get("data", {}) for o in outputs]
    queries = sorted(QUERIES.glob("*.rq"))
    tables = [d for d in data if "<table" in d.get("text/html", "")]
    assert len(tables) >= len(queries) + 1  # one per canned query, plus the centrality ranking
    assert any("image/png" in d for d in data), "the centrality chart"
    assert any("<iframe" in d.get("text/html", "") and 'srcdoc="&lt;!DOCTYPE html&gt;' in d["text/html"]
               for d in data), "the inline view"
    assert not [o for o in outputs if o.output_type == "error"]
