"""Text normalization of docs/schema.md, plus marking what OCR pages carry besides articles.

``normalize_text`` applies the three rules of the spec and nothing else: gold
strings and offsets refer to exactly that text, so it must stay identical to
the reference normalizer (``shared/eval/normalize.py``).

OCR clean-up never deletes text (that would shift every gold offset).  It marks
spans instead, and later stages skip them:

- ``doc.furniture``: page furniture (phone lists, URLs, editor credits,
  ``（上接第一版）`` jump lines);
- ``doc.repeats``: paragraphs and sentences that repeat earlier text
  word for word (OCR of overlapping columns);
- ``doc.captions``: photo captions, a run of short one-sentence paragraphs
  between headlines, and photo credits (still extracted from: they name real
  entities).

``ignored_spans(doc)`` is the union of the first two; the sentence splitter
leaves them out, and ``masked_text(doc)`` blanks them for whole-text scanners.
"""
from __future__ import annotations

import re

from kg.lexicon import alternation, alternation_of, load_family, load_table
from kg.model import Document, Span

CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_BREAK = re.compile(rf"(?<={CJK}|[0-9])[ \t]*\r?\n[ \t]*(?={CJK})|(?<={CJK})[ \t]*\r?\n[ \t]*(?=[0-9])")
_SPACE_DIGIT_CJK = re.compile(rf"(?<=[0-9])[ \t\u3000]+(?={CJK})|(?<={CJK})[ \t\u3000]+(?=[0-9])")


#: Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) -> their half-width forms, for str.translate.
_HALFWIDTH = {o: o - 0xFEE0 for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for o in range(first, last + 1)}


def normalize_text(text: str) -> str:
    """Spec rules 1-3: join broken lines, drop digit/CJK spaces, half-width letters and digits."""
    text = text.translate(_HALFWIDTH)
    text = _BREAK.sub("", text)
    return _SPACE_DIGIT_CJK.sub("", text)


def normalize_document(doc: Document) -> None:
    doc.text = normalize_text(doc.raw_text)
    doc.furniture = find_furniture(doc.text)
    doc.repeats = find_repeats(doc.text)
    doc.captions = find_captions(doc.text)


def ignored_spans(doc: Document) -> list[Span]:
    """Spans extraction should skip (furniture and repeats), in text order."""
    return sorted(doc.furniture + doc.repeats, key=lambda s: s.start)


def masked_text(doc: Document) -> str:
    """``doc.text`` with ignored spans blanked out (same length, so offsets still hold):
    a drop-in for recognizers that scan the whole text rather than ``doc.sentences``."""
    chars = list(doc.text)
    for span in ignored_spans(doc):
        chars[span.start:span.end] = " " * (span.end - span.start)
    return "".join(chars)


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, without its surrounding spaces."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# --- page furniture -----------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_NUMBER = re.compile(r"\d{3,}")
#: （上接第一版）, （下转第三版）: a jump line of either kind.
_JUMP = re.compile(rf"[（(](?:{alternation_of(word for _, word in load_table('page_jumps.tsv'))})[^（）()\n]{{0,12}}[）)]")


def _credit_line() -> re.Pattern[str]:
    roles = alternation("page_credit_roles.txt")
    # 责编 蒲泽熙 编审 肖彦: only roles and short names
    return re.compile(rf"^(?:(?:{roles})[ \u3000:：]*{CJK}{{2,4}}[ \u3000]*)+$")


def find_furniture(text: str) -> list[Span]:
    credit = _credit_line()
    spans: list[Span] = []
    for s, e in lines(text):
        line = text[s:e]
        if _is_listing(line) or credit.match(line):
            spans.append(Span(s, e, line))
            continue
        for m in list(_URL.finditer(line)) + list(_JUMP.finditer(line)):
            spans.append(Span(s + m.start(), s + m.end(), m.group()))
    return sorted(spans, key=lambda sp: sp.start)


def _is_listing(line: str) -> bool:
    """A phone or address list: several numbers or URLs and no sentence punctuation."""
    if re.search(r"[。！？]", line):
        return False
    numbers = len(_NUMBER.findall(line)) + 2 * len(_URL.findall(line))
    return numbers >= 4


# --- repeated text --------------------------------------------------------------

#: A sentence, or (no ``end`` group) a stretch with no sentence end: matching that stretch
#: whole keeps the search linear, where a sentence pattern alone would retry at each of its
#: characters (a paragraph of OCR with no full stop).
_SENTENCE = re.compile(r"[^。！？!?\n]+(?P<end>[。！？!?]+[”’」』]?)?")
#: Shorter sentences repeat legitimately (会议指出。).
MIN_REPEAT = 12


def find_repeats(text: str) -> list[Span]:
    """Paragraphs, then sentences, that repeat earlier text word for word."""
    seen_paragraphs: set[str] = set()
    seen_sentences: set[str] = set()
    spans: list[Span] = []
    for s, e in lines(text):
        para = text[s:e]
        if len(para) >= MIN_REPEAT and para in seen_paragraphs:
            spans.append(Span(s, e, para))
            continue
        seen_paragraphs.add(para)
        for m in _SENTENCE.finditer(para):
            if m.group("end") is None:
                continue
            sent = m.group().strip()
            if len(sent) < MIN_REPEAT:
                continue
            if sent in seen_sentences:
                start = s + m.start() + (len(m.group()) - len(m.group().lstrip()))
                spans.append(Span(start, start + len(sent), sent))
            else:
                seen_sentences.add(sent)
    return spans


# --- photo captions --------------------------------------------------------------

#: A caption is one short sentence alone in its paragraph.
MAX_CAPTION = 40
_CAPTION = re.compile(rf"^[^。！？!?\n]{{4,{MAX_CAPTION}}}。$")
#: Photo credits and captions that say so: 图片由X提供, 图为…, 资料图:…, … 张三 摄, … 摄影 张三.
_PHOTOGRAPHER_ROLE = alternation_of(load_family("byline_credits.tsv", "photographer_role"))
_CREDIT = re.compile(
    rf"^(?:图片来源[:：].{{1,20}}|图片由{CJK}{{2,20}}提供|(?:图为|资料图[:：片]|[（(]资料图片[）)]).{{0,80}}"
    rf"|.{{0,80}}[ \u3000（(](?:{_PHOTOGRAPHER_ROLE})?[ \u3000]*{CJK}{{2,4}}[ \u3000]*摄[）)]?"
    rf"|.{{0,80}}[ \u3000]摄影[ \u3000]*{CJK}{{2,4}}"
    rf"|[（(]?(?:{_PHOTOGRAPHER_ROLE})?[ \u3000]*{CJK}{{2,4}}[ \u3000]*摄[）)]?)$")


def find_captions(text: str) -> list[Span]:
    """Photo credits, and runs of short one-sentence paragraphs set apart from the
    articles: between two headlines, not between body paragraphs."""
    spans: list[Span] = []
    all_lines = lines(text)
    content = (len(text) - len(text.lstrip()), len(text.rstrip()))
    i = 0
    while i < len(all_lines):
        j = i
        while j < len(all_lines) and _caption_like(text, *all_lines[j], content):
            j += 1
        if j - i >= 2 and _heading(text, all_lines, i - 1) and _heading(text, all_lines, j):
            spans.extend(Span(s, e, text[s:e]) for s, e in all_lines[i:j])
        elif j == i and _CREDIT.match(text[all_lines[i][0]:all_lines[i][1]]):
            spans.append(Span(*all_lines[i], text[all_lines[i][0]:all_lines[i][1]]))
        i = max(j, i + 1)
    return spans


def _caption_like(text: str, s: int, e: int, content: tuple[int, int]) -> bool:
    line = text[s:e]
    return _CAPTION.match(line) is not None and line.count("，") <= 1 and _standalone(text, s, e, content)


def _heading(text: str, all_lines: list[tuple[int, int]], k: int) -> bool:
    """Line ``k`` exists and is not a sentence (a headline, a section name)."""
    return 0 <= k < len(all_lines) and "。" not in text[all_lines[k][0]:all_lines[k][1]]


def _standalone(text: str, start: int, end: int, content: tuple[int, int]) -> bool:
    """The line is a paragraph of its own: a blank line (or the text edge) on both sides.
    ``content``: where the text's first non-space character is and where its last one ends;
    only the neighbouring lines are read, never all the text before or after the line."""
    return (start <= content[0] or _blank_line_before(text, start)) \
        and (end >= content[1] or _BLANK_AFTER.match(text, end) is not None)


def _blank_line_before(text: str, pos: int) -> bool:
    """Is the text before ``pos`` a line break, a blank line and spaces (\\n[ \\t　]*\\n[ \\t　]*)?"""
    for _ in range(2):
        while pos > 0 and text[pos - 1] in _LINE_SPACE:
            pos -= 1
        if pos == 0 or text[pos - 1] != "\n":
            return False
        pos -= 1
    return True


_LINE_SPACE = " \t\u3000"
_BLANK_AFTER = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*\n")
