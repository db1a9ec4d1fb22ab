"""The code a newsroom pastes into its article: an iframe that takes the height the embed
posts (like Datawrapper's responsive embeds), and one listener for every embed on the page."""
from __future__ import annotations

import html

# One listener for all embeds on the host page: it resizes only the iframe whose window sent
# the message, and only to a sane height, so another frame cannot resize or shrink this one.
LISTENER = (
    '<script>window.addEventListener("message",function(e){var h=e.data&&e.data["geo-embed-height"];'
    'if(!h||typeof h.height!=="number"||h.height<50||h.height>20000)return;'
    'document.querySelectorAll("iframe[data-geo-embed]").forEach(function(f){'
    'if(f.contentWindow===e.source)f.style.height=Math.ceil(h.height)+"px"})});</script>'
)


def host_snippet(src: str, *, embed_id: str, title: str, height: int = 700) -> str:
    """Two lines: the iframe (full width, `height` until the embed says otherwise) and the listener."""
    esc = lambda v: html.escape(str(v), quote=True)  # noqa: E731
    iframe = (f'<iframe data-geo-embed="{esc(embed_id)}" src="{esc(src)}" title="{esc(title)}" '
              f'scrolling="no" loading="lazy" style="width:1px;min-width:100%;border:0;height:{int(height)}px"></iframe>')
    return iframe + "\n" + LISTENER + "\n"
