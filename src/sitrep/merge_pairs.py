"""Candidate pairs for the merge, found in bulk: which report events are close enough in time to be compared, and
which of those the place, date, type and report tests rule out without scoring them one by one.

The merge (sitrep.merge.cluster) compares each event with the events of its country that start at most CHAIN_DAYS
after it ends (in order of start). On a large store nearly all of those pairs are of other places or other days, and
scoring them one at a time in Python is what made merging 200,000 report events take minutes. Here the window of
each event is found by binary search, the pairs are generated in chunks as arrays (so memory stays flat), and the
tests that can rule a pair out are run on whole arrays with the rules of sitrep.merge._score. Only the pairs these
leave are scored in Python, by pair_score itself, which stays the only judge: a pair is ruled out here only when
its score would surely be None (a distance near FAR_KM is left to pair_score), so the clusters are the same.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

CHUNK = 1 << 18  # pairs generated at a time (each takes ~100 bytes while its tests run)


class Features:
    """The columns of the tests run in bulk, one row per event (in the merge's order)."""

    def __init__(self, events: list, type_groups: dict[str, str], compatible: set[tuple[str, str]]):
        n = len(events)
        self.n = n
        countries: dict[str, int] = {}
        articles: dict[str, int] = {}
        admins: dict[str, int] = {}
        self.country = np.empty(n, np.int32)
        self.article = np.empty(n, np.int32)
        self.has_country = np.zeros(n, bool)
        self.admin1 = np.full(n, -1, np.int32)
        self.spanned = np.zeros(n, bool)
        self.start = np.zeros(n, np.int64)
        self.end = np.zeros(n, np.int64)
        self.undated = np.zeros(n, bool)  # no date of its own (dated by its report's week)
        self.precise = np.zeros(n, bool)
        self.lat = np.zeros(n)
        self.lon = np.zeros(n)
        groups = sorted(set(type_groups.values()) | {"other"})
        self.group = np.empty(n, np.int8)
        self.compatible = np.zeros((len(groups), len(groups)), bool)
        for x, gx in enumerate(groups):
            for y, gy in enumerate(groups):
                self.compatible[x, y] = gx == gy or (gx, gy) in compatible or (gy, gx) in compatible
        for k, e in enumerate(events):
            self.country[k] = countries.setdefault(e.country or "", len(countries))
            self.has_country[k] = bool(e.country)
            self.article[k] = articles.setdefault(e.article_id, len(articles))
            if e.admin1_code:
                self.admin1[k] = admins.setdefault(e.admin1_code, len(admins))
            if e.span is not None:
                self.spanned[k] = True
                self.start[k], self.end[k] = e.span[0].toordinal(), e.span[1].toordinal()
            self.undated[k] = not e.own_date
            if (e.where_prec or 9) <= 2 and e.lat is not None and e.lon is not None:
                self.precise[k] = True
                self.lat[k], self.lon[k] = e.lat, e.lon
            self.group[k] = groups.index(type_groups.get(e.event_type, "other"))


def window_pairs(f: Features, chain_days: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every pair (i < j) the merge compares, in chunks: the events of one country, j after i in the merge's order,
    unless both have dates and j starts more than chain_days after i ends. Events must be sorted by country, then
    start (events without a date first), as cluster sorts them."""
    n = f.n
    if n < 2:
        return
    # The end (exclusive) of each event's country block, and of its window inside it.
    cuts = np.flatnonzero(np.diff(f.country)) + 1
    block_end = np.repeat(np.append(cuts, n), np.diff(np.concatenate(([0], cuts, [n]))))
    # Starts within a country block are ascending; an event without a date sorts first and never closes a window.
    key = f.country.astype(np.int64) * (1 << 32) + np.where(f.spanned, f.start, -(1 << 31))
    limit = f.country.astype(np.int64) * (1 << 32) + f.end + chain_days
    bound = np.where(f.spanned, np.searchsorted(key, limit, side="right"), block_end)
    bound = np.minimum(bound, block_end)
    counts = np.maximum(bound - np.arange(n) - 1, 0)
    first = 0
    while first < n:
        total = np.cumsum(counts[first:])
        last = first + int(np.searchsorted(total, CHUNK, side="right")) + 1
        last = min(max(last, first + 1), n)
        c = counts[first:last]
        m = int(c.sum())
        if m:
            i = np.repeat(np.arange(first, last), c)
            offsets = np.repeat(np.cumsum(c) - c, c)
            j = i + 1 + (np.arange(m) - offsets)
            yield i, j
        first = last


def ruled_out(f: Features, i: np.ndarray, j: np.ndarray, near_days: int, chain_days: int, near_km: float,
              far_km: float) -> np.ndarray:
    """For each pair, True when pair_score would surely be None: one report; places far apart or in different
    provinces; dates more than a day apart (unless a later report without a date of its own may tell it, as
    sitrep.merge._reported_late allows); types that cannot be one event."""
    out = f.article[i] == f.article[j]
    out |= (f.has_country[i] & f.has_country[j]) & (f.country[i] != f.country[j])
    precise = f.precise[i] & f.precise[j]
    d = _km(f.lat[i], f.lon[i], f.lat[j], f.lon[j])
    out |= precise & (d > far_km * (1 + 1e-6))
    ai, aj = f.admin1[i], f.admin1[j]
    out |= ~precise & (ai >= 0) & (aj >= 0) & (ai != aj)
    # when: both dated (by their own date or their report's week)
    both = f.spanned[i] & f.spanned[j]
    si, ei, sj, ej = f.start[i], f.end[i], f.start[j], f.end[j]
    gap = np.maximum(np.maximum(sj - ei, si - ej), 0)
    # a late follow-up is allowed only where the place says at least the province (pair_score: where points >= 1)
    place = (precise & (d <= near_km * (1 + 1e-6))) | (~precise & (ai >= 0) & (aj >= 0) & (ai == aj))
    late_i = f.undated[i] & (ej < si) & (ei - ej <= chain_days)
    late_j = f.undated[j] & (ei < sj) & (ej - ei <= chain_days)
    out |= both & (gap > near_days) & ~(place & (late_i | late_j))
    out |= ~f.compatible[f.group[i], f.group[j]]
    return out


def _km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance in km, over arrays (the formula of sitrep.gazetteer.great_circle_km)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(np.minimum(h, 1.0)))
