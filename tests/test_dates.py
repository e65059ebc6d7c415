"""Publication dates found in the text, given by a sidecar or --date, and relative dates."""
import datetime as dt
import re

import pytest

from kg.dates import (date_in_text, find_publication_date, main_year, resolve_month_day, resolve_relative, stated_dates,
                      statement_date)
from kg.normalize import normalize_document
from kg.pipeline import text_pipeline
from tests.conftest import raw_doc


def _doc(text, **meta):
    doc = raw_doc(text)
    normalize_document(doc)
    doc.meta.update(meta)
    return doc


def test_masthead_date_at_the_top():
    assert date_in_text("某某日报\n2023年11月5日 星期日\n\n正文。") == (dt.date(2023, 11, 5), "masthead")


@pytest.mark.parametrize("text", [
    "某某大桥项目计划于2025年6月30日建成通车。",  # a day planned
    "某某大桥项目定于2025年6月30日前竣工。",  # a deadline
    "2023年3月1日起，某某条例施行。",  # the start of a period
])
def test_a_day_planned_or_bounding_a_period_is_no_masthead(text):
    assert date_in_text(text) is None


def test_dateline_takes_the_year_the_text_mentions_most():
    text = ("本报讯（记者 王一）9月3日，区里召开2022年第三季度经济形势分析会。"
            "会议总结2022年前8个月工作，部署到2025年的目标。")
    assert date_in_text(text) == (dt.date(2022, 9, 3), "dateline")


def test_latest_dateline_of_a_page_wins():
    text = ("本报讯（记者 王一）9月3日，甲事。2022年乙事。\n\n"
            "本报讯（记者 李二）9月4日，丙事。")
    assert date_in_text(text)[0] == dt.date(2022, 9, 4)


def test_paragraph_opening_date_is_a_dateline():
    assert date_in_text("标题\n\n5月20日上午，全市2021年招商大会召开。")[0] == dt.date(2021, 5, 20)


def test_target_years_do_not_count():
    assert main_year("2020年增长较快，力争到2030年翻番，2025—2029年持续推进") == 2020


@pytest.mark.parametrize("text, year", [
    ("12月25日，东川电厂项目开工，计划2021年6月全面建成。", None),  # a plan is later than the report
    ("2020年东川电厂开工，预计2022年投产，力争2023年达产。", 2020),
    ("5月20日，全市2021年招商大会召开，确保2022年见效。", 2021),
])
def test_planned_years_do_not_count(text, year):
    assert main_year(text) == year


@pytest.mark.parametrize("text, values", [
    # no publication date: a day whose year the text leaves out takes the year of the part of a
    # year holding it that the sentence names
    ("2月18日，东川区举行2024年一季度重点项目开工活动。", ["2024-02-18", "2024"]),
    ("4月27日上午，东川区举行2023年第二季度重点项目开工仪式。", ["2023-04-27", "2023"]),
    ("8月3日，东川区召开2022年上半年经济形势分析会。", ["2022"]),  # August is not in the first half
    ("12月25日，东川电厂项目开工，计划2021年6月全面建成。", ["2021-06"]),
    ("4月27日，东川县2023年重大项目集中开工。", ["2023-04-27", "2023"]),  # the year the sentence states
    ("4月27日，东川县总结2019年以来的工作，预计2024年完工。", ["2024"]),  # a time since, a plan
    # a month after a month of a year told before is of that year, unless it is earlier
    ("2019年10月任东川市政府党组成员，11月任东川市副市长。", ["2019-10", "2019-11"]),
    ("2022年3月开工，5月8日竣工。", ["2022-03", "2022-05-08"]),
    ("自2023年8月开工以来进展顺利，预计5月中旬完成主体建设。", ["2023-08"]),
])
def test_a_day_without_its_year_in_a_stated_part_of_a_year(text, values):
    assert [d.value for d in stated_dates(text, None)] == values


def test_annual_review_is_reported_the_next_year():
    assert main_year("区审计局汇报2018年度预算执行情况") == 2019


def test_no_year_no_date():
    assert date_in_text("本报讯 7月16日，区里开会。") is None


def test_sidecar_date_wins_over_text():
    doc = _doc("本报讯（记者 王一）9月3日，2022年会议召开。")
    doc.date, doc.date_source = dt.date(2022, 9, 5), "meta"
    find_publication_date(doc)
    assert (doc.date, doc.date_source) == (dt.date(2022, 9, 5), "meta")


def test_cli_date_is_only_a_fallback():
    stated = _doc("本报讯（记者 王一）9月3日，2022年会议召开。", fallback_date=dt.date(2000, 1, 1))
    find_publication_date(stated)
    assert (stated.date, stated.date_source) == (dt.date(2022, 9, 3), "dateline")
    silent = _doc("区里开会。", fallback_date=dt.date(2000, 1, 1))
    find_publication_date(silent)
    assert (silent.date, silent.date_source) == (dt.date(2000, 1, 1), "cli")


def test_relative_days():
    anchor = dt.date(2024, 3, 1)
    assert resolve_relative("昨日", anchor) == (dt.date(2024, 2, 29),) * 2
    assert resolve_relative("前天", anchor) == (dt.date(2024, 2, 28),) * 2
    assert resolve_relative("今天", anchor) == (anchor, anchor)


def test_relative_weeks_months_years():
    anchor = dt.date(2024, 1, 10)  # a Wednesday
    assert resolve_relative("上周", anchor) == (dt.date(2024, 1, 1), dt.date(2024, 1, 7))
    assert resolve_relative("上周三", anchor) == (dt.date(2024, 1, 3),) * 2
    assert resolve_relative("上月", anchor) == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    assert resolve_relative("下月", anchor) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert resolve_relative("去年", anchor) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert resolve_relative("某天", anchor) is None


def test_month_day_without_year():
    assert resolve_month_day(7, 16, dt.date(2024, 7, 20)) == dt.date(2024, 7, 16)
    assert resolve_month_day(12, 28, dt.date(2024, 1, 3)) == dt.date(2023, 12, 28)
    assert resolve_month_day(2, 30, dt.date(2024, 3, 1)) is None


@pytest.mark.parametrize("text, values", [
    # 同年, 次年 and 翌年 are of the year told before them; with none told, no date
    ("2012年8月，某甲任某职；同年9月当选某职。", ["2012-08", "2012-09"]),
    ("2012年8月开工，同年底建成，次年5月8日投产，翌年通车。", ["2012-08", "2012-12", "2013-05-08", "2014"]),
    ("同年9月当选某职。", []),
])
def test_the_same_and_the_next_year_are_of_the_year_told_before(text, values):
    assert [d.value for d in stated_dates(text, dt.date(2024, 5, 10))] == values


@pytest.mark.parametrize("text, values", [
    # the end of a range of days or months told with its start is no date of its own: the start dates it
    ("某某项目将于2024年4月8日至10日开工。", ["2024-04-08"]),
    ("某某项目于2024年3月28日—4月2日试运行。", ["2024-03-28"]),
    ("2019年10月至2021年5月，某甲任某职。", ["2019-10"]),
    # a day told after a day of a month is of that month, when not earlier
    ("2024年4月8日开工，10日通车。", ["2024-04-08", "2024-04-10"]),
    ("2024年4月28日开工，3日通车。", ["2024-04-28", "2024-05-03"]),
])
def test_the_end_of_a_range_is_no_date_of_its_own(text, values):
    assert [d.value for d in stated_dates(text, dt.date(2024, 5, 10))] == values


@pytest.mark.parametrize("text, word, value", [
    # a date of an event a time since which the clause tells dates no clause after it
    ("这个项目自2023年8月开工以来进展良好，6月正式投入运营。", "投入运营", None),
    ("这个项目自2023年8月开工以来进展良好，6月正式投入运营。", "开工", "2023-08"),
])
def test_a_time_since_an_event_dates_no_clause_after_it(text, word, value):
    stated = statement_date(text, stated_dates(text, None), text.index(word), precision=4)
    assert (stated.value if stated else None) == value


@pytest.mark.parametrize("text, anchor, value", [
    # a time since is a period's start: only one of the publication year dates what follows, as that year
    ("今年以来，东川区共有5个项目建成投产。", dt.date(2024, 5, 10), "2024"),
    ("年初以来，东川区共有5个项目建成投产。", dt.date(2024, 5, 10), "2024"),
    ("今年3月以来，东川区共有5个项目建成投产。", dt.date(2024, 5, 10), "2024"),
    ("今年来，东川区共有5个项目建成投产。", dt.date(2024, 5, 10), "2024"),
    ("去年以来，东川区共有5个项目建成投产。", dt.date(2024, 5, 10), None),
    ("自去年10月以来，东川区共有5个项目建成投产。", dt.date(2024, 5, 10), None),
    ("2023年以来，东川区共有5个项目建成投产。", dt.date(2024, 5, 10), None),
    ("2023年以来，东川区共有5个项目建成投产。", dt.date(2023, 5, 10), "2023"),
    ("2023年以来，东川区共有5个项目建成投产。", None, None),  # the year it is written in is unknown
    ("2023年以来，东川区5个项目于今年3月建成投产。", dt.date(2024, 5, 10), "2024-03"),
])
def test_a_time_since_is_no_date_of_what_it_tells(text, anchor, value):
    stated = statement_date(text, stated_dates(text, anchor), text.index("建成投产"), precision=4)
    assert (stated.value if stated else None) == value


@pytest.mark.parametrize("text, year_told, values", [
    # 当年 is the year the text is talking about: the one told before it, not the publication year
    ("2023年5月，东川大桥开工，当年8月合龙。", None, ["2023-05", "2023-08"]),
    ("2023年5月开工，当年建成。", None, ["2023-05", "2023"]),
    ("当年8月，东川大桥合龙。", 2021, ["2021-08"]),  # told by a sentence before
    ("同年9月当选某职。", 2012, ["2012-09"]),
    ("次年底建成。", 2012, ["2013-12"]),
    ("当年8月，东川大桥合龙。", None, ["2024-08"]),  # nothing told before: the publication year's
    ("同年9月当选某职。", None, []),
])
def test_that_year_is_the_year_told_before(text, year_told, values):
    assert [d.value for d in stated_dates(text, dt.date(2024, 5, 10), year_told=year_told)] == values


@pytest.mark.parametrize("text, values", [
    # parts of a year: of the year told with them or before, else of the publication date's
    ("上半年，东川大桥建成通车。", ["2024"]),
    ("一季度东川大桥开工，下半年投产。", ["2024", "2024"]),
    ("2023年第一季度东川大桥开工。", ["2023"]),
    ("2022年3月签约，下半年开工。", ["2022-03", "2022"]),
    # 年底, 年内: of the year told before them, else of the publication date's
    ("2022年3月开工，年底建成。", ["2022-03", "2022-12"]),
    ("2022年3月开工，年内建成。", ["2022-03", "2022"]),
    ("年底建成。", ["2024-12"]),
    # a day of last month or of this one
    ("上月18日东川大桥开工。", ["2024-06-18"]),
    ("本月20日东川大桥通车。", ["2024-07-20"]),
    ("上个月东川大桥开工。", ["2024-06"]),
    # 当月, 次月, 次日: the month or the day told before, or the one after it
    ("2023年5月开工，当月完成投资。", ["2023-05", "2023-05"]),
    ("2023年12月签约，次月18日开工。", ["2023-12", "2024-01-18"]),
    ("2023年12月31日签约，次日开工。", ["2023-12-31", "2024-01-01"]),
    ("当月开工。", ["2024-07"]),
    ("次日开工。", []),
    # a planned month or day told without its year is the next one, not one of the year before
    ("10月东川大桥开工。", ["2023-10"]),
    ("预计10月东川大桥建成。", ["2024-10"]),
    ("东川大桥计划12月28日通车。", ["2024-12-28"]),
    ("东川大桥将于3月通车。", ["2025-03"]),
])
def test_relative_dates_against_the_publication_date_and_the_dates_told(text, values):
    assert [d.value for d in stated_dates(text, dt.date(2024, 7, 25))] == values


def _sentence_dates(text: str, date: dt.date | None, source: str | None = "meta") -> list:
    doc = raw_doc(text, date=date)
    doc.date_source = source
    text_pipeline()(doc)
    return doc.sentence_dates


def test_years_told_carry_over_the_sentences_of_an_article_only():
    told = _sentence_dates("2021年5月，东川大桥开工。当年8月，东川大桥合龙。", dt.date(2024, 5, 10))
    assert [[d.value for d in s.stated] for s in told] == [["2021-05"], ["2021-08"]]


@pytest.mark.parametrize("text, date, source, lead_days, stated", [
    # the lead's first day is the day of every sentence's 当天 in its article
    ("4月18日，东川大桥开工。当天，西川大桥合龙。", dt.date(2024, 5, 10), "meta", ["2024-04-18"] * 2,
     [["2024-04-18"], ["2024-04-18"]]),
    # a dateline's date is no anchor: the day told without its year has none
    ("4月18日，东川大桥开工。2023年西川大桥合龙。", dt.date(2024, 5, 10), "dateline", [None] * 2, [[], ["2023"]]),
])
def test_sentence_dates(text, date, source, lead_days, stated):
    told = _sentence_dates(text, date, source)
    assert [s.lead_day for s in told] == lead_days
    assert [[d.value for d in s.stated] for s in told] == stated


@pytest.mark.parametrize("text, unread, unknown_day", [
    # with no publication date, the dates that need one
    ("1月6日，东川大桥开工。", [["1月6日"]], [True]),
    ("2021年5月，东川大桥开工。今年3月，西川大桥开工。", [[], ["今年3月"]], [False, False]),
    # 当年 after a year told is of that year; read without the year told (the events' reading), its day needs one
    ("2021年5月，东川大桥开工。当年8月9日，西川大桥合龙。", [[], []], [False, True]),
])
def test_dates_unread_without_a_publication_date(text, unread, unknown_day):
    told = _sentence_dates(text, None, None)
    sentences = text.replace("。", "。\n").split()
    assert [[s[d.start:d.end] for d in t.unread] for s, t in zip(sentences, told)] == unread
    assert [t.unknown_day for t in told] == unknown_day


@pytest.mark.parametrize("text", [
    # one phrase per alternative of the stated dates, each after other characters
    "某某2024年1至6月，某某2024年7月16日，某某2023年10月下旬，某某2022年底，某某2021年。",
    "某某同年9月，某某次年底，某某翌年，某某去年3月5日，某某今年底，某某前年。",
    "某某7月16日，某某8月中，某某今（19）日，某某(20)日，某某年内，某某同日，某某同一天。",
    "某某上周三，某某本星期五，某某下个月，某某大前天，某某昨，某某当月，某某明日，某某后天。",
    "某某上半年，某某2023年第一季度，某某三季度，某某上月18日，某某次月，某某翌日，某某次日。",
])
def test_stated_dates_are_looked_for_only_where_one_can_begin(text):
    from kg.dates import _STATED, STATED_ALTERNATIVES

    every_position = re.compile(STATED_ALTERNATIVES)
    assert [m.group() for m in _STATED.finditer(text)] == [m.group() for m in every_position.finditer(text)]
    assert len(list(_STATED.finditer(text))) >= 5
