"""Resolution through the real CLI: kg score --resolution, kg build --overrides (with a store
and an incremental add) and kg explain. Texts are invented for these tests."""
from __future__ import annotations

import csv
import json

import pytest
from tests.conftest import kg


# -- kg score --resolution ---------------------------------------------------

GOLD = {
    "clusters": [
        {"part": "tune", "members": [["a.txt", "四川", "Place"], ["b.txt", "四川省", "Place"]]},
        {"part": "tune", "members": [["a.txt", "省委", "GovOrg"]]},
        {"part": "heldout", "members": [["b.txt", "省委", "GovOrg"]]},
    ],
    "must_not_link": [{"part": "heldout", "a": ["a.txt", "省委", "GovOrg"], "b": ["b.txt", "省委", "GovOrg"],
                       "why": "two provinces"}],
}
HEADER = ["id", "iri", "type", "label", "aliases", "mentions", "documents"]
PLACE_WHOLE = [["place/1", "", "Place", "四川省", "四川", "2", "a.txt|b.txt"]]
PLACE_SPLIT = [["place/1", "", "Place", "四川", "", "1", "a.txt"], ["place/2", "", "Place", "四川省", "", "1", "b.txt"]]
BODIES_APART = [["govorg/1", "", "GovOrg", "四川省委", "省委", "1", "a.txt"],
                ["govorg/2", "", "GovOrg", "山东省委", "省委", "1", "b.txt"]]
BODIES_MERGED = [["govorg/1", "", "GovOrg", "省委", "", "2", "a.txt|b.txt"]]

# rows -> the "all" line's figures, worked out by hand: found, missing, B3-P, B3-R, pair-P, pair-R,
# linked-R, whole, must-not-link
CASES = {
    "perfect": (PLACE_WHOLE + BODIES_APART, ["4", "0", "1.000", "1.000", "1.000", "1.000", "1.000", "1/1", "0/1"]),
    # 四川 and 四川省 apart: each of the two place mentions has recall 1/2
    "split": (PLACE_SPLIT + BODIES_APART, ["4", "0", "1.000", "0.750", "1.000", "0.000", "0.500", "0/1", "0/1"]),
    # the two 省委 as one: each has precision 1/2, and the must-not-link pair is merged
    "merged": (PLACE_WHOLE + BODIES_MERGED, ["4", "0", "0.750", "1.000", "0.500", "1.000", "1.000", "1/1", "1/1"]),
    # an entity no row carries is counted apart, not scored
    "missing": (PLACE_WHOLE + BODIES_APART[:1], ["3", "1", "1.000", "1.000", "1.000", "1.000", "1.000", "1/1", "0/0"]),
}


def _write(tmp_path, rows):
    (tmp_path / "gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    with open(tmp_path / "entities.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])


@pytest.mark.parametrize("case", sorted(CASES))
def test_score_resolution_figures(tmp_path, case):
    rows, expected = CASES[case]
    _write(tmp_path, rows)
    result = kg("score", "--resolution", "gold.json", "entities.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("all "))
    fields = line.split()
    assert fields[1:10] == expected, line
    assert {ln.split()[0] for ln in result.stdout.splitlines()[1:]} == {"all", "tune", "heldout"}


def test_score_resolution_errors_list_what_went_wrong(tmp_path):
    _write(tmp_path, PLACE_SPLIT + BODIES_MERGED)
    out = kg("score", "--resolution", "gold.json", "entities.csv", "--errors", cwd=tmp_path).stdout
    assert "clusters split (1):" in out and "must-not-link pairs merged (1):" in out and "two provinces" in out


@pytest.mark.parametrize("args, files, code, word", [
    (["--resolution", "gold.json", "entities.csv"], {"gold.json": "{not json"}, 1, "not a resolution gold"),
    (["--resolution", "gold.json", "entities.csv"], {"gold.json": json.dumps(GOLD), "entities.csv": "a,b\n1,2\n"},
     1, "not an entities.csv"),
    (["--resolution", "gold.json", "missing.csv"], {"gold.json": json.dumps(GOLD)}, 1, "cannot read"),
    (["gold_dir", "--resolution", "gold.json", "entities.csv"], {}, 2, "instead of GOLD_DIR"),
])
def test_score_resolution_bad_input_is_one_line(tmp_path, args, files, code, word):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = kg("score", *args, cwd=tmp_path)
    assert result.returncode == code
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert word in result.stderr


# -- kg build --overrides, a store, an incremental add, kg explain -----------

DOCS = {
    "a.txt": "江津区召开全区经济工作大会。江津区各镇街负责同志参加。会议传达学习市委全会精神。\n",
    "b.txt": "会议传达学习市委全会精神，部署下一步工作。\n",
    "c.txt": "四川省召开会议。达州市参加会议。\n",
}


def _bodies(out):
    with open(out / "entities.csv", encoding="utf-8-sig") as f:
        return {r["label"]: set(r["documents"].split("|")) for r in csv.DictReader(f) if r["type"] == "GovOrg"}


def test_overrides_apply_survive_an_incremental_add_and_explain_shows_them(tmp_path):
    for name, text in DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "ov.json").write_text(json.dumps({"same": [[["a.txt", "市委"], ["b.txt", "市委"]]]}), encoding="utf-8")
    first = kg("build", "a.txt", "b.txt", "--store", "st", "--out", "out", "-q", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    # without the override: the unplaced 市委 of b.txt keeps a label of its own, saying where it was seen
    assert _bodies(tmp_path / "out") == {"重庆市委": {"a.txt"}, "市委（b.txt）": {"b.txt"}}
    # a.txt is stored already: nothing is extracted, but the new overrides re-resolve the store
    corrected = kg("build", "a.txt", "--store", "st", "--out", "out", "-q", "--overrides", "ov.json", cwd=tmp_path)
    assert corrected.returncode == 0 and "1 overrides" in corrected.stdout, corrected.stderr
    assert _bodies(tmp_path / "out") == {"重庆市委": {"a.txt", "b.txt"}}
    added = kg("build", "c.txt", "--store", "st", "--out", "out", "-q", cwd=tmp_path)  # no --overrides: kept
    assert added.returncode == 0, added.stderr
    assert _bodies(tmp_path / "out") == {"重庆市委": {"a.txt", "b.txt"}}
    assert "kg:correction" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    explained = kg("explain", "市委", "--store", "st", cwd=tmp_path)
    assert explained.returncode == 0, explained.stderr
    out = explained.stdout
    assert out.startswith("重庆市委 (GovOrg")
    assert "a.txt" in out and "b.txt" in out and "会议传达学习市委全会精神" in out
    assert "bare body 市委 read as 重庆市's" in out
    assert "override same: (a.txt, 市委) = (b.txt, 市委)" in out
    place = kg("explain", "四川省", "--graph", "out/graph.ttl", cwd=tmp_path).stdout
    assert "identifier: 510000" in place


@pytest.mark.parametrize("overrides, word", [
    ('{"same": [[["a.txt", "市委"], ["z.txt", "市委"]]]}', "z.txt has no mention 市委"),
    ("[1, 2]", "expected an object"),
])
def test_bad_overrides_leave_the_output_as_it_was(tmp_path, overrides, word):
    for name, text in DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert kg("build", "a.txt", "b.txt", "--out", "out", "-q", cwd=tmp_path).returncode == 0
    before = (tmp_path / "out" / "entities.csv").read_bytes()
    (tmp_path / "ov.json").write_text(overrides, encoding="utf-8")
    result = kg("build", "a.txt", "b.txt", "--out", "out", "-q", "--overrides", "ov.json", cwd=tmp_path)
    assert result.returncode == 1 and word in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "out" / "entities.csv").read_bytes() == before


def test_explain_an_unknown_name_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(DOCS["a.txt"], encoding="utf-8")
    assert kg("build", "a.txt", "--out", "out", "-q", cwd=tmp_path).returncode == 0
    result = kg("explain", "不存在的名字", "--graph", "out/graph.ttl", cwd=tmp_path)
    assert result.returncode == 1 and "no entity is named 不存在的名字" in result.stderr
