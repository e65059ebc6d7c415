"""People, government and relation grammar broadened from the error categories of held-out
set C: CV-style personnel items, name-length decisions, autonomous-county and research-office
bodies, byline names, parks listed as parts of a zone.

Every sentence is written for these tests (invented names, real place names only where the
gazetteer must know them).
"""
from __future__ import annotations
from tests.conftest import make_doc, run_pipeline, triples



def entities(doc, type_: str) -> set[str]:
    return {m.text for m in doc.mentions if m.type == type_}


def facts(doc, label: str) -> set[tuple[str, str]]:
    return {(r.head.text, r.tail.text) for r in doc.relations if r.label == label}


# -- CV clauses that name no holder ---------------------------------------------

CV = ("简历显示,周建平,男,汉族,1972年3月生,大学学历。\n\n"
      "曾任保定市委研究室副主任科员、副科长,涞水县委常委、常务副县长等职务,"
      "2020年6月任涞水县委书记。")


def test_cv_posts_go_to_the_person_the_cv_is_about(tmp_path):
    doc = run_pipeline(tmp_path, CV)
    posts = facts(doc, "holds_post")
    assert {("周建平", "保定市委研究室副主任科员"), ("周建平", "副科长"), ("周建平", "涞水县委常委"),
            ("周建平", "常务副县长"), ("周建平", "涞水县委书记")} <= posts
    assert {("周建平", "保定市委研究室"), ("周建平", "涞水县委")} <= facts(doc, "member_of")


def test_cv_clause_with_nobody_named_before_gives_no_post(tmp_path):
    doc = run_pipeline(tmp_path, "曾任涞水县委常委、常务副县长等职务。")
    assert facts(doc, "holds_post") == set()


def test_a_post_said_to_end_is_not_carried(tmp_path):
    doc = run_pipeline(tmp_path, "会上,吴少东当选为市政协主席,后不再兼任涞水县委书记。")
    assert ("吴少东", "涞水县委书记") not in facts(doc, "holds_post")
    assert ("吴少东", "市政协主席") in facts(doc, "holds_post")


def test_adverb_between_name_and_personnel_verb(tmp_path):
    doc = run_pipeline(tmp_path, "近日消息显示,郑立伟已任涞水县委书记。")
    assert ("郑立伟", "涞水县委书记") in facts(doc, "holds_post")


def test_an_unknown_body_after_the_verb_stays_in_the_title(tmp_path):
    doc = run_pipeline(tmp_path, "简历显示,周建平,男,1972年3月生。曾任共青团保定市委干事、副科长等职。")
    assert ("周建平", "共青团保定市委干事") in facts(doc, "holds_post")


# -- where a name ends -------------------------------------------------------------

def test_conjunction_character_before_a_personnel_verb_ends_the_name(tmp_path):
    doc = run_pipeline(tmp_path, "原涞水县委书记马永和担任该职仅半年。")
    assert "马永和" in entities(doc, "Person")


def test_conjunction_between_two_officials_still_splits_them(tmp_path):
    doc = run_pipeline(tmp_path, "涞水县委书记王志强和县长李明华出席活动。")
    assert {"王志强", "李明华"} <= entities(doc, "Person")
    assert "王志强和" not in entities(doc, "Person")


def test_four_character_byline_name_closed_by_a_bracket(tmp_path):
    doc = run_pipeline(tmp_path, "本报讯(记者次仁卓玛)9月3日,拉萨市召开会议。")
    assert "次仁卓玛" in entities(doc, "Person")
    assert ("次仁卓玛", "记者") in facts(doc, "holds_post")


def test_academician_is_a_post(tmp_path):
    doc = run_pipeline(tmp_path, "中国工程院院士、兰州大学教授马文杰作报告。")
    assert "马文杰" in entities(doc, "Person")
    assert ("马文杰", "中国工程院院士") in facts(doc, "holds_post")


# -- bodies --------------------------------------------------------------------------

def test_autonomous_county_committee_after_its_short_name(tmp_path):
    doc = run_pipeline(tmp_path, "长阳自治县委副书记刘晓东主持会议。")
    assert "长阳自治县委" in entities(doc, "GovOrg")
    assert ("刘晓东", "长阳自治县委") in facts(doc, "member_of")


def test_research_office_of_a_party_committee(tmp_path):
    doc = run_pipeline(tmp_path, "湖北省委研究室副主任陈立新介绍情况。")
    assert "湖北省委研究室" in entities(doc, "GovOrg")
    assert ("陈立新", "湖北省委研究室") in facts(doc, "member_of")


# -- parks listed as parts of a zone -------------------------------------------------

def test_parks_in_brackets_after_含_are_parts_of_the_zone():
    doc = make_doc("宜昌高新区(含白洋工业园、生物产业园)发展提速。",
                   [("宜昌高新区", "Park"), ("白洋工业园", "Park"), ("生物产业园", "Park"), ("宜昌", "Place")])
    assert {("白洋工业园", "part_of", "宜昌高新区"), ("生物产业园", "part_of", "宜昌高新区")} \
        <= triples(doc, "part_of")


def test_zone_made_of_parks_and_projects_passes_over_an_unnamed_item():
    doc = make_doc("江北科学城主要由智造产业园、大学城和江北物流枢纽项目组成。",
                   [("江北科学城", "Park"), ("智造产业园", "Park"), ("江北物流枢纽项目", "Project")])
    assert ("智造产业园", "part_of", "江北科学城") in triples(doc, "part_of")
    assert ("江北物流枢纽项目", "located_in", "江北科学城") in triples(doc, "located_in")


def test_sub_area_of_an_unnamed_zone_lies_in_its_place():
    doc = make_doc("推进航空港经济区郑州片区建设。",
                   [("航空港经济区郑州片区", "Park"), ("郑州", "Place")])
    assert ("航空港经济区郑州片区", "located_in", "郑州") in triples(doc, "located_in")


def test_an_honour_named_after_a_post_is_no_post(tmp_path):
    doc = run_pipeline(tmp_path, "全国优秀县委书记郑立伟近日到任。郑立伟已任涞水县委书记。")
    assert facts(doc, "holds_post") == {("郑立伟", "涞水县委书记")}


def test_person_in_charge_needs_the_company_before_it(tmp_path):
    doc = run_pipeline(tmp_path, "河北鼎信环保科技有限公司负责人孙浩然等出席仪式,相关负责人介绍情况。")
    assert ("孙浩然", "河北鼎信环保科技有限公司负责人") in facts(doc, "holds_post")
    assert {t for _p, t in facts(doc, "holds_post")} == {"河北鼎信环保科技有限公司负责人"}


def test_company_named_inside_a_project_after_its_park_owns_it():
    doc = make_doc("渭城新区鼎泰研发总部项目开工。",
                   [("渭城新区鼎泰研发总部项目", "Project"), ("渭城新区", "Park"), ("鼎泰", "Enterprise")])
    assert ("鼎泰", "owns_project", "渭城新区鼎泰研发总部项目") in triples(doc, "owns_project")


def test_place_inside_a_project_owns_nothing():
    doc = make_doc("渭城新区西安物流枢纽项目开工。",
                   [("渭城新区西安物流枢纽项目", "Project"), ("渭城新区", "Park"), ("西安", "Place")])
    assert triples(doc, "owns_project") == set()


# -- a later title inherits the opening of an earlier one (issue #14, class 4) ----------
import pytest  # noqa: E402


from kg.model import TITLE  # noqa: E402

INHERITED_BODIES = [
    # 某某区委常委、统战部部长 -> 某某区委统战部 (named elsewhere in the document)
    ("青川区委常委、宣传部部长方芸出席。青川区委宣传部召开座谈会。",
     [("方芸", "Person"), ("青川区委常委", TITLE), ("宣传部部长", TITLE), ("青川区委", "GovOrg"),
      ("青川区委宣传部", "GovOrg")],
     {("方芸", "member_of", "青川区委宣传部")}, set()),
    # not only from the first title of the chain
    ("市委常委、白鹭新区党工委书记、管委会主任陈山宣布开工。白鹭新区管委会负责筹备。",
     [("陈山", "Person"), ("市委常委", TITLE), ("白鹭新区党工委书记", TITLE), ("管委会主任", TITLE),
      ("白鹭新区党工委", "GovOrg"), ("白鹭新区管委会", "GovOrg")],
     {("陈山", "member_of", "白鹭新区管委会"), ("陈山", "member_of", "白鹭新区党工委")}, set()),
    # a later title opening with a level word names its own body
    ("青川市委统战部副部长、市工商联党委书记钱沐出席。青川市工商联发出倡议。",
     [("钱沐", "Person"), ("青川市委统战部副部长", TITLE), ("市工商联党委书记", TITLE),
      ("青川市委统战部", "GovOrg"), ("市工商联", "Organization"), ("青川市工商联", "Organization")],
     {("钱沐", "member_of", "青川市委统战部"), ("钱沐", "member_of", "市工商联")},
     {("钱沐", "member_of", "青川市工商联")}),
    # a body written with its place is one body, not also the body without it
    ("青川市人大常委会主任顾允参加活动。市人大常委会副主任刘明陪同。",
     [("顾允", "Person"), ("刘明", "Person"), ("青川市人大常委会主任", TITLE), ("市人大常委会副主任", TITLE),
      ("青川市人大常委会", "GovOrg"), ("市人大常委会", "GovOrg")],
     {("顾允", "member_of", "青川市人大常委会"), ("刘明", "member_of", "市人大常委会")},
     {("顾允", "member_of", "市人大常委会")}),
]


@pytest.mark.parametrize("text, names, expected, absent", INHERITED_BODIES)
def test_later_title_inherits_the_body_opening_an_earlier_one(text, names, expected, absent):
    found = triples(make_doc(text, names), "member_of")
    assert expected <= found
    assert not absent & found


COMPANY_ANAPHORS = [
    ("青川远拓生物科技股份有限公司专注于疫苗研发。该公司董事长周明回忆创业经过。",
     [("青川远拓生物科技股份有限公司", "Enterprise"), ("董事长", TITLE), ("周明", "Person")],
     {("周明", "member_of", "青川远拓生物科技股份有限公司")}),
    ("远拓集团发展迅速,公司总经理李强表示将扩产。",
     [("远拓集团", "Enterprise"), ("总经理", TITLE), ("李强", "Person")], {("李强", "member_of", "远拓集团")}),
    # no anaphor before the title: no company
    ("远拓集团发展迅速。总经理李强表示将扩产。",
     [("远拓集团", "Enterprise"), ("总经理", TITLE), ("李强", "Person")], set()),
]


@pytest.mark.parametrize("text, names, expected", COMPANY_ANAPHORS)
def test_gai_gongsi_before_a_title_is_the_company_named_before(text, names, expected):
    assert triples(make_doc(text, names), "member_of") == expected


BUSINESS_CHAINS = [
    # a board chair's title is one post (not 董事 + 主席), and the chain before it stays whole
    ("市工商联主席、远拓科技集团董事局主席张华参加会议。", "张华", ("市工商联主席", "董事局主席")),
    ("青川商会会长、远拓科技集团董事会主席李强致辞。", "李强", ("青川商会会长", "董事会主席")),
]


@pytest.mark.parametrize("text, person, endings", BUSINESS_CHAINS)
def test_business_title_chains_give_every_post(tmp_path, text, person, endings):
    posts = [t for p, t in facts(run_pipeline(tmp_path, text), "holds_post") if p == person]
    assert len(posts) == len(endings)
    assert all(any(t.endswith(e) for t in posts) for e in endings)


PROJECT_POSTS = [
    ("“我们月初拿到许可,月底就动工。”项目负责人葛晓川说。", ("葛晓川", "项目负责人")),
    ("现场施工负责人樊立群说,主体结构月底封顶。", ("樊立群", "施工负责人")),
    ("项目经理李强介绍,工程进展顺利。", ("李强", "项目经理")),
]


@pytest.mark.parametrize("text, post", PROJECT_POSTS)
def test_posts_in_a_project_need_no_body(tmp_path, text, post):
    assert post in facts(run_pipeline(tmp_path, text), "holds_post")


def test_a_bare_person_in_charge_is_still_no_post(tmp_path):
    assert facts(run_pipeline(tmp_path, "企业相关负责人王刚表示将扩产。"), "holds_post") == set()
