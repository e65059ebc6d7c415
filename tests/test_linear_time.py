"""Extraction work grows linearly with a document's size.  Counted, not timed: the number
of lines of kg's code executed for a one-line document of n invented sentences and of 4n."""
import sys
from collections import Counter
from pathlib import Path


import kg
from kg.pipeline import default_pipeline
from tests.conftest import raw_doc

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
    # the rules of lists, projects, aliases, posts, owners, events and scenes
    "{county}区与{company}签约{trade}智能制造项目。",
    "{company}计划投资10亿元，在{county}区建设{trade}新能源项目。",
    "本次开工的项目包括{trade}物流园、{trade2}产业园等。",
    "{county}区引进了{trade}科技、{trade2}智能等企业。",
    "专家为{trade}科技、{trade2}股份提供服务。",
    "走访4家企业（{trade}科技、{trade2}智能）。",
    "{county}区发展数字经济、现代物流等产业领域。",
    "{trade}输变电工程及{trade2}输变电工程开工。",
    "{trade}仓储园及配套道路工程（{trade}仓储项目）开工。",
    "{county}市人大常委会主任{person}与市人大常委会主任{person2}会见。",
    "{company}位于{county}区。该公司董事长{person2}介绍。",
    "{county}区举行{trade}项目集中开工仪式，本次开工项目12个。",
    "{person}接任{county}区区长。",
    "{trade}电池项目于2024年3月开工，年产动力电池10GWh。",
    "{trade}物流园项目、{trade2}数据中心项目集中开工。",
    "{person}到{county}区{trade}产业园调研。",
    "{trade}园区是{county}区的重要组成部分。",
    "{county}区委常委、政法委书记{person}出席。",
    "{trade}食品股份有限公司发布公告，{trade}股份表示。",
    "{county}至{town}铁路开通。",
    "{trade}项目是{company}在{county}区投资建设的重点项目。",
    "{company}实施{trade}数据中心项目。",
    "在{county}区调研期间，{person}考察了{trade}产业园。",
)


def invented_document(n: int) -> str:
    parts = []
    for i in range(n):
        a, b, c = i % 10, (i // 10) % 12, (i // 120) % 14
        person = SURNAMES[a] + GIVEN[b] + GIVEN[(b + c + 1) % 12]
        person2 = SURNAMES[(a + 3) % 10] + GIVEN[(b + 5) % 12] + GIVEN[(b + c + 2) % 12]
        trade = TRADE[(a + c) % 14] + TRADE[(b + 3) % 14]
        trade2 = TRADE[(a + c + 5) % 14] + TRADE[(b + 7) % 14]
        county, town = f"{TRADE[c]}{GIVEN[b]}", f"{GIVEN[a]}{TRADE[b]}"
        company = f"重庆{trade}{GIVEN[a]}科技有限公司"
        parts.append(SENTENCES[i % len(SENTENCES)].format(person=person, person2=person2, trade=trade, trade2=trade2,
                                                           county=county, town=town, company=company))
    return "".join(parts)


def lines_executed(nlp, text: str) -> Counter:
    """Lines of kg's code executed to extract ``text``, by function."""
    count: Counter = Counter()

    def in_kg(frame, event, arg):
        return count_line if frame.f_code.co_filename.startswith(KG_DIR) else None

    def count_line(frame, event, arg):
        if event == "line":
            count[frame.f_code] += 1
        return count_line

    doc = raw_doc(text, "big.txt")
    sys.settrace(in_kg)
    try:
        nlp(doc)
    finally:
        sys.settrace(None)
    return count


#: Functions doing less work than this on 4n sentences are not judged one by one: a few
#: more alias pairs or list items make small counts jump.
BUSY = 3000


def test_extraction_work_is_linear_in_the_document_size():
    nlp = default_pipeline()
    nlp(raw_doc(invented_document(20), "w.txt"))
    small, large = lines_executed(nlp, invented_document(150)), lines_executed(nlp, invented_document(600))
    assert sum(large.values()) < 5 * sum(small.values())  # 4 times the text; quadratic work would be close to 16 times
    # One quadratic rule hides in the total at this size: each busy function on its own grows
    # less than 8 times (a binary search makes 5 to 6, a scan of every mention per mention 16).
    grown = {f"{code.co_filename[len(KG_DIR) + 1:]}:{code.co_firstlineno} {code.co_name}": (small[code], n)
             for code, n in large.items() if n >= BUSY and n >= 8 * small[code]}
    assert not grown, grown
