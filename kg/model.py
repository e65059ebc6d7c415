"""The one document model every pipeline stage reads and enriches.

Document -> articles -> sentences -> mentions -> relations.  All offsets are
character offsets into ``Document.text`` (the normalized text), end-exclusive,
so ``doc.text[m.start:m.end] == m.text`` always holds.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Iterator

#: Entity types of docs/schema.md.
ENTITY_TYPES = ("Person", "GovOrg", "Enterprise", "Park", "Project", "Place", "Organization")
#: Pseudo-type for post titles (tails of ``holds_post``); never exported as an entity.
TITLE = "Title"
#: Relations of docs/schema.md.
RELATION_TYPES = ("holds_post", "member_of", "located_in", "part_of", "owns_project", "alias_of")


@dataclass(frozen=True)
class Span:
    """A piece of the normalized text."""

    start: int
    end: int
    text: str


@dataclass
class Mention:
    """One occurrence of a named entity (or of a post title, type ``Title``)."""

    start: int
    end: int
    text: str
    type: str
    source: str = "rules"  # the component that found it, e.g. "persons.title"
    confidence: float = 1.0

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def mention_order(m: Mention) -> tuple[int, int, str]:
    """The order of ``Document.mentions``: by start, the longer first, then by type."""
    return (m.start, -m.end, m.type)


@dataclass
class Relation:
    """A fact stated in the text: head --label--> tail, with its evidence."""

    head: Mention
    label: str  # one of RELATION_TYPES
    tail: Mention
    pattern: str  # which pattern produced it, e.g. "title_before_name"
    evidence: Span  # the sentence (or list) that states it
    confidence: float = 1.0


#: Kinds of personnel events (``Event.kind``).
EVENT_KINDS = ("appoint", "elect", "propose", "remove", "resign")
#: Project milestones (``Milestone.milestone``), as the words analysts use.
MILESTONES = ("签约", "开工", "投产", "竣工", "通车", "合龙", "蓄水", "建成", "认定")
#: Kinds of project figures (``Figure.kind``).
FIGURE_KINDS = ("investment", "capacity", "output_value", "area")


@dataclass
class Event:
    """A person's post starting or ending (or proposed), as a sentence states it.

    ``date`` is ISO (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``): the sentence's own date when
    ``date_stated``, else the publication date; None when neither is known.
    """

    person: Mention
    kind: str  # one of EVENT_KINDS
    acting: bool  # 代理: held as acting
    post: Span  # the post as written (某某区人民政府代理区长)
    title: Span  # the post title without its body or 代理 (区长)
    body: Span | None  # the body written before the title (某某区人民政府), if any
    date: str | None
    date_stated: bool
    evidence: Span
    pattern: str  # the form that produced it: before, object, after, carried


@dataclass
class Milestone:
    """A project reaching a milestone (开工, 投产 ...) on a date, as a sentence states it."""

    project: Mention
    milestone: str  # one of MILESTONES
    trigger: Span  # the words as written (建成投用, 正式开工)
    date: str | None  # as Event.date
    date_stated: bool
    evidence: Span


@dataclass
class Figure:
    """An amount stated about a project: investment, capacity, output value or area."""

    project: Mention
    kind: str  # one of FIGURE_KINDS
    qualifier: str  # the words naming it (总投资, 计划投资, 年产, 占地面积)
    value: float  # in base units (12亿元 -> 1200000000); integral values are ints
    unit: str  # CNY, USD, 吨, 台, 平方米, 亩 ...
    amount: Span  # the amount as written (12亿元)
    evidence: Span


#: ``Title.kind`` of a byline role (记者, 摄); kg/data/title_heads.tsv.
BYLINE = "byline"


@dataclass(frozen=True)
class Title:
    """A post title the title grammar reads (kg/ner/titles.py): BODY? MODIFIER* HEAD."""

    start: int
    end: int
    role_start: int
    head_start: int
    kind: str  # party, gov, ..., byline (kg/data/title_heads.tsv)
    after_name: bool  # the head is written after its holder's name (总书记, 摄)
    company_start: int | None = None  # where a company written before the title starts


#: What parts the titles of a chain (市委常委、副市长 某某).
CHAIN_SEPARATORS = "、，,"
#: Joins a post to another held at the same time, before the name (某某协会副会长兼秘书长 某某).
CONCURRENT = "兼"


@dataclass(frozen=True)
class TitleChain:
    """Titles written one after another (parted by CHAIN_SEPARATORS or CONCURRENT) and the name that
    follows them."""

    titles: tuple[Title, ...]
    name_start: int  # where the name after the chain starts
    name_end: int

    @property
    def byline(self) -> bool:
        return self.titles[-1].kind == BYLINE


@dataclass(frozen=True)
class Appointment:
    """A post stated by a verb (kg/data/post_verbs.tsv): the name and its titles;
    no titles for a post the text says ends (不再担任)."""

    name_start: int
    name_end: int
    titles: tuple[Title, ...]
    pattern: str  # the verb kind: after_name, elect, former, negated


@dataclass(frozen=True)
class Body:
    """A government or Party body the body grammar reads (kg/bodies.py)."""

    start: int
    end: int
    kind: str  # core, dept, sub, center, national
    bare: bool  # prefixed by a level word only (市委, 区政府)


@dataclass
class PostTitles:
    """Everything the title grammar reads in a document, found once (kg/ner/titles.py) and
    read by the title and person recognizers and by kg/relations/posts.py."""

    titles: tuple[Title, ...]
    chains: tuple[TitleChain, ...]  # chains a person's name follows, in text order
    after_names: tuple[tuple[int, int, int, int], ...]  # (name start, name end, title start, title end): 某某某总书记
    appointments: tuple[Appointment, ...]
    carried: tuple[tuple[int, tuple[Title, ...]], ...]  # (verb start, titles): 曾任…、… naming no holder

    @cached_property
    def byline_starts(self) -> frozenset[int]:
        """Where byline titles (记者, 通讯员) start."""
        return frozenset(t.start for t in self.titles if t.kind == BYLINE)


@dataclass
class SqueezedText:
    """``Document.text`` without the single spaces OCR leaves inside words (长嘉汇购 物中心),
    outside bylines, found once (kg/boundary.py): recognizers match names across such
    spaces and report offsets into ``Document.text`` through ``index``."""

    text: str
    dropped: tuple[int, ...]  # offsets in Document.text of the spaces left out, ascending

    @cached_property
    def index(self) -> tuple[int, ...]:
        """For each character of ``text`` its offset in ``Document.text``, plus one past the end."""
        length = len(self.text) + len(self.dropped)
        dropped = set(self.dropped)
        return tuple(i for i in range(length) if i not in dropped) + (length,)

    def __getstate__(self) -> dict:
        # the index is as long as the text: rebuilt where needed, not sent between processes
        return {"text": self.text, "dropped": self.dropped}


@dataclass
class BylineEntry:
    name: Span
    role: str  # 记者, 通讯员, 实习记者, 摄, ...


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    article: int  # index into Document.articles


@dataclass(frozen=True)
class StatedDate:
    """A date written in the text, resolved: ``value`` is ISO ``YYYY-MM-DD``, or ``YYYY-MM``
    where only the month is known, or ``YYYY`` where only the year is."""

    start: int
    end: int
    value: str


@dataclass
class SentenceDates:
    """The dates a sentence states (offsets in the sentence), read once (kg/dates.py) for the readers of
    personnel events and project facts."""

    lead_day: str | None  # the first day its article's lead states (kg.dates.read_sentence_dates)
    stated: tuple[StatedDate, ...]  # against the publication date, the lead's day and the year its article told last
    # with no publication date to read them against (kg.dates.fact_anchor): the dates that need one, read
    # with the year told before, and whether it states a day that needs one, read without that year
    unread: tuple[StatedDate, ...]
    unknown_day: bool


@dataclass
class Article:
    start: int
    end: int
    headline: Span | None = None
    body_start: int = 0
    byline: list[BylineEntry] = field(default_factory=list)
    section: Span | None = None  # a section marker such as a district name heading the article
    place: str | None = None  # the place the article is about (from section, dateline, masthead), if decided
    place_source: str | None = None  # how `place` was decided


@dataclass
class Section:
    """A part of the document headed by a place: a line that is only a place name, or the section
    marker the segmenter gave an article (found once by kg/relations/locations.py, read by resolution)."""
    header: Mention  # the Place mention heading it
    end: int  # where the section ends: the next header, or the end of its article


@dataclass
class Document:
    path: str
    name: str  # file name, used for gold output (``NAME.json``)
    sha256: str  # of the raw bytes
    encoding: str
    raw_text: str
    text: str = ""  # normalized text; every offset points here
    date: dt.date | None = None
    date_source: str | None = None  # "text", "meta", "cli", ...
    source: str | None = None  # masthead / publisher, when known
    captions: list[Span] = field(default_factory=list)  # photo captions kept as captions
    furniture: list[Span] = field(default_factory=list)  # page furniture that extraction skips (kg/normalize.py)
    repeats: list[Span] = field(default_factory=list)  # text repeating earlier text word for word (kg/normalize.py)
    text_signature: list[int] = field(default_factory=list)  # sketch of the text, to find copies (kg/signatures.py)
    post_titles: PostTitles | None = None  # the title grammar's reading (kg/ner/titles.py), once found
    bodies: tuple[Body, ...] | None = None  # the body grammar's reading (kg/bodies.py), once found
    squeezed: SqueezedText | None = None  # the text without OCR's spaces inside words (kg/boundary.py), once found
    units: list[tuple[int, int, str]] = field(default_factory=list)  # lines by kind: (start, end, kind) (kg/segment.py)
    articles: list[Article] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    sentence_dates: list[SentenceDates] = field(default_factory=list)  # by sentence (kg/dates.py)
    # Enterprise names other documents of the corpus give with a legal suffix (or their derived short
    # names) that stand in this text unrecognized: set by corpus-level name propagation (kg/propagation.py)
    # before the entity stage runs again; empty when no other document names something this one misses.
    known_names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)  # parts headed by a place (kg/relations/locations.py)
    events: list[Event] = field(default_factory=list)  # personnel events (kg/relations/events.py)
    milestones: list[Milestone] = field(default_factory=list)  # project milestones (kg/relations/milestones.py)
    figures: list[Figure] = field(default_factory=list)  # project figures (kg/relations/milestones.py)
    meta: dict = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0] if "." in self.name else self.name

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def article_at(self, offset: int) -> Article | None:
        for a in self.articles:
            if a.start <= offset < a.end:
                return a
        return None

    def add_mentions(self, new: Iterable[Mention]) -> None:
        """Adds the mentions a stage after the recognizer found, ``mentions`` kept in ``mention_order``."""
        self.mentions = sorted([*self.mentions, *new], key=mention_order)

    def entities(self) -> Iterator[Mention]:
        """Mentions of real entity types (no titles)."""
        return (m for m in self.mentions if m.type in ENTITY_TYPES)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])
