"""Property tests: normalization and the whole pipeline never crash on arbitrary text,
and every offset they produce points at its text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.normalize import normalize_text
from kg.pipeline import default_pipeline
from tests.conftest import raw_doc

# Text shaped like OCR news: CJK (with title and suffix characters), digits,
# full-width forms, Chinese and ASCII punctuation, spaces and line breaks.
PIECES = st.sampled_from([
    "区委书记", "副区长", "重庆市", "江津区", "有限公司", "产业园", "高新区", "项目", "记者", "通讯员",
    "本报讯", "（", "）", "“", "”", "《", "》", "。", "，", "、", "：", "；", "！", "？", "……",
    " ", "　", "\n", "\n\n", "\r\n", "2024", "年", "7月16日", "昨日", "１２", "ＡＢ", "www.a.cn",
    "110", "(", ")", '"', "-", "·", "张", "王小明", "卢", "潼南", "\t", "🙂", "\u200b",
])
TEXT = st.one_of(
    st.lists(PIECES, max_size=60).map("".join),
    st.text(max_size=200),
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalization_never_crashes_and_is_idempotent_on_breaks(text):
    out = normalize_text(text)
    assert isinstance(out, str)
    assert normalize_text(out) == out


_NLP = None


def _nlp():
    global _NLP
    if _NLP is None:
        _NLP = default_pipeline()
    return _NLP


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_pipeline_never_crashes_and_offsets_point_at_their_text(text):
    doc = _nlp()(raw_doc(text))
    t = doc.text
    assert t == normalize_text(text)
    for m in doc.mentions:
        assert t[m.start:m.end] == m.text
    for s in doc.sentences:
        assert t[s.start:s.end] == s.text
        assert 0 <= s.article < len(doc.articles)
    for a in doc.articles:
        assert 0 <= a.start <= a.body_start <= a.end <= len(t)
        for span in [a.headline, a.section] + [e.name for e in a.byline]:
            if span is not None:
                assert t[span.start:span.end] == span.text
    for span in doc.captions + doc.furniture + doc.repeats:
        assert t[span.start:span.end] == span.text
    for r in doc.relations:
        assert t[r.head.start:r.head.end] == r.head.text
        assert t[r.tail.start:r.tail.end] == r.tail.text
        assert t[r.evidence.start:r.evidence.end] == r.evidence.text
