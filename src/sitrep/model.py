"""The typed record that flows through sitrep's stages.

An `Article` goes in; stages add `Figure`s, places, dates and actors, grouped into `Event`s; a `Record` comes out
and is serialised by `sitrep.record` to the SPEC §2 contract. Stages exchange these dataclasses only: the NLP
library's objects stay inside `sitrep.nlp`.

Offsets are Python `str` indices into `Article.text` as read, so every value points back to the words it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

EVENT_TYPES = (
    "battle",
    "violence_against_civilians",
    "explosion_remote_violence",
    "airstrike",
    "abduction",
    "displacement",
    "protest_riot",
    "other",
)
CATEGORIES = ("killed", "injured", "displaced", "abducted", "arrested", "missing")
VICTIMS = ("civilians", "security_forces", "militants", "mixed", "unknown")
QUALIFIERS = ("exact", "approx", "at_least", "up_to", "range", "vague", "zero")
UNITS = ("people", "households")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text, as character offsets [start, end)."""

    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(slots=True)
class Article:
    """One news report as read: the text exactly as found, and what is known about it."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    source_url: str | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        # Callers of the library write dates as they have them: "2024-05-06" or a datetime is the day it names;
        # anything else is said at once, not met as a crash deep in the date rules.
        if isinstance(self.published, datetime):
            self.published = self.published.date()
        elif isinstance(self.published, str):
            try:
                self.published = date.fromisoformat(self.published.strip()[:10])
            except ValueError:
                raise ValueError(f"article {self.id!r}: published {self.published!r} is no date "
                                 "(give a datetime.date or an ISO date, 2024-05-06)") from None
        elif self.published is not None and not isinstance(self.published, date):
            raise TypeError(f"article {self.id!r}: published must be a datetime.date, not "
                            f"{type(self.published).__name__}")
        if not isinstance(self.text, str):
            raise TypeError(f"article {self.id!r}: text must be a str, not {type(self.text).__name__}")


@dataclass(slots=True)
class Figure:
    """How many people a report says were killed, injured, displaced... with the report's own hedging.

    `min`/`max` follow the SPEC §2 range table; `qualifier` names the row that applied. `mentions` holds every
    place the same figure was stated (headline, lead, quote), `span` the one chosen as its evidence.
    """

    category: str
    min: int | None
    max: int | None
    qualifier: str
    span: Span
    text: str
    victims: str = "unknown"
    unit: str = "people"
    source: str | None = None
    confirmed: bool | None = None
    superseded: bool = False
    mentions: list[Span] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # the cues of the choices made about it (`sitrep explain`)

    @property
    def headline(self) -> int | None:
        """The number a reader would quote: the upper bound where there is one, else the lower."""
        return self.max if self.max is not None else self.min


# UCDP GED's where_prec code for each location precision label.
WHERE_PREC = {"city": 1, "near": 2, "admin2": 3, "admin1": 4, "country": 6}


@dataclass(slots=True)
class Place:
    """Where an event happened, resolved against the gazetteer (filled by the places stage).

    `precision` is a label (city, near, admin2, admin1, country) and `where_prec` UCDP's code for it (1 exact
    place, 2 within 25 km, 3 admin2, 4 admin1, 6 country).
    """

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: str | None = None
    feature_code: str | None = None
    admin1_code: str | None = None
    span: Span | None = None
    text: str | None = None

    @property
    def where_prec(self) -> int | None:
        return WHERE_PREC.get(self.precision or "")


@dataclass(slots=True)
class When:
    """When an event happened, resolved against the publication date (filled by the dates stage)."""

    start: date | None
    end: date | None
    precision: str | None = None
    text: str | None = None
    span: Span | None = None


@dataclass(slots=True)
class Actor:
    """Who did it, or to whom (filled by the actors stage)."""

    name: str
    role: str  # perpetrator | target | other
    text: str | None = None
    span: Span | None = None
    type: str | None = None  # ACLED-style: state forces, rebel group, political militia, identity militia, ...


@dataclass(slots=True)
class Event:
    """One real-world event as one report tells it."""

    id: str
    event_type: str
    figures: list[Figure] = field(default_factory=list)
    sub_event_type: str | None = None
    date: When | None = None
    location: Place | None = None
    actors: list[Actor] = field(default_factory=list)
    claim_source: str | None = None
    confirmed: bool | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    kind: str = "main"  # main: what the report is about; background: an earlier event it recalls; other: another incident


@dataclass(slots=True)
class Record:
    """What sitrep says about one article: SPEC §2's output record."""

    article: Article
    events: list[Event] = field(default_factory=list)
