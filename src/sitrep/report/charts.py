"""The report's two pictures, drawn with matplotlib as SVG (vector: sharp in print, no files beside the page).

The map draws the world outline the dashboard ships (sitrep/web/static/vendor/world, TopoJSON) around the events,
circles sized by deaths; the timeline is one small panel per category, each with its own scale, on a continuous
time axis (empty weeks or months are there, as empty). Only numbers and dates we compute are drawn: no report text
goes into a picture, so the SVG needs no escaping.
"""
from __future__ import annotations

import io
import json
import math
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

COLOURS = {"killed": "#b2182b", "injured": "#ef8a62", "displaced": "#2166ac", "abducted": "#762a83",
           "events": "#555555"}


def _figure(width_mm: float, height_mm: float):
    import matplotlib

    matplotlib.use("svg", force=False)
    from matplotlib.figure import Figure

    matplotlib.rcParams.update({"font.size": 7, "svg.fonttype": "path", "axes.linewidth": 0.6,
                                "xtick.major.width": 0.6, "ytick.major.width": 0.6, "svg.hashsalt": "sitrep"})
    return Figure(figsize=(width_mm / 25.4, height_mm / 25.4))


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    return text[text.index("<svg"):]  # no XML prolog / doctype: the SVG goes inline into the page


# ---------------------------------------------------------------- the map
@lru_cache(maxsize=1)
def world_rings() -> list[list[tuple[float, float]]]:
    """The land outline's rings (lon, lat), decoded from the shipped TopoJSON (quantised, delta-coded arcs)."""
    path = resources.files("sitrep.web").joinpath("static/vendor/world/countries-110m.json")
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return out

    rings = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("id") == "010":  # Antarctica: no events, and its ring closes along the map's lower edge
            continue
        polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"] if geom["type"] == "MultiPolygon" else []
        for poly in polys:
            rings.extend(ring(r) for r in poly)
    return rings


def extent(points: list[tuple[float, float]], aspect: float) -> tuple[float, float, float, float]:
    """A lon/lat window around the points, padded, at least 12 degrees tall, with the frame's aspect (width/height,
    in degrees of longitude per degree of latitude at its middle latitude)."""
    if not points:
        return -180.0, 180.0, -60.0, 80.0
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    mid_lat = (lat0 + lat1) / 2
    stretch = 1 / max(math.cos(math.radians(mid_lat)), 0.2)
    h = max((lat1 - lat0) * 1.4 + 8, ((lon1 - lon0) * 1.25 + 10) / (aspect * stretch), 12.0)  # room for circles
    w = h * aspect * stretch
    cx, cy = (lon0 + lon1) / 2, mid_lat
    return cx - w / 2, cx + w / 2, max(cy - h / 2, -85.0), min(cy + h / 2, 85.0)


def event_map(events: list[dict], width_mm: float = 92, height_mm: float = 56) -> str:
    """Events as circles (area by deaths; a ring for an event without deaths), top events numbered."""
    from matplotlib.collections import PolyCollection

    fig = _figure(width_mm, height_mm)
    ax = fig.add_axes((0, 0, 1, 1))
    pts = [(e["lon"], e["lat"]) for e in events if e.get("lat") is not None and e.get("lon") is not None]
    x0, x1, y0, y1 = extent(pts, width_mm / height_mm)
    stretch = 1 / max(math.cos(math.radians((y0 + y1) / 2)), 0.2)
    ax.add_collection(PolyCollection(world_rings(), facecolors="#eeeeea", edgecolors="#a0a0a0", linewidths=0.4))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(stretch)
    ax.set_facecolor("#dfe9f2")
    ax.set_xticks([])
    ax.set_yticks([])
    dead = max([e["deaths"] or 0 for e in events] + [1])
    for e in sorted(events, key=lambda e: -(e["deaths"] or 0)):  # big circles first, small ones on top
        if e.get("lat") is None:
            continue
        if e["deaths"]:
            size = 12 + 500 * math.sqrt(e["deaths"] / dead)
            ax.scatter([e["lon"]], [e["lat"]], s=size, color=COLOURS["killed"], alpha=0.55, edgecolors="#5a0c16",
                       linewidths=0.5, zorder=3)
        else:
            ax.scatter([e["lon"]], [e["lat"]], s=14, facecolors="none", edgecolors="#333333", linewidths=0.7,
                       zorder=3)
        if e.get("rank"):
            label = ax.annotate(str(e["rank"]), (e["lon"], e["lat"]), xytext=(4, 3), textcoords="offset points",
                                fontsize=7, fontweight="bold", color="#111111", zorder=4)
            label.set_gid(f"rank-{e['rank']}")  # the page drops a label with its row when printing must shorten
    for side in ax.spines.values():
        side.set_color("#888888")
    return _svg(fig)


# ---------------------------------------------------------------- the timeline
def periods(first: date, last: date, by: str) -> list[date]:
    """Every week (Mondays) or month (first days) from the one holding `first` to the one holding `last`."""
    if by == "week":
        d = first - timedelta(days=first.weekday())
        out = []
        while d <= last:
            out.append(d)
            d += timedelta(days=7)
        return out
    d, out = date(first.year, first.month, 1), []
    while d <= last:
        out.append(d)
        d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return out


def timeline(series: dict[str, list[tuple[date, int]]], by: str, first: date, last: date,
             width_mm: float = 92, height_mm: float = 56) -> str:
    """One bar panel per category (its own scale), all on the same continuous axis from `first` to `last`."""
    import matplotlib.dates as mdates

    names = list(series)
    fig = _figure(width_mm, height_mm)
    axes = fig.subplots(len(names), 1, sharex=True, squeeze=False)[:, 0]
    fig.subplots_adjust(left=0.11, right=0.95, top=0.94, bottom=0.16, hspace=0.6)
    slots = periods(first, last, by)
    width = 5.5 if by == "week" else 25
    for ax, name in zip(axes, names):
        values = dict(series[name])
        ax.bar(slots, [values.get(s, 0) for s in slots], width=width, align="edge", color=COLOURS.get(name, "#555"),
               linewidth=0)
        top = max(values.values(), default=0)
        ax.set_ylim(0, top * 1.15 if top else 1)
        ax.yaxis.set_major_locator(_int_locator())
        ax.yaxis.set_major_formatter(_thousands())
        ax.set_title(name, loc="left", fontsize=7, fontweight="bold", color=COLOURS.get(name, "#555"), pad=2)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", linewidth=0.3, color="#cccccc")
        ax.set_axisbelow(True)
        if not top:
            ax.text(0.5, 0.5, "none reported", transform=ax.transAxes, ha="center", va="center", color="#777",
                    fontsize=6.5)
    end = periods(last, last, by)[-1] + (timedelta(days=7) if by == "week" else timedelta(days=31))
    axes[-1].set_xlim(slots[0], end)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    axes[-1].xaxis.set_major_locator(locator)
    axes[-1].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes[-1].set_xlabel(f"{'week' if by == 'week' else 'month'} of the event (start date)", fontsize=6.5)
    return _svg(fig)


def _int_locator():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(nbins=3, integer=True, min_n_ticks=1)


def _thousands():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: f"{v / 1000:g}k" if v >= 10000 else f"{v:,.0f}")
