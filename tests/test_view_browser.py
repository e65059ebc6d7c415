"""The HTML view in a real headless Chromium, driven over the DevTools protocol.

Needs Debian's ``chromium`` (installed by .ci/run); the page is opened from
file:// with the network cut off, so anything it tried to fetch would fail.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import networkx as nx
import pytest
import websocket

from kg.view import write_view
from view_graphs import XSS_NAME, XSS_SENTENCE, invented_graph, random_graph

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")  # .ci/run installs it


class Browser:
    """One headless Chromium tab, spoken to over the Chrome DevTools Protocol."""

    def __init__(self, profile: Path, width: int = 1400, height: int = 900):
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", f"--user-data-dir={profile}", "--remote-debugging-port=0",
             "--remote-allow-origins=*", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not start")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        targets = json.load(no_proxy.open(f"http://127.0.0.1:{port}/json/list", timeout=30))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.events: list[dict] = []
        self._next_id = 0
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable")
        # Offline: a page that needs the network cannot pass.
        self.call("Network.emulateNetworkConditions", offline=True, latency=0,
                  downloadThroughput=-1, uploadThroughput=-1)

    def call(self, method: str, **params) -> dict:
        self._next_id += 1
        self.ws.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self._next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)
            if msg.get("method") == "Page.javascriptDialogOpening":  # never leave a dialog blocking the page
                self.ws.send(json.dumps({"id": -1, "method": "Page.handleJavaScriptDialog",
                                         "params": {"accept": True}}))

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not self.evaluate(expression):
            if time.monotonic() > deadline:
                raise TimeoutError(expression)
            time.sleep(0.2)

    def open(self, path: Path) -> None:
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("document.readyState === 'complete'")

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))

    def hover(self, x: float, y: float) -> None:
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, dialogs and network requests so far."""
        out = []
        for e in self.events:
            method, p = e.get("method"), e.get("params", {})
            if method == "Runtime.consoleAPICalled" and p["type"] in ("error", "warning", "assert"):
                out.append(f"console.{p['type']}: {[a.get('value', a.get('description')) for a in p['args']]}")
            elif method == "Runtime.exceptionThrown":
                out.append(f"exception: {p['exceptionDetails']}")
            elif method == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                out.append(f"log: {p['entry']['text']}")
            elif method == "Page.javascriptDialogOpening":
                out.append(f"dialog: {p['message']}")
            elif method == "Network.requestWillBeSent" and not p["request"]["url"].startswith(("file:", "data:")):
                out.append(f"request: {p['request']['url']}")
        return out

    def close(self) -> None:
        if hasattr(self, "ws"):
            self.ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def browser(tmp_path):
    b = Browser(tmp_path / "profile")
    yield b
    b.close()


def _screenshot_dir(tmp_path: Path) -> Path:
    """Screenshots go to a temp dir (KG_SCREENSHOTS overrides it, to look at them)."""
    out = Path(os.environ.get("KG_SCREENSHOTS", tmp_path / "screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_page_draws_every_node_offline_and_escapes_document_text(browser, tmp_path):
    g = invented_graph()
    page = tmp_path / "view.html"
    write_view(g, page)
    browser.open(page)
    browser.wait_for("document.getElementById('kg-status').dataset.ready === '1'")

    # Drawn: every linked entity; the unlinked one (雾岭镇) waits behind the "show unlinked" box.
    linked = sorted(n for n in g if g.degree(n) > 0)
    assert len(linked) == g.number_of_nodes() - 1
    assert browser.evaluate("Object.keys(kgView.network.getPositions()).sort()") == linked
    assert browser.evaluate("kgView.edges.get({filter: e => !e.hidden}).length") == g.number_of_edges()
    assert browser.evaluate("document.getElementById('kg-status').dataset.nodes") == str(len(linked))
    assert browser.evaluate("document.querySelectorAll('#kg-legend input').length") == \
        len({t for _, t in g.nodes(data="type")})

    # Hover the node named like an HTML tag: its tooltip shows the name as text, creates no element.
    xss = next(n for n, d in g.nodes(data=True) if d["label"] == XSS_NAME)
    x, y = browser.evaluate(f"(() => {{ const p = kgView.network.canvasToDOM("
                            f"kgView.network.getPositions([{json.dumps(xss)}])[{json.dumps(xss)}]);"
                            f" const r = document.getElementById('kg-network').getBoundingClientRect();"
                            f" return [p.x + r.left, p.y + r.top]; }})()")
    browser.hover(x - 3, y)
    browser.hover(x, y)
    browser.wait_for("(() => { const t = document.querySelector('div.vis-tooltip');"
                     " return t && t.style.visibility !== 'hidden' && t.textContent.length > 0; })()", timeout=20)
    tip = browser.evaluate("document.querySelector('div.vis-tooltip').textContent")
    assert XSS_NAME in tip and XSS_SENTENCE in tip
    assert browser.evaluate("document.querySelectorAll('img, b, i, script[src]').length") == 0
    browser.screenshot(_screenshot_dir(tmp_path) / "invented-graph.png")

    browser.evaluate("document.getElementById('kg-unlinked').click()")
    positions = browser.evaluate("kgView.network.getPositions()")
    assert len(positions) == g.number_of_nodes()
    lone = next(n for n in g if g.degree(n) == 0)
    assert positions[lone]["y"] > max(positions[n]["y"] for n in linked)  # parked under the graph

    assert browser.problems() == []


def test_type_filter_and_search(browser, tmp_path):
    g = invented_graph()
    page = tmp_path / "view.html"
    write_view(g, page)
    browser.open(page)
    browser.wait_for("document.getElementById('kg-status').dataset.ready === '1'")
    persons = sum(1 for _, t in g.nodes(data="type") if t == "Person")

    unlinked = sum(1 for n in g if g.degree(n) == 0)
    browser.evaluate("document.querySelector('#kg-legend input[data-type=Person]').click()")
    assert int(browser.evaluate("document.getElementById('kg-status').dataset.nodes")) == \
        g.number_of_nodes() - persons - unlinked
    assert browser.evaluate("kgView.nodes.get({filter: n => n.hidden}).length") == persons + unlinked

    # Searching a person's alias brings persons back and selects that person.
    alias, node = next((d["aliases"][0], n) for n, d in g.nodes(data=True)
                       if d["type"] == "Person" and d["aliases"] and d["label"] != XSS_NAME)
    browser.evaluate(f"document.getElementById('kg-query').value = {json.dumps(alias)};"
                     " document.querySelector('#kg-search button').click()")
    assert browser.evaluate("kgView.network.getSelectedNodes()") == [node]
    assert browser.evaluate("kgView.nodes.get({filter: n => n.hidden}).length") == unlinked
    assert g.nodes[node]["label"] in browser.evaluate("document.getElementById('kg-detail').textContent")
    assert browser.problems() == []


def test_two_thousand_nodes_settle(browser, tmp_path):
    g = random_graph(2000, seed=3)
    page = tmp_path / "big.html"
    write_view(g, page)
    browser.open(page)
    browser.wait_for("document.getElementById('kg-status').dataset.ready === '1'", timeout=300)
    assert browser.evaluate("Object.keys(kgView.network.getPositions()).length") == \
        sum(1 for n in g if g.degree(n) > 0)
    # Physics is off once settled: positions no longer change.
    before = browser.evaluate("JSON.stringify(kgView.network.getPositions())")
    time.sleep(1)
    assert browser.evaluate("JSON.stringify(kgView.network.getPositions())") == before
    browser.screenshot(_screenshot_dir(tmp_path) / "random-2000.png")
    assert browser.problems() == []


def test_focus_view_draws_the_neighbourhood_only(browser, tmp_path):
    g = invented_graph()
    person = next(n for n, d in g.nodes(data=True) if d["type"] == "Person" and d["posts"])
    page = tmp_path / "focus.html"
    shown = write_view(g, page, focus=g.nodes[person]["label"], depth=1)
    expected = {person} | set(nx.all_neighbors(g, person))
    assert set(shown.nodes) == expected
    browser.open(page)
    browser.wait_for("document.getElementById('kg-status').dataset.ready === '1'")
    assert browser.evaluate("Object.keys(kgView.network.getPositions()).sort()") == sorted(expected)
    assert browser.evaluate("kgView.network.getSelectedNodes()") == [person]  # the focus starts selected
    assert browser.evaluate("document.getElementById('kg-detail').textContent").startswith(g.nodes[person]["label"])
    assert browser.problems() == []


def test_a_graph_without_links_shows_its_entities(browser, tmp_path):
    g = invented_graph()
    g.remove_edges_from(list(g.edges()))
    page = tmp_path / "lonely.html"
    write_view(g, page)
    browser.open(page)
    browser.wait_for("document.getElementById('kg-status').dataset.ready === '1'")
    assert sorted(browser.evaluate("Object.keys(kgView.network.getPositions())")) == sorted(g.nodes)
    assert browser.problems() == []
