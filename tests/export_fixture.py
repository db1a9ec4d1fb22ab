"""A small synthetic events collection (invented, not from any article) for export tests."""


def _feature(eid, title, etype, start, end, precision, lon=None, lat=None, geometry=None, actors=("Agency A",), quote="Ein Zitat."):
    props = {
        "id": eid, "title": title, "event_type": etype, "date_start": start, "date_end": end,
        "date_precision": precision if start else "undated", "date_basis": "explicit" if start else "none",
        "date_text": start or "", "place_name": "Somewhere" if lon is not None else None, "place_id": "geo:x" if lon is not None else None,
        "place_type": "admin1" if geometry else ("city" if lon is not None else "unknown"), "place_geometry": geometry,
        "actors": list(actors), "cited_sources": ["Report X"], "documents": ["doc.txt"],
        "evidence": [{"document": "doc.txt", "start": 0, "end": len(quote), "quote": quote, "sentence": quote, "sentence_start": 0}],
        "confidence": 0.8, "method": "extracted", "language": "de",
    }
    geom = {"type": "Point", "coordinates": [lon, lat]} if lon is not None else None
    return {"type": "Feature", "geometry": geom, "properties": props}


SQUARE = {"type": "Polygon", "coordinates": [[[10, 50], [14, 50], [14, 53], [10, 53], [10, 50]]]}


def collection(payload_title: str = "Stationierung in Nordstadt") -> dict:
    return {
        "type": "FeatureCollection", "schema_version": "1.0",
        "generated_from": [{"id": "doc.txt", "title": "Ein Artikel", "outlet": "Testblatt", "published": "2025-05-01", "url": None}],
        "features": [
            _feature("ev_a", payload_title, "deployment", "2025-04-07", "2025-04-07", "day", 13.4, 52.5),
            _feature("ev_b", "Ermittlungen im Land", "investigation", "2023-09-01", "2023-11-30", "season", 12.0, 51.5, geometry=SQUARE, actors=("Agency B",)),
            _feature("ev_c", "Angriff auf See", "strike", "2021-01-01", "2024-12-31", "years", -75.0, 15.0),
            _feature("ev_d", "Undatiertes Ereignis", "statement", None, None, "undated", -66.5, 18.2),
        ],
    }
