"""``kg serve`` in a real headless Chromium: its query page works and fetches only from its
own server, and a hostile web page on another origin can change nothing, neither through
the front nor by calling the oxigraph back end directly."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM
from tests.server.conftest import (
    PEOPLE,
    TOKEN,
    backend_pid,
    make_store,
    open_page,
    page_requests,
    serve,
    stop,
    triple_count,
)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")  # .ci/run installs it


def test_the_query_page_answers_a_query_from_its_own_server_only(tmp_path, browser):
    proc, base = serve(make_store(tmp_path / "store"))
    try:
        open_page(browser, base + "/yasgui")
        browser.wait_for("typeof yasgui !== 'undefined' && document.querySelector('.CodeMirror') !== null")
        browser.evaluate(f"yasgui.getTab().setQuery({PEOPLE!r}); yasgui.getTab().query(); true")
        browser.wait_for("document.querySelector('.yasr') !== null && "
                         "document.querySelector('.yasr').innerText.includes('沈柏舟')", timeout=60)
        text = browser.evaluate("document.querySelector('.yasr').innerText")
    finally:
        stop(proc, base)
    assert all(name in text for name in ("穆青岚", "杭素文", "沈柏舟"))
    outside = [(url, why) for url, why in page_requests(browser) if not url.startswith((base, "data:"))]
    assert all(why and why.get("blockedReason") == "csp" for _, why in outside), outside  # stopped before leaving


def test_a_hostile_page_changes_nothing(tmp_path, browser):
    (tmp_path / "token").write_text(TOKEN)
    proc, base = serve(make_store(tmp_path / "store"), "--writable", "--token-file", str(tmp_path / "token"))
    cmdline = Path(f"/proc/{backend_pid(proc)}/cmdline").read_text().split("\0")
    backend = "http://" + cmdline[cmdline.index("--bind") + 1]
    pages = {
        # a form that posts itself, as any web page open in the user's browser could
        "/form.html": f"""<form method="POST" action="{base}/update"><input name="update" value="DROP ALL"></form>
                          <script>document.forms[0].submit()</script>""",
        # a script that calls the back end directly, around the front
        "/fetch.html": f"""<script>fetch("{backend}/update", {{method: "POST", mode: "no-cors",
                             headers: {{"Content-Type": "application/x-www-form-urlencoded"}}, body: "update=DROP%20ALL"}})
                           .then(() => document.title = "sent", e => document.title = "failed: " + e)</script>""",
    }

    class Hostile(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path not in pages:
                self.send_error(404)
                return
            body = pages[self.path].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    hostile = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    threading.Thread(target=hostile.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{hostile.server_port}"
    try:
        before = triple_count(base)
        open_page(browser, origin + "/form.html")
        browser.wait_for("location.href.endsWith('/update') && document.readyState === 'complete'")
        refusal = browser.evaluate("document.body.innerText")
        open_page(browser, origin + "/fetch.html")
        browser.wait_for("document.title !== ''")
        fetched = browser.evaluate("document.title")
        after = triple_count(base)
    finally:
        hostile.shutdown()
        hostile.server_close()
        stop(proc, base)
    assert "refused" in refusal  # the form did reach the front, which said no
    to_backend = [why and why["errorText"] for url, why in page_requests(browser) if url.startswith(backend)]
    assert fetched.startswith("failed") and to_backend == ["net::ERR_UNSAFE_PORT"]  # a port browsers never call
    assert after == before > 0
