"""Exports for editors: offline embeds, static timeline images, and data for other tools.

    python -m dashboard.export [--events data/events.geojson] [--out exports/] [--lang de|en]
                               [--actor NAME] [--event-type TYPE] [--min-confidence X]
                               [--verified-only] [--base-url URL]

Writes into --out: `embed.html` (the story embed: map and timeline synchronized, actor and
source filters, details; static, no server, no external request; dashboard/embed),
`map.html`, `timeline.html` (one view each), `embed.png` (its no-JavaScript fallback),
`embed-snippet.html` (iframe plus the listener that takes the embed's height),
`timeline.png`, `timeline.svg`, `events.geojson`, `events.csv` and `timelinejs.json`
(TimelineJS's JSON format). Every untrusted string is escaped.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import hashlib
import html
import io
import json
import os
import sys
from importlib import resources
from pathlib import Path

import plotly.graph_objects as go

from dashboard.map_layers import type_colors  # the dashboard's colours, so embeds match it
from geo.contract import read_events


def _esc(value) -> str:
    """The one escape for untrusted text in exported HTML and chart labels."""
    return html.escape("" if value is None else str(value), quote=True)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A text cell a spreadsheet will not run: one starting like a formula gets a leading
    apostrophe (OWASP, "CSV Injection"). Numbers are left alone: -66.1 is data, not a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _rows(features: list[dict]) -> list[dict]:
    rows = []
    for f in features:
        p = f["properties"]
        lon, lat = (f["geometry"]["coordinates"] if f.get("geometry") else (None, None))
        rows.append({**p, "lon": lon, "lat": lat})
    return rows


def select_features(features: list[dict], *, actor: str | None = None, event_type: str | None = None,
                    min_confidence: float = 0.0, verified_only: bool = False) -> list[dict]:
    """The events an export shows: the same choices as the dashboard's main filters."""
    out = []
    for f in features:
        p = f["properties"]
        if actor and actor not in p["actors"]:
            continue
        if event_type and p["event_type"] != event_type:
            continue
        if p["confidence"] < min_confidence or (verified_only and not p.get("verified")):
            continue
        out.append(f)
    return out


def _outline_lines(bbox: tuple[float, float, float, float] | None) -> tuple[list, list]:
    """Country borders from the project's own geometry, as one line trace (works offline)."""
    try:
        data = json.loads(resources.files("geo.ref").joinpath("countries.geojson").read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return [], []
    xs, ys = [], []
    for feat in data["features"]:
        geom = feat.get("geometry") or {}
        polys = geom.get("coordinates", [])
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            for ring in poly:
                if bbox and not any(bbox[0] - 30 <= x <= bbox[2] + 30 and bbox[1] - 20 <= y <= bbox[3] + 20 for x, y in ring[:: max(1, len(ring) // 20)]):
                    continue
                xs.extend([round(x, 3) for x, _ in ring] + [None])
                ys.extend([round(y, 3) for _, y in ring] + [None])
    return xs, ys


def _bbox(rows: list[dict]) -> tuple[float, float, float, float] | None:
    pts = [(r["lon"], r["lat"]) for r in rows if r["lon"] is not None]
    if not pts:
        return None
    return min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts)


def _hover(r: dict) -> str:
    date = r["date_text"] or (f"{r['date_start']} – {r['date_end']}" if r["date_start"] else "—")
    return "<br>".join([f"<b>{_esc(r['title'])}</b>", _esc(date), _esc(r["place_name"] or "—"), _esc(", ".join(r["actors"][:4]))])


def map_figure(rows: list[dict], *, height: int = 420, lang: str = "de") -> go.Figure:
    """An offline map: outlines, subdivision borders and place names (dashboard/context.py),
    translucent areas for region-level places, markers for the rest."""
    bbox = _bbox(rows)
    if bbox:
        pad = max(3.0, 0.15 * max(bbox[2] - bbox[0], bbox[3] - bbox[1]))
        xr, yr = [bbox[0] - pad, bbox[2] + pad], [bbox[1] - pad, bbox[3] + pad]
    else:
        xr, yr = [-180, 180], [-60, 80]
    palette = type_colors([r["event_type"] for r in rows])
    fig = go.Figure()
    ox, oy = _outline_lines(bbox)
    fig.add_trace(go.Scatter(x=ox, y=oy, mode="lines", line={"color": "#9aa5b1", "width": 0.7}, hoverinfo="skip", name="outline", showlegend=False))
    _add_context(fig, (xr[0], yr[0], xr[1], yr[1]), [(r["lon"], r["lat"]) for r in rows if r["lon"] is not None], lang)
    for r in rows:
        geom = r.get("place_geometry")
        if not geom or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        xs, ys = [], []
        for poly in polys:
            xs += [x for x, _ in poly[0]] + [None]
            ys += [y for _, y in poly[0]] + [None]
        fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", mode="lines", opacity=0.35, line={"width": 1, "color": palette[r["event_type"]]},
                                 fillcolor=palette[r["event_type"]], name=f"area:{r['id']}", showlegend=False, hoverinfo="text",
                                 text=_hover(r), customdata=[r["id"]] * len(xs)))
    located = [r for r in rows if r["lon"] is not None]
    for etype in sorted({r["event_type"] for r in located}):
        sub = [r for r in located if r["event_type"] == etype]
        fig.add_trace(go.Scatter(
            x=[r["lon"] for r in sub], y=[r["lat"] for r in sub], mode="markers", name=etype,
            marker={"size": [10 + 4 * len(r["documents"]) for r in sub], "color": palette[etype], "line": {"width": 1, "color": "white"}},
            text=[_hover(r) for r in sub], hoverinfo="text", customdata=[r["id"] for r in sub],
        ))
    fig.update_layout(
        height=height, margin={"l": 0, "r": 0, "t": 0, "b": 0}, plot_bgcolor="#eef3f7", dragmode="pan",
        xaxis={"range": xr, "visible": False}, yaxis={"range": yr, "visible": False, "scaleanchor": "x"},
        legend={"orientation": "h", "y": -0.02}, clickmode="event+select",
    )
    return fig


def _add_context(fig: go.Figure, bbox: tuple, points: list[tuple[float, float]], lang: str) -> None:
    """Subdivision borders and the names of the larger places and of the places the events are
    at (dashboard/context.py), the 30 most important with room around them: a picture cannot
    hide names that overlap. The box is widened east and west: the figure keeps the map's
    aspect, so a wide picture shows more than its x range."""
    from dashboard.context import place_labels, subdivision_lines

    wide = bbox[2] - bbox[0]
    bbox = (max(-180.0, bbox[0] - wide), max(-85.0, bbox[1]), min(180.0, bbox[2] + wide), min(85.0, bbox[3]))
    xs, ys = [], []
    for path in subdivision_lines(tuple(round(v, 2) for v in bbox)):
        xs += [x for x, _ in path] + [None]
        ys += [y for _, y in path] + [None]
    if xs:
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#9a86ad", "width": 0.5}, hoverinfo="skip",
                                 name="subdivisions", showlegend=False))
    px = (bbox[3] - bbox[1]) / 600  # degrees per pixel, about (x and y alike)
    names = []
    for p in sorted(place_labels(bbox, points, lang=lang, neighbours=False), key=lambda p: (-p["at_event"], -p["rank"])):
        if len(names) < 30 and all(abs(p["lat"] - q["lat"]) > 16 * px or
                                   abs(p["lon"] - q["lon"]) > 3.4 * px * (len(p["name"]) + len(q["name"]) + 2) for q in names):
            names.append(p)
    if names:
        fig.add_trace(go.Scatter(x=[p["lon"] for p in names], y=[p["lat"] for p in names], mode="text",
                                 text=[_esc(p["name"]) for p in names], textposition="bottom center",
                                 textfont={"size": 11, "color": "#444"}, hoverinfo="skip", name="places", showlegend=False))


def timeline_figure(rows: list[dict], *, height: int = 360, lang: str = "de") -> go.Figure:
    """Day events as markers; seasons, months and year ranges as bars across their span; lanes
    and legend named by the types' labels in `lang`, not their ids."""
    from dashboard.i18n import t

    fig = go.Figure()
    palette = type_colors([r["event_type"] for r in rows])
    dated = [r for r in rows if r["date_start"]]

    def _ms(r):
        d0, d1 = dt.date.fromisoformat(r["date_start"]), dt.date.fromisoformat(r["date_end"])
        return ((d1 - d0).days + 1) * 86_400_000

    for etype in sorted({r["event_type"] for r in dated}):
        label = t("type_" + etype, lang)
        spans = [r for r in dated if r["event_type"] == etype and r["date_start"] != r["date_end"]]
        days = [r for r in dated if r["event_type"] == etype and r["date_start"] == r["date_end"]]
        if spans:
            fig.add_trace(go.Bar(
                y=[label] * len(spans), x=[_ms(r) for r in spans], base=[r["date_start"] for r in spans], orientation="h",
                marker={"color": palette[etype], "opacity": 0.55}, width=0.5, name=label, legendgroup=etype,
                text=[_hover(r) for r in spans], hoverinfo="text", textposition="none", customdata=[r["id"] for r in spans],
            ))
        if days:
            fig.add_trace(go.Scatter(
                y=[label] * len(days), x=[r["date_start"] for r in days], mode="markers", name=label, legendgroup=etype,
                showlegend=not spans, marker={"color": palette[etype], "size": 13, "symbol": "diamond", "line": {"width": 1, "color": "white"}},
                text=[_hover(r) for r in days], hoverinfo="text", customdata=[r["id"] for r in days],
            ))
    fig.update_layout(
        height=height, margin={"l": 10, "r": 10, "t": 10, "b": 30}, barmode="overlay", showlegend=False,
        xaxis={"type": "date"}, yaxis={"automargin": True}, clickmode="event+select", dragmode="select", plot_bgcolor="white",
    )
    return fig


def embed_id(features: list[dict], title: str) -> str:
    """A short id naming one embed on a host page, the same for the same events and title."""
    key = title + "\n" + "\n".join(sorted(f["properties"]["id"] for f in features))
    return "geo-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def embed_html(features: list[dict], *, title: str, source_line: str, lang: str = "de", mode: str = "both",
               documents: list[dict] | None = None, intro: str = "", source_html: str | None = None,
               fallback: str = "embed.png") -> str:
    """The story embed (dashboard/embed): map, timeline, filters and details in one static page
    of a few kilobytes of plain JS and the events' JSON; no library, no external request."""
    from dashboard.embed.page import embed_page
    from dashboard.embed.payload import embed_payload

    payload = embed_payload(features, documents=documents or [], lang=lang)
    return embed_page(payload, title=title, intro=intro, source_html=source_html or _esc(source_line),
                      fallback=fallback, mode=mode, embed_id=embed_id(features, title))


def to_csv(features: list[dict]) -> str:
    """One row per event; lists joined with '; ', the first quote included; no formula cells."""
    buf = io.StringIO()
    cols = ["id", "title", "event_type", "date_start", "date_end", "date_precision", "date_basis", "date_text", "place_name",
            "place_type", "place_id", "lat", "lon", "actors", "cited_sources", "documents", "confidence", "method", "quote"]
    # RFC 4180 line ends: csv then quotes a cell holding a lone CR, which a reader would take as a row end
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\r\n")
    w.writeheader()
    for r in _rows(features):
        row = {**{c: r.get(c) for c in cols}, "actors": "; ".join(r["actors"]), "cited_sources": "; ".join(r["cited_sources"]),
               "documents": "; ".join(r["documents"]), "quote": r["evidence"][0]["quote"] if r["evidence"] else ""}
        w.writerow({k: csv_cell(v) for k, v in row.items()})
    return buf.getvalue()


def to_geojson(features: list[dict], documents: list[dict]) -> str:
    return json.dumps({"type": "FeatureCollection", "generated_from": documents, "features": features}, ensure_ascii=False, indent=1)


def to_timelinejs(features: list[dict], *, title: str) -> dict:
    """TimelineJS 3 JSON: dated events only (TimelineJS cannot place undated ones)."""
    events = []
    for r in _rows(features):
        if not r["date_start"]:
            continue
        y0, m0, d0 = (int(x) for x in r["date_start"].split("-"))
        y1, m1, d1 = (int(x) for x in r["date_end"].split("-"))
        start = {"year": y0}
        end = {"year": y1}
        if r["date_precision"] in ("day", "week", "month", "season", "quarter"):
            start["month"], end["month"] = m0, m1
        if r["date_precision"] in ("day", "week"):
            start["day"], end["day"] = d0, d1
        quote = r["evidence"][0]["quote"] if r["evidence"] else ""
        item = {
            "unique_id": r["id"], "start_date": start, "group": r["event_type"],
            "text": {"headline": _esc(r["title"]), "text": f"<p>{_esc(quote)}</p><p>{_esc(r['place_name'] or '')}</p>"},
        }
        if end != start:
            item["end_date"] = end
        events.append(item)
    return {"title": {"text": {"headline": _esc(title), "text": ""}}, "events": events}


def iframe_snippet(src: str, *, title: str, embed_id: str, height: int = 700) -> str:
    """The host page's code: an iframe whose height follows the height the embed posts."""
    from dashboard.embed.host import host_snippet

    return host_snippet(src, embed_id=embed_id, title=title, height=height)


def source_line(col: dict, lang: str, *, sources=None, as_of=None) -> tuple[str, str]:
    """'Quelle: Outlet A, Outlet B · Stand: 2. Mai 2025' as plain text and as HTML with the
    outlets' http(s) links. `sources` ((name, url) pairs, e.g. from story.yaml) win over the
    documents' outlets; documents without an outlet are counted, never named by file name."""
    from dashboard.details import safe_url
    from dashboard.embed.payload import text
    from dashboard.dates import day_words
    from dashboard.story import _date

    t = text(lang)
    docs = col.get("generated_from", [])
    if not sources:
        links: dict[str, str | None] = {}
        for d in docs:
            outlet = " ".join(str(d.get("outlet") or "").split())
            if outlet:
                links[outlet] = links.get(outlet) or safe_url(d.get("url"))
        sources = sorted(links.items(), key=lambda kv: kv[0].casefold())
    names = [n for n, _ in sources]
    html_names = [f'<a href="{_esc(u)}" target="_blank" rel="noopener noreferrer">{_esc(n)}</a>' if safe_url(u) else _esc(n)
                  for n, u in sources]
    unnamed = sum(1 for d in docs if not d.get("outlet")) if not names else 0
    if unnamed:
        names.append(t["no_outlet"].format(n=unnamed))
        html_names.append(_esc(names[-1]))
    as_of = as_of or max((_date(d.get("published")) for d in docs if _date(d.get("published"))), default=None)
    when = f" · {t['as_of']}: {day_words(as_of, lang)}" if as_of else ""
    head = f"{t['source_line']}: "
    return head + ", ".join(names) + when, _esc(head) + ", ".join(html_names) + _esc(when)


def export_all(col: dict, out_dir: str | Path, *, features: list[dict] | None = None, title: str = "Events",
               lang: str = "de", base_url: str = "", intro: str = "", sources=None, as_of=None) -> list[Path]:
    """Write every export for `features` (default: all events) into `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    feats = col["features"] if features is None else features
    docs = col.get("generated_from", [])
    src_text, src_html = source_line(col, lang, sources=sources, as_of=as_of)
    page = functools.partial(embed_html, feats, title=title, source_line=src_text, source_html=src_html,
                             lang=lang, documents=docs, intro=intro)
    files = {
        "embed.html": page(),
        "map.html": page(mode="map"),
        "timeline.html": page(mode="timeline"),
        "events.geojson": to_geojson(feats, docs),
        "events.csv": to_csv(feats),
        "timelinejs.json": json.dumps(to_timelinejs(feats, title=title), ensure_ascii=False, indent=1),
        "embed-snippet.html": iframe_snippet(f"{base_url}embed.html", title=title, embed_id=embed_id(feats, title)),
    }
    written = []
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    written += write_timeline_images(feats, out, lang=lang)
    written.append(write_fallback_image(feats, out / "embed.png", title=title, source=src_text, lang=lang))
    return written


def _kaleido_browser() -> None:
    if os.path.exists("/usr/bin/chromium"):
        os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")


def write_timeline_images(features: list[dict], out: Path, *, lang: str = "de") -> list[Path]:
    """PNG (social media) and SVG (print) of the timeline, rendered by kaleido in chromium."""
    _kaleido_browser()
    fig = timeline_figure(_rows(features), height=500, lang=lang)
    fig.update_layout(width=1200, showlegend=True)
    paths = [out / "timeline.png", out / "timeline.svg"]
    for p in paths:
        fig.write_image(str(p), scale=2 if p.suffix == ".png" else 1)
    return paths


def write_fallback_image(features: list[dict], path: Path, *, title: str, source: str, lang: str = "de") -> Path:
    """The embed's picture for readers without JavaScript (its <noscript>): map above timeline,
    with title and source line, 1000 px wide."""
    from plotly.subplots import make_subplots

    _kaleido_browser()
    rows = _rows(features)
    fig = make_subplots(rows=2, cols=1, row_heights=[0.6, 0.4], vertical_spacing=0.08)
    mapf, tl = map_figure(rows, lang=lang), timeline_figure(rows, lang=lang)
    for tr in mapf.data:
        fig.add_trace(tr.update(showlegend=False), row=1, col=1)
    for tr in tl.data:
        fig.add_trace(tr, row=2, col=1)
    fig.update_xaxes(mapf.layout.xaxis, row=1, col=1)
    fig.update_yaxes(mapf.layout.yaxis.update(scaleanchor="x"), row=1, col=1)
    fig.update_xaxes(type="date", row=2, col=1)
    fig.update_yaxes(automargin=True, row=2, col=1)
    fig.update_layout(width=1000, height=900, showlegend=False, plot_bgcolor="white", barmode="overlay",
                      margin={"l": 10, "r": 10, "t": 50, "b": 50},
                      title={"text": _esc(title), "x": 0.01, "font": {"size": 18}})
    fig.update_layout(annotations=[{"text": _esc(source), "xref": "paper", "yref": "paper", "x": 0, "y": -0.06,
                                    "showarrow": False, "xanchor": "left", "font": {"size": 12, "color": "#444"}}])
    fig.layout.xaxis.update(showgrid=False)
    fig.write_image(str(path), scale=1)
    return path


def main(argv: list[str] | None = None) -> int:
    from dashboard.story import build_story, read_config, story_path

    ap = argparse.ArgumentParser(prog="python -m dashboard.export", description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", default="data/events.geojson")
    ap.add_argument("--out", default="exports")
    ap.add_argument("--title", default=None, help="default: the story's title (story.yaml beside --events)")
    ap.add_argument("--lang", choices=("de", "en"), default="de")
    ap.add_argument("--actor", default=None)
    ap.add_argument("--event-type", default=None)
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument("--verified-only", action="store_true")
    ap.add_argument("--base-url", default="", help="where embed.html will be hosted, for the iframe snippet")
    args = ap.parse_args(argv)
    col = read_events(args.events).model_dump(mode="json")
    feats = select_features(col["features"], actor=args.actor, event_type=args.event_type,
                            min_confidence=args.min_confidence, verified_only=args.verified_only)
    config = read_config(story_path(Path(args.events)))
    story = build_story(config, documents={d["id"]: d for d in col.get("generated_from", [])},
                        n_events=len(feats), lang=args.lang)
    title = args.title or (story.title if config.get("title") else
                           ("Ereignisse auf Karte und Zeitleiste" if args.lang == "de" else "Events on map and timeline"))
    written = export_all(col, args.out, features=feats, title=title, lang=args.lang, base_url=args.base_url,
                         intro=story.intro if config.get("intro") else "", sources=list(story.sources) or None,
                         as_of=story.as_of)
    print(f"{len(feats)} events exported: " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
