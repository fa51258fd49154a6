"""JSON Lines: one article per line, {"id", "text", "title", "published", "url", "outlet"}; and a report given as
one JSON object anywhere (the API takes the same shape)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from sitrep.ingest.files import InputError, check_text, parse_date, short_id
from sitrep.model import Article


def read_jsonl(path: Path) -> Iterator[Article | InputError]:
    """Each good line is an Article; each bad one an InputError naming the file and line. The rest goes on."""
    try:
        handle = path.open("rb")
    except OSError as e:
        yield InputError(str(path), f"cannot be read ({e.strerror or e})")
        return
    with handle:
        for n, raw in enumerate(handle, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                yield _article(raw, where)
            except InputError as e:
                yield e


def _article(raw: bytes, where: str) -> Article:
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(where, "is not valid UTF-8") from None
    except ValueError as e:
        raise InputError(where, f"is not valid JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(where, "must be a JSON object with at least a \"text\" field")
    return article_from_obj(obj, where)


def article_from_obj(obj: dict, where: str, article_id: str | None = None) -> Article:
    """A report as a JSON object. Without `article_id`, its own "id", else one made from its URL or text."""
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(where, "has no \"text\" string")
    check_text(text, where)
    url = obj.get("url") or obj.get("source_url")
    article_id = article_id or str(obj.get("id") or "") or short_id(url or text)
    return Article(id=article_id, text=text, title=obj.get("title"), published=parse_date(obj.get("published"), where),
                   outlet=obj.get("outlet"), source_url=url, language=obj.get("language"))
