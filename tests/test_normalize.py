"""Normalization (docs/schema.md rules 1-3) and the OCR marks that never move text."""
import importlib.util

import pytest

from kg.normalize import (
    find_captions,
    find_furniture,
    find_repeats,
    masked_text,
    normalize_document,
    normalize_text,
)
from tests.conftest import SEEDS, SHARED, raw_doc


def test_line_break_between_cjk_is_removed():
    assert normalize_text("南岸\n光电产业园") == "南岸光电产业园"
    assert normalize_text("南岸 \n  光电") == "南岸光电"


def test_line_break_between_digit_and_cjk_is_removed():
    assert normalize_text("2019\n年") == "2019年"
    assert normalize_text("第\n3批") == "第3批"


def test_blank_line_is_kept_as_paragraph_break():
    assert normalize_text("会议结束。\n\n次日") == "会议结束。\n\n次日"
    assert normalize_text("南岸\n\n光电") == "南岸\n\n光电"


def test_space_between_digit_and_cjk_is_removed():
    assert normalize_text("共 12 个项目") == "共12个项目"
    assert normalize_text("2019　年") == "2019年"


def test_space_between_two_cjk_is_kept():
    assert normalize_text("记者 王小明 通讯员 李大") == "记者 王小明 通讯员 李大"


def test_fullwidth_letters_and_digits_become_halfwidth():
    assert normalize_text("ＧＤＰ增长５．２％") == "GDP增长5．2％"
    assert normalize_text("ａｂｃ") == "abc"


def test_chinese_punctuation_is_kept():
    s = "他说，“好。”（附：名单；见下）、完"
    assert normalize_text(s) == s


def _reference():
    path = SHARED / "eval" / "normalize.py"
    if not path.is_file():
        pytest.skip("../shared/eval/normalize.py is not beside the repository")
    spec = importlib.util.spec_from_file_location("reference_normalize", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.normalize


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_normalization_is_identical_to_the_reference(seed):
    raw = seed.read_text(encoding="utf-8")
    assert normalize_text(raw) == _reference()(raw)


def test_there_are_five_seeds():
    assert len(list(SEEDS.glob("*.txt"))) == 5


def _doc(text):
    doc = raw_doc(text)
    normalize_document(doc)
    return doc


def test_phone_list_is_furniture_and_text_is_not_deleted():
    raw = "区里召开会议。\n\n便民热线 12345 报警 110 火警 119 急救 120 监督 63001234\n"
    doc = _doc(raw)
    furniture = doc.furniture
    assert [f.text for f in furniture] == ["便民热线12345报警110火警119急救120监督63001234"]
    assert doc.text == normalize_text(raw)


def test_url_inside_a_sentence_is_marked_alone():
    text = "详情见 www.example.gov.cn 网站。"
    spans = find_furniture(text)
    assert [s.text for s in spans] == ["www.example.gov.cn"]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_jump_line_is_furniture():
    text = "（下转第二版） 市场保持增长。"
    assert [s.text for s in find_furniture(text)] == ["（下转第二版）"]


def test_editor_credit_line_is_furniture():
    text = "正文结束。\n\n责编 王一鸣 校对 李小红\n\n下一篇"
    assert [s.text for s in find_furniture(text)] == ["责编 王一鸣 校对 李小红"]


def test_repeated_paragraph_and_sentence_are_marked_once_each():
    para = "园区新引进了一批新材料企业，产值大幅增长。"
    text = f"{para}\n\n另一段说明这个园区的情况。\n\n{para}\n\n总结。另一段说明这个园区的情况。"
    spans = find_repeats(text)
    assert [s.text for s in spans] == [para, "另一段说明这个园区的情况。"]
    assert spans[0].start == text.rindex(para)
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_short_sentences_are_not_repeats():
    assert find_repeats("会议指出。\n\n会议指出。") == []


def test_run_of_short_single_sentence_paragraphs_between_headlines_are_captions():
    text = "标题\n\n新厂房全景。\n\n工人在车间忙碌。\n\n园区夜景。\n\n下一个标题\n\n正文第一段，说明了很多事情。"
    captions = find_captions(text)
    assert [c.text for c in captions] == ["新厂房全景。", "工人在车间忙碌。", "园区夜景。"]


def test_short_paragraphs_among_body_paragraphs_are_not_captions():
    text = "正文第一段很长，说明了很多事情。\n\n副区长王一出席活动。\n\n区长李二讲话。\n\n正文第二段，还有内容。"
    assert find_captions(text) == []


def test_photo_credit_is_a_caption():
    assert [c.text for c in find_captions("正文。\n\n图片由区委宣传部提供")] == ["图片由区委宣传部提供"]


@pytest.mark.parametrize("line", ["图为新厂房全景 王一 摄", "资料图:园区夜景", "新厂房全景 摄影 李二", "（王一 摄）"])
def test_credited_photo_lines_are_captions(line):
    text = f"正文第一段，说明了很多事情。\n\n{line}\n\n正文第二段，还有内容。"
    assert [c.text for c in find_captions(text)] == [line]


def test_masked_text_blanks_ignored_spans_and_keeps_offsets():
    raw = "会议在区里召开，很成功。\n\n热线 12345 110 119 120 63001234\n\n会议在区里召开，很成功。"
    doc = _doc(raw)
    masked = masked_text(doc)
    assert len(masked) == len(doc.text)
    assert "63001234" not in masked and masked.count("会议在区里召开，很成功。") == 1
    assert masked.startswith("会议在区里召开，很成功。")


@pytest.mark.parametrize("full, half", [
    ("０１２３４５６７８９", "0123456789"),
    ("ＡＢＣＸＹＺａｂｃｘｙｚ", "ABCXYZabcxyz"),
    ("＠［｀｛／：", "＠［｀｛／："),  # full-width signs around the digits and letters stay
])
def test_only_fullwidth_digits_and_letters_become_halfwidth(full, half):
    assert normalize_text(full) == half
