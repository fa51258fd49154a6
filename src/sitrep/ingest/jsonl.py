"""JSON Lines: one article per line, {"id", "text", "title", "published", "url", "outlet"}; and a report given as
one JSON object anywhere (the API takes the same shape)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.ingest.files import InputError, check_declared, check_text, short_id
from sitrep.model import Article

if TYPE_CHECKING:
    from sitrep.ingest.fields import ReportFields


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
    """A report as a JSON object, each field checked (`ReportFields`). Without `article_id`, its own "id", else
    one made from its URL or text."""
    from sitrep.ingest.fields import ReportFields, parse_fields

    return article_from_fields(parse_fields(ReportFields, obj, where), where, article_id)


def article_from_fields(fields: ReportFields, where: str, article_id: str | None = None) -> Article:
    """The Article of checked fields; an InputError when the text is not a report sitrep reads."""
    declared = check_declared(fields.language, where)
    language = check_text(fields.text, where) or declared
    link = fields.link
    return Article(id=article_id or fields.id or short_id(link or fields.text), text=fields.text,
                   title=fields.title, published=fields.published, outlet=fields.outlet, source_url=link,
                   language=language)
