"""MkDocs hooks: place the pre-rendered HTML of each page in the theme.

Each generated Markdown file holds front matter and the page's HTML, already
rendered and sanitised by `pages.py`. Passing that HTML through Python-Markdown would
only cost time and risk changing it, so the hooks hand Markdown an empty text and
put the HTML back afterwards.
"""

from __future__ import annotations

from typing import Any

_BODIES: dict[str, str] = {}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    _BODIES[page.file.src_uri] = markdown
    return ""


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return _BODIES.pop(page.file.src_uri, html)
