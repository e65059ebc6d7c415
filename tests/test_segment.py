"""Article and sentence splitting: the five seed pages (read by hand) and small texts of our own."""

import pytest

from kg.pipeline import text_pipeline
from kg.reader import load_document
from tests.conftest import CORPUS_DOCS, SEEDS
from tests.conftest import raw_doc


def _seed(prefix):
    (path,) = SEEDS.glob(prefix + "_*.txt")
    return text_pipeline()(load_document(path))


def _doc(text):
    return text_pipeline()(raw_doc(text))


def _headlines(doc):
    return [a.headline.text if a.headline else None for a in doc.articles]


def _check_offsets(doc):
    t = doc.text
    assert doc.articles and doc.articles[0].start == 0 and doc.articles[-1].end == len(t)
    for a, b in zip(doc.articles, doc.articles[1:]):
        assert a.end == b.start
    for a in doc.articles:
        for span in [a.headline, a.section] + [e.name for e in a.byline]:
            if span is not None:
                assert t[span.start:span.end] == span.text
    for s in doc.sentences:
        assert t[s.start:s.end] == s.text and s.text.strip()
        assert doc.articles[s.article].start <= s.start < doc.articles[s.article].end
    for c in doc.captions:
        assert t[c.start:c.end] == c.text


def test_seed_000_district_paper_page():
    doc = _seed("000")
    _check_offsets(doc)
    # ten 本报讯 items, the 8th-9th separated by a （上接第一版） continuation
    assert len(doc.articles) == 10
    heads = _headlines(doc)
    assert heads[2] == "柏林镇嗨夏季暨第六届高山生态富硒农产品采购节开幕"
    assert heads[5] == "市人力社保局来津调研"  # glued to 本报讯 by OCR line joining
    assert heads[9] == "区委政法委召开理论学习中心组学习会"
    # OCR put these two headlines after their articles
    assert heads[6] == "区人大常委会调研2024年上半年国民经济和社会发展计划执行情况"
    assert heads[7] == "区人大常委会调研2023年度区本级预算执行和其他财政收支审计情况"
    assert heads[8] is None and doc.text[doc.articles[8].body_start:].startswith("（上接第一版）")
    assert [(e.name.text, e.role) for e in doc.articles[0].byline] == [("刘星欣", "记者"), ("明萌", "通讯员")]
    assert [(e.name.text, e.role) for e in doc.articles[1].byline] == [
        ("邓浩", "记者"), ("罗凯元", "实习记者"), ("陈俊攸", "实习记者"), ("苏俊杰", "通讯员")]
    assert doc.date.isoformat() == "2024-07-16"
    assert any(f.text == "责编 蒲泽熙 编审 肖彦" for f in doc.furniture)


def test_seed_001_speech_excerpts_with_author_lines():
    doc = _seed("001")
    _check_offsets(doc)
    assert len(doc.articles) == 11  # the introduction and ten speeches
    authors = [[e.name.text for e in a.byline] for a in doc.articles]
    assert authors == [[], ["卢红"], ["张智奎"], [], ["聂红焰"], ["明炬"], ["许洪斌"], ["陈一清"], [], ["袁光灿"], ["江夏"]]
    heads = _headlines(doc)
    assert heads[1] == "打好稳进增效组合拳 跑出农业高质量发展加速度"
    assert heads[8] == "坚持以高水平保护支撑高质量发展 更好把绿水青山转化为金山银山"
    assert "重庆市区县委书记和部门一把手例会发言摘登" in heads[0]
    assert any("www.cqga.gov.cn" in f.text for f in doc.furniture)
    assert not any("63758111" in s.text for s in doc.sentences)


def test_seed_002_district_sections():
    doc = _seed("002")
    _check_offsets(doc)
    assert [a.section.text for a in doc.articles] == ["潼南", "江津", "永川", "合川", "璧山", "铜梁", "大足", "荣昌"]
    assert [a.place for a in doc.articles][:2] == ["潼南区", "江津区"]
    heads = _headlines(doc)
    assert heads[0] == "招商引资宣传捷报 投资放量见成效"
    assert heads[3] == "全力构建现代化产业体系"
    assert heads[7] == "推进项目加速落地 助力区域经济高质量发展"
    assert len(doc.captions) == 8 and doc.captions[0].text == "渝南双江航电枢纽一期工程蓄水下闸。"
    # the 大足 block repeats one sentence four times and three paragraphs of the 铜梁 block
    repeats = doc.repeats
    assert len(repeats) == 6
    assert all(doc.articles[6].start <= r.start < doc.articles[6].end for r in repeats)
    texts = [s.text for s in doc.sentences]
    assert texts.count("铜梁细分赛道招商，新兴产业提速集聚。") == 1
    assert texts.count("10月30日同一天，重庆大学国家储能技术产教融合创新平台铜梁研究中心也揭牌成立。") == 1


def test_seed_003_city_daily_page():
    doc = _seed("003")
    _check_offsets(doc)
    assert len(doc.articles) == 3
    heads = _headlines(doc)
    assert "携手打造援藏工作标志性成果" in heads[0]
    assert heads[1].startswith("渝北区:打造高质量发展")
    assert heads[2].endswith("上半年重庆“蓝天”同比增加6天")
    assert [(e.name.text, e.role) for e in doc.articles[0].byline] == [("杨帆", "记者"), ("卢志民", "记者")]
    assert [e.name.text for e in doc.articles[1].byline] == ["杨新宇"]
    assert [e.name.text for e in doc.articles[2].byline] == ["郑三波"]


def test_seed_004_three_articles_and_a_list():
    doc = _seed("004")
    _check_offsets(doc)
    assert len(doc.articles) == 3
    heads = _headlines(doc)
    assert "突出千字当头唯实争先" in heads[0]
    assert heads[1] == "北碚、重庆高新区抢抓订单 工业企业助力一季度“开门红”"
    assert heads[2] == "助力产学研“抱团创新” 重庆公示首批17个产业创新综合体项目"
    assert [(e.name.text, e.role) for e in doc.articles[1].byline] == [("陈军", "记者"), ("罗丹", "通讯员")]
    assert [e.name.text for e in doc.articles[2].byline] == ["陈军"]


def test_headline_before_benbaoxun_starts_an_article():
    doc = _doc("甲区召开大会\n\n本报讯（记者 王一 通讯员 李二）日前，甲区召开大会。会议很成功。\n\n"
               "乙镇开展活动\n\n本报讯（实习记者 赵三）近日，乙镇开展活动。")
    _check_offsets(doc)
    assert _headlines(doc) == ["甲区召开大会", "乙镇开展活动"]
    assert [(e.name.text, e.role) for e in doc.articles[1].byline] == [("赵三", "实习记者")]


def test_section_marker_and_author_line():
    doc = _doc("江北\n\n加快建设 再创佳绩\n\n区委书记 王小明\n\n今年以来，江北区加快建设。")
    _check_offsets(doc)
    (article,) = doc.articles
    assert article.section.text == "江北" and article.headline.text == "加快建设 再创佳绩"
    assert [(e.name.text, e.role) for e in article.byline] == [("王小明", "作者")]


def test_sentences_keep_quotes_and_brackets_whole():
    doc = _doc("他说：“今年要干。明年更要干！”会议随后结束。附件（一。二。）已发。")
    assert [s.text for s in doc.sentences] == ["他说：“今年要干。明年更要干！”", "会议随后结束。", "附件（一。二。）已发。"]


def test_sentence_broken_by_a_blank_line_continues():
    doc = _doc("据了解，近年来，区农业农村委认真贯彻落实\n\n有关精神，取得了很大成效。")
    assert [s.text for s in doc.sentences] == ["据了解，近年来，区农业农村委认真贯彻落实\n\n有关精神，取得了很大成效。"]


def test_corpus_text_pipeline_never_crashes():
    paths = sorted(CORPUS_DOCS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus/docs is not beside the repository")
    nlp = text_pipeline()
    for path in paths:
        doc = nlp(load_document(path))
        _check_offsets(doc)
        assert doc.sentences, path.name


def test_byline_under_the_headline_does_not_split_the_article():
    doc = _doc("某区项目加快推进\n\n新华社记者 王一\n\n3月5日，某区项目加快推进。\n\n项目负责人表示，进展顺利。")
    _check_offsets(doc)
    (article,) = doc.articles
    assert article.headline.text == "某区项目加快推进"
    assert [(e.name.text, e.role) for e in article.byline] == [("王一", "记者")]


def test_headline_after_a_closing_byline_opens_the_next_article():
    doc = _doc("区里开会，部署工作。\n\n记者 王一 通讯员 李二 摄影报道\n\n乙区召开大会\n\n会议很好，大家满意。")
    _check_offsets(doc)
    assert _headlines(doc) == [None, "乙区召开大会"]
    assert [e.name.text for e in doc.articles[0].byline] == ["王一", "李二"]
    assert doc.captions == []


def test_media_centre_dateline_with_report_byline():
    doc = _doc("某县融媒体中心讯（记者 王小明报道）5月6日，某县召开项目推进会。\n\n会议部署了下一步工作。")
    (article,) = doc.articles
    assert [(e.name.text, e.role) for e in article.byline] == [("王小明", "记者")]
    assert doc.text[article.body_start:].startswith("某县融媒体中心讯")


@pytest.mark.parametrize("text, sentences", [
    ("他说：“好。走吧。”随后离开。", ["他说：“好。走吧。”", "随后离开。"]),  # a quote is never cut
    ("甲（乙。丙）丁。戊！！己", ["甲（乙。丙）丁。", "戊！！", "己"]),
    # an opening quote left open longer than MAX_QUOTE protects nothing after that
    ("“" + "甲" * 400 + "。乙。", ["“" + "甲" * 400 + "。", "乙。"]),
    ("“" + "甲" * 100 + "。乙。", ["“" + "甲" * 100 + "。乙。"]),
])
def test_split_piece_cuts_at_terminals_outside_quotes(text, sentences):
    from kg.segment import _split_piece

    assert [text[a:b] for a, b in _split_piece(text, 0, len(text))] == sentences
