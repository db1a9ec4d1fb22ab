/* The story embed: map and timeline as SVG over the events in #geo-data, selection both ways,
   actor and source filters, details, and the page's height posted to the host page.
   Plain JS, no library, no network. Every text goes in through textContent, never innerHTML. */
(function () {
  'use strict';
  var doc = document, root = doc.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');
  var D = JSON.parse(doc.getElementById('geo-data').textContent);
  var T = D.text, NS = 'http://www.w3.org/2000/svg', DAY = 86400000;
  var events = D.events, byId = {};
  events.forEach(function (e) { byId[e.id] = e; });
  var state = {actor: -1, source: -1, selected: []};
  var mapMarks = {}, mapAreas = {}, tlMarks = {};
  var mapSvg = null, view = null, placeNames = [];

  function el(tag, attrs, parent) {
    var n = tag.charAt(0) === '#' ? doc.createElementNS(NS, tag.slice(1)) : doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') n.textContent = attrs[k]; else n.setAttribute(k, attrs[k]);
    });
    if (parent) parent.appendChild(n);
    return n;
  }
  function fmt(s, o) { return s.replace(/\{(\w+)\}/g, function (_, k) { return o[k]; }); }
  function visible(e) {
    return (state.actor < 0 || e.ac.indexOf(state.actor) >= 0) && (state.source < 0 || e.cs.indexOf(state.source) >= 0);
  }
  function markAttrs(e, base) {
    return {'class': base, 'tabindex': '0', 'role': 'button', 'data-id': e.id,
            'aria-label': [e.t, e.dl, e.pl].filter(Boolean).join(' · ')};
  }
  function onActivate(node, id) {
    node.addEventListener('click', function (ev) { ev.stopPropagation(); select([id]); });
    node.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select([id]); }
    });
  }

  /* ---- map ---- */
  function buildMap() {
    var host = doc.getElementById('map');
    if (!host) return;
    mapSvg = el('#svg', {'preserveAspectRatio': 'xMidYMid meet', 'role': 'group', 'aria-label': T.map}, host);
    var bg = el('#rect', {'class': 'sea', x: -5000, y: -5000, width: 11000, height: 11000}, mapSvg);
    bg.addEventListener('click', function () { select([]); });
    if (D.outline) el('#path', {'class': 'land', d: D.outline}, mapSvg);
    if (D.lines) el('#path', {'class': 'subdiv', d: D.lines}, mapSvg);
    var areas = el('#g', {'class': 'areas'}, mapSvg);
    var names = el('#g', {'class': 'places', 'aria-hidden': 'true'}, mapSvg);
    // most important first: the places events are at, then by population (placeNames hides the rest)
    placeNames = (D.places || []).slice().sort(function (a, b) { return (b[4] - a[4]) || (b[3] - a[3]); })
      .map(function (p) { return {p: p, node: el('#text', {'class': 'place', text: p[2]}, names)}; });
    var pts = el('#g', {'class': 'points'}, mapSvg);
    events.forEach(function (e) {
      var color = D.types[e.k].color;
      if (e.a !== undefined) {
        var a = el('#path', {'class': 'area', d: D.areas[e.a], fill: color, stroke: color, 'data-id': e.id}, areas);
        (mapAreas[e.id] = a);
      }
      if (e.x === undefined) return;
      var shape = e.a !== undefined ? '#rect' : '#circle';
      var m = el(shape, markAttrs(e, 'mark'), pts);
      m.setAttribute('fill', color);
      el('#title', {text: e.t}, m);
      onActivate(m, e.id);
      mapMarks[e.id] = m;
    });
    setView(D.view);
    new ResizeObserver(function () { placeMarks(); }).observe(host);
  }
  function setView(b) {
    if (!mapSvg) return;
    var w = Math.max(b[2] - b[0], 80), h = Math.max(b[3] - b[1], 56);  // a city's frame shows its region
    var cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
    w *= 1.3; h *= 1.3;
    view = [cx - w / 2, cy - h / 2, w, h];
    mapSvg.setAttribute('viewBox', view.map(function (v) { return v.toFixed(2); }).join(' '));
    placeMarks();
  }
  function placeMarks() {
    if (!mapSvg || !view) return;
    var box = mapSvg.getBoundingClientRect();
    var unit = box.width ? Math.max(view[2] / box.width, view[3] / box.height) : view[2] / 600;
    var r = 6 * unit, seen = {};
    placeLabels(unit);
    events.forEach(function (e) {
      var m = mapMarks[e.id];
      if (!m || m.style.display === 'none') return;
      // events at one place are spread on a small circle, so each stays clickable
      var key = e.x.toFixed(1) + ',' + e.y.toFixed(1), k = seen[key] = (seen[key] || 0) + 1;
      var ang = k * 2.4, off = k > 1 ? 2.2 * r * Math.sqrt(k - 1) : 0;
      var x = e.x + off * Math.cos(ang), y = e.y + off * Math.sin(ang);
      if (m.tagName === 'rect') {
        m.setAttribute('x', x - r * 0.85); m.setAttribute('y', y - r * 0.85);
        m.setAttribute('width', r * 1.7); m.setAttribute('height', r * 1.7);
      } else {
        m.setAttribute('cx', x); m.setAttribute('cy', y); m.setAttribute('r', r);
      }
    });
  }
  // Place names at 11 px whatever the zoom, each under its place where an event's mark stands
  // on it; a name that would overlap one placed before it (or lies outside the view) is hidden.
  function placeLabels(unit) {
    var taken = [], fs = 11 * unit;
    placeNames.forEach(function (n) {
      var p = n.p, w = 0.56 * fs * p[2].length, y = p[4] ? p[1] + 9 * unit + fs : p[1] + fs * 0.35;
      var b = [p[0] - w / 2, y - fs, p[0] + w / 2, y + 0.2 * fs];
      var show = b[0] >= view[0] && b[2] <= view[0] + view[2] && b[1] >= view[1] && b[3] <= view[1] + view[3] &&
        taken.every(function (t) { return b[2] < t[0] || b[0] > t[2] || b[3] < t[1] || b[1] > t[3]; });
      n.node.style.display = show ? '' : 'none';
      if (!show) return;
      taken.push([b[0] - 2 * unit, b[1] - unit, b[2] + 2 * unit, b[3] + unit]);
      n.node.setAttribute('x', p[0].toFixed(2)); n.node.setAttribute('y', y.toFixed(2));
      n.node.setAttribute('font-size', fs.toFixed(3)); n.node.setAttribute('stroke-width', (3 * unit).toFixed(3));
    });
  }
  function frame(ids) {
    var pts = [];
    ids.forEach(function (id) {
      var e = byId[id];
      if (e.b) pts.push([e.b[0], e.b[1]], [e.b[2], e.b[3]]);
      else if (e.x !== undefined) pts.push([e.x, e.y]);
    });
    if (!pts.length) return setView(D.view);
    var xs = pts.map(function (p) { return p[0]; }), ys = pts.map(function (p) { return p[1]; });
    setView([Math.min.apply(null, xs), Math.min.apply(null, ys), Math.max.apply(null, xs), Math.max.apply(null, ys)]);
  }

  /* ---- timeline ---- */
  function ms(s) { return Date.parse(s + 'T00:00:00Z'); }
  function buildTimeline() {
    var host = doc.getElementById('timeline');
    if (!host) return;
    var dated = events.filter(function (e) { return e.d0; });
    host.replaceChildren();
    tlMarks = {};
    if (!dated.length) return;
    var width = Math.max(host.clientWidth, 240), pad = 14;
    var t0 = Math.min.apply(null, dated.map(function (e) { return ms(e.d0); }));
    var t1 = Math.max.apply(null, dated.map(function (e) { return ms(e.d1) + DAY; }));
    var extra = Math.max((t1 - t0) * 0.04, 15 * DAY);
    t0 -= extra; t1 += extra;
    function x(t) { return pad + (t - t0) / (t1 - t0) * (width - 2 * pad); }
    var svg = el('#svg', {'role': 'group', 'aria-label': T.timeline, width: width}, host);
    var bg = el('#rect', {'class': 'tl-bg', x: 0, y: 0, width: width, height: 10}, svg);
    bg.addEventListener('click', function () { select([]); });
    var y = 4, row = 14;
    D.types.forEach(function (ty, k) {
      var lane = dated.filter(function (e) { return e.k === k; });
      if (!lane.length) return;
      el('#text', {'class': 'lane-label', x: pad, y: y + 11, text: ty.label}, svg);
      y += 16;
      var ends = [];  // right edge of the last mark in each sub-row: overlapping marks get rows of their own
      lane.sort(function (a, b) { return ms(a.d0) - ms(b.d0); }).forEach(function (e) {
        var a = x(ms(e.d0)), b = x(ms(e.d1) + DAY), day = e.d0 === e.d1;
        if (day) { a = (a + b) / 2 - 6; b = a + 12; } else if (b - a < 6) { b = a + 6; }
        var r = 0;
        while (r < ends.length && ends[r] > a - 2) r++;
        ends[r] = b;
        var cy = y + r * row + row / 2, m;
        if (day) {
          m = el('#path', markAttrs(e, 'mark day'), svg);
          m.setAttribute('d', 'M' + (a + 6) + ' ' + (cy - 6) + 'l6 6l-6 6l-6 -6z');
        } else {
          m = el('#rect', markAttrs(e, 'mark span'), svg);
          m.setAttribute('x', a); m.setAttribute('y', cy - 4.5);
          m.setAttribute('width', b - a); m.setAttribute('height', 9); m.setAttribute('rx', 2);
        }
        m.setAttribute('fill', D.types[k].color);
        el('#title', {text: [e.t, e.dl].join(' · ')}, m);
        onActivate(m, e.id);
        tlMarks[e.id] = m;
      });
      y += Math.max(ends.length, 1) * row + 6;
      el('#line', {'class': 'lane-rule', x1: pad, x2: width - pad, y1: y - 3, y2: y - 3}, svg);
    });
    // axis: years, or months when the span is short
    var years = (t1 - t0) / (365.25 * DAY), axisY = y + 12, d = new Date(t0), ticks = [];
    var step = years > 40 ? 10 : years > 16 ? 5 : years > 8 ? 2 : years > 2.5 ? 1 : 0;
    if (step) {
      for (var yr = Math.ceil(d.getUTCFullYear() / step) * step; Date.UTC(yr, 0, 1) < t1; yr += step) {
        if (Date.UTC(yr, 0, 1) > t0) ticks.push([Date.UTC(yr, 0, 1), String(yr)]);
      }
    } else {
      var mstep = years > 1.2 ? 3 : years > 0.5 ? 2 : 1;
      var f = new Intl.DateTimeFormat(D.lang, {month: 'short', year: 'numeric', timeZone: 'UTC'});
      for (var mo = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)); mo.getTime() < t1;
           mo = new Date(Date.UTC(mo.getUTCFullYear(), mo.getUTCMonth() + mstep, 1))) {
        ticks.push([mo.getTime(), f.format(mo)]);
      }
    }
    var lastX = -1e9;
    ticks.forEach(function (tk) {
      var tx = x(tk[0]);
      el('#line', {'class': 'tick', x1: tx, x2: tx, y1: 4, y2: axisY - 10}, svg);
      if (tx - lastX < 64) return;  // no overlapping labels on a phone
      el('#text', {'class': 'tick-label', x: tx, y: axisY, text: tk[1]}, svg);
      lastX = tx;
    });
    svg.setAttribute('height', axisY + 6);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (axisY + 6));
    bg.setAttribute('height', axisY + 6);
    svg.insertBefore(bg, svg.firstChild);
    apply();
  }

  /* ---- lists of events missing from one view, filters, legend, details ---- */
  function chips(id, list, title) {
    var host = doc.getElementById(id);
    if (!host) return;
    host.replaceChildren();
    if (!list.length) return;
    el('h3', {text: title + ' (' + list.length + ')'}, host);
    var ul = el('ul', {}, host);
    list.forEach(function (e) {
      var b = el('button', {type: 'button', 'class': 'chip', 'data-id': e.id}, el('li', {}, ul));
      el('span', {'class': 'swatch', 'aria-hidden': 'true'}, b).style.background = D.types[e.k].color;
      b.appendChild(doc.createTextNode(e.t));
      b.addEventListener('click', function () { select([e.id]); });
    });
  }
  function buildFilters() {
    var host = doc.getElementById('filters');
    [['actor', D.actors], ['source', D.sources]].forEach(function (spec) {
      var key = spec[0], names = spec[1];
      if (!names.length) return;
      var label = el('label', {}, host);
      el('span', {text: T[key] + ' '}, label);
      var sel = el('select', {id: 'f-' + key}, label);
      el('option', {value: '-1', text: T.all + ' (' + events.length + ')'}, sel);
      names.forEach(function (n, i) {
        var c = events.filter(function (e) { return (key === 'actor' ? e.ac : e.cs).indexOf(i) >= 0; }).length;
        el('option', {value: String(i), text: n + ' (' + c + ')'}, sel);
      });
      sel.addEventListener('change', function () { state[key] = +sel.value; apply(); });
    });
  }
  function buildLegend() {
    var host = doc.getElementById('legend');
    el('h2', {text: T.legend}, host);
    var ul = el('ul', {}, host);
    D.types.forEach(function (ty) {
      var li = el('li', {}, ul);
      el('span', {'class': 'swatch', 'aria-hidden': 'true'}, li).style.background = ty.color;
      li.appendChild(doc.createTextNode(ty.label));
    });
    el('p', {text: T.shapes}, host);
  }
  function showDetails(ids) {
    var host = doc.getElementById('details');
    host.replaceChildren();
    if (!ids.length) { el('p', {'class': 'hint', text: T.hint}, host); return; }
    ids.slice(0, 3).forEach(function (id) {
      var e = byId[id], box = el('article', {}, host);
      el('h2', {text: e.t}, box);
      var dl = el('dl', {}, box);
      [[T.date, e.dl], [T.place, e.pl], [T.type, D.types[e.k].label],
       [T.actors, e.ac.map(function (i) { return D.actors[i]; }).join(', ')],
       [T.sources, e.cs.map(function (i) { return D.sources[i]; }).join(', ')]].forEach(function (kv) {
        if (!kv[1]) return;
        el('dt', {text: kv[0]}, dl); el('dd', {text: kv[1]}, dl);
      });
      e.q.forEach(function (q) { el('blockquote', {text: q}, box); });
      var docs = e.dc.map(function (i) { return D.docs[i]; }).filter(function (dd) { return dd.n; });
      if (docs.length) {
        var p = el('p', {'class': 'reported', text: T.reported + ': '}, box);
        docs.forEach(function (dd, i) {
          if (i) p.appendChild(doc.createTextNode('; '));
          // only http(s) links reach the data (dashboard.details.safe_url); checked again here
          if (dd.u && /^https?:\/\//i.test(dd.u)) el('a', {href: dd.u, target: '_blank', rel: 'noopener noreferrer', text: dd.n}, p);
          else p.appendChild(doc.createTextNode(dd.n));
        });
      }
    });
  }

  /* ---- state -> page ---- */
  function apply() {
    var shown = events.filter(visible), on = {}, sel = {};
    shown.forEach(function (e) { on[e.id] = true; });
    state.selected = state.selected.filter(function (id) { return on[id]; });
    state.selected.forEach(function (id) { sel[id] = true; });
    var any = state.selected.length > 0;
    [mapMarks, mapAreas, tlMarks].forEach(function (marks) {
      Object.keys(marks).forEach(function (id) {
        var m = marks[id];
        m.style.display = on[id] ? '' : 'none';
        m.classList.toggle('selected', !!sel[id]);
        m.classList.toggle('dim', any && !sel[id]);
        if (m.getAttribute('role')) m.setAttribute('aria-pressed', sel[id] ? 'true' : 'false');
      });
    });
    chips('unlocated', shown.filter(function (e) { return e.x === undefined; }), T.unlocated);
    chips('undated', shown.filter(function (e) { return !e.d0; }), T.undated);
    doc.querySelectorAll('.chip').forEach(function (b) {
      b.setAttribute('aria-pressed', sel[b.dataset.id] ? 'true' : 'false');
    });
    doc.getElementById('status').textContent = fmt(T.showing, {n: shown.length, total: events.length});
    doc.body.dataset.visible = shown.map(function (e) { return e.id; }).join(',');
    doc.body.dataset.selected = state.selected.join(',');
    showDetails(state.selected);
    placeMarks();
  }
  function select(ids) {
    state.selected = (ids || []).filter(function (id) { return byId[id]; });
    apply();
    frame(state.selected);
  }

  /* ---- height for the host page (see host snippet) ---- */
  var lastHeight = 0;
  function postHeight() {
    var main = doc.getElementById('geo-embed');
    var h = Math.ceil(main.getBoundingClientRect().bottom + window.scrollY + 12);
    if (h === lastHeight || window.parent === window) return;
    lastHeight = h;
    window.parent.postMessage({'geo-embed-height': {id: D.embedId, height: h}}, '*');
  }

  buildFilters();
  buildLegend();
  buildMap();
  var tlHost = doc.getElementById('timeline'), tlWidth = 0;
  if (tlHost) {
    new ResizeObserver(function () {
      if (tlHost.clientWidth !== tlWidth) { tlWidth = tlHost.clientWidth; buildTimeline(); }
    }).observe(tlHost);
  }
  doc.getElementById('clear').addEventListener('click', function () { select([]); });
  doc.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') select([]); });
  apply();
  new ResizeObserver(postHeight).observe(doc.getElementById('geo-embed'));
  window.addEventListener('load', postHeight);
  window.geoSelect = select;  // for tests and for a host that wants to point at an event
})();
