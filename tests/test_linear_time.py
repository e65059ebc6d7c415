"""Extraction work grows linearly with a document's size.  Counted, not timed: the number
of lines of kg's code executed for a one-line document of n invented sentences and of 4n."""
import sys
from pathlib import Path

import pytest

import kg
from kg.model import Document
from kg.pipeline import default_pipeline

KG_DIR = str(Path(kg.__file__).resolve().parent)
#: Invented names: every sentence names new people, companies, parks, places and projects,
#: so the document's distinct names grow with it as in real news.
SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN = "明华国建文军平志伟春海东"
TRADE = "澜汐青梧栖霞鸣川岚岳曜石瀚川沐阳"
SENTENCES = (
    "{person}任{county}区委书记。",
    "{company}在{county}区投资建设{trade}新材料产业园项目。",
    "{trade}高新区位于{county}区{town}镇。",
    "{company}(以下简称“{trade}科技”)落户{trade}高新区。",
    "会上，{county}区区长{person}指出，要加快{trade}智造基地建设。",
)


def invented_document(n: int) -> str:
    parts = []
    for i in range(n):
        a, b, c = i % 10, (i // 10) % 12, (i // 120) % 14
        person = SURNAMES[a] + GIVEN[b] + GIVEN[(b + c + 1) % 12]
        trade = TRADE[(a + c) % 14] + TRADE[(b + 3) % 14]
        county, town = f"{TRADE[c]}{GIVEN[b]}", f"{GIVEN[a]}{TRADE[b]}"
        company = f"重庆{trade}{GIVEN[a]}科技有限公司"
        parts.append(SENTENCES[i % len(SENTENCES)].format(person=person, trade=trade, county=county, town=town,
                                                           company=company))
    return "".join(parts)


def lines_executed(nlp, text: str) -> int:
    count = 0

    def in_kg(frame, event, arg):
        return count_line if frame.f_code.co_filename.startswith(KG_DIR) else None

    def count_line(frame, event, arg):
        nonlocal count
        count += event == "line"
        return count_line

    doc = Document(path="big.txt", name="big.txt", sha256="", encoding="utf-8", raw_text=text)
    sys.settrace(in_kg)
    try:
        nlp(doc)
    finally:
        sys.settrace(None)
    return count


def test_extraction_work_is_linear_in_the_document_size():
    nlp = default_pipeline()
    nlp(Document(path="w.txt", name="w.txt", sha256="", encoding="utf-8", raw_text=invented_document(20)))
    small, large = lines_executed(nlp, invented_document(150)), lines_executed(nlp, invented_document(600))
    assert large < 5 * small  # 4 times the text; quadratic work would be close to 16 times
