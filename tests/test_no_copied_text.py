"""No third-party news text in the repository: the shared texts (../shared/corpus) are copyrighted and
stay outside it, so tests, data-file headers, comments and docs write invented examples.

The test slides over the runs of Chinese characters of every tracked text file and fails on any
stretch of ``COPIED`` or more characters that one shared text also writes.  Not counted:

- the gold files (tests/gold/): holding the annotated strings of the texts is what they are for;
- the seed texts (seeds/) and what they share with the shared texts: they ship with the repository;
- model files (kg/models/, but their model cards): learned weights, not prose;
- a stretch two or more shared texts write: independent articles share only stock phrases of the
  genre (重大项目集中开工仪式, 人民代表大会常务委员会), no one article's text;
- the public names of ``PUBLIC_NAMES``.

Linear in the texts: the windows of the shared texts go into one dict, each file is read once.
``python -m tests.test_no_copied_text`` also lists the shorter copied stretches (``SHORT`` to
``COPIED`` - 1 characters) in kg/data headers and tests, to look at by hand: many are common words.
"""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from functools import lru_cache

import pytest

from kg.normalize import CJK, normalize_text
from tests.conftest import ROOT, SEEDS, SHARED

#: The length of a copied stretch that fails the test, in Chinese characters.
COPIED = 10
#: The shortest stretch the hand check lists.
SHORT = 6
#: The third-party texts kept beside the repository.
SHARED_TEXTS = (SHARED / "corpus" / "docs", SHARED / "corpus" / "time" / "docs")
#: Official names of bodies, posts and state-approved zones, as the laws and directories that set them
#: up write them: general knowledge, not an article's text.
PUBLIC_NAMES = ("中华人民共和国工业和信息化部", "国家发展和改革委员会", "国家市场监督管理总局", "全国人大常委会委员长",
                "人民代表大会常务委员会代表资格审查委员会", "人大常委会代表资格审查委员会", "新疆维吾尔自治区党委",
                "大兴国际机场临空经济区", "国家级科技企业孵化器", "经济开发区管理委员会")
#: Tracked files that are not checked: the gold, the seed texts, model files.
_SKIPPED = re.compile(r"^(tests/gold/|seeds/|kg/models/.*(?<!\.md)$)")
_HAN_RUN = re.compile(f"{CJK}+")


def _windows(text: str, n: int) -> set[str]:
    """Every stretch of ``n`` Chinese characters of ``text``."""
    return {run[i:i + n] for run in _HAN_RUN.findall(text) for i in range(len(run) - n + 1)}


@lru_cache(maxsize=2)
def third_party_windows(n: int) -> frozenset[str]:
    """The ``n``-character windows exactly one shared text writes, less those of the seed texts and of
    the public names."""
    missing = [str(d) for d in SHARED_TEXTS if not d.is_dir()]
    if missing:  # a failure, not a skip: the check must run wherever the tests do
        raise FileNotFoundError(f"the shared texts are expected beside the repository, in {', '.join(missing)}")
    counts: Counter[str] = Counter()
    for folder in SHARED_TEXTS:
        for path in sorted(folder.glob("*.txt")):
            counts.update(_windows(normalize_text(path.read_text(encoding="utf-8")), n))
    allowed = set().union(*(_windows(normalize_text(p.read_text(encoding="utf-8")), n) for p in SEEDS.glob("*.txt")),
                          *(_windows(name, n) for name in PUBLIC_NAMES))
    return frozenset(w for w, c in counts.items() if c == 1 and w not in allowed)


def copied_stretches(text: str, windows: frozenset[str], n: int) -> list[tuple[int, str]]:
    """(line number, stretch) of each longest run of overlapping ``n``-character windows of
    ``text`` that are in ``windows``."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for run in _HAN_RUN.findall(line):
            start = end = -1  # the stretch being grown
            for i in range(len(run) - n + 1):
                if run[i:i + n] in windows:
                    if i > end:  # apart from the stretch being grown: a new one
                        if end > 0:
                            found.append((number, run[start:end]))
                        start = i
                    end = i + n
            if end > 0:
                found.append((number, run[start:end]))
    return found


def repository_texts() -> list[tuple[str, str]]:
    """(path, text) of every tracked UTF-8 text file that is checked."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:
        raise RuntimeError(f"git ls-files failed in {ROOT}: {listed.stderr.strip()}")
    out = []
    for path in sorted(listed.stdout.split("\0")):
        if not path or _SKIPPED.match(path) or not (ROOT / path).is_file():
            continue
        data = (ROOT / path).read_bytes()
        if b"\0" in data:
            continue  # binary
        try:
            out.append((path, data.decode("utf-8")))
        except UnicodeDecodeError:
            continue  # binary
    return out


@pytest.mark.parametrize("text, expected", [
    ("某某甲乙丙丁戊己庚辛壬癸子丑寅卯某某", [(1, "甲乙丙丁戊己庚辛壬癸子丑寅卯")]),  # overlapping windows: one stretch
    ("甲乙丙丁戊己庚辛壬癸，子丑寅卯", [(1, "甲乙丙丁戊己庚辛壬癸")]),  # a mark ends a run
    ("乙丙丁戊己庚辛壬癸", []),  # a character short
    ("x\n甲乙丙丁戊己庚辛壬癸某丙丁戊己庚辛壬癸子丑", [(2, "甲乙丙丁戊己庚辛壬癸"), (2, "丙丁戊己庚辛壬癸子丑")]),
])
def test_copied_stretches_are_the_longest_runs_of_known_windows(text, expected):
    windows = frozenset(_windows("甲乙丙丁戊己庚辛壬癸子丑寅卯", COPIED))
    assert copied_stretches(text, windows, COPIED) == expected


def test_no_tracked_file_copies_a_shared_text():
    windows = third_party_windows(COPIED)
    copied = []
    for path, text in repository_texts():
        copied += [f"{path}:{number}: {stretch}" for number, stretch in copied_stretches(text, windows, COPIED)]
    assert not copied, ("text of the third-party shared texts in the repository; write invented examples "
                        "(某某, 张三, invented companies) instead:\n" + "\n".join(copied))


def main() -> int:
    """Print the shorter stretches kg/data headers and tests share with one shared text."""
    try:
        windows, texts = third_party_windows(SHORT), repository_texts()
    except (FileNotFoundError, RuntimeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for path, text in texts:
        if path.startswith(("kg/data/", "tests/")):
            header = "\n".join(line if line.startswith("#") else "" for line in text.splitlines())
            for number, stretch in copied_stretches(header if path.startswith("kg/data/") else text, windows, SHORT):
                if len(stretch) < COPIED:
                    print(f"{path}:{number}\t{stretch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
