"""People & government grammar beyond titles written next to names: personnel
verbs, formal body names, company posts, credit lines and name edges.  All
sentences are written for these tests; the places are real, the people invented."""
from __future__ import annotations

from kg.model import Document
from kg.ner.govorgs import recognize_govorgs
from kg.ner.persons import recognize_persons
from kg.ner.titles import recognize_titles
from kg.pipeline import default_pipeline

_NLP = default_pipeline("rules")


def _doc(text: str) -> Document:
    return Document(path="t.txt", name="t.txt", sha256="", encoding="utf-8", raw_text=text, text=text)


def _persons(text: str) -> set[str]:
    return {m.text for m in recognize_persons(_doc(text))}


def _govorgs(text: str) -> set[str]:
    return {m.text for m in recognize_govorgs(_doc(text))}


def _titles(text: str) -> list[str]:
    return [m.text for m in sorted(recognize_titles(_doc(text)), key=lambda m: m.start)]


def _relations(text: str, label: str) -> set[tuple[str, str]]:
    doc = _NLP(Document(path="t.txt", name="t.txt", sha256=f"sha-{len(text)}", encoding="utf-8", raw_text=text))
    return {(r.head.text, r.tail.text) for r in doc.relations if r.label == label}


# --- posts given by a personnel verb -----------------------------------------

def test_comrade_appointed_to_a_chain_of_posts():
    text = "日前，省委决定：高远峰同志任南阳市委委员、常委、书记。"
    assert _persons(text) == {"高远峰"}
    assert _relations(text, "holds_post") == {("高远峰", "南阳市委委员"), ("高远峰", "常委"), ("高远峰", "书记")}
    assert ("高远峰", "南阳市委") in _relations(text, "member_of")


def test_a_post_said_to_end_names_a_person_but_no_post():
    text = "日前，省委决定：蒋文川同志不再担任南阳市委书记职务。"
    assert _persons(text) == {"蒋文川"}
    assert _relations(text, "holds_post") == set()


def test_former_post_written_before_the_name_with_de():
    text = "去年，时任洛阳市委常委、偃师市委书记的章立新名列其中。"
    assert _persons(text) == {"章立新"}
    assert _relations(text, "holds_post") == {("章立新", "洛阳市委常委"), ("章立新", "偃师市委书记")}
    assert _relations(text, "member_of") == {("章立新", "洛阳市委"), ("章立新", "偃师市委")}


def test_decided_appointment_and_election_to_a_congress():
    assert _relations("会议决定，符志勇任宝鸡市副市长、代市长。", "holds_post") == {
        ("符志勇", "宝鸡市副市长"), ("符志勇", "代市长")}
    text = "会议依法补选严立国为河南省第十四届人民代表大会代表。"
    assert _relations(text, "holds_post") == {("严立国", "河南省第十四届人民代表大会代表")}
    assert _relations(text, "member_of") == {("严立国", "河南省第十四届人民代表大会")}


def test_elected_mayor_with_a_short_place_before_the_role():
    assert _relations("2020年，骆明川当选宝鸡市长后，推动了改革。", "holds_post") == {("骆明川", "宝鸡市长")}


def test_appointment_with_a_date_and_a_listed_decision():
    assert _relations("2021年3月祁远航任开发区党工委书记。", "holds_post") == {("祁远航", "开发区党工委书记")}
    assert _relations("祁远航于2019年任宝鸡市政府党组成员。", "holds_post") == {("祁远航", "宝鸡市政府党组成员")}
    assert _relations("决定任命： 祁远航为宝鸡市人民政府副市长。", "holds_post") == {("祁远航", "宝鸡市人民政府副市长")}


def test_an_adverb_before_a_personnel_verb_is_no_name():
    text = "次年，鲍海平当选为市委常委，后兼任市委秘书长，后担任开发区党工委书记。"
    assert _persons(text) == {"鲍海平"}


def test_delegation_leader_without_a_title():
    assert _persons("上午，裴振东一行来到园区，察看项目进展。") == {"裴振东"}
    assert _persons("据悉，代表团一行来到园区。") == set()


def test_congress_deputy_needs_a_body():
    assert _titles("县人大代表邱红梅发言。") == ["县人大代表"]
    assert _titles("企业代表邱红梅发言。") == []


# --- formal and long body names ----------------------------------------------

def test_congress_with_its_term_and_its_committees():
    found = _govorgs("南阳市第八届人民代表大会常务委员会第五次会议召开，"
                     "提请河南省第十四届人民代表大会常务委员会代表资格审查委员会确认。")
    assert {"南阳市第八届人民代表大会常务委员会", "河南省第十四届人民代表大会常务委员会",
            "河南省第十四届人民代表大会常务委员会代表资格审查委员会"} <= found
    assert _govorgs("区人大常委会相关专门委员会要认真研究。") == {"区人大常委会"}


def test_zone_working_committee_in_full():
    assert _govorgs("中共南湖高新区工作委员会正式揭牌。") == {"中共南湖高新区工作委员会"}


def test_qualified_service_centre_and_compound_department():
    assert _govorgs("县项目建设服务中心副主任闵小芳介绍。") == {"县项目建设服务中心"}
    assert _govorgs("新区科技和人才局、市商务和投资促进局联合发文。") == {"新区科技和人才局", "市商务和投资促进局"}
    assert _govorgs("市发改委和市经信委联合发文。") == {"市发改委", "市经信委"}
    assert _govorgs("南阳市数字产业服务中心有限公司揭牌。") == set()


def test_party_branch_named_in_quotes_or_by_its_village():
    assert _govorgs("打造“青松护林党支部”等品牌。") == {"青松护林党支部"}
    assert _govorgs("桃源村党支部书记吕长青说。") == {"桃源村党支部"}
    assert _govorgs("公司党支部书记吕长青说。") == set()


def test_bare_committee_inside_an_office_title_is_not_a_govorg():
    assert _govorgs("区委常委、区委办主任冉建平出席。") == {"区委办"}


# --- titles after company names ----------------------------------------------

def test_title_stops_at_a_company_suffix_and_the_relation_joins_them():
    text = "座谈会上，西岭重工装备集团党委委员、副总经理邝立新，区属部门负责人参加。"
    assert _titles(text) == ["党委委员", "副总经理"]
    assert ("邝立新", "西岭重工装备集团党委委员") in _relations(text, "holds_post")
    assert _relations(text, "member_of") == {("邝立新", "西岭重工装备集团")}


def test_chain_continues_across_a_company_name():
    text = "会议由北辰某某集团党委常委、副总经理、南星某某集团董事长邬建成主持。"
    assert _titles(text) == ["党委常委", "副总经理", "董事长"]


# --- credit lines and name edges ---------------------------------------------

def test_editor_credit_line_with_colons():
    found = _relations("（编辑:覃小雨 一审:邬长河 二审:钮方圆）", "holds_post")
    assert found == {("覃小雨", "编辑"), ("邬长河", "一审"), ("钮方圆", "二审")}


def test_wei_before_a_verb_ends_the_name():
    assert _persons("县委书记邝立为宣布项目开工。") == {"邝立为"}
    assert _persons("区长邝立为企业解决难题。") == {"邝立"}
