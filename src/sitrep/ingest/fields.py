"""The fields a report comes with -- a JSON Lines line, a corpus meta.json, an API body -- checked at the edge.

Input from outside is untrusted in its types as well as its words: a `url` that is a number or a `title` that is a
list would otherwise reach the record and break its JSON Schema, and a publication date in year 1 overflows date
arithmetic downstream. These pydantic models say what each field may be; `parse_fields` turns a failure into an
`InputError` naming the field, and the API answers 422 with the same words.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr, StringConstraints, ValidationError

from sitrep.ingest.files import InputError
from sitrep.nlp import valid_text

EARLIEST = date(1900, 1, 1)  # publication dates outside these are typing errors, not reports
LATEST = date(2100, 12, 31)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")


def published_date(value: object) -> date | None:
    """A publication date from "YYYY-MM-DD" (a longer ISO timestamp is cut to its day); None for none.

    Raises ValueError with the reason for anything else: another type, another format, or a day outside
    EARLIEST..LATEST.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        day = value
    elif not isinstance(value, str) or not _ISO_DAY.match(value):
        raise ValueError(f"published date {value!r} is not YYYY-MM-DD")
    else:
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            raise ValueError(f"published date {value!r} is not a real day (YYYY-MM-DD)") from None
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"published date {day.isoformat()} is outside {EARLIEST.isoformat()}..{LATEST.isoformat()}")
    return day


def _as_text(value: object) -> object:
    """JSON may carry a lone surrogate ("\\ud800"), which is no text: it could be neither hashed, stored nor parsed.
    It becomes U+FFFD, one character for one, so offsets still point at the words."""
    return valid_text(value) if isinstance(value, str) else value


def _blank_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _id_text(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _optional_text(max_length: int, *before) -> Any:
    """A string field of at most `max_length` characters, or null; a blank string is null."""
    text = Annotated[str, StringConstraints(strict=True, max_length=max_length)]
    return Annotated[text | None, BeforeValidator(_as_text), *(BeforeValidator(f) for f in before),
                     BeforeValidator(_blank_is_none)]


Published = Annotated[date | None, BeforeValidator(published_date)]
Title = _optional_text(2_000)
Name = _optional_text(500)
Url = _optional_text(4_000)
Language = _optional_text(40)
Id = _optional_text(300, _id_text)  # a number is an id too


class ArticleFields(BaseModel):
    """What a corpus meta.json may say about its article (SPEC §1); other keys are kept out, not refused."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    title: Title = None
    outlet: Name = None
    source_url: Url = None
    published: Published = None
    language: Language = None


class ReportFields(ArticleFields):
    """A report as one JSON object: a .jsonl line, or the body of POST /api/extract and /api/ingest."""

    text: Annotated[StrictStr, BeforeValidator(_as_text)] = Field(description="The report, as plain text.")
    id: Id = Field(None, description="A stable id (else one is made from the URL or the text).")
    url: Url = Field(None, description="Where the report was published (source_url is read too).")

    @property
    def link(self) -> str | None:
        return self.url or self.source_url


M = TypeVar("M", bound=BaseModel)


def parse_fields(model: type[M], obj: Any, where: str) -> M:
    """`obj` as `model`, or an InputError at `where` that names each bad field."""
    try:
        return model.model_validate(obj)
    except ValidationError as e:
        raise InputError(where, describe(e.errors(include_url=False))) from None


def describe(errors: Iterable[dict[str, Any]]) -> str:
    """pydantic's errors as one line a user can act on: each bad field, what is wrong, and what was given."""
    parts = []
    for err in errors:
        loc = list(err.get("loc", ()))
        if loc and loc[0] in ("body", "query", "path", "header"):
            loc = loc[1:]
        field = ".".join(str(x) for x in loc)
        msg = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
        if not field:
            parts.append(f"the report: {msg}")
        elif err.get("type") == "missing":
            parts.append(f'has no "{field}" string')  # every required field is a string (the text)
        elif "input" not in err:
            parts.append(f"field {field!r}: {msg}")
        else:
            given = repr(err["input"])
            parts.append(f"field {field!r}: {msg} (got {given[:60]}{'...' if len(given) > 60 else ''})")
    return "; ".join(parts)
