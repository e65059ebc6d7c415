"""kg's own pages in a real headless Chromium against a real ``kg serve`` on the seeds store:
a canned query run from its form, a result followed to the entity page, the entity page's
facts and neighbourhood view, the search box, escaping, and Chinese drawn as glyphs."""
from __future__ import annotations

import json

import pytest

from kg.rdf.vocab import KGR
from tests.conftest import CHROMIUM, Browser, screenshot_dir
from tests.server.conftest import (
    PARK,
    XSS_ID,
    XSS_NAME,
    entity_named,
    open_page,
    page_requests,
    store_rows,
)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")  # .ci/run installs it

#: True when two different Chinese characters, in the font of the element, draw differently from
#: each other and from a character no font has: glyphs, not the same empty box three times.
DRAWS_GLYPHS = """((selector, text) => {
    const font = getComputedStyle(document.querySelector(selector)).font;
    const draw = ch => { const c = document.createElement('canvas'); c.width = c.height = 96;
                         const g = c.getContext('2d'); g.font = font; g.fillText(ch, 8, 72); return c.toDataURL(); };
    const [a, b] = [...text].slice(0, 2).map(draw), none = draw('\\u{10FFFD}');
    return a !== b && a !== none && b !== none;
})"""


@pytest.fixture
def browser(tmp_path):
    """A wider, taller tab than the query page tests use: the entity pages are long."""
    b = Browser(tmp_path / "profile", width=1300, height=1000)
    # Browser starts offline; these pages need the loopback server (outside hosts stay unreachable anyway).
    b.call("Network.emulateNetworkConditions", offline=False, latency=0, downloadThroughput=-1, uploadThroughput=-1)
    yield b
    b.close()


def _click(browser: Browser, selector: str) -> None:
    """Click the element and wait for the page it opens."""
    browser.evaluate(f"window.leaving = true; document.querySelector({json.dumps(selector)}).click(); true")
    browser.wait_for("window.leaving === undefined && document.readyState === 'complete'")


def _outside(browser: Browser, base: str) -> list[str]:
    return [url for url, _ in page_requests(browser) if not url.startswith((base, "data:", "about:"))]


def test_a_canned_query_from_its_form_leads_to_an_entity_page_with_facts_and_its_neighbourhood(
        seeds, browser, tmp_path):
    base, path = seeds
    shots = screenshot_dir(tmp_path)
    open_page(browser, base + "/")
    _click(browser, 'a[href="/?canned=park_enterprises_projects"]')
    browser.evaluate(f"document.getElementById('param-park').value = {json.dumps(PARK)}; true")
    _click(browser, "#run")
    browser.wait_for("document.querySelector('#results') !== null")
    shown = browser.evaluate("document.querySelector('#results').innerText")
    browser.screenshot(shots / "endpoint.png")
    enterprise = entity_named(path, "比亚迪")
    _click(browser, f'#results a[href="/id/{enterprise[len(str(KGR)):]}"]')
    title = browser.evaluate("document.getElementById('title').textContent")
    facts = browser.evaluate("document.getElementById('facts').innerText")
    # the neighbourhood view is framed from this server; it draws its canvas once vis-network has laid it out
    browser.wait_for("(() => { const d = document.getElementById('view').contentDocument; "
                     "return d !== null && d.readyState === 'complete' && d.querySelector('canvas') !== null })()")
    view_title = browser.evaluate("document.getElementById('view').contentDocument.title")
    glyphs = browser.evaluate(f"{DRAWS_GLYPHS}('#title', '比亚迪')")
    browser.screenshot(shots / "entity.png")
    sentences = store_rows(path, f"SELECT ?sentence WHERE {{ ?st rdf:subject <{enterprise}> ; "
                                  "prov:wasDerivedFrom/kg:sentence ?sentence }")
    assert PARK in shown and "比亚迪" in shown and "https://" not in shown and "@zh" not in shown
    assert title == "比亚迪" and view_title.startswith("比亚迪")
    assert sentences and all(" ".join(s["sentence"].value.split()) in facts for s in sentences)
    assert glyphs
    assert not _outside(browser, base)


def test_the_search_box_finds_an_entity_by_alias(seeds, browser):
    base, path = seeds
    open_page(browser, base + "/")
    browser.evaluate("document.querySelector('header input[name=q]').value = '合川'; true")
    _click(browser, "header button")
    place = entity_named(path, "合川区")
    _click(browser, f'#found a[href="/id/{place[len(str(KGR)):]}"]')
    assert browser.evaluate("document.getElementById('title').textContent") == "合川区"
    assert "合川" in browser.evaluate("document.querySelector('.aliases').innerText")


def test_markup_in_names_and_sentences_never_runs(seeds, browser):
    base, _ = seeds
    for url in (f"{base}/id/{XSS_ID}", f"{base}/search?q=%E6%81%B6%E6%84%8F", f"{base}/id/{XSS_ID}?view=graph"):
        open_page(browser, url)
        browser.wait_for("document.readyState === 'complete'")
        assert browser.evaluate("window.pwned === undefined")
    open_page(browser, f"{base}/id/{XSS_ID}")
    assert browser.evaluate("document.getElementById('title').textContent") == XSS_NAME
    assert browser.evaluate("document.querySelectorAll('#facts img, #facts b, #mentions img').length") == 0
    assert not [p for p in browser.problems() if p.startswith(("dialog", "exception"))]

