"""Bad input through the real CLI: one line on stderr, a non-zero exit, no traceback,
and an existing output directory left exactly as it was."""
import os
import re
from pathlib import Path

import pytest
from tests.conftest import ROOT, kg

GOOD = "本报讯（记者 王一）5月6日，区经济信息委召开会议，部署园区建设。\n"


def assert_one_line_error(result, *words):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg extract: error:"), lines[0]
    for word in words:
        assert word in lines[0]


def _bad_inputs(tmp):
    (tmp / "emptydir").mkdir()
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 4)
    return {
        "missing path": (["nope/missing.txt"], "no such file"),
        "directory without documents": (["emptydir"], "no documents"),
        "empty file": (["empty.txt"], "empty"),
        "whitespace-only file": (["blank.txt"], "empty"),
        "binary file": (["binary.txt"], "binary"),
        "undecodable bytes": (["undecodable.txt"], "cannot decode"),
    }


@pytest.mark.parametrize("case", ["missing path", "directory without documents", "empty file",
                                  "whitespace-only file", "binary file", "undecodable bytes"])
def test_bad_input(tmp_path, case):
    inputs, word = _bad_inputs(tmp_path)[case]
    result = kg("extract", *inputs, "--json-dir", "out", cwd=tmp_path)
    assert_one_line_error(result, word)
    assert not (tmp_path / "out").exists()


def test_bad_date(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert_one_line_error(kg("extract", "a.txt", "--date", "16/7/2024", "--json-dir", "out", cwd=tmp_path),
                          "YYYY-MM-DD")


def test_output_is_a_file(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").write_text("precious", encoding="utf-8")
    assert_one_line_error(kg("extract", "a.txt", "--json-dir", "out", cwd=tmp_path), "not a directory")
    assert (tmp_path / "out").read_text(encoding="utf-8") == "precious"
    assert_one_line_error(kg("extract", "a.txt", "--json-dir", "out/json", cwd=tmp_path), "not a directory")


def _unwritable_dir(tmp_path):
    """A directory this process cannot create entries in (root ignores permission bits: use /proc)."""
    if os.geteuid() != 0:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        return ro
    return Path("/proc")


def test_output_in_an_unwritable_directory(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    ro = _unwritable_dir(tmp_path)
    result = kg("extract", "a.txt", "--json-dir", str(ro / "kg-out"), cwd=tmp_path)
    assert_one_line_error(result)
    assert not (ro / "kg-out").exists()


def test_failure_mid_run_leaves_old_output_intact(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(GOOD, encoding="utf-8")
    (docs / "b.txt").write_bytes(b"")  # read after a.txt has been written
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.json").write_text("{}", encoding="utf-8")
    assert_one_line_error(kg("extract", "docs", "--json-dir", "out", cwd=tmp_path), "b.txt")
    assert sorted(p.name for p in out.iterdir()) == ["old.json"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_extract_writes_one_json_per_seed_and_keeps_other_files(tmp_path):
    out = tmp_path / "json"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = kg("extract", str(ROOT / "seeds"), "--json-dir", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # quiet when not on a terminal
    assert re.fullmatch(rf"5 documents extracted \((\d+) mentions\) -> {re.escape(str(out))}/\n", result.stdout)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([p.stem + ".json" for p in (ROOT / "seeds").glob("*.txt")] + ["notes.txt"])
