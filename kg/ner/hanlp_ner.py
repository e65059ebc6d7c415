"""Recognizer component backed by a HanLP NER model (``--ner hanlp`` and ``--ner ensemble``).

Any HanLP NER model loads through ``hanlp.load``: a pretrained identifier such as
``MSRA_NER_ELECTRA_SMALL_ZH`` (HanLP downloads it on first use, so that needs internet)
or a local model directory, by default kg's own model in kg/models/ner (trained by
``kg train-ner``, see its MODEL_CARD.md).  The model tags character chunks of each
sentence; its labels become schema types through kg/ner/labels.py, and its candidates
go through the same merge policy as the rule components'.
"""
from __future__ import annotations

import contextlib
import io
import re
from functools import lru_cache
from pathlib import Path

import torch
from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer
from hanlp.utils.span_util import bio_tags_to_spans

from kg.errors import KgError
from kg.model import Document, Mention
from kg.ner.labels import schema_type

#: kg's own model, shipped in the package.
SHIPPED_MODEL = Path(__file__).resolve().parent.parent / "models" / "ner"
#: Longest chunk of characters given to the model; longer sentences are cut at commas.
MAX_CHUNK = 200
#: Confidence of a model mention, for the merge policy: below a grammar match (1.0).
CONFIDENCE = 0.6

_PERSON = re.compile(r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,6}·[\u3400-\u9fff]{1,8}")
_INSIDE_PUNCT = re.compile(r"[。，,；;：:！!？?、\n“”\"《》]")
_EDGE_FUNCTION_CHAR = "的和与及在是对为将等了"
_BRACKETS = (("（", "）"), ("(", ")"))
_CUT_AFTER = re.compile(r"[，,；;：:、]")
_HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


class BiLSTMCRFRecognizer(RNNNamedEntityRecognizer):
    """HanLP's BiLSTM-CRF recognizer with a CRF that reads (batch, sequence) tensors.

    HanLP 2.1.5's RNNTaggingModel builds ``CRF(n_out, crf_constraints)``, which passes
    None as the CRF's ``batch_first``: the CRF then takes the batch axis for time, learns
    transitions across sentences and decodes garbage paths.  ``build_model`` runs both
    when training and when ``hanlp.load`` rebuilds a saved model, so fixing it here
    covers both.
    """

    def build_model(self, **kwargs) -> torch.nn.Module:
        model = super().build_model(**kwargs)
        if model.crf is not None:
            model.crf.batch_first = True
        return model

    def decode_output(self, logits, mask, batch, model=None):
        if self.model.training:
            return None  # HanLP Viterbi-decodes every training batch just to log a running F1: skip it
        return super().decode_output(logits, mask, batch, model)

    def update_metrics(self, metric, logits, y, mask, batch, prediction) -> None:
        if prediction is not None:  # HanLP's own version decodes the batch a second time
            ids = prediction.tolist() if isinstance(prediction, torch.Tensor) else prediction
            metric(self._id_to_tags(ids), batch["tag"])

    def predict_data(self, data: list[list[str]], batch_size: int, **kwargs) -> list[list[tuple]]:
        """(text, label, begin, end) of each sequence's entities.

        HanLP's IOBES reader raises on the ill-formed sequences an unconstrained CRF
        sometimes decodes (I- without B-); reading them as BIO keeps their spans.
        """
        tag_lists = super(RNNNamedEntityRecognizer, self).predict_data(data, batch_size)
        outputs = []
        for tokens, tags in zip(data, tag_lists):
            bio = [("B" + t[1:] if t[0] == "S" else "I" + t[1:] if t[0] == "E" else t) for t in tags]
            spans = sorted(bio_tags_to_spans(bio), key=lambda span: span[1])
            outputs.append([("".join(tokens[b:e + 1]), label, b, e + 1) for label, (b, e) in spans])
        return outputs


def text_chunks(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``doc.text`` the model tags: sentences, cut at commas when long."""
    chunks = []
    for sentence in doc.sentences:
        start, end = sentence.start, sentence.end
        while end - start > MAX_CHUNK:
            window = doc.text[start:start + MAX_CHUNK]
            cuts = [m.end() for m in _CUT_AFTER.finditer(window)]
            cut = start + (cuts[-1] if cuts and cuts[-1] > MAX_CHUNK // 4 else MAX_CHUNK)
            chunks.append((start, cut))
            start = cut
        chunks.append((start, end))
    return [(s, e) for s, e in chunks if _HAS_WORD.search(doc.text[s:e])]


def plausible(m: Mention) -> bool:
    """False for mentions that are clearly wrong whatever the name: used on the model's output
    and on the rule labels it is trained on."""
    text = m.text
    if len(text) < 2 or len(text) > 40 or text.strip() != text or _INSIDE_PUNCT.search(text):
        return False
    if text[0] in _EDGE_FUNCTION_CHAR or text[-1] in _EDGE_FUNCTION_CHAR:
        return False
    if any(text.count(a) != text.count(b) for a, b in _BRACKETS):
        return False
    if m.type == "Person" and not _PERSON.fullmatch(text):
        return False
    return True


@lru_cache(maxsize=4)
def load_model(identifier: str):
    """A HanLP component from a pretrained identifier, a URL or a local directory."""
    import hanlp

    remote = identifier in hanlp.pretrained.ALL or identifier.startswith(("http://", "https://"))
    if not remote and not Path(identifier).is_dir():
        raise KgError(f"HanLP model {identifier!r} is neither a model directory nor a pretrained identifier "
                      "such as MSRA_NER_ELECTRA_SMALL_ZH")
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return hanlp.load(identifier, devices=-1, verbose=False)  # HanLP prints download notes
    except Exception as e:  # HanLP raises anything from ConnectionError to KeyError here
        if not remote or not isinstance(e, OSError):  # OSError: the download, not the model, failed
            reason = " ".join(str(e).split("\n")[0].split())[:160] or type(e).__name__
            raise KgError(f"cannot load the HanLP model {identifier}: {reason}") from None
        raise KgError(
            f"cannot download HanLP model {identifier!r} ({type(e).__name__}): pretrained models are "
            "downloaded on first use, which needs internet; load it once where there is a connection "
            f"(python -c \"import hanlp; hanlp.load('{identifier}')\" fills ~/.hanlp), pass a local "
            "model directory with --hanlp-model, or use --ner rules") from None


def hanlp_component(identifier: str | None = None):
    """The component ``recognize_hanlp(doc) -> list[Mention]`` for a HanLP NER model (default: kg's own)."""
    model = load_model(str(identifier or SHIPPED_MODEL))
    # One torch thread: kg runs one extraction process per core, and two threads fighting
    # over busy cores made the small BiLSTM twenty times slower here.
    torch.set_num_threads(1)

    def recognize_hanlp(doc: Document) -> list[Mention]:
        chunks = text_chunks(doc)
        if not chunks:
            return []
        predictions = model([list(doc.text[s:e]) for s, e in chunks])
        mentions = []
        for (chunk_start, _), entities in zip(chunks, predictions):
            if not isinstance(entities, list):
                raise KgError(f"HanLP model {identifier} is not a named entity recognizer")
            for _text, label, begin, end in entities:
                start, stop = chunk_start + begin, chunk_start + end
                name = doc.text[start:stop]
                kg_type = schema_type(label, name)
                if kg_type is None:
                    continue
                mention = Mention(start, stop, name, kg_type, source="hanlp", confidence=CONFIDENCE)
                if plausible(mention):
                    mentions.append(mention)
        return mentions

    return recognize_hanlp
