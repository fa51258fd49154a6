"""Reading reports from disk: plain-text files and corpus folders (SPEC §1), with clear errors for bad input.

Each reader yields `Article`s, or `InputError`s for inputs it cannot read, so that one bad file never stops the
rest of a run: the caller reports the error, goes on, and exits 1 at the end (SPEC §4).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitrep.model import Article

MAX_CHARS = 500_000  # a news report is rarely above 50,000 characters; past this it is not one report
_ENGLISH = set(
    "the of and to in a is that for on was with as by at from said were has have had are be it its this an "
    "killed people after which who their they been not but or two three more than police government".split()
)


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
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(where, f"published date {value!r} is not YYYY-MM-DD") from None


def decode_text(data: bytes, where: str) -> str:
    """The bytes of a report as text, or a clear error: binary, not UTF-8, empty, too long, not English."""
    if b"\x00" in data[:8192]:
        raise InputError(where, "is a binary file, not text (sitrep reads UTF-8 plain text)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(where, f"is not valid UTF-8 (byte {e.start}): convert it to UTF-8 first") from None
    check_text(text, where)
    return text


def check_text(text: str, where: str) -> None:
    if not text.strip():
        raise InputError(where, "is empty: there is no report text to read")
    if len(text) > MAX_CHARS:
        raise InputError(where, f"is {len(text):,} characters long, more than one report ({MAX_CHARS:,}): split it")
    if not looks_english(text):
        raise InputError(where, "does not look like English text: sitrep reads English reports")


def looks_english(text: str) -> bool:
    """Enough common English words to be an English report (short texts get the benefit of the doubt)."""
    words = re.findall(r"[A-Za-z]+", text[:20000].lower())
    if len(words) < 12:
        return bool(words) or bool(re.search(r"\d", text))
    return sum(w in _ENGLISH for w in words) / len(words) >= 0.08


def read_text_file(path: Path, published: date | None = None) -> Article:
    """One plain-text report; its id is the file name without extension."""
    where = str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(where, "is a folder: use --corpus for a corpus folder") from None
    except OSError as e:
        raise InputError(where, f"cannot be read ({e.strerror or e})") from None
    text = decode_text(data, where)
    return Article(id=path.stem or path.name, text=text, title=_first_line(text), published=published)


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
    meta: dict = {}
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            raise InputError(str(meta_path), f"is not valid JSON ({e})") from None
        if not isinstance(meta, dict):
            raise InputError(str(meta_path), "must hold a JSON object")
    language = meta.get("language")
    if language and str(language).lower() not in ("en", "eng", "english"):
        raise InputError(str(sub), f"is in language {language!r}: sitrep reads English reports")
    try:
        data = text_path.read_bytes()
    except OSError as e:
        raise InputError(str(text_path), f"cannot be read ({e.strerror or e})") from None
    text = decode_text(data, str(text_path))
    return Article(
        id=sub.name,
        text=text,
        title=_str_or_none(meta.get("title")) or _first_line(text),
        published=parse_date(meta.get("published"), str(meta_path)),
        outlet=_str_or_none(meta.get("outlet")),
        source_url=_str_or_none(meta.get("source_url")),
        language=_str_or_none(language),
    )


def _str_or_none(v: object) -> str | None:
    return str(v) if v not in (None, "") else None


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None
