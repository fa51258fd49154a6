"""Reading reports from disk: plain-text files and corpus folders (SPEC §1), with clear errors for bad input.

Each reader yields `Article`s, or `InputError`s for inputs it cannot read, so that one bad file never stops the
rest of a run: the caller reports the error, goes on, and exits 1 at the end (SPEC §4).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.model import Article

if TYPE_CHECKING:
    from sitrep.ingest.fields import ArticleFields

MAX_CHARS = 500_000  # a news report is rarely above 50,000 characters; past this it is not one report


@dataclass(slots=True)
class InputError(Exception):
    """An input that cannot be read as a report: where it is and what is wrong with it."""

    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


def short_id(key: str) -> str:
    """A stable id for a report that comes without one, from its URL or text: the same input, the same id."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def parse_date(value: object, where: str) -> date | None:
    """A publication date (YYYY-MM-DD, in a plausible range), or an InputError at `where`."""
    from sitrep.ingest.fields import published_date

    try:
        return published_date(value)
    except ValueError as e:
        raise InputError(where, str(e)) from None


def decode_text(data: bytes, where: str) -> tuple[str, str | None]:
    """The bytes of a report as text, and its language (see `check_text`); or a clear error: binary, not UTF-8,
    empty, too long, not English."""
    if b"\x00" in data[:8192]:
        raise InputError(where, "is a binary file, not text (sitrep reads UTF-8 plain text)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(where, f"is not valid UTF-8 (byte {e.start}): convert it to UTF-8 first") from None
    return text, check_text(text, where)


def check_text(text: str, where: str) -> str | None:
    """The language of a report's text ("en", or None when it cannot be told), or an InputError when it is empty,
    too long, or surely not English (`sitrep.ingest.language.detect`)."""
    from sitrep.ingest.language import detect

    if not text.strip():
        raise InputError(where, "is empty: there is no report text to read")
    if len(text) > MAX_CHARS:
        raise InputError(where, f"is {len(text):,} characters long, more than one report ({MAX_CHARS:,}): split it")
    found = detect(text)
    if found.foreign:
        raise InputError(where, f"does not look like English text: it reads as {found.label}; "
                                "sitrep reads English reports")
    return found.code if found.reliable and found.code == "en" else None  # kept, so English or unknown


def check_declared(language: str | None, where: str) -> str | None:
    """"en" when a report's metadata says it is English, None when it says nothing; one that says it is in
    another language is believed, and refused."""
    from sitrep.ingest.language import declared_english

    if language and not declared_english(language):
        raise InputError(where, f"is in language {language!r}: sitrep reads English reports")
    return "en" if language else None


def read_text_file(path: Path, published: date | None = None) -> Article:
    """One plain-text report; its id is the file name without extension."""
    where = str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(where, "is a folder: use --corpus for a corpus folder") from None
    except OSError as e:
        raise InputError(where, f"cannot be read ({e.strerror or e})") from None
    text, language = decode_text(data, where)
    return Article(id=path.stem or path.name, text=text, title=_first_line(text), published=published,
                   language=language)


def read_corpus(folder: Path) -> Iterator[Article | InputError]:
    """The articles of a corpus folder (SPEC §1) in folder-name order; an unreadable one gives an InputError."""
    if not folder.is_dir():
        yield InputError(str(folder), "is not a folder: a corpus is a folder with one sub-folder per article")
        return
    subs = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not subs:
        yield InputError(str(folder), "has no article sub-folders (each needs a text.txt)")
    for sub in subs:
        try:
            yield read_corpus_article(sub)
        except InputError as e:
            yield e


def read_corpus_article(sub: Path) -> Article:
    text_path, meta_path = sub / "text.txt", sub / "meta.json"
    if not text_path.exists():
        raise InputError(str(sub), "has no text.txt")
    meta = _read_meta(meta_path)
    declared = check_declared(meta.language, str(sub))
    try:
        data = text_path.read_bytes()
    except OSError as e:
        raise InputError(str(text_path), f"cannot be read ({e.strerror or e})") from None
    text, language = decode_text(data, str(text_path))
    return Article(id=sub.name, text=text, title=meta.title or _first_line(text), published=meta.published,
                   outlet=meta.outlet, source_url=meta.source_url, language=language or declared)


def _read_meta(path: Path) -> ArticleFields:
    """The fields of a meta.json (none when there is none), each checked."""
    from sitrep.ingest.fields import ArticleFields, parse_fields

    if not path.exists():
        return ArticleFields()
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"is not valid JSON ({e})") from None
    if not isinstance(meta, dict):
        raise InputError(str(path), "must hold a JSON object")
    return parse_fields(ArticleFields, meta, str(path))


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None
