"""Corpus-level name propagation: a company name one document gives is recognized in the others.

One document writes 某某科技有限公司, another only 某某科技: after every document went through
the pipeline once, the names each document *gives* (``given_names``: the full names it writes with
a legal suffix, and the short forms kg's in-document alias rule derives from them) are collected in
a name table, name -> the documents that give it. A document whose text holds, standing between
boundaries and not already an Enterprise mention, a name that another document gives goes back
through the pipeline from the entity stage (``Pipeline.run_from``) with ``Document.known_names``
set to those names; the rule component kg.ner.known_names marks them.

What a document ends with is a function of the corpus alone: its known names are computed from
the names the others give and from its own mentions that propagation cannot change (Enterprise
mentions found by other rules with at least the propagated confidence: the merge policy decides
those before any propagated candidate), so the order documents come in, and whether they came in
one build or several, changes nothing.

Two drivers:

- ``Propagation.documents`` (``kg extract``, ``kg build`` without ``--store``): the documents of
  one run. They are spilled to a temporary file as they are extracted, so memory holds the name
  table, not the documents; then one matcher of all names (``kg.spans.NameFinder``, built once)
  reads each text once.
- ``Propagation.add_to_store`` (``kg build --store``, ``kg remove``): the store keeps the name
  table in ``DIR/names.sqlite`` (``NameTable``) with a trigram index of its documents' texts.
  The names whose set of giving documents a build changes (given by a new document, or by a
  removed one) are looked up in the index: the stored documents holding all of a name's trigrams
  are read, and those whose known names change go back through the entity stage and are replaced
  in the store. The index has one row per distinct trigram of a document (linear in the corpus),
  and a look-up reads the documents of a name's trigrams, never every stored text.
"""
from __future__ import annotations

import contextlib
import pickle
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg import gazetteer
from kg.errors import KgError
from kg.lexicon import load_set
from kg.model import Document
from kg.ner.enterprises import place_chain_end, short_name_candidates
from kg.ner.known_names import CONFIDENCE, SOURCE, standing_occurrences
from kg.progress import with_progress
from kg.rdf.digests import code_digest
from kg.rdf.store import BuildReport, KgStore, read_stored_document
from kg.spans import NameFinder
from kg.vocabulary import has_unknown_word

#: The rule of the full names a document gives: a legal suffix (有限公司, 股份有限公司 ...).
FULL_NAME_SOURCE = "enterprises.suffix.strong"
#: Short names shorter than this are not propagated: two or three characters name too many things.
MIN_SHORT_NAME = 4
#: A group's full name (某某集团有限公司): the group is also called by the name up to 集团.
_GROUP_NAME = re.compile(r"(.+?(?:[（(]集团[）)]|集团))(?:股份有限公司|有限责任公司|有限公司|股份公司)$")
#: What a propagated name is made of: no spaces or punctuation (a mention across an OCR gap is left alone).
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()·]+")

#: Sends documents (how many) back through the pipeline from the entity stage, in order
#: (kg.parallel.rerun_entities).
Rerun = Callable[[Iterable[Document], int], Iterator[Document]]


def given_names(doc: Document) -> set[str]:
    """The company names ``doc`` gives: each full name with a legal suffix, and the distinctive ones of
    the short forms the in-document alias rule derives from it (kg.ner.enterprises.short_name_candidates)
    and of a group's name before its legal suffix (某某集团)."""
    names: set[str] = set()
    for m in doc.mentions:
        if m.type != "Enterprise" or m.source != FULL_NAME_SOURCE or not _NAME.fullmatch(m.text):
            continue
        names.add(m.text)
        short = set(short_name_candidates(doc.text, m))
        group = _GROUP_NAME.match(m.text)
        if group:
            core = m.text[place_chain_end(doc.text, m.start, m.start + group.end(1)) - m.start:group.end(1)]
            brand = re.sub(r"[（(]?集团[）)]?$", "", core)
            if brand not in load_set("enterprise_generic.txt") and not gazetteer.is_place(brand):
                short |= {group.group(1), core}
        names.update(f for f in short if _distinctive(f))
    return names


def _distinctive(short_name: str) -> bool:
    """Safe to recognize alone in another document: long enough, and holding a run of characters the
    dictionary knows no word for (a brand: 澜舟新材 yes; 城市建设, 有色金属, 轻工集团 are words)."""
    return len(short_name) >= MIN_SHORT_NAME and has_unknown_word(short_name)


def _recognized(doc: Document) -> set[tuple[int, int]]:
    """Spans of ``doc`` that are Enterprise mentions propagation cannot change (see the module's doc)."""
    return {(m.start, m.end) for m in doc.mentions
            if m.type == "Enterprise" and m.source != SOURCE and m.confidence >= CONFIDENCE}


def known_names(doc: Document, finder: NameFinder, givers: Callable[[str], set[str]]) -> list[str]:
    """The names of ``finder`` that stand in ``doc`` unrecognized and that a document other than
    ``doc`` gives (``givers``: name -> the documents that give it), sorted."""
    recognized = _recognized(doc)
    return sorted({name for s, e, name in standing_occurrences(doc.text, finder)
                   if (s, e) not in recognized and givers(name) - {doc.sha256}})


@dataclass
class Propagation:
    """Corpus-level name propagation, sending documents back with ``rerun``; ``sent_back`` counts
    the documents it sent back in the last run."""

    rerun: Rerun
    quiet: bool = True
    sent_back: int = 0

    def documents(self, docs: Iterable[Document]) -> Iterator[Document]:
        """``docs`` (each through the whole pipeline once), in order, those that another document's
        names concern run again from the entity stage with their ``known_names``."""
        table: dict[str, set[str]] = {}
        with tempfile.TemporaryDirectory(prefix="kg-propagation-") as tmp:
            spill = Path(tmp) / "documents.pickle"
            count = 0
            # Pickled by this process for itself, in its own temporary directory, read back below.
            with spill.open("wb") as out:
                for doc in docs:
                    for name in given_names(doc):
                        table.setdefault(name, set()).add(doc.sha256)
                    pickle.dump(doc, out)
                    count += 1
            finder = NameFinder(table)
            empty: set[str] = set()
            known, self.sent_back = _spilled_known_names(spill, count, finder, lambda n: table.get(n, empty))

            def sent() -> Iterator[Document]:
                for doc, names in zip(_spilled(spill, count), known):
                    if names != doc.known_names:
                        doc.known_names = names
                        yield doc

            again = self._again(sent())
            for doc, names in zip(_spilled(spill, count), known):
                yield next(again) if names != doc.known_names else doc

    def _again(self, sent: Iterator[Document]) -> Iterator[Document]:
        """The documents ``sent`` (``sent_back`` of them), run again from the entity stage, in order."""
        return iter(with_progress(self.rerun(sent, self.sent_back), self.sent_back, "propagating names", self.quiet))

    def add_to_store(self, store: KgStore, docs: Iterable[Document], removed: Iterable[str] = (),
                     **add_options) -> BuildReport:
        """``store.add(docs, removed=removed, **add_options)`` with propagation across the new and
        the stored documents: the stored ones whose known names change are replaced by their run
        again (see the module's doc). The table is written when the add succeeded; a table that is
        not of the store's documents (a store built without propagation, an interrupted run) or was
        made by another kg is made again, every stored document read once."""
        with contextlib.closing(NameTable(store.path / NameTable.FILE)) as table:
            stored = store.stored_hashes()
            removed = set(removed) & stored
            resync = table.documents() != stored or not table.made_by_this_kg()
            if resync:
                # Every stored document is read again as if new, and replaced (by itself if nothing changes).
                table.clear()
                kept = (read_stored_document(store.documents_dir / f"{sha}.json")
                        for sha in sorted(stored - removed))
                docs, removed = chain(kept, docs), set(stored)
            changed: set[str] = set()  # names whose documents giving them change, for some document
            for sha in sorted(removed) if not resync else ():
                changed |= table.drop(read_stored_document(store.documents_dir / f"{sha}.json"))
            again_stored = len(stored - removed) if resync else 0  # stored documents given to the add again
            with tempfile.TemporaryDirectory(prefix="kg-propagation-") as tmp:
                spill = Path(tmp) / "documents.pickle"
                count = 0
                seen = stored - removed
                with spill.open("wb") as out:
                    for doc in docs:
                        if doc.sha256 in seen:
                            continue
                        seen.add(doc.sha256)
                        given = given_names(doc)
                        changed |= table.give(doc.sha256, given)
                        table.index(doc)
                        pickle.dump(doc, out)
                        count += 1
                # Stored documents whose known names may change: those holding a changed name.
                finder = NameFinder(changed)
                affected: list[Document] = []
                for sha in sorted(table.containing(changed) & (stored - removed)):
                    doc = read_stored_document(store.documents_dir / f"{sha}.json")
                    names = sorted((set(doc.known_names) - changed) | set(known_names(doc, finder, table.givers)))
                    if names != doc.known_names:
                        doc.known_names = names
                        affected.append(doc)
                everything = NameFinder(table.names())
                new_known, changed_new = _spilled_known_names(spill, count, everything, table.givers)
                self.sent_back = len(affected) + changed_new

                def sent() -> Iterator[Document]:
                    yield from affected
                    for doc, names in zip(_spilled(spill, count), new_known):
                        if names != doc.known_names:
                            doc.known_names = names
                            yield doc

                again = self._again(sent())

                again_mentions = 0  # of the stored documents given again

                def added() -> Iterator[Document]:
                    nonlocal again_mentions
                    for i, (doc, names) in enumerate(chain(((d, None) for d in affected),
                                                            zip(_spilled(spill, count), new_known))):
                        doc = next(again) if names is None or names != doc.known_names else doc
                        if i < len(affected) + again_stored:
                            again_mentions += len(doc.mentions)
                        yield doc

                report = store.add(added(), removed=removed | {d.sha256 for d in affected}, **add_options)
            table.commit()
            # The stored documents given again are neither added nor removed for the build's summary.
            again = len(affected) + again_stored
            report.added, report.removed, report.mentions = (report.added - again, report.removed - again,
                                                             report.mentions - again_mentions)
            return report


def sent_back_note(propagation: Propagation | None) -> str:
    """What a command's summary line says of a propagation: ", N sent back through name propagation",
    or nothing when there was none or no document went back."""
    return f", {propagation.sent_back} sent back through name propagation" if propagation and \
        propagation.sent_back else ""


def _spilled_known_names(path: Path, count: int, finder: NameFinder,
                         givers: Callable[[str], set[str]]) -> tuple[list[list[str]], int]:
    """The known names of each spilled document (``known_names``), in order, and how many of them
    differ from the names the document had: one read of the spill."""
    known: list[list[str]] = []
    changed = 0
    for doc in _spilled(path, count):
        names = known_names(doc, finder, givers)
        known.append(names)
        changed += names != doc.known_names
    return known, changed


def _spilled(path: Path, count: int) -> Iterator[Document]:
    with path.open("rb") as f:
        for _ in range(count):
            yield pickle.load(f)


def trigrams(text: str) -> set[str]:
    """The distinct three-character pieces of ``text`` made of name characters (what a name has)."""
    return {g for piece in _NAME.findall(text) for g in (piece[i:i + 3] for i in range(len(piece) - 2))}


class NameTable:
    """A store's corpus name table: which stored documents give which names, and the trigram
    index of their texts (which documents may hold a name). Changes are written by ``commit``."""

    FILE = "names.sqlite"

    def __init__(self, path: Path) -> None:
        try:
            self.db = sqlite3.connect(path)
            # A document is a small integer in the trigram index, which has a row per distinct trigram of
            # each text; its rows are found for removal from the document's text, not by a second index.
            self.db.executescript(
                "CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, doc TEXT UNIQUE);"
                "CREATE TABLE IF NOT EXISTS gives (name TEXT, doc TEXT, PRIMARY KEY (name, doc)) WITHOUT ROWID;"
                "CREATE INDEX IF NOT EXISTS gives_doc ON gives (doc);"
                "CREATE TABLE IF NOT EXISTS grams (gram TEXT, id INTEGER, PRIMARY KEY (gram, id)) WITHOUT ROWID;"
                "CREATE TABLE IF NOT EXISTS made_by (kg TEXT);")
        except sqlite3.Error as e:
            raise KgError(f"cannot use the name table {path}: {e}") from None

    def documents(self) -> set[str]:
        return {doc for (doc,) in self.db.execute("SELECT doc FROM documents")}

    def made_by_this_kg(self) -> bool:
        """Whether this kg wrote the table (another may derive other names from the same documents)."""
        return self.db.execute("SELECT kg FROM made_by").fetchall() == [(code_digest(),)]

    def clear(self) -> None:
        """Empty the table, to be made again by this kg."""
        for table in ("documents", "gives", "grams", "made_by"):
            self.db.execute(f"DELETE FROM {table}")
        self.db.execute("INSERT INTO made_by VALUES (?)", (code_digest(),))

    def givers(self, name: str) -> set[str]:
        return {doc for (doc,) in self.db.execute("SELECT doc FROM gives WHERE name = ?", (name,))}

    def names(self) -> set[str]:
        return {name for (name,) in self.db.execute("SELECT DISTINCT name FROM gives")}

    def _count(self, name: str) -> int:
        return self.db.execute("SELECT COUNT(*) FROM gives WHERE name = ?", (name,)).fetchone()[0]

    def give(self, sha: str, names: set[str]) -> set[str]:
        """Record that document ``sha`` gives ``names``; those whose new giver changes what a document
        knows: no one gave them (all the others know them now) or one did (that one knows them now)."""
        changed = {n for n in names if self._count(n) <= 1}
        self.db.executemany("INSERT OR IGNORE INTO gives VALUES (?, ?)", ((n, sha) for n in names))
        return changed

    def index(self, doc: Document) -> None:
        """Add ``doc``'s text to the trigram index."""
        number = self.db.execute("INSERT INTO documents (doc) VALUES (?)", (doc.sha256,)).lastrowid
        self.db.executemany("INSERT INTO grams VALUES (?, ?)", ((g, number) for g in trigrams(doc.text)))

    def drop(self, doc: Document) -> set[str]:
        """Take the stored document ``doc`` out; the names it gave that one document or none gives now
        (what a document knows changes only for those)."""
        sha = doc.sha256
        names = {name for (name,) in self.db.execute("SELECT name FROM gives WHERE doc = ?", (sha,))}
        (number,) = self.db.execute("SELECT id FROM documents WHERE doc = ?", (sha,)).fetchone()
        self.db.executemany("DELETE FROM grams WHERE gram = ? AND id = ?", ((g, number) for g in trigrams(doc.text)))
        self.db.execute("DELETE FROM gives WHERE doc = ?", (sha,))
        self.db.execute("DELETE FROM documents WHERE id = ?", (number,))
        return {n for n in names if self._count(n) <= 1}

    def containing(self, names: Iterable[str]) -> set[str]:
        """The documents that have every trigram of one of ``names`` (a superset of those holding it)."""
        out: set[str] = set()
        for name in names:
            grams = sorted(trigrams(name))
            if not grams:
                continue
            marks = ",".join("?" * len(grams))
            out |= {doc for (doc,) in self.db.execute(
                f"SELECT doc FROM documents WHERE id IN (SELECT id FROM grams WHERE gram IN ({marks}) "
                f"GROUP BY id HAVING COUNT(*) = ?)", (*grams, len(grams)))}
        return out

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.close()
