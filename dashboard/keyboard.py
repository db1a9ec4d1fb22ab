"""The timeline by keyboard: its events are focusable, arrow keys move between them, Enter picks
one (details, ring on the map), Escape clears the selection.

Plotly draws the events as SVG paths that no key reaches. A JavaScript-only component
(st.components.v2, which runs in the page itself, not in an iframe) gives each event marker a
roving tabindex, a role and its words as label, and sends "pick" or "clear" back to Python,
which changes the selection as a click would (selection.pick, selection.clear). The static
embed (dashboard/embed) does the same in its own page.
"""
from __future__ import annotations

import streamlit as st

from dashboard import selection

KEY = "geo-keys"

_JS = r"""
export default function (component) {
  const { parentElement, data, setTriggerValue } = component;
  const doc = parentElement.ownerDocument || document;
  const win = doc.defaultView;
  const st = win.__geoKeys || (win.__geoKeys = { id: null, restore: false, installed: false });
  st.send = setTriggerValue;
  st.active = !!(data && data.active);
  const SEL = '.js-plotly-plot .scatterlayer .trace .points path';
  const text = doc.createElement('textarea');
  const plain = (s) => { text.innerHTML = String(s); return text.value; };  // customdata is HTML-escaped

  function points() {
    const out = [];
    for (const el of doc.querySelectorAll(SEL)) {
      const trace = el.closest('.trace');
      const tr = trace && trace.__data__ && trace.__data__[0] && trace.__data__[0].trace;
      const pt = el.__data__;
      if (!tr || !pt || tr.name === '\u2605' || !tr.customdata) continue;  // the ring trace repeats events
      const c = tr.customdata[pt.i];
      if (!c || typeof c[0] !== 'string') continue;
      const r = el.getBoundingClientRect();
      out.push({ el, id: c[0], x: r.x + r.width / 2, y: r.y + r.height / 2,
                 label: Array.from(c).slice(1).filter((v) => v).map(plain).join(', ') });
    }
    out.sort((a, b) => (a.x - b.x) || (a.y - b.y));  // in time order, then top to bottom
    return out;
  }

  function decorate() {
    const pts = points();
    if (!pts.length) return;
    const cur = pts.find((p) => p.id === st.id) || pts[0];
    for (const p of pts) {
      if (p.el.getAttribute('data-geo-id') !== p.id) {
        p.el.setAttribute('data-geo-id', p.id);
        p.el.setAttribute('role', 'button');
        p.el.setAttribute('aria-label', p.label);
      }
      const tab = p === cur ? '0' : '-1';
      if (p.el.getAttribute('tabindex') !== tab) p.el.setAttribute('tabindex', tab);
    }
    if (st.restore && cur.id === st.id && doc.activeElement !== cur.el) cur.el.focus();
  }

  function hover(p) {  // plotly's own tooltip at the point, as the mouse would show it
    const drag = p.el.closest('.js-plotly-plot').querySelector('.nsewdrag');
    if (drag) drag.dispatchEvent(new MouseEvent('mousemove', { clientX: p.x, clientY: p.y, bubbles: true }));
  }

  function go(pts, p) {
    if (!p) return;
    st.id = p.id;
    for (const q of pts) q.el.setAttribute('tabindex', q === p ? '0' : '-1');
    p.el.focus();
    hover(p);
  }

  function nextLane(pts, cur, dir) {  // the closest event in the lane above (-1) or below (+1)
    let best = null, score = Infinity;
    for (const p of pts) {
      const dy = (p.y - cur.y) * dir;
      if (dy <= 2) continue;
      const s = dy * 1000 + Math.abs(p.x - cur.x);
      if (s < score) { score = s; best = p; }
    }
    return best;
  }

  function onKey(e) {
    const t = e.target;
    if (e.key === 'Escape') {
      if (!st.active || (t.closest && t.closest('input, textarea, select, [role="listbox"], [role="dialog"]'))) return;
      st.restore = !!(t.getAttribute && t.getAttribute('data-geo-id'));
      st.send('clear', Date.now());
      return;
    }
    const id = t.getAttribute && t.getAttribute('data-geo-id');
    if (!id) return;
    const pts = points();
    const i = pts.findIndex((p) => p.el === t);
    if (i < 0) return;
    const moves = {
      ArrowRight: () => pts[i + 1], ArrowLeft: () => pts[i - 1],
      ArrowUp: () => nextLane(pts, pts[i], -1), ArrowDown: () => nextLane(pts, pts[i], 1),
      Home: () => pts[0], End: () => pts[pts.length - 1],
    };
    if (moves[e.key]) {
      e.preventDefault();
      go(pts, moves[e.key]());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      st.id = id;
      st.restore = true;
      st.send('pick', id);
    }
  }

  if (!st.installed) {
    st.installed = true;
    doc.addEventListener('keydown', onKey);
    // a reader moving on elsewhere: stop bringing the focus back to the timeline after a rerun
    doc.addEventListener('focusin', (e) => {
      if (!(e.target.getAttribute && e.target.getAttribute('data-geo-id'))) st.restore = false;
    });
    let queued = false;
    new win.MutationObserver(() => {
      if (queued) return;
      queued = true;
      win.requestAnimationFrame(() => { queued = false; decorate(); });
    }).observe(doc.body, { childList: true, subtree: true });
  }
  decorate();
}
"""

_COMPONENT = st.components.v2.component("geo_timeline_keys", js=_JS)


def _on_pick() -> None:
    eid = (st.session_state.get(KEY) or {}).get("pick")
    if eid:
        selection.pick(eid)


def _on_clear() -> None:
    if (st.session_state.get(KEY) or {}).get("clear"):
        selection.clear()


def render() -> None:
    """Mount the keyboard handling (draws nothing); Escape only clears when something is selected."""
    ss = st.session_state
    _COMPONENT(key=KEY, data={"active": bool(ss.get("sel") or ss.get("pick") or ss.get("focus"))},
               on_pick_change=_on_pick, on_clear_change=_on_clear)
