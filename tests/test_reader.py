"""Reading documents: encodings, HTML and Markdown, sidecar metadata, directories."""
import datetime as dt
import hashlib
import json

import pytest

from kg.errors import KgError
from kg.reader import find_documents, load_document

TEXT = "本报讯 区经济信息委召开会议，部署园区建设。\n\n会议要求加快项目落地。"


@pytest.mark.parametrize("encoding, data, recorded", [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    ("gbk", TEXT.encode("gbk"), "gb18030"),
    ("gb18030 beyond gbk", (TEXT + "𠮷€").encode("gb18030"), "gb18030"),
    ("utf-16 with BOM", TEXT.encode("utf-16"), "utf-16"),
    ("utf-16-le without BOM", TEXT.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be without BOM", TEXT.encode("utf-16-be"), "utf-16-be"),
    # 一 (U+4E00) and 开 (U+5F00) have a NUL low byte: more NULs on the other parity of offsets
    ("utf-16-le, few ASCII", (TEXT + "一开一开一开").encode("utf-16-le"), "utf-16-le"),
])
def test_encodings_are_detected(tmp_path, encoding, data, recorded):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.raw_text.startswith("本报讯 区经济信息委") and "\ufeff" not in doc.raw_text
    assert doc.encoding == recorded


def test_sha256_is_of_the_raw_bytes(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(TEXT.encode("gbk"))
    assert load_document(path).sha256 == hashlib.sha256(TEXT.encode("gbk")).hexdigest()


def test_html_text_with_paragraphs_and_no_scripts(tmp_path):
    html = """<html><head><title>园区快讯</title><style>p {color: red}</style>
    <script>var x = "不要我";</script></head><body>
    <h1>园区建设提速</h1><div><p>区经济信息委
    召开会议。</p><p>会议要求<b>加快</b>项目落地。<br>第二行</p></div>
    <!-- 注释不要 --><ul><li>一项</li><li>二项</li></ul></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    text = load_document(path).raw_text
    assert "不要我" not in text and "color" not in text and "注释不要" not in text
    paragraphs = text.split("\n\n")
    assert paragraphs[:3] == ["园区快讯", "园区建设提速", "区经济信息委召开会议。"]
    assert "会议要求加快项目落地。\n第二行" in paragraphs
    assert paragraphs[-2:] == ["一项", "二项"]


def test_html_source_line_breaks_are_layout(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<p>GDP\n  增长 5%，\n   江北区\n   加快建设。</p>", encoding="utf-8")
    assert load_document(path).raw_text == "GDP 增长 5%，江北区加快建设。"


def test_gbk_html(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes('<meta charset="gbk"><p>江北区召开会议。</p>'.encode("gbk"))
    doc = load_document(path)
    assert doc.raw_text == "江北区召开会议。" and doc.encoding == "gb18030"


def test_markdown_markup_is_removed(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# 园区建设\n\n**区经济信息委**召开会议，见[通知](http://x.cn/a)。\n", encoding="utf-8")
    assert load_document(path).raw_text == "园区建设\n\n区经济信息委召开会议，见通知。\n"


def test_sidecar_metadata(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"date": "2023-05-06", "source": "某某日报"}), encoding="utf-8")
    doc = load_document(path, date=dt.date(2000, 1, 1))
    assert (doc.date, doc.date_source, doc.source) == (dt.date(2023, 5, 6), "meta", "某某日报")


def test_bad_sidecar_is_an_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"date": "6 May"}', encoding="utf-8")
    with pytest.raises(KgError, match="YYYY-MM-DD"):
        load_document(path)


def test_directories_are_searched_recursively_for_documents_only(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b.txt", "sub/a.md", "sub/c.html", "x.pdf", "a.meta.json", ".hidden/d.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_documents([str(tmp_path)])]
    assert found == ["b.txt", "sub/a.md", "sub/c.html"]


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    ("\u3000\u3000\n".encode("utf-8"), "empty"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
    (b"\x01\x02\x03\x04\x05\x06abc" * 30, "binary"),
    (bytes(range(256)) * 8, "binary"),  # NULs on one parity, but no UTF-16 text
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    (bytes(range(128, 256)) * 4, "cannot decode"),
    ("会议召开。".encode("utf-8") + b"\xff\xfe\xfd\xfc" + "结束".encode("utf-8"), "cannot decode"),
])
def test_bad_documents_raise_one_clear_error(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(KgError, match=message):
        load_document(path)


def test_missing_inputs(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        find_documents([str(tmp_path / "nope.txt")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(KgError, match="no documents"):
        find_documents([str(tmp_path / "empty")])
