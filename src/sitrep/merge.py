"""Merge: the events that different reports tell of one real-world event become one merged event.

Within one report, one incident is one event: an event that repeats another of its report (the same place or none,
the same days or none, the same kind of violence, and no figure that differs -- a figure-less retelling, or the
same blast told once with its deaths and once with its injured) is folded into it before reports are compared.

Two report events of different reports are the same event when every test passes and the evidence adds up:
- the same country; places within 30 km when both are precise, else the same province when both name one (a city
  is inside the province another report names), else only the country counts;
- dates that overlap or touch (a day apart at most); an event with no date of its own is dated by its report's
  publication week, which counts less than a date of its own (and a follow-up published days after that week,
  within 10 days of the event and in the same province, is not ruled out); a month or a year counts for nothing;
- compatible types (a missile strike told as shelling or as an air strike; killings told as a battle or as
  violence against civilians), but never a displacement with an attack, or an abduction with a bombing;
- compatible tolls, read in publication order: a later report's larger toll is a revision (tolls climb as the
  dead are counted, injured counts most), so it may be many times the first; otherwise tolls within a factor of
  four (six for the injured); no named perpetrators that differ; words in common help but never decide alone.
Clusters grow by the strongest pairs first (the reports' own events before the events they recall), and two
clusters join only if every pair across them is compatible (complete linkage): another attack in the same city a
week later, or a second bombing elsewhere the same day, stays apart. `explain` gives a pair's tests and points.

Figures are reconciled UCDP-style, per category: low = the lowest figure reported, high = the highest, best =
the figure of the latest report whose figure is not in doubt. A source's later figure replaces its own earlier one
(a revised toll). An unconfirmed figure never sets best alone: when every figure is unconfirmed, best is the
lowest (the conservative choice) and `best_unconfirmed` says so. A report that recalls the event in passing
(a background mention) is linked as a mention: it does not count as a report of it, nor set its figures.
"""
from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitrep.gazetteer import great_circle_km

CATEGORIES = ("killed", "injured", "displaced", "abducted")
TYPE_GROUPS = {
    "battle": "violence", "violence_against_civilians": "violence", "explosion_remote_violence": "violence",
    "airstrike": "violence", "protest_riot": "protest", "abduction": "abduction", "displacement": "displacement",
    "other": "other",
}
COMPATIBLE_GROUPS = {("violence", "protest"), ("violence", "abduction"), ("violence", "other")}
NEAR_KM = 30.0
FAR_KM = 60.0
THRESHOLD = 3.0
NEAR_DAYS = 1  # dates this far apart "touch": a day apart at most, or the pair is ruled out (but see _reported_late)
CHAIN_DAYS = 10  # events further apart than this are never compared (nor joined)
MAX_SPAN_DAYS = 14  # a merged event's reports never span more than this
UNDATED_DAYS = 7  # an event with no date of its own happened in the week before its report's publication
UNDATED_POINTS = 0.5  # what that week says for a pair (a date of its own on both sides: 1.5)
DATED_DAYS = 7  # a date spanning more than this (a month, a year) says little about which event it is
# A date of a season or a year (a background clause's) does not stretch a cluster past MAX_SPAN_DAYS; a month still
# does: on acled-dev, month-dated notes joining other events of their city made 45 false pairs more.
VAGUE_DAYS = 62
# category -> (the largest ratio of two reports' tolls in any order, and when the later report has the larger one)
TOLL_RATIOS = {"killed": (4.0, 12.0), "injured": (6.0, 20.0), "displaced": (4.0, 12.0), "abducted": (4.0, 12.0)}
UNIDENTIFIED = "Unidentified"


@dataclass(slots=True)
class ReportFigure:
    category: str
    min: int | None
    max: int | None
    qualifier: str
    confirmed: bool | None
    source: str | None
    victims: str

    @property
    def headline(self) -> int | None:
        return self.max if self.max is not None else self.min


@dataclass(slots=True)
class ReportEvent:
    """One report's event, as the merge sees it."""

    event_id: str
    article_id: str
    published: date | None
    kind: str
    event_type: str
    sub_event_type: str | None
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    location_name: str | None
    admin1: str | None
    admin1_code: str | None
    country: str | None
    lat: float | None
    lon: float | None
    where_prec: int | None
    geonames_id: int | None
    confirmed: bool | None
    figures: list[ReportFigure] = field(default_factory=list)
    perpetrators: set[str] = field(default_factory=set)
    actors: list[tuple[str, str, str | None]] = field(default_factory=list)  # (name, role, type)
    words: set[str] = field(default_factory=set)
    # What the pair tests read, computed once by prepare() (cluster() prepares every event it is given).
    span: tuple[date, date] | None = field(default=None, init=False, repr=False, compare=False)
    own_date: bool = field(default=False, init=False, repr=False, compare=False)  # its words date it
    dated: bool = field(default=False, init=False, repr=False, compare=False)  # a date of its own, a week at most
    sure: bool = field(default=False, init=False, repr=False, compare=False)  # dated, or by its report's week
    tolls: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    named: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)
    folded: list[ReportEvent] = field(default_factory=list, init=False, repr=False, compare=False)

    def prepare(self) -> ReportEvent:
        """Compute the dates (an event with no date of its own: its report's publication window), the headline
        toll of each category and the named perpetrators."""
        # A date "reported" is the report's own day, set because no word dated the event: no date of its own.
        self.own_date = self.date_start is not None and self.date_precision != "reported"
        start = self.date_start if self.own_date else None
        end = (self.date_end if self.own_date else None) or self.published or self.date_end
        self.span = None if end is None else (start or end - timedelta(days=UNDATED_DAYS), end)
        self.dated = end is not None and start is not None and (end - start).days <= DATED_DAYS
        self.sure = self.span is not None and (self.span[1] - self.span[0]).days <= DATED_DAYS
        self.tolls = {}
        for f in self.figures:
            if f.headline is not None:
                self.tolls[f.category] = max(self.tolls.get(f.category, f.headline), f.headline)
        self.named = frozenset(p for p in self.perpetrators if not p.startswith(UNIDENTIFIED))
        return self


@dataclass(slots=True)
class MergedEvent:
    merged_id: str
    members: list[ReportEvent]
    mentions: list[ReportEvent]
    event_type: str
    sub_event_type: str | None
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    place: ReportEvent | None
    figures: dict[str, dict[str, int | None]]
    killed_civilians: int | None
    killed_low_vague: bool
    best_unconfirmed: bool
    confirmed: bool | None
    actors: list[tuple[str, str, str | None]]


# ---------------------------------------------------------------- pair tests
def km(a: ReportEvent, b: ReportEvent) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


def pair_score(a: ReportEvent, b: ReportEvent) -> float | None:
    """How much says a and b are one event; None when something says they cannot be. Both must be prepared."""
    return _score(a, b, None)


@dataclass(slots=True)
class Reason:
    """One test of a pair: its name (where, when, what, how many, who, words, report), the points it gave (None:
    it rules the pair out) and what it saw."""

    test: str
    points: float | None
    saw: str


def explain(a: ReportEvent, b: ReportEvent) -> tuple[float | None, list[Reason]]:
    """pair_score with its reasons: each test run, in order, up to the one that rules the pair out."""
    reasons: list[Reason] = []
    return _score(a.prepare(), b.prepare(), reasons), reasons


def _score(a: ReportEvent, b: ReportEvent, why: list[Reason] | None) -> float | None:
    """pair_score; the reasons go to `why` when it is a list (the merge itself passes None: no strings built)."""
    if a.article_id == b.article_id:
        return _no(why, "report", "two events of one report")
    score = 0.0
    # where
    if a.country and b.country and a.country != b.country:
        return _no(why, "where", f"{a.country} and {b.country}")
    precise = (a.where_prec or 9) <= 2 and (b.where_prec or 9) <= 2
    d = km(a, b)
    if precise and d is not None:
        if d > FAR_KM:
            return _no(why, "where", f"{a.location_name} and {b.location_name} are {d:.0f} km apart")
        points = 2.0 if d <= NEAR_KM else 0.5
        where = f"{a.location_name} and {b.location_name}, {d:.0f} km apart"
    elif a.admin1_code and b.admin1_code:
        if a.admin1_code != b.admin1_code:
            return _no(why, "where", f"{a.location_name} and {b.location_name} are in different provinces")
        points, where = 1.0, f"{a.location_name} and {b.location_name}: the same province"
    elif a.country and a.country == b.country:
        points, where = 0.5, f"the same country ({a.country})"
    else:
        points, where = 0.0, "no place to compare"
    score += points
    where_points = points
    if why is not None:
        why.append(Reason("where", points, where))
    # when
    ia, ib = a.span, b.span
    if ia and ib:
        gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)
        # A follow-up report that does not repeat the date may be days late, where the place says more than
        # the country.
        late = gap > NEAR_DAYS and where_points >= 1.0 and (_reported_late(a, b) or _reported_late(b, a))
        if gap > NEAR_DAYS and not late:
            return _no(why, "when", f"{_days(a)} and {_days(b)}: {gap} days apart")
        if gap:
            points = 0.5 if gap <= NEAR_DAYS else 0.0
        else:
            points = 1.5 if a.dated and b.dated else UNDATED_POINTS if a.sure and b.sure else 0.0
        score += points
        if why is not None:
            how = f", {gap} days apart (a later report)" if gap > NEAR_DAYS else " touch" if gap else " overlap"
            why.append(Reason("when", points, f"{_days(a)} and {_days(b)}{how}"))
    # what
    ga, gb = TYPE_GROUPS.get(a.event_type, "other"), TYPE_GROUPS.get(b.event_type, "other")
    if ga != gb and (ga, gb) not in COMPATIBLE_GROUPS and (gb, ga) not in COMPATIBLE_GROUPS:
        return _no(why, "what", f"{a.event_type} and {b.event_type}")
    points = 1.0 if a.event_type == b.event_type else 0.25
    score += points
    if why is not None:
        why.append(Reason("what", points, f"{a.event_type} and {b.event_type}"))
    # how many
    later = _order(a.published, b.published)
    for cat in CATEGORIES:
        ta, tb = a.tolls.get(cat), b.tolls.get(cat)
        if ta is None or tb is None:
            continue
        fit = toll_fit(cat, ta, tb, later)
        if why is not None:
            order = f", reported {a.published} and {b.published}" if later else ""
            why.append(Reason("how many", fit, f"{cat} {ta} and {tb}{order}"))
        if fit is None:
            return None
        score += fit
    # who
    if a.named and b.named:
        points = 0.5 if a.named & b.named else -1.5
        score += points
        if why is not None:
            why.append(Reason("who", points, f"{', '.join(sorted(a.named))} and {', '.join(sorted(b.named))}"))
    # words in common (place names, weapons, targets): help, never decide
    if a.words and b.words:
        common = a.words & b.words
        points = 1.5 * len(common) / min(len(a.words), len(b.words))
        score += points
        if why is not None:
            why.append(Reason("words", points, ", ".join(sorted(common)[:8]) or "none in common"))
    return score


def _reported_late(u: ReportEvent, o: ReportEvent) -> bool:
    """Whether u, with no date of its own, may still be o: o happened before u's report's publication week, but not
    more than CHAIN_DAYS before the publication (a follow-up report, days later, that does not repeat the date)."""
    return not u.own_date and o.span[1] < u.span[0] and (u.span[1] - o.span[1]).days <= CHAIN_DAYS


def _no(why: list[Reason] | None, test: str, saw: str) -> None:
    if why is not None:
        why.append(Reason(test, None, saw))
    return None


def _days(e: ReportEvent) -> str:
    start, end = e.span
    own = "" if e.own_date else " (its report's week)"
    return (start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}") + own


def _order(pa: date | None, pb: date | None) -> int:
    """1 when b's report came out after a's, -1 before, 0 the same day or not known."""
    if pa is None or pb is None or pa == pb:
        return 0
    return 1 if pb > pa else -1


def toll_fit(category: str, ta: int, tb: int, later: int) -> float | None:
    """How well two reports' tolls of a category fit one event (None: they cannot). `later` is _order(a, b): a
    later report's larger toll is a revision, so it may be many times the earlier one; the injured are counted
    loosest (hospitals add their wounded for days)."""
    if (ta == 0) != (tb == 0):
        return None
    if not ta:
        return 0.0
    ratio = max(ta, tb) / min(ta, tb)
    if ratio <= 1.5:
        return 1.0
    any_order, climbing = TOLL_RATIOS.get(category, TOLL_RATIOS["killed"])
    if ratio <= any_order:
        return 0.5
    grew = (later > 0 and tb > ta) or (later < 0 and ta > tb)
    return 0.0 if grew and ratio <= climbing else None


def event_words(text: str) -> set[str]:
    """Content words of an event's evidence, for the similarity hint."""
    words = re.findall(r"[a-z][a-z'-]{3,}", text.lower())
    return {sys.intern(w) for w in words if w not in _STOP}  # one string per word however many events have it


_STOP = set(
    "that with from were have been said this they their there which when where after about more than people "
    "killed injured wounded least told other also into over would could some according officials official "
    "police reported report reports including while them those what will just only being".split()
)


# ---------------------------------------------------------------- one report's events
def fold(events: list[ReportEvent]) -> list[ReportEvent]:
    """Within one report, one incident is one event: each event that repeats another of its report is folded into
    it (kept in `folded`; its figures of other categories, words and actors added; its date taken when the event has
    none of its own). Richer events first; a repeat that fits several goes to the one it shares most words with.
    Events must be prepared."""
    by_article: dict[str, list[ReportEvent]] = {}
    for e in events:
        by_article.setdefault(e.article_id, []).append(e)
    out: list[ReportEvent] = []
    for group in by_article.values():
        heads: list[ReportEvent] = []
        for e in sorted(group, key=lambda e: (-len(e.tolls), e.where_prec or 9, e.event_id)):
            hosts = [h for h in heads if repeats(e, h)]
            if hosts:
                _absorb(max(hosts, key=lambda h: len(h.words & e.words)), e)
            else:
                heads.append(e)
        out += heads
    return out


def repeats(e: ReportEvent, host: ReportEvent) -> bool:
    """Whether `e` tells the incident `host` tells, in the same report: the same kind of event (a recalled one with
    a recalled one), the same place or none, overlapping days or none of its own, and no figure that differs."""
    if (e.kind == "background") != (host.kind == "background"):
        return False
    if TYPE_GROUPS.get(e.event_type, "other") != TYPE_GROUPS.get(host.event_type, "other"):
        return False
    if e.country and (e.geonames_id != host.geonames_id or e.country != host.country):
        return False
    if e.dated and host.dated and (e.span[0] > host.span[1] or host.span[0] > e.span[1]):
        return False
    return all(host.tolls.get(cat, n) == n for cat, n in e.tolls.items())


def _absorb(host: ReportEvent, e: ReportEvent) -> None:
    host.folded.append(e)
    have = {f.category for f in host.figures}
    host.figures += [f for f in e.figures if f.category not in have]
    host.words |= e.words
    host.perpetrators |= e.perpetrators
    host.actors += [a for a in e.actors if a not in host.actors]
    if e.dated and not host.dated:
        host.date_start, host.date_end, host.date_precision = e.date_start, e.date_end, e.date_precision
    host.prepare()


def components(n: int, pairs: list[tuple[int, int]]) -> list[int]:
    """The connected component of each of n items linked by `pairs`, named by its smallest item (union-find)."""
    parent = list(range(n))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for x, y in pairs:
        rx, ry = root(x), root(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    return [root(k) for k in range(n)]


# ---------------------------------------------------------------- clustering
def cluster(events: list[ReportEvent]) -> list[list[ReportEvent]]:
    """Complete-linkage clusters, strongest pairs first. Deterministic for the same input.

    Each report's repeats are folded first (see fold). Every pair of events close enough in time to be chained is
    scored once; a pair that cannot be one event is remembered, and two clusters join only if no such pair lies
    across them (and their dates stay within two weeks), so the cost grows with the pairs examined, not with the
    square of the cluster sizes.
    """
    return cluster_heads(heads(events))


def merge_key(e: ReportEvent) -> tuple:
    """The merge's order of prepared events: country, start (events without a date first), report, id."""
    return e.country or "", (e.span or (date.min,))[0], e.article_id, e.event_id


def heads(events: list[ReportEvent]) -> list[ReportEvent]:
    """The events prepared, each report's repeats folded, in the merge's order (merge_key)."""
    return sorted(fold([e.prepare() for e in events]), key=merge_key)


def cluster_heads(events: list[ReportEvent]) -> list[list[ReportEvent]]:
    """cluster() of events already folded and in the merge's order (heads())."""
    return [[events[k] for k in group] for group in link(events, candidates(events))]


@dataclass(slots=True)
class Candidates:
    """What the clustering reads of a list of events (in the merge's order): the pairs that may be one event, as
    (a recall in it, -score, event, event); for each event the events it cannot be one with, among those it might
    meet in a cluster; and the connected component of each event (union-find over the pairs, named by its first
    event). Components are independent: the clusters of one depend on nothing outside it (sitrep.store.blocks
    merges a store component by component)."""

    pairs: list[tuple[bool, float, int, int]]
    conflicts: dict[int, set[int]]
    component: list[int]
    refused: list[tuple[int, int]] = field(default_factory=list)  # the pairs pair_score ruled out, one by one

    def among(self, events: list[ReportEvent], keep: list[int]) -> Scored:
        """What was scored among events[k] for k in keep, by event id: to pass to candidates() with those events
        again (sitrep.store.blocks carries them into the next block), so that their pairs are not scored twice."""
        kept = set(keep)
        return Scored(frozenset(events[k].event_id for k in keep),
                      [(bg, s, events[x].event_id, events[y].event_id) for bg, s, x, y in self.pairs
                       if x in kept and y in kept],
                      [(events[x].event_id, events[y].event_id) for x, y in self.refused if x in kept and y in kept])


@dataclass(slots=True)
class Scored:
    """Pairs of the events `ids` already scored: those that may be one event (as Candidates.pairs) and those that
    cannot (pair_score None); every other pair among them scored below THRESHOLD, or was ruled out in bulk."""

    ids: frozenset[str]
    pairs: list[tuple[bool, float, str, str]]
    refused: list[tuple[str, str]]


def link(events: list[ReportEvent], found: Candidates) -> list[list[int]]:
    """The clusters (lists of indices into `events`) grown from `found`'s pairs, strongest first, joining two
    clusters only when no conflict lies across them and their dates stay within MAX_SPAN_DAYS; in the order of each
    cluster's first event."""
    conflicts = dict(found.conflicts)  # per cluster below: a join makes its root's set anew, never grows one
    parent = list(range(len(events)))
    members: dict[int, set[int]] = {}
    # A date of a season or a year does not stretch a cluster: it was compared with each member already.
    spans: dict[int, tuple[date, date] | None] = {}

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def span(k: int) -> tuple[date, date] | None:
        e = events[k]
        return e.span if e.span and (e.span[1] - e.span[0]).days <= VAGUE_DAYS else None

    for *_, i, j in sorted(found.pairs):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        mi, mj = members.get(ri, {ri}), members.get(rj, {rj})
        ci, cj = conflicts.get(ri, set()), conflicts.get(rj, set())
        if ci & mj:
            continue
        si, sj = spans[ri] if ri in spans else span(ri), spans[rj] if rj in spans else span(rj)
        if si and sj and (max(si[1], sj[1]) - min(si[0], sj[0])).days > MAX_SPAN_DAYS:
            continue
        parent[rj] = ri
        members[ri] = mi | mj
        members.pop(rj, None)
        if ci or cj:
            conflicts[ri] = ci | cj
        conflicts.pop(rj, None)
        spans[ri] = (min(si[0], sj[0]), max(si[1], sj[1])) if si and sj else (si or sj)
        spans.pop(rj, None)
    # In the order of each cluster's root (its first event in the merge's order), as before.
    return [sorted(members[r]) if r in members else [r] for r in range(len(events)) if parent[r] == r]


def candidates(events: list[ReportEvent], known: Scored | None = None) -> Candidates:
    """The Candidates of events in the merge's order. Every pair close enough in time is compared
    (sitrep.merge_pairs finds them and rules out in bulk the pairs whose place, dates, types or report already say
    no); the rest are scored by pair_score, but for the pairs among `known.ids`, whose scores `known` gives."""
    from sitrep.merge_pairs import Features, ruled_out, window_pairs

    import numpy as np

    f = Features(events, TYPE_GROUPS, COMPATIBLE_GROUPS)
    pairs: list[tuple[bool, float, int, int]] = []
    refused: list[tuple[int, int]] = []  # scored None one by one
    if known is not None:
        done = np.fromiter((e.event_id in known.ids for e in events), bool, len(events))
        at = {e.event_id: k for k, e in enumerate(events)}
        pairs += [(bg, s, at[x], at[y]) for bg, s, x, y in known.pairs]
        refused += [(at[x], at[y]) for x, y in known.refused]
    for i, j in window_pairs(f, CHAIN_DAYS):
        keep = ~ruled_out(f, i, j, NEAR_DAYS, CHAIN_DAYS, NEAR_KM, FAR_KM)
        if known is not None:
            keep &= ~(done[i] & done[j])
        for x, y in zip(i[keep].tolist(), j[keep].tolist()):
            a, b = events[x], events[y]
            s = pair_score(a, b)
            if s is None:
                refused.append((x, y))
            elif s >= THRESHOLD and not (a.kind == b.kind == "background"):
                # two recalls of an event join only through a report of it, and after the reports of events
                # have found each other: a recall never takes the place of its report's own event
                pairs.append(("background" in (a.kind, b.kind), -s, x, y))
    # Components of the pairs: a conflict matters only inside one (two different events share a component only
    # when the pairs link them: an event in no pair is alone in its own).
    component = components(len(events), [(x, y) for *_, x, y in pairs])
    comp = np.asarray(component, np.int64)
    conflicts: dict[int, set[int]] = {}

    def conflict(x: int, y: int) -> None:
        conflicts.setdefault(x, set()).add(y)
        conflicts.setdefault(y, set()).add(x)

    for x, y in refused:
        if comp[x] == comp[y]:
            conflict(x, y)
    if pairs:
        for i, j in window_pairs(f, CHAIN_DAYS):
            same = comp[i] == comp[j]
            i, j = i[same], j[same]
            out = ruled_out(f, i, j, NEAR_DAYS, CHAIN_DAYS, NEAR_KM, FAR_KM)
            for x, y in zip(i[out].tolist(), j[out].tolist()):
                conflict(x, y)
    return Candidates(pairs, conflicts, component, refused)


# ---------------------------------------------------------------- one merged event
def reconcile(group: list[ReportEvent]) -> MergedEvent:
    primary = [e for e in group if e.kind != "background"] or group
    mentions = [e for e in group if e not in primary]
    primary.sort(key=lambda e: (e.published or date.min, e.article_id, e.event_id))
    first = primary[0]
    merged_id = "m" + hashlib.sha1(first.event_id.encode()).hexdigest()[:15]
    figures, best_unconfirmed = {}, False
    by_category = [_by_category(e) for e in primary]  # each event's figures sorted once, not per category
    for cat in CATEGORIES:
        low, best, high, unconfirmed = reconcile_category(primary, cat, by_category=by_category)
        figures[cat] = {"low": low, "best": best, "high": high}
        best_unconfirmed |= unconfirmed
    civilians = reconcile_category(primary, "killed", victims="civilians", by_category=by_category)[1]
    low_vague = any(f.category == "killed" and f.qualifier == "vague" and f.min == figures["killed"]["low"]
                    for e in primary for f in e.figures)
    place = min((e for e in primary if e.country), default=None,
                key=lambda e: (e.where_prec or 9, -sum(o.geonames_id == e.geonames_id for o in primary)))
    dated = [e for e in primary if e.own_date] or [e for e in primary if e.date_start]  # else the report's day
    when = min(dated, key=lambda e: (((e.date_end or e.date_start) - e.date_start).days,  # a start alone: a day
                                     e.published or date.min)) if dated else None
    votes = Counter(e.event_type for e in primary)
    event_type = max(votes, key=lambda t: (votes[t], -_TYPE_ORDER.index(t) if t in _TYPE_ORDER else -99))
    sub = Counter(e.sub_event_type for e in primary if e.event_type == event_type).most_common(1)[0][0]
    confirmed = True if any(e.confirmed for e in primary) else (False if any(e.confirmed is False for e in primary) else None)
    actors: dict[tuple[str, str], str | None] = {}
    for e in primary:
        for name, role, kind in e.actors:
            actors.setdefault((name, role), kind)
    named = {n for (n, r) in actors if r == "perpetrator" and not n.startswith(UNIDENTIFIED)}
    actor_list = [(n, r, k) for (n, r), k in actors.items()
                  if not (r == "perpetrator" and n.startswith(UNIDENTIFIED) and named)]
    return MergedEvent(
        merged_id=merged_id, members=primary, mentions=mentions, event_type=event_type, sub_event_type=sub,
        date_start=when.date_start if when else None,
        date_end=when.date_end if when else max((e.date_end for e in primary if e.date_end), default=None),
        date_precision=when.date_precision if when else "unknown", place=place, figures=figures,
        killed_civilians=civilians, killed_low_vague=low_vague, best_unconfirmed=best_unconfirmed, confirmed=confirmed, actors=actor_list,
    )


_TYPE_ORDER = ["airstrike", "explosion_remote_violence", "abduction", "protest_riot", "battle",
               "violence_against_civilians", "displacement", "other"]


def reconcile_category(events: list[ReportEvent], category: str, victims: str | None = None,
                       by_category: list[dict[str, list[ReportFigure]]] | None = None
                       ) -> tuple[int | None, int | None, int | None, bool]:
    """(low, best, high, best_is_unconfirmed) of one category across reports: see the module docstring.
    `by_category`: each event's figures by category (_by_category), when the caller has them."""
    latest_by_source: dict[str, tuple[date, ReportFigure]] = {}
    for k, e in enumerate(events):
        figs = (by_category[k] if by_category is not None else _by_category(e)).get(category)
        if not figs:
            continue
        when = e.published or date.min
        f = _report_figure(figs, category, victims)
        if f is None:
            continue
        key = _source_key(f.source) or f"report:{e.event_id}"
        if key not in latest_by_source or latest_by_source[key][0] <= when:
            latest_by_source[key] = (when, f)
    figs = list(latest_by_source.values())
    if not figs:
        return None, None, None, False
    low = min(f.min if f.min is not None else f.max for _, f in figs)
    high = max(f.max if f.max is not None else f.min for _, f in figs)
    trusted = [(when, f) for when, f in figs if f.confirmed is not False]
    if trusted:
        best = max(trusted, key=lambda x: (x[0], x[1].confirmed is True, x[1].headline))[1].headline
        return low, best, high, False
    return low, low, high, True


def _by_category(e: ReportEvent) -> dict[str, list[ReportFigure]]:
    """An event's figures that have a number, by category."""
    out: dict[str, list[ReportFigure]] = {}
    for f in e.figures:
        if f.min is not None or f.max is not None:
            out.setdefault(f.category, []).append(f)
    return out


def _report_figure(figs: list[ReportFigure], category: str, victims: str | None) -> ReportFigure | None:
    """One report's figure of a category: its counts by side added up ("170 Afghans and 13 US service members").
    `figs`: the report event's figures of that category with a number (_by_category)."""
    if victims is not None:
        figs = [f for f in figs if f.victims == victims]
    if not figs:
        return None
    if len(figs) == 1:
        return figs[0]
    lo = sum((f.min if f.min is not None else f.max) for f in figs)
    hi = None if any(f.max is None for f in figs) else sum(f.max for f in figs)
    first = figs[0]
    confirmed = False if any(f.confirmed is False for f in figs) else first.confirmed
    return ReportFigure(category, lo, hi, "sum", confirmed, first.source, "mixed")


def _source_key(source: str | None) -> str | None:
    if not source:
        return None
    words = re.findall(r"[a-z]+", source.lower())
    words = [w for w in words if w not in ("the", "a", "an", "via", "of", "said", "and")]
    return " ".join(words[-3:]) if words else None
