"""Exports for editors: offline embeds, static timeline images, and data for other tools.

    python -m dashboard.export [--events data/events.geojson] [--out exports/] [--lang de|en]
                               [--actor NAME] [--event-type TYPE] [--min-confidence X]
                               [--verified-only] [--base-url URL]

Writes into --out: `embed.html` (map and timeline, synchronized, one self-contained file
that works from disk with the network off), `map.html`, `timeline.html`, `timeline.png`,
`timeline.svg`, `embed-snippet.html` (iframe code), `events.geojson`, `events.csv` and
`timelinejs.json` (TimelineJS's JSON format). Every untrusted string is escaped.
"""
from __future__ import annotations

import argparse
import csv
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

_TEXT = {
    "de": {"source": "Quelle", "as_of": "Stand", "events": "Ereignisse", "alt": "Karte und Zeitleiste mit {n} Ereignissen",
           "select": "Ein Ereignis in Karte oder Zeitleiste anklicken, um Details zu sehen.", "undated": "ohne Datum"},
    "en": {"source": "Source", "as_of": "As of", "events": "events", "alt": "Map and timeline of {n} events",
           "select": "Click an event on the map or the timeline to see its details.", "undated": "undated"},
}


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


def map_figure(rows: list[dict], *, height: int = 420) -> go.Figure:
    """An offline map: outlines, translucent areas for region-level places, markers for the rest."""
    bbox = _bbox(rows)
    palette = type_colors([r["event_type"] for r in rows])
    fig = go.Figure()
    ox, oy = _outline_lines(bbox)
    fig.add_trace(go.Scatter(x=ox, y=oy, mode="lines", line={"color": "#9aa5b1", "width": 0.7}, hoverinfo="skip", name="outline", showlegend=False))
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
    if bbox:
        pad = max(3.0, 0.15 * max(bbox[2] - bbox[0], bbox[3] - bbox[1]))
        xr, yr = [bbox[0] - pad, bbox[2] + pad], [bbox[1] - pad, bbox[3] + pad]
    else:
        xr, yr = [-180, 180], [-60, 80]
    fig.update_layout(
        height=height, margin={"l": 0, "r": 0, "t": 0, "b": 0}, plot_bgcolor="#eef3f7", dragmode="pan",
        xaxis={"range": xr, "visible": False}, yaxis={"range": yr, "visible": False, "scaleanchor": "x"},
        legend={"orientation": "h", "y": -0.02}, clickmode="event+select",
    )
    return fig


def timeline_figure(rows: list[dict], *, height: int = 360) -> go.Figure:
    """Day events as markers; seasons, months and year ranges as bars across their span."""
    fig = go.Figure()
    palette = type_colors([r["event_type"] for r in rows])
    dated = [r for r in rows if r["date_start"]]
    for etype in sorted({r["event_type"] for r in dated}):
        spans = [r for r in dated if r["event_type"] == etype and r["date_start"] != r["date_end"]]
        days = [r for r in dated if r["event_type"] == etype and r["date_start"] == r["date_end"]]
        if spans:
            import datetime as dt

            def _ms(r):
                d0, d1 = dt.date.fromisoformat(r["date_start"]), dt.date.fromisoformat(r["date_end"])
                return ((d1 - d0).days + 1) * 86_400_000

            fig.add_trace(go.Bar(
                y=[etype] * len(spans), x=[_ms(r) for r in spans], base=[r["date_start"] for r in spans], orientation="h",
                marker={"color": palette[etype], "opacity": 0.55}, width=0.5, name=etype, legendgroup=etype,
                text=[_hover(r) for r in spans], hoverinfo="text", textposition="none", customdata=[r["id"] for r in spans],
            ))
        if days:
            fig.add_trace(go.Scatter(
                y=[etype] * len(days), x=[r["date_start"] for r in days], mode="markers", name=etype, legendgroup=etype,
                showlegend=not spans, marker={"color": palette[etype], "size": 13, "symbol": "diamond", "line": {"width": 1, "color": "white"}},
                text=[_hover(r) for r in days], hoverinfo="text", customdata=[r["id"] for r in days],
            ))
    fig.update_layout(
        height=height, margin={"l": 10, "r": 10, "t": 10, "b": 30}, barmode="overlay", showlegend=False,
        xaxis={"type": "date"}, yaxis={"automargin": True}, clickmode="event+select", dragmode="select", plot_bgcolor="white",
    )
    return fig


def _script_json(obj) -> str:
    """JSON that cannot end the <script> element it sits in."""
    return json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _details_data(rows: list[dict]) -> dict:
    return {
        r["id"]: {
            "title": r["title"], "type": r["event_type"], "date": r["date_text"] or (r["date_start"] or ""),
            "precision": r["date_precision"], "place": r["place_name"] or "", "actors": r["actors"],
            "sources": r["cited_sources"], "quotes": [e["quote"] for e in r["evidence"]][:5],
            "bbox": _event_bbox(r),
        }
        for r in rows
    }


def _event_bbox(r: dict):
    geom = r.get("place_geometry")
    if geom and geom.get("type") in ("Polygon", "MultiPolygon"):
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        xs = [x for poly in polys for x, _ in poly[0]]
        ys = [y for poly in polys for _, y in poly[0]]
        return [min(xs), min(ys), max(xs), max(ys)]
    if r["lon"] is not None:
        return [r["lon"], r["lat"], r["lon"], r["lat"]]
    return None


_JS = r"""
(function () {
  const data = JSON.parse(document.getElementById('event-data').textContent);
  const mapDiv = document.getElementById('map'), tlDiv = document.getElementById('timeline');
  const details = document.getElementById('details'), status = document.getElementById('status');
  const initial = mapDiv ? [mapDiv.layout.xaxis.range.slice(), mapDiv.layout.yaxis.range.slice()] : null;
  function idsOf(ev) { return ev && ev.points ? ev.points.map(p => p.customdata).filter(Boolean) : []; }
  function dim(div, ids) {
    if (!div) return;
    div.data.forEach((tr, i) => {
      if (!tr.customdata || tr.name === 'outline') return;
      const op = tr.customdata.map(id => (!ids || ids.includes(id)) ? 1 : 0.15);
      if (tr.fill === 'toself') Plotly.restyle(div, {opacity: [(!ids || ids.includes(tr.customdata[0])) ? 0.35 : 0.05]}, [i]);
      else Plotly.restyle(div, {'marker.opacity': [op]}, [i]);
    });
  }
  function fit(ids) {
    if (!mapDiv) return;
    let b = null;
    (ids || []).forEach(id => { const e = data[id]; if (e && e.bbox) b = b ? [Math.min(b[0], e.bbox[0]), Math.min(b[1], e.bbox[1]), Math.max(b[2], e.bbox[2]), Math.max(b[3], e.bbox[3])] : e.bbox.slice(); });
    if (!b) { Plotly.relayout(mapDiv, {'xaxis.range': initial[0], 'yaxis.range': initial[1]}); return; }
    const pad = Math.max(2, 0.2 * Math.max(b[2] - b[0], b[3] - b[1]));
    Plotly.relayout(mapDiv, {'xaxis.range': [b[0] - pad, b[2] + pad], 'yaxis.range': [b[1] - pad, b[3] + pad]});
  }
  function show(ids) {
    details.replaceChildren();
    (ids || []).slice(0, 3).forEach(id => {
      const e = data[id]; if (!e) return;
      const box = document.createElement('article');
      const h = document.createElement('h3'); h.textContent = e.title; box.appendChild(h);
      const m = document.createElement('p'); m.className = 'meta';
      m.textContent = [e.date, e.place, e.actors.join(', ')].filter(Boolean).join(' · '); box.appendChild(m);
      e.quotes.forEach(q => { const b = document.createElement('blockquote'); b.textContent = q; box.appendChild(b); });
      details.appendChild(box);
    });
    status.textContent = ids ? ids.length + ' / ' + Object.keys(data).length : '';
    document.body.dataset.selected = ids ? ids.join(',') : '';
  }
  function select(ids) { ids = ids && ids.length ? ids : null; dim(mapDiv, ids); dim(tlDiv, ids); if (mapDiv) fit(ids); show(ids); }
  [mapDiv, tlDiv].forEach(div => { if (!div) return;
    div.on('plotly_click', ev => select(idsOf(ev)));
    div.on('plotly_selected', ev => select(idsOf(ev)));
    div.on('plotly_deselect', () => select(null));
  });
  document.getElementById('clear').addEventListener('click', () => select(null));
  window.geoSelect = select;
})();
"""


def embed_html(features: list[dict], *, title: str, source_line: str, lang: str = "de", mode: str = "both") -> str:
    """One self-contained HTML page: no external requests, plotly inlined, data escaped."""
    import plotly.io as pio
    from plotly.offline import get_plotlyjs

    t = _TEXT.get(lang, _TEXT["en"])
    rows = _rows(features)
    parts = []
    if mode in ("both", "map"):
        parts.append(("map", pio.to_json(map_figure(rows), validate=False)))
    if mode in ("both", "timeline"):
        parts.append(("timeline", pio.to_json(timeline_figure(rows), validate=False)))
    alt = t["alt"].format(n=len(rows))
    listing = "".join(f"<li>{_esc(r['date_text'] or r['date_start'] or t['undated'])}: {_esc(r['title'])}</li>" for r in rows)
    divs = "".join(f'<div id="{name}" class="chart" role="img" aria-label="{_esc(alt)}"></div>' for name, _ in parts)
    plots = "".join(
        f"Plotly.newPlot('{name}', JSON.parse(document.getElementById('fig-{name}').textContent).data, "
        f"JSON.parse(document.getElementById('fig-{name}').textContent).layout, {{responsive: true, displaylogo: false}});"
        for name, _ in parts
    )
    figs = "".join(f'<script type="application/json" id="fig-{name}">{spec.replace("<", chr(92) + "u003c")}</script>' for name, spec in parts)
    return f"""<!doctype html>
<html lang="{_esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>{_esc(title)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:0.5rem;color:#1b1f23}}h1{{font-size:1.1rem;margin:0 0 .3rem}}
.charts{{display:flex;flex-wrap:wrap;gap:.5rem}}.chart{{flex:1 1 420px;min-width:300px}}#details blockquote{{margin:.3rem 0;padding-left:.6rem;border-left:3px solid #0072B2}}
.meta{{color:#555;margin:.2rem 0}}.source{{font-size:.8rem;color:#555}}.sr-only{{position:absolute;left:-9999px}}</style></head>
<body><h1>{_esc(title)}</h1>
<div class="charts">{divs}</div>
<p><button id="clear" type="button">×</button> <span id="status"></span> <span>{_esc(t['select'])}</span></p>
<section id="details" aria-live="polite"></section>
<p class="source">{_esc(source_line)}</p>
<ul class="sr-only" aria-label="{_esc(alt)}">{listing}</ul>
<script type="application/json" id="event-data">{_script_json(_details_data(rows))}</script>
{figs}
<script>{get_plotlyjs()}</script>
<script>{plots}{_JS}</script>
</body></html>
"""


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


def iframe_snippet(src: str, *, title: str, source_line: str, alt: str, height: int = 820) -> str:
    """Responsive iframe: full width, height follows the width down to phone size."""
    return (
        f'<figure style="margin:0">\n'
        f'  <div style="position:relative;width:100%;height:0;padding-bottom:min({height}px,150%)">\n'
        f'    <iframe src="{_esc(src)}" title="{_esc(title)}" aria-label="{_esc(alt)}" loading="lazy" '
        f'style="position:absolute;inset:0;width:100%;height:100%;border:0"></iframe>\n'
        f"  </div>\n  <figcaption>{_esc(source_line)}</figcaption>\n</figure>\n"
    )


def source_line(col: dict, lang: str) -> str:
    t = _TEXT.get(lang, _TEXT["en"])
    docs = col.get("generated_from", [])
    outlets = sorted({d.get("outlet") or d.get("id") for d in docs})
    dates = sorted(d["published"] for d in docs if d.get("published"))
    as_of = f" · {t['as_of']}: {dates[-1]}" if dates else ""
    return f"{t['source']}: {', '.join(outlets)}{as_of}"


def export_all(col: dict, out_dir: str | Path, *, features: list[dict] | None = None, title: str = "Events",
               lang: str = "de", base_url: str = "") -> list[Path]:
    """Write every export for `features` (default: all events) into `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    feats = col["features"] if features is None else features
    src_line = source_line(col, lang)
    t = _TEXT.get(lang, _TEXT["en"])
    files = {
        "embed.html": embed_html(feats, title=title, source_line=src_line, lang=lang),
        "map.html": embed_html(feats, title=title, source_line=src_line, lang=lang, mode="map"),
        "timeline.html": embed_html(feats, title=title, source_line=src_line, lang=lang, mode="timeline"),
        "events.geojson": to_geojson(feats, col.get("generated_from", [])),
        "events.csv": to_csv(feats),
        "timelinejs.json": json.dumps(to_timelinejs(feats, title=title), ensure_ascii=False, indent=1),
        "embed-snippet.html": iframe_snippet(f"{base_url}embed.html", title=title, source_line=src_line, alt=t["alt"].format(n=len(feats))),
    }
    written = []
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    written += write_timeline_images(feats, out)
    return written


def write_timeline_images(features: list[dict], out: Path) -> list[Path]:
    """PNG (social media) and SVG (print) of the timeline, rendered by kaleido in chromium."""
    if os.path.exists("/usr/bin/chromium"):
        os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")
    fig = timeline_figure(_rows(features), height=500)
    fig.update_layout(width=1200, showlegend=True)
    paths = [out / "timeline.png", out / "timeline.svg"]
    for p in paths:
        fig.write_image(str(p), scale=2 if p.suffix == ".png" else 1)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dashboard.export", description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", default="data/events.geojson")
    ap.add_argument("--out", default="exports")
    ap.add_argument("--title", default=None)
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
    title = args.title or ("Ereignisse auf Karte und Zeitleiste" if args.lang == "de" else "Events on map and timeline")
    written = export_all(col, args.out, features=feats, title=title, lang=args.lang, base_url=args.base_url)
    print(f"{len(feats)} events exported: " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
