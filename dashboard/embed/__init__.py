"""The story embed: a static page with the synchronized map and timeline, filters and details,
drawn as SVG by a few kilobytes of plain JS over the events embedded as JSON.

`payload.embed_payload` turns events into the compact JSON the page carries (only what it
shows), `page.embed_page` writes the page around it, `host.host_snippet` the code a newsroom
pastes into its article. `dashboard.export` writes them to files.
"""
