"""The embed's HTML page: the template in static/ filled with escaped text, the payload as
JSON that cannot end its <script> element, and a Content-Security-Policy that runs only this
page's own script and style (by hash) and fetches nothing but the fallback image beside it."""
from __future__ import annotations

import base64
import hashlib
import html
import json
from importlib import resources
from string import Template

_STATIC = resources.files("dashboard.embed") / "static"


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _script_json(obj) -> str:
    """Minified JSON that cannot end the <script> element it sits in."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _static(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


def _views(mode: str, t: dict) -> str:
    parts = []
    if mode in ("both", "map"):
        parts.append(f'<section class="view" aria-label="{_esc(t["map"])}"><h2>{_esc(t["map"])}</h2>'
                     '<div id="map"></div><div id="unlocated"></div></section>')
    if mode in ("both", "timeline"):
        parts.append(f'<section class="view" aria-label="{_esc(t["timeline"])}"><h2>{_esc(t["timeline"])}</h2>'
                     '<div id="timeline"></div><div id="undated"></div></section>')
    return "\n".join(parts)


def embed_page(payload: dict, *, title: str, intro: str = "", source_html: str, fallback: str = "embed.png",
               mode: str = "both", embed_id: str = "geo-embed") -> str:
    """The page for `payload` (see payload.embed_payload). `source_html` is already escaped
    (it carries the outlets' links); every other string is escaped here."""
    t = payload["text"]
    js, css = _static("embed.js"), _static("embed.css")
    csp = (f"default-src 'none'; script-src {_sha256(js)}; style-src {_sha256(css)}; "
           "img-src 'self' data:; base-uri 'none'; form-action 'none'")
    listing = "".join(f"<li>{_esc(e['dl'])}: {_esc(e['t'])}</li>" if e.get("dl") else f"<li>{_esc(e['t'])}</li>"
                      for e in payload["events"])
    return Template(_static("page.html")).substitute(
        lang=_esc(payload["lang"]), csp=csp, title=_esc(title), css=css, mode=_esc(mode),
        intro=f'<p class="intro">{_esc(intro)}</p>' if intro else "",
        fallback=_esc(fallback), alt=_esc(t["alt"].format(n=len(payload["events"]))), listing=listing,
        filters_label=_esc(t["filters"]), legend_label=_esc(t["legend"]), clear_label=_esc(t["clear"]),
        details_label=_esc(t["hint"]), views=_views(mode, t), source=source_html,
        data=_script_json({**payload, "embedId": embed_id}), js=js,
    )
