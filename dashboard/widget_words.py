"""The words Streamlit, plotly and deck.gl write into the page themselves, in the reader's
language: a multiselect's "No results", a text field's "Press Enter to apply", the charts'
toolbar tooltips and button labels (i18n.WIDGET_WORDS), the date field's calendar (month and
weekday names follow navigator.language). None of them takes a parameter for it in
Streamlit 1.67, so a JavaScript-only component (st.components.v2, in the page, not in an
iframe) rewrites them whenever the page changes, and sets the page's `lang` for screen readers.
"""
from __future__ import annotations

import streamlit as st

from dashboard.i18n import WIDGET_MONTHS, WIDGET_WORDS

# The calendar's locale per interface language: day before month in both, weeks from Monday.
LOCALES = {"de": "de-DE", "en": "en-GB"}

_JS = r"""
export default function (component) {
  const { parentElement, data } = component;
  const doc = parentElement.ownerDocument || document;
  const win = doc.defaultView;
  const st = win.__geoWords || (win.__geoWords = { installed: false });
  st.lang = data.lang;
  st.words = data.words || {};
  st.months = data.months || {};
  const ATTRS = ['aria-label', 'title', 'data-title', 'placeholder'];

  function monthsIn(s) {  // the date field's en-US dates and month names, in the reader's words
    const names = Object.keys(st.months);
    if (!s || !names.length) return null;
    const any = names.join('|');
    const out = s.replace(new RegExp('\\b(' + any + ') (\\d{1,2}), (\\d{4})\\b', 'g'),
                          (m, mo, d, y) => Number(d) + '. ' + st.months[mo] + ' ' + y)
                 .replace(new RegExp('\\b(' + any + ')\\b', 'g'), (mo) => st.months[mo]);
    return out === s ? null : out;
  }

  function say(s) {  // the reader's words for an English text, or null
    const w = st.words;
    if (!s) return null;
    if (Object.prototype.hasOwnProperty.call(w, s)) return w[s];
    let out = s;
    for (const [en, de] of Object.entries(w)) {  // a prefix and a suffix may both apply
      if ((en.endsWith(', ') || en.endsWith(': ')) && out.startsWith(en)) out = de + out.slice(en.length);
      else if (en.startsWith(' ') && out.endsWith(en)) out = out.slice(0, out.length - en.length) + de;
    }
    return out === s ? null : out;
  }

  // The date field's calendar (react-aria) names months and weekdays in navigator.language,
  // which Streamlit reads when it draws the app (at the end of each run): make that the page's
  // language. Until a run has ended since, opening a date field asks for one (a rerun).
  st.setTrigger = component.setTriggerValue;
  const locale = data.locale || st.lang;
  if (win.navigator.language !== locale) {
    Object.defineProperty(win.navigator, 'language', { value: locale, configurable: true });
    st.localePending = true;
  } else {
    st.localePending = false;  // called during a run: Streamlit draws the app again at its end
  }

  function translate() {
    if (doc.documentElement.lang !== st.lang) doc.documentElement.lang = st.lang;
    if (!Object.keys(st.words).length) return;
    for (const attr of ATTRS) {
      for (const el of doc.querySelectorAll('[' + attr + ']')) {
        if (el.closest('[data-geo-id], .geo-details')) continue;  // the app's own (untrusted) text
        const out = say(el.getAttribute(attr));
        if (out !== null) el.setAttribute(attr, out);
      }
    }
    // text in the widgets' own elements: change the text node itself, so React keeps its hold on it
    for (const el of doc.querySelectorAll('[data-testid="InputInstructions"] span, [role="option"] > span, [data-baseweb="popover"] li, [role="dialog"] div, [role="dialog"] span, [role="dialog"] button, [role="dialog"] h2, [data-testid="stDateInputQuickSelectPopover"] [role="option"], [id^="react-aria-description"]')) {
      const dated = el.id && el.id.startsWith('react-aria-description');
      for (const node of el.childNodes) {
        if (node.nodeType === 3) {
          let out = say(node.nodeValue);
          if (dated) out = monthsIn(out === null ? node.nodeValue : out) || out;
          if (out !== null) node.nodeValue = out;
        }
      }
    }
    // the date field's segments read their month out as "01 – January"
    for (const el of doc.querySelectorAll('[data-testid="stDateInput"] [aria-valuetext]')) {
      const out = monthsIn(el.getAttribute('aria-valuetext'));
      if (out !== null) el.setAttribute('aria-valuetext', out);
    }
  }

  if (!st.installed) {
    st.installed = true;
    doc.addEventListener('pointerdown', (e) => {
      if (st.localePending && e.target.closest && e.target.closest('[data-testid="stDateInput"]')) {
        st.localePending = false;
        st.setTrigger('redraw', Date.now());
      }
    }, true);
    let queued = false;
    new win.MutationObserver(() => {
      if (queued) return;
      queued = true;
      win.requestAnimationFrame(() => { queued = false; translate(); });
    }).observe(doc.body, { childList: true, subtree: true, characterData: true, attributes: true,
                           attributeFilter: [...ATTRS, 'aria-valuetext'] });
  }
  translate();
}
"""

_COMPONENT = st.components.v2.component("geo_widget_words", js=_JS)


def render(lang: str) -> None:
    """Mount the rewriting for `lang` (draws nothing; English needs no words)."""
    _COMPONENT(key="geo-widget-words", data={"lang": lang, "locale": LOCALES.get(lang, lang),
                                             "words": WIDGET_WORDS.get(lang, {}),
                                             "months": WIDGET_MONTHS.get(lang, {})},
               on_redraw_change=lambda: None)
