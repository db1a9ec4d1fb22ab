"""The map's context without tiles (dashboard/context.py): subdivision lines and place names
near the events, chosen by the view's extent, in the reader's language, and small."""
from __future__ import annotations

import json

import numpy as np
import pytest

from dashboard import context
from dashboard.data import events_from_collection
from dashboard.map_layers import build_deck, fit_view, type_colors
from geo.contract import validate_collection
from tests.export_fixture import _feature, collection


def _place(name: str) -> tuple[float, float, int]:
    """(lon, lat, population) of the most populous place of that name in the gazetteer."""
    pl = context.places()
    ix = [i for i, n in enumerate(pl.names) if n == name]
    i = max(ix, key=lambda k: pl.population[k])
    return float(pl.lon[i]), float(pl.lat[i]), int(pl.population[i])


def _small_town_near(lon: float, lat: float, lo: int, hi: int, within: float) -> tuple[str, float, float]:
    """The most populous place of lo..hi inhabitants within `within` degrees of a point."""
    pl = context.places()
    near = np.flatnonzero((np.abs(pl.lon - lon) < within) & (np.abs(pl.lat - lat) < within)
                          & (pl.population >= lo) & (pl.population < hi))
    i = near[np.argmax(pl.population[near])]
    return pl.names[i], float(pl.lon[i]), float(pl.lat[i])


def _frame(*points):
    col = collection()
    col["features"] = [_feature(f"ev_{k}", "Ein Ereignis", "raid_arrest", "2025-04-07", "2025-04-07", "day", lon, lat)
                       for k, (lon, lat) in enumerate(points)]
    return events_from_collection(validate_collection(col)).frame


def _layers(frame, lang="en", **kw):
    deck = json.loads(build_deck(frame, outline=None, colors=type_colors(list(frame["event_type"])),
                                 lang=lang, **kw).to_json())
    return {layer["id"]: layer for layer in deck["layers"]}


def _names(layers) -> set[str]:
    return {x["name"] for key in ("context-labels", "context-event-places") for x in layers.get(key, {}).get("data", [])}


def test_an_event_in_a_small_town_gets_the_towns_around_it_and_not_far_ones():
    town, lon, lat = _small_town_near(*_place("Ulm")[:2], 2_000, 15_000, 0.3)
    neighbour, nlon, nlat = _small_town_near(lon, lat, 500, 1_000_000, 0.3)
    far, *_ = _small_town_near(*_place("Hamburg")[:2], 2_000, 15_000, 0.3)
    layers = _layers(_frame((lon, lat)))
    assert town in {x["name"] for x in layers["context-event-places"]["data"]}  # named under its point
    assert neighbour in _names(layers)
    assert far not in _names(layers)
    assert "context-subdivisions" in layers  # Ulm lies on the Bavarian border
    # the subdivision lines come clipped to the view (and a little around it)
    w, s, e, n = context.view_box(*(getattr(fit_view(_frame((lon, lat))), k) for k in ("longitude", "latitude", "zoom")))
    coords = [pt for p in layers["context-subdivisions"]["data"] for pt in p["path"]]
    assert all(w - 0.01 <= x <= e + 0.01 and s - 0.01 <= y <= n + 0.01 for x, y in coords)


def test_the_smallest_population_named_grows_with_the_views_extent():
    assert context.min_population((9.9, 48.3, 10.1, 48.5)) < context.min_population((5, 45, 15, 55)) \
        < context.min_population((-30, 30, 40, 70)) < context.min_population((-180, -60, 180, 80))
    lon, lat, _ = _place("Ulm")
    town, *_ = _small_town_near(lon, lat, 2_000, 5_000, 0.3)
    small_view = (lon - 0.4, lat - 0.3, lon + 0.4, lat + 0.3)
    wide_view = (lon - 8, lat - 5, lon + 8, lat + 5)
    assert town in {x["name"] for x in context.place_labels(small_view)}
    wide = {x["name"] for x in context.place_labels(wide_view)}
    assert town not in wide and "Munich" in wide
    assert len(context.place_labels(wide_view)) <= context.VIEW_LABELS


def test_a_german_reader_reads_german_names_and_an_english_reader_english_ones():
    munich, milan = _place("Munich"), _place("Milan")
    en, de = _layers(_frame(munich[:2], milan[:2]), "en"), _layers(_frame(munich[:2], milan[:2]), "de")
    assert {"Munich", "Milan"} <= _names(en) and not {"München", "Mailand"} & _names(en)
    assert {"München", "Mailand"} <= _names(de) and not {"Munich", "Milan"} & _names(de)
    # German towns keep their own names in both languages
    assert "Augsburg" in _names(en) and "Augsburg" in _names(de)


def test_every_german_name_of_the_list_finds_its_place():
    pl = context.places()
    listed = {line for line in context.GERMAN_NAMES.read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")}
    assert listed == {de for de, name in zip(pl.names_de, pl.names) if de != name}


def test_a_us_town_gets_its_state_lines_and_neighbours():
    town, lon, lat = _small_town_near(*_place("Kansas City")[:2], 2_000, 15_000, 0.4)
    layers = _layers(_frame((lon, lat)))
    assert town in _names(layers)
    assert layers["context-subdivisions"]["data"]  # Missouri and Kansas: us_states.geojson


def test_many_events_get_only_the_large_places_in_view_and_the_deck_stays_small():
    pl = context.places()
    rng = np.random.default_rng(1)
    pick = rng.choice(np.flatnonzero(pl.population > 100_000), 6000)
    frame = _frame(*zip(pl.lon[pick].tolist(), pl.lat[pick].tolist()))
    layers = _layers(frame)
    assert "event-grid" in layers and "context-event-places" not in layers
    assert 0 < len(layers["context-labels"]["data"]) <= context.VIEW_LABELS
    assert "context-subdivisions" not in layers  # the world: the countries say enough
    assert min(_place(x["name"])[2] for x in layers["context-labels"]["data"]) >= 2_000_000


def test_with_tiles_the_tiles_name_the_places():
    assert not {k for k in _layers(_frame(_place("Ulm")[:2]), basemap=True) if k.startswith("context")}


def test_labels_are_plain_text():
    assert context._safe("@@=evil()") == ""
    assert context._safe("Ort\x00\u202e") == "Ort"
    assert context._safe("Saint-Jean-d’Acre") == "Saint-Jean-d’Acre"


def test_the_decks_json_is_compact():
    spec = build_deck(_frame(_place("Ulm")[:2]), outline=None, colors={}).to_json()
    assert "\n" not in spec and ": " not in spec.replace('": "', "")[:2000]
    assert json.loads(spec)["layers"]


@pytest.mark.parametrize("zoom,wider", [(4.5, 2.0), (8.0, 0.2)])
def test_the_view_box_matches_the_zoom(zoom, wider):
    w, s, e, n = context.view_box(10.0, 50.0, zoom)
    assert e - w == pytest.approx(context.VIEW_PX[0] / (512 * 2 ** zoom) * 360)
    assert s < 50 < n and (e - w) > wider


def test_an_event_in_a_city_is_at_the_city_not_at_the_district_nearest_its_point():
    lon, lat, _ = _place("Berlin")
    layers = _layers(_frame((lon - 0.01, lat - 0.02)))
    assert [x["name"] for x in layers["context-event-places"]["data"]] == ["Berlin"]
    town, tlon, tlat = _small_town_near(*_place("Ulm")[:2], 2_000, 15_000, 0.3)
    assert [x["name"] for x in _layers(_frame((tlon, tlat)))["context-event-places"]["data"]] == [town]


def test_the_names_of_event_places_keep_other_names_off_them_and_do_not_pile_up():
    # the place an event is at outranks every other name in deck.gl's collision test (whose
    # priorities must lie within ±1000), through an invisible copy drawn larger
    denver, aurora = _place("Denver"), _place("Aurora")
    layers = _layers(_frame(denver[:2]))
    keepout = layers["context-event-places-keepout"]
    assert [x["name"] for x in keepout["data"]] == ["Denver"] and keepout["getColor"][3] < 20
    assert max(x["rank"] for x in layers["context-labels"]["data"]) < keepout["data"][0]["rank"] <= 1000
    assert "Aurora" in {x["name"] for x in layers["context-labels"]["data"]}  # still named, when there is room
    # each name is tested whole, as its box, and drawn from the atlas itself (its mipmaps lost
    # the thin letters of 12-pixel names)
    for layer in (keepout, layers["context-labels"]):
        assert layer["background"] and layer["getBackgroundColor"][3] == 0
    for layer in layers.values():
        if layer["@@type"] == "TextLayer":
            assert layer["_subLayerProps"]["characters"]["textureParameters"]["mipmapFilter"] == "none"
    # two event places whose names would overlap in the first view: the smaller is named like
    # any other place (centred, when there is room), not under its point
    bogota, caracas = _place("Bogotá"), _place("Caracas")
    world = _layers(_frame(bogota[:2], caracas[:2], _place("Tokyo")[:2]))
    under = [x["name"] for x in world["context-event-places"]["data"]]
    assert len(under) == 2 and "Tokyo" in under
    assert {"Bogotá", "Caracas"} - set(under) <= {x["name"] for x in world["context-labels"]["data"]}
