"""Shared builders for the test suite: repository paths, the ``kg`` command in a fresh process,
hand-made Documents and knowledge bases, invented graphs, and a headless Chromium.

Every name and text here is invented for the tests. Test files import these helpers from
``tests.conftest``; no test file imports another.
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import networkx as nx
import pyoxigraph
import websocket
from rdflib import Graph, Literal, URIRef

from kg.knowledge import DocumentRecord, Entity, Evidence, Fact, KnowledgeBase, Post
from kg.model import Document, Mention
from kg.ner.recognizers import rule_components
from kg.ner.merge import merge_mentions
from kg.ner.titles import post_titles
from kg.pipeline import default_pipeline, text_pipeline
from kg.rdf.entity_graph import to_networkx
from kg.rdf.vocab import CLASS, DCTERMS, KG, KGR, ORG, PROPERTY, PROV, RDF, SKOS, XSD
from kg.reader import load_document
from kg.rdf.store import KgStore
from kg.rdf.exports import DUMPS, FILES
from kg.rdf.dumps import DumpParts, write_dumps
from kg.rdf.rows import kept_entity_graph, rows_current, write_rows
from kg.view import view_page
from kg.parallel import open_store
from kg.propagation import Propagation
from kg.relations import extract_relations
from kg.relations.events import extract_events

ROOT = Path(__file__).resolve().parent.parent
#: The team's shared material beside the repository (corpus, reference scripts); tests skip without it.
SHARED = ROOT.parent / "shared"
CORPUS_DOCS = SHARED / "corpus" / "docs"
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
QUERIES = ROOT / "ontology" / "queries"


def kg(*args: object, cwd: Path | None = None, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run the real CLI in a fresh process."""
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=timeout)


# -- Documents and what the stages find in them ----------------------------------------------------

def raw_doc(text: str, name: str = "t.txt", sha256: str = "", date: dt.date | None = None) -> Document:
    """A Document as the reader gives it: the raw text only, for a stage or a pipeline to process."""
    return Document(path=name, name=name, sha256=sha256, encoding="utf-8", raw_text=text, date=date)


#: The publication date of the documents the facts-in-time tests build.
PUBLISHED = dt.date(2024, 5, 10)


def time_doc(text: str, projects: tuple[str, ...] = (), date: dt.date | None = PUBLISHED) -> Document:
    """A document through the text stages, given the Project mentions ``projects`` (every occurrence)."""
    doc = raw_doc(text, sha256="sha-t", date=date)
    text_pipeline()(doc)
    for name in projects:
        doc.mentions += [Mention(m.start(), m.end(), name, "Project", source="test")
                         for m in re.finditer(re.escape(name), doc.text)]
    return doc


def event_rows(text: str, date: dt.date | None = PUBLISHED) -> set[tuple]:
    """The personnel events of ``text`` as (person, kind, acting, title, body, date) rows."""
    return {(e.person.text, e.kind, e.acting, e.title.text, e.body.text if e.body else None, e.date)
            for e in extract_events(time_doc(text, date=date))}


def plain_doc(text: str) -> Document:
    """A Document whose text is ``text`` as given (not normalized, not split)."""
    return Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)


def texts(mentions: list[Mention], type_: str | None = None) -> set[str]:
    """The strings of the mentions (of one type, if given)."""
    return {m.text for m in mentions if type_ is None or m.type == type_}


def recognized(recognize, text: str, type_: str | None = None) -> set[str]:
    """The strings ``recognize`` finds in ``text`` (of one type, if given)."""
    return texts(recognize(plain_doc(text)), type_)


def ordered(recognize, text: str) -> list[str]:
    """The strings ``recognize`` finds in ``text``, in text order."""
    return [m.text for m in sorted(recognize(plain_doc(text)), key=lambda m: m.start)]


def merged_mentions(text: str) -> list[Mention]:
    """The mentions of every rule recognizer on ``text``, merged as the pipeline merges them."""
    doc = plain_doc(text)
    return merge_mentions(doc, [m for recognize in rule_components() for m in recognize(doc)])


def make_doc(text: str, names: list[tuple[str, str]], name: str = "t.txt", date=None) -> Document:
    """A normalized, split Document with a mention of each (string, type) wherever it occurs,
    and its relations extracted."""
    doc = raw_doc(text, name, sha256=f"sha-{name}-{len(text)}", date=date)
    text_pipeline()(doc)
    mentions = []
    for string, type_ in names:
        for m in re.finditer(re.escape(string), doc.text):
            mentions.append(Mention(m.start(), m.end(), string, type_, source="test"))
    doc.mentions = sorted(mentions, key=lambda m: (m.start, -m.end, m.type))
    post_titles(doc)  # the title grammar's reading, which the entity stage leaves for the relations
    extract_relations(doc)
    return doc


def triples(doc: Document, label: str | None = None) -> set[tuple[str, str, str]]:
    return {(r.head.text, r.label, r.tail.text) for r in doc.relations if label in (None, r.label)}


def pairs(doc: Document, label: str) -> set[tuple[str, str]]:
    """(head, tail) of the document's relations with ``label``."""
    return {(r.head.text, r.tail.text) for r in doc.relations if r.label == label}


@functools.cache
def _rules_pipeline():
    return default_pipeline("rules")


def pipeline_pairs(text: str, label: str) -> set[tuple[str, str]]:
    """(head, tail) of the ``label`` relations the rules pipeline finds in ``text``."""
    doc = _rules_pipeline()(raw_doc(text, sha256=f"sha-{len(text)}"))
    return pairs(doc, label)


def run_pipeline(tmp_path: Path, text: str):
    path = tmp_path / "t.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return default_pipeline()(load_document(path))


# -- Knowledge bases and stores --------------------------------------------------------------------

DOC_A = "岳川区委副书记、区长穆青岚到澄江智造产业园调研。重庆澜舟新材料有限公司高性能膜材料生产基地项目位于澄江智造产业园。"
DOC_B = "西南工程学院副院长杭素文介绍，澜舟新材与学院共建实验室。区经济信息委主任沈柏舟出席。"


def sentence_evidence(doc: str, name: str, sentence: str, pattern: str) -> Evidence:
    sha = hashlib.sha256(doc.encode()).hexdigest()
    start = doc.index(sentence)
    return Evidence(sha, name, start, start + len(sentence), sentence, pattern)


def sample_kb() -> KnowledgeBase:
    """Two documents, all seven entity types, posts with and without a body, every relation."""
    a1, a2 = DOC_A.split("。")[0] + "。", DOC_A.split("。")[1] + "。"
    b1, b2 = DOC_B.split("。")[0] + "。", DOC_B.split("。")[1] + "。"
    ea1, ea2 = sentence_evidence(DOC_A, "a.txt", a1, "rules"), sentence_evidence(DOC_A, "a.txt", a2, "rules")
    eb1, eb2 = sentence_evidence(DOC_B, "b.txt", b1, "rules"), sentence_evidence(DOC_B, "b.txt", b2, "rules")
    ents = [
        Entity("person/muqinglan", "Person", "穆青岚", mentions=[ea1]),
        Entity("person/hangsuwen", "Person", "杭素文", mentions=[eb1]),
        Entity("person/shenbaizhou", "Person", "沈柏舟", mentions=[eb2]),
        Entity("place/yuechuan", "Place", "岳川区", mentions=[ea1]),
        Entity("govorg/yuechuan-quwei", "GovOrg", "岳川区委", mentions=[ea1]),
        Entity("govorg/jingxinwei", "GovOrg", "区经济信息委", mentions=[eb2]),
        Entity("park/chengjiang", "Park", "澄江智造产业园", mentions=[ea1, ea2]),
        Entity("enterprise/lanzhou", "Enterprise", "重庆澜舟新材料有限公司", {"澜舟新材"}, [ea2, eb1],
               how_resolved="short form 澜舟新材 is a prefix-abbreviation of the full name"),
        Entity("project/mojidi", "Project", "高性能膜材料生产基地项目", mentions=[ea2]),
        Entity("organization/xngc", "Organization", "西南工程学院", mentions=[eb1]),
    ]
    return KnowledgeBase(
        entities={e.id: e for e in ents},
        posts=[
            Post("person/muqinglan", "区委副书记", "govorg/yuechuan-quwei", dt.date(2024, 5, 9), [ea1]),
            Post("person/muqinglan", "区长", None, dt.date(2024, 5, 9), [ea1]),
            Post("person/hangsuwen", "副院长", "organization/xngc", None, [eb1]),
            Post("person/shenbaizhou", "主任", "govorg/jingxinwei", None, [eb2]),
        ],
        facts=[
            Fact("park/chengjiang", "located_in", "place/yuechuan", [ea1]),
            Fact("project/mojidi", "located_in", "park/chengjiang", [ea2]),
            Fact("enterprise/lanzhou", "owns_project", "project/mojidi", [ea2]),
            Fact("person/hangsuwen", "member_of", "organization/xngc", [eb1]),
            Fact("person/shenbaizhou", "member_of", "govorg/jingxinwei", [eb2]),
            Fact("govorg/jingxinwei", "part_of", "govorg/yuechuan-quwei", [eb2]),
            Fact("person/muqinglan", "member_of", "govorg/yuechuan-quwei", [ea1]),
        ],
        documents=[
            DocumentRecord(ea1.doc_sha256, "a.txt", "/tmp/a.txt", dt.date(2024, 5, 9), "岳川报", ["穆青岚调研产业园"]),
            DocumentRecord(eb1.doc_sha256, "b.txt", "/tmp/b.txt", None, None, []),
        ],
    )


def named(kb, type_: str, name: str):
    """Entities of ``type_`` with ``name`` as their label or one of their aliases."""
    return [e for e in kb.entities.values() if e.type == type_ and name in (e.label, *e.aliases)]


TEXT_A = "本报讯（记者 柯文远）5月9日，岳川区委副书记、区长穆青岚到澄江智造产业园调研。他指出，重庆澜舟新材料有限公司要加快建设。\n"
TEXT_B = "本报讯 6月3日，区长穆青岚会见重庆澜舟新材料有限公司总经理葛远帆。澜舟新材高性能膜材料生产基地项目落户澄江智造产业园。\n"


def store_quads(path: Path) -> list[str]:
    store = pyoxigraph.Store.read_only(str(path / "oxigraph"))
    return sorted(str(q) for q in store.quads_for_pattern(None, None, None, None))


class PicklePayload:
    """A pickle that creates a file when loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


# -- Invented graphs for the views and analytics, in the RDF shape of kg.rdf.vocab -----------------

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_SENTENCE = "</script><script>alert(2)</script>据<b>报道</b>"


class RdfWriter:
    """Adds entities, posts and facts with their evidence to an rdflib graph."""

    def __init__(self):
        self.g = Graph()
        self._n = 0

    def document(self, key: str, name: str) -> URIRef:
        doc = KGR["doc/" + key]
        self.g.add((doc, RDF.type, KG.Document))
        self.g.add((doc, DCTERMS.identifier, Literal(name)))
        return doc

    def _evidence(self, doc: URIRef, sentence: str) -> URIRef:
        self._n += 1
        ev = KGR[f"evidence/{self._n}"]
        self.g.add((ev, RDF.type, KG.Evidence))
        self.g.add((ev, PROV.wasQuotedFrom, doc))
        self.g.add((ev, KG.sentence, Literal(sentence, lang="zh")))
        self.g.add((ev, KG.start, Literal(0)))
        self.g.add((ev, KG.end, Literal(len(sentence))))
        return ev

    def entity(self, key: str, type_: str, label: str, aliases=(), doc=None, sentence=None) -> URIRef:
        ent = KGR[f"{type_.lower()}/{key}"]
        self.g.add((ent, RDF.type, CLASS[type_]))
        self.g.add((ent, SKOS.prefLabel, Literal(label, lang="zh")))
        for a in aliases:
            self.g.add((ent, SKOS.altLabel, Literal(a, lang="zh")))
        if sentence:
            self.g.add((ent, KG.mention, self._evidence(doc, sentence)))
        return ent

    def fact(self, s: URIRef, relation: str, o: URIRef, doc: URIRef, sentence: str) -> None:
        self._n += 1
        st = KGR[f"fact/{self._n}"]
        self.g.add((s, PROPERTY[relation], o))
        self.g.add((st, RDF.type, RDF.Statement))
        self.g.add((st, RDF.subject, s))
        self.g.add((st, RDF.predicate, PROPERTY[relation]))
        self.g.add((st, RDF.object, o))
        self.g.add((st, PROV.wasDerivedFrom, self._evidence(doc, sentence)))

    def post(self, person: URIRef, title: str, body: URIRef | None, date: str | None,
             doc: URIRef, sentence: str) -> None:
        self._n += 1
        post = KGR[f"post/{self._n}"]
        self.g.add((person, ORG.holds, post))
        self.g.add((post, RDF.type, ORG.Post))
        self.g.add((post, SKOS.prefLabel, Literal(title, lang="zh")))
        if body is not None:
            self.g.add((post, ORG.postIn, body))
        if date:
            self.g.add((post, KG.asOf, Literal(date, datatype=XSD.date)))
        self.g.add((post, PROV.wasDerivedFrom, self._evidence(doc, sentence)))


def invented_rdf() -> Graph:
    """A small district: two officials (one named like an HTML tag), a body, a park,
    an enterprise with a project, places; 9 entities, 8 links, one isolated place."""
    w = RdfWriter()
    d1 = w.document("d1", "青梧日报_0412.txt")
    d2 = w.document("d2", "<i>澜汐</i>.txt")
    s1 = "区委副书记、区长柯望舒在青梧智造产业园调研澜汐新材料有限公司光膜生产基地建设。"
    s2 = "青梧智造产业园位于青梧区，园区内的澜汐新材(以下简称)光膜生产基地预计年底投产。"
    district = w.entity("qw", "Place", "青梧区", doc=d2, sentence=s2)
    city = w.entity("lz", "Place", "澜州市")
    w.entity("far", "Place", "雾岭镇")  # mentioned, linked to nothing
    gov = w.entity("qwgov", "GovOrg", "青梧区人民政府", ["区政府"], d1, s1)
    ke = w.entity("kws", "Person", "柯望舒", ["柯区长"], d1, s1)
    xss = w.entity("xss", "Person", XSS_NAME, ["图片先生"], d2, XSS_SENTENCE)
    park = w.entity("zz", "Park", "青梧智造产业园", ["智造园"], d1, s1)
    firm = w.entity("lx", "Enterprise", "澜汐新材料有限公司", ["澜汐新材"], d2, s2)
    plant = w.entity("gm", "Project", "澜汐光膜生产基地", (), d2, s2)
    w.post(ke, "区委副书记", None, "2024-04-12", d1, s1)
    w.post(ke, "区长", gov, "2024-04-12", d1, s1)
    w.post(xss, "<script>主任</script>", gov, None, d2, XSS_SENTENCE)
    w.fact(park, "located_in", district, d2, s2)
    w.fact(firm, "located_in", park, d2, s2)
    w.fact(firm, "owns_project", plant, d2, s2)
    w.fact(plant, "located_in", park, d2, s2)
    w.fact(district, "part_of", city, d2, s2)
    w.fact(gov, "located_in", district, d1, s1)
    return w.g


def invented_graph() -> nx.MultiDiGraph:
    return to_networkx(invented_rdf())


_SURNAMES = "柯穆澜岑祁蔺邝甘靳濮"
_GIVEN = "望舒青岚若川知微景行星河云起沐晨"
_PLACE = "梧汐岭澜岑溪峤桐芷"


def random_graph(n: int, seed: int) -> nx.MultiDiGraph:
    """``n`` entities of every type, about 1.5 links each, with invented names (for size tests)."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    types = list(CLASS)
    for i in range(n):
        t = types[i % len(types)]
        if t == "Person":
            label = rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, 2))
        else:
            stem = "".join(rng.sample(_PLACE, 2))
            label = stem + {"GovOrg": "区发展改革委", "Enterprise": "科技有限公司", "Park": "产业园",
                            "Project": "生产基地项目", "Place": "镇", "Organization": "研究院"}[t]
        g.add_node(f"n{i}", type=t, label=f"{label}{i}", aliases=[], posts=[],
                   evidence=[{"text": f"{label}相关报道第{i}句。", "doc": f"doc{i % 50}.txt"}])
    relations = ["member_of", "located_in", "part_of", "owns_project"]
    for _ in range(int(1.5 * n)):
        a, b = rng.sample(range(n), 2)
        rel = rng.choice(relations)
        g.add_edge(f"n{a}", f"n{b}", key=rel, relation=rel, evidence=[])
    return g


# -- A headless Chromium ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


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

    def click(self, x: float, y: float) -> None:
        self.hover(x, y)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def type_text(self, selector: str, text: str) -> None:
        """Focus a field and type into it, as a user would (input events included)."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", text=text)

    def press(self, key: str, code: int, text: str = "") -> None:
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=key,
                      windowsVirtualKeyCode=code, text=text if kind == "keyDown" else "")

    def press_enter(self) -> None:
        self.press("Enter", 13, "\r")

    def node_on_screen(self, node: str) -> tuple[float, float]:
        """Where a drawn node is, in the page's coordinates."""
        return tuple(self.evaluate(
            f"(() => {{ const p = kgView.network.canvasToDOM(kgView.network.getPosition({json.dumps(node)}));"
            " const r = document.getElementById('kg-network').getBoundingClientRect();"
            " return [p.x + r.left, p.y + r.top]; })()"))

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


def screenshot_dir(tmp_path: Path) -> Path:
    """Screenshots go to a temp dir (KG_SCREENSHOTS overrides it, to look at them)."""
    out = Path(os.environ.get("KG_SCREENSHOTS", tmp_path / "screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    return out


# -- near-duplicate stories (kg/signatures.py): invented texts --------------------------------
#: A story as one outlet wrote it.
STORY = (
    "霁山县召开乡村振兴工作推进会\n"
    "5月9日，霁山县召开乡村振兴工作推进会，县委书记穆青岚出席会议并讲话。\n"
    "会议听取了各乡镇今年以来乡村振兴工作进展情况的汇报，分析了当前面临的困难和问题。\n"
    "穆青岚指出，要坚持把发展特色产业作为乡村振兴的关键，做强青禾农机合作社等龙头经营主体。\n"
    "要持续改善农村人居环境，扎实推进厕所革命和生活污水治理，建设宜居宜业和美乡村。\n"
    "要加强农村基层党组织建设，选优配强村级班子，不断提升乡村治理水平。\n"
    "会议强调，各乡镇各部门要压实责任，细化措施，确保全年目标任务如期完成。\n"
    "县长柏远舟主持会议，县领导韦晓禾、甘承泽参加会议。\n"
)
#: Another outlet's copy: its own masthead and byline, and one sentence reworded.
COPY = (
    "青禾日报讯（记者 岑一苇）\n"
    + STORY.replace("会议强调，各乡镇各部门要压实责任，细化措施，确保全年目标任务如期完成。",
                    "会议要求，全县上下要真抓实干，以钉钉子精神抓好各项工作落实。")
    + "（来源：霁山融媒）\n"
)
SHARED_PARAGRAPH = "霁山县地处青禾河中游，全县面积一千二百平方公里，辖八镇四乡，户籍人口三十一万。\n"
#: Two different stories that quote the same background paragraph.
HARVEST = (
    "霁山县夏粮收购工作全面展开\n"
    "连日来，霁山县各收储企业敞开收购新麦，全县已收购小麦四万余吨。\n"
    "县粮食部门在各收购点设立服务台，为售粮农户提供免费检测和结算服务。\n"
    + SHARED_PARAGRAPH
)
SCHOOL = (
    "霁山县新建三所乡镇中心学校投入使用\n"
    "秋季开学前，霁山县三所新建乡镇中心学校完成验收，可新增学位两千四百个。\n"
    "新校舍配备了标准化实验室、图书室和塑胶运动场，乡村学生就近入学条件明显改善。\n"
    + SHARED_PARAGRAPH
)


# -- incremental builds -------------------------------------------------------------------

#: The exports written from the rows a store keeps (kg.rdf.rows): all but the dumps.
ROW_FILES = [name for fmt in FILES if fmt not in DUMPS for name in FILES[fmt]]


def store_exports(store: KgStore, out: Path) -> dict[str, bytes]:
    """Every export as ``kg build`` writes it: the dumps from the parts the store kept, the others and
    the view from the rows it kept (both updated by each build of ``build_in_batches``)."""
    out.mkdir()
    write_dumps(store.parts_path, store.dump_stamp(), store.oxigraph, out, list(DUMPS))
    write_rows(store.rows_path, store.dump_stamp(), store.oxigraph, out, ROW_FILES)
    (out / "graph.html").write_text(view_page(kept_entity_graph(store.rows_path))[0], encoding="utf-8")
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


#: A small corpus for corpus-level name propagation (kg/propagation.py): the first document gives a
#: company's full name, the second and the fourth write its short name only, the third gives a group's.
PROPAGATION_TEXTS = {
    "giver.txt": "本报讯 5月9日，岳川区与重庆澜舟新材料科技有限公司签约高性能膜材料项目。\n",
    "writer.txt": "本报讯 6月3日，区长穆青岚到澜舟新材料科技调研，了解企业生产情况。\n",
    "group.txt": "本报讯 7月1日，霁山县与青禾农机集团有限公司签订合作协议。\n",
    "both.txt": "本报讯 7月8日，霁山县副县长柯望舒会见澜舟新材料科技、青禾农机等企业负责人。\n",
}


def propagation_corpus(directory: Path) -> list[Path]:
    """PROPAGATION_TEXTS written to ``directory``, in the order of the table."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in PROPAGATION_TEXTS.items():
        (directory / name).write_text(text, encoding="utf-8")
    return [directory / name for name in PROPAGATION_TEXTS]


def build_in_batches(path: Path, batches: list[list[Document]], propagation: Propagation | None = None) -> KgStore:
    """A store that got ``batches`` one build at a time, as ``kg build --store`` gives them
    (each build writes the exports, which makes the parts of the dumps and the rows once; later
    builds update them); with a ``propagation``, as a build with corpus-level name propagation."""
    scratch = path.parent / f"{path.name}_dumps"
    scratch.mkdir(exist_ok=True)
    for i, batch in enumerate(batches):
        store = open_store(path)
        assert store.check() is None
        if propagation:
            propagation.add_to_store(store, iter(batch))
        else:
            store.add(iter(batch))
        if i:  # the parts and rows were updated by the add, not to be made again whole
            assert DumpParts(store.parts_path).stamp() == store.dump_stamp() is not None
            assert rows_current(store.rows_path, store.dump_stamp())
        write_dumps(store.parts_path, store.dump_stamp(), store.oxigraph, scratch, list(DUMPS))
        write_rows(store.rows_path, store.dump_stamp(), store.oxigraph, scratch, ROW_FILES)
        store.close()
    store = open_store(path)
    assert store.check(every_digest=True) is None  # the digests kept up with the updates
    return store
