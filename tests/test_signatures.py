"""Near-duplicate documents (kg.signatures): a story and its syndicated copies are one story,
two stories that share a paragraph are two. Texts and names are invented."""
from __future__ import annotations

import pytest

from kg import signatures
from kg.signatures import RESEMBLANCE, copies, resemblance, text_signature

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


@pytest.mark.parametrize("a, b, same_story", [
    (STORY, COPY, True),
    (STORY, STORY.replace("\n", "\n\n").replace("，", ", "), True),  # layout and punctuation do not count
    (HARVEST, SCHOOL, False),
    (STORY, HARVEST, False),
], ids=["copy with masthead and a changed sentence", "same text laid out otherwise", "shared paragraph",
        "different stories"])
def test_copies_of_a_story_resemble_each_other_and_other_stories_do_not(a, b, same_story):
    assert (resemblance(text_signature(a), text_signature(b)) >= RESEMBLANCE) == same_story


def test_a_story_and_its_copies_are_one_group_headed_by_the_first():
    docs = [("first", text_signature(STORY)), ("harvest", text_signature(HARVEST)),
            ("copy", text_signature(COPY)), ("school", text_signature(SCHOOL)),
            ("copy of the copy", text_signature(COPY.replace("穆青岚指出", "穆青岚强调")))]
    assert copies(docs) == {"copy": "first", "copy of the copy": "first"}


def test_a_short_notice_gets_no_signature_and_is_no_copy():
    notice = "霁山县今日停水。"
    assert text_signature(notice) == []
    assert copies([("a", text_signature(notice)), ("b", text_signature(notice))]) == {}


def test_a_phrase_many_texts_share_costs_a_bounded_number_of_comparisons(monkeypatch):
    """Documents filed under the same hashes (a footer they all share) are not compared all pairs."""
    calls = []
    monkeypatch.setattr(signatures, "resemblance", lambda a, b: calls.append(1) or 0.0)
    n = 2000
    shared = list(range(signatures.BUCKET_KEYS))  # every document's smallest hashes
    signatures.copies([(i, shared) for i in range(n)])
    assert len(calls) <= n * signatures.BUCKET_KEYS * signatures.MAX_COMPARED < n * (n - 1) // 2
