"""Events -> the compact JSON an embed carries: only the fields it shows, names listed once.

Coordinates are projected here (Web Mercator, a world 1000 units wide) and rounded, area
outlines simplified to what a 1000-pixel-wide frame can show, and the country outlines
limited to the neighbourhood of the events, with the subdivision borders and place names
around the view (dashboard/context.py), so the page needs no map library and no tiles.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from importlib import resources

from shapely.geometry import box, shape

from dashboard.dates import interval_words, range_words, short_phrases
from dashboard.details import place_kind, reader_title, safe_url
from dashboard.i18n import t
from geo.contract import EVENT_TYPES

WORLD = 1000.0  # map units across the whole world
MAX_QUOTES = 2
MAX_QUOTE_CHARS = 400

# The page's own words; type labels come from the taxonomy through dashboard.i18n.
TEXT = {
    "de": {"map": "Karte", "timeline": "Zeitleiste", "actor": "Akteur", "source": "Quelle der Angabe",
           "all": "alle", "showing": "{n} von {total} Ereignissen", "clear": "Auswahl aufheben",
           "hint": "Ein Ereignis in Karte, Zeitleiste oder Liste anklicken, um Details zu sehen.",
           "undated": "Ohne Datum", "unlocated": "Ohne Ort", "legend": "Legende",
           "shapes": "Kreise: Orte; Quadrate: Regionen, Länder und Meere, deren Fläche hell hinterlegt ist; "
                     "Rauten: Ereignisse an einem Tag; Balken: Zeiträume.",
           "date": "Datum", "place": "Ort", "type": "Art", "actors": "Akteure", "sources": "laut",
           "reported": "Berichtet von", "none": "keine", "source_line": "Quelle", "as_of": "Stand",
           "no_outlet": "{n} Dokument(e) ohne Angabe des Mediums", "filters": "Filter",
           "alt": "Karte und Zeitleiste mit {n} Ereignissen", "fallback": "Statisches Bild der Karte und Zeitleiste",
           "list": "Alle Ereignisse", "download": "Story-Embed herunterladen (ZIP)",
           "download_help": "Statische Dateien (embed.html, embed.png, Einbettungscode) für eine Website oder ein "
                            "CDN: Karte, Zeitleiste und Filter laufen ohne diesen Server."},
    "en": {"map": "Map", "timeline": "Timeline", "actor": "Actor", "source": "According to",
           "all": "all", "showing": "{n} of {total} events", "clear": "Clear selection",
           "hint": "Click an event on the map, the timeline or a list to see its details.",
           "undated": "Undated", "unlocated": "No place", "legend": "Legend",
           "shapes": "Circles: places; squares: regions, countries and seas, whose area is shaded; "
                     "diamonds: events on one day; bars: periods.",
           "date": "Date", "place": "Place", "type": "Type", "actors": "Actors", "sources": "According to",
           "reported": "Reported by", "none": "none", "source_line": "Source", "as_of": "As of",
           "no_outlet": "{n} document(s) without a named outlet", "filters": "Filters",
           "alt": "Map and timeline of {n} events", "fallback": "Static image of the map and timeline",
           "list": "All events", "download": "Download story embed (ZIP)",
           "download_help": "Static files (embed.html, embed.png, the embed code) for a website or a CDN: map, "
                            "timeline and filters run without this server."},
}


def text(lang: str) -> dict:
    """The page's words in `lang` (English when unknown)."""
    return TEXT.get(lang, TEXT["en"])


def _xy(lon: float, lat: float) -> tuple[float, float]:
    lat = max(-85.0, min(85.0, lat))
    x = (lon + 180.0) / 360.0 * WORLD
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * WORLD
    return round(x, 2), round(y, 2)


def _path(geom, tolerance: float) -> str:
    """SVG path data of a (multi)polygon's outer rings, simplified by `tolerance` degrees."""
    g = geom.simplify(tolerance, preserve_topology=False) if tolerance else geom
    polys = getattr(g, "geoms", [g])
    out = []
    for poly in polys:
        ring = getattr(poly, "exterior", None)
        if ring is None or poly.is_empty:
            continue
        pts, last = [], None
        for lon, lat in ring.coords:
            p = tuple(round(v, 1) for v in _xy(lon, lat))
            if p != last:
                pts.append(p)
                last = p
        if len(pts) >= 3:
            out.append("M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z")
    return "".join(out)


def _bounds(points: list[tuple[float, float]]) -> list[float] | None:
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [min(xs), min(ys), max(xs), max(ys)]


def _outline(lonlat_bbox: tuple[float, float, float, float] | None, tolerance: float) -> str:
    """Country borders near the events from the project's own geometry (works offline)."""
    try:
        data = json.loads(resources.files("geo.ref").joinpath("countries.geojson").read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return ""
    if lonlat_bbox:
        w, s, e, n = lonlat_bbox
        pad = max(20.0, (e - w), (n - s))
        near = box(max(-180, w - pad), max(-85, s - pad), min(180, e + pad), min(85, n + pad))
    else:
        near = None
    parts = []
    for feat in data["features"]:
        try:
            geom = shape(feat["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if near is None or geom.intersects(near):
            parts.append(_path(geom, tolerance))
    return "".join(parts)


def _unproject(x: float, y: float) -> tuple[float, float]:
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / WORLD))))
    return x / WORLD * 360.0 - 180.0, lat


def _context(view: list[float], lonlat: list[tuple[float, float]], lang: str) -> tuple[str, list]:
    """Subdivision borders (an SVG path) and place names ([x, y, name, rank, at_event]) for the
    embed's view (dashboard/context.py). The frame never shows less than 80 x 56 map units
    (embed.js setView), and a wide frame shows more across, so the names' box is widened to
    match; the borders, which weigh more, are drawn only within a few degrees of the events
    (the region a reader of the story looks at), simplified to about two pixels of the view."""
    from dashboard.context import extent, place_labels, subdivision_lines

    w, h = max(view[2] - view[0], 80.0) * 2.0, max(view[3] - view[1], 56.0) * 1.5
    cx, cy = (view[0] + view[2]) / 2, (view[1] + view[3]) / 2
    (west, north), (east, south) = _unproject(max(0.0, cx - w / 2), max(0.0, cy - h / 2)), \
        _unproject(min(WORLD, cx + w / 2), min(WORLD, cy + h / 2))
    bbox = tuple(round(v, 2) for v in (west, max(-85.0, south), east, min(85.0, north)))
    places = [[*_xy(p["lon"], p["lat"]), p["name"], p["rank"], int(p["at_event"])]
              for p in place_labels(bbox, lonlat, lang=lang, neighbours=False)]
    lines = []
    if lonlat:
        xs, ys = [p[0] for p in lonlat], [p[1] for p in lonlat]
        pad = max(4.0, max(xs) - min(xs), max(ys) - min(ys))
        near = (max(bbox[0], min(xs) - pad), max(bbox[1], min(ys) - pad),
                min(bbox[2], max(xs) + pad), min(bbox[3], max(ys) + pad))
        for path in subdivision_lines(tuple(round(v, 2) for v in near), round(extent(bbox) / 600, 3)):
            pts = [tuple(round(v, 1) for v in _xy(lon, lat)) for lon, lat in path]
            pts = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
            if len(pts) >= 2:
                lines.append("M" + "L".join(f"{x:g} {y:g}" for x, y in pts))
    return "".join(lines), places


def _date_label(p: dict, lang: str) -> str:
    """The date once, as the dashboard's details give it: 'autumn 2023 (1 September –
    30 November 2023) · as written: “im Herbst 2023”' (dashboard.dates)."""
    quote = "„{}“" if lang == "de" else "“{}”"
    if not p["date_start"]:
        phrases = short_phrases(p["date_text"])
        return ", ".join(quote.format(x) for x in phrases)
    start, end = dt.date.fromisoformat(p["date_start"]), dt.date.fromisoformat(p["date_end"])
    words = interval_words(start, end, p["date_precision"], lang)
    if p["date_precision"] in ("season", "quarter", "week") and words != range_words(start, end, lang):
        words += f" ({range_words(start, end, lang)})"
    phrases = short_phrases(p["date_text"], skip=interval_words(start, end, p["date_precision"], lang))
    return words + (f" · {t('as_written', lang)}: " + ", ".join(quote.format(x) for x in phrases) if phrases else "")


def _place_label(p: dict, lang: str) -> str:
    if not p["place_name"]:
        return ""
    return f"{p['place_name']} ({t('place_' + place_kind(p['place_type'], p.get('place_id')), lang)})"


def _document_label(meta: dict) -> dict:
    """What a reader sees of a document: title, outlet, date and an http(s) link, never its file
    name ('' when the document has none of them)."""
    bits = [" ".join(str(meta.get(k)).split()) for k in ("title", "outlet", "published") if meta.get(k)]
    return {"n": " · ".join(bits), "u": safe_url(meta.get("url"))}


def embed_payload(features: list[dict], *, documents: list[dict], lang: str) -> dict:
    """The JSON the embed carries for `features` in `lang`: events, names listed once and
    referred to by index, projected points, simplified areas, outlines and the view to show."""
    actors = Counter(a for f in features for a in f["properties"]["actors"])
    sources = Counter(s for f in features for s in f["properties"]["cited_sources"])
    actor_list = [a for a, _ in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0].casefold()))]
    source_list = [s for s, _ in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0].casefold()))]
    a_ix, s_ix = {a: i for i, a in enumerate(actor_list)}, {s: i for i, s in enumerate(source_list)}
    present = {f["properties"]["event_type"] for f in features}
    types = [x for x in EVENT_TYPES if x in present]
    from dashboard.map_layers import type_colors

    colors = type_colors(types)
    ty_ix = {x: i for i, x in enumerate(types)}
    doc_meta = {d.get("id"): d for d in documents}
    doc_ids = sorted({d for f in features for d in f["properties"]["documents"]})
    d_ix = {d: i for i, d in enumerate(doc_ids)}

    lonlat = []
    for f in features:
        if f.get("geometry"):
            lonlat.append(tuple(f["geometry"]["coordinates"]))
        geom = f["properties"].get("place_geometry")
        if geom and geom.get("type") in ("Polygon", "MultiPolygon"):
            b = shape(geom).bounds
            lonlat += [(b[0], b[1]), (b[2], b[3])]
    llb = _bounds(lonlat)
    span = max(llb[2] - llb[0], llb[3] - llb[1]) if llb else 360.0
    tolerance = max(0.01, span / 600)  # about a pixel at 600 px across the events

    areas: list[str] = []
    area_ix: dict[str, int] = {}
    events = []
    for f in features:
        p = f["properties"]
        ev = {"id": p["id"], "t": reader_title(p["title"], p["event_type"], p.get("language"), lang,
                                               place_name=p["place_name"], actors=p["actors"]),
              "k": ty_ix[p["event_type"]]}
        if p["date_start"]:
            ev["d0"], ev["d1"] = p["date_start"], p["date_end"]
        ev["dl"] = _date_label(p, lang)
        ev["pl"] = _place_label(p, lang)
        if f.get("geometry"):
            ev["x"], ev["y"] = _xy(*f["geometry"]["coordinates"])
        geom = p.get("place_geometry")
        if geom and geom.get("type") in ("Polygon", "MultiPolygon"):
            key = json.dumps(geom, sort_keys=True)
            if key not in area_ix:
                area_ix[key] = len(areas)
                areas.append(_path(shape(geom), tolerance))
            ev["a"] = area_ix[key]
            b = shape(geom).bounds
            ev["b"] = [*_xy(b[0], b[3]), *_xy(b[2], b[1])]
            if "x" not in ev:
                c = shape(geom).representative_point()
                ev["x"], ev["y"] = _xy(c.x, c.y)
        ev["ac"] = [a_ix[a] for a in p["actors"]]
        ev["cs"] = [s_ix[s] for s in p["cited_sources"]]
        quotes = [e["quote"] for e in p["evidence"]][:MAX_QUOTES]
        ev["q"] = [q if len(q) <= MAX_QUOTE_CHARS else q[:MAX_QUOTE_CHARS - 1] + "…" for q in quotes]
        ev["dc"] = [d_ix[d] for d in p["documents"]]
        events.append(ev)

    pts = [(e["x"], e["y"]) for e in events if "x" in e] + [
        (b[0], b[1]) for e in events if "b" in e for b in (e["b"][:2], e["b"][2:])]
    view = _bounds(pts) or [0.0, 0.0, WORLD, WORLD * 0.75]
    lines, places = _context(view, [tuple(f["geometry"]["coordinates"]) for f in features if f.get("geometry")], lang)
    return {
        "lang": lang,
        "types": [{"id": x, "label": t("type_" + x, lang), "color": colors.get(x, "#999999")} for x in types],
        "actors": actor_list, "sources": source_list,
        "docs": [_document_label(doc_meta.get(d, {})) for d in doc_ids],
        "events": events, "areas": areas,
        "outline": _outline(llb, tolerance * 3),  # context only: coarser than the events
        "lines": lines, "places": places,  # subdivision borders and place names around the view
        "view": [round(v, 2) for v in view],
        "text": text(lang),
    }
