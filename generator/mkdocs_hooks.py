"""MkDocs hooks: place the pre-rendered HTML of each page in the theme.

Each generated Markdown file contains front matter and the page's HTML, already
rendered and sanitised by `pages.py`. Passing that HTML through Python-Markdown would
only cost time and risk changing it, so the hooks hand Markdown an empty text and
put the HTML back afterwards. After the build, the search page gets its own
stylesheet.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.stylesheet import write_search_stylesheet

_BODIES: dict[str, str] = {}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    _BODIES[page.file.src_uri] = markdown
    return ""


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return _BODIES.pop(page.file.src_uri, html)


# mkdocs-material 9 writes its drawer and search toggles, outside every template
# block, as checkboxes with autocomplete="off", which HTML does not allow on a
# checkbox (the Nu Html Checker reports it). Browsers ignore the attribute there.
THEME_TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search"',
)


def without_toggle_autocomplete(html: str) -> str:
    for toggle in THEME_TOGGLES:
        html = html.replace(f'{toggle} autocomplete="off">', f"{toggle}>")
    return html


# Line breaks and indentation that the theme's templates leave between tags.
INDENTATION = re.compile(r"\n\s+")


def on_post_page(output: str, page: Any, config: Any) -> str:
    output = without_toggle_autocomplete(output)
    if page.url == config["extra"]["kyky"]["search_path"]:
        # The search page holds no <pre>, <textarea> or inline script, so line breaks
        # and indentation count only as one space, or as nothing between blocks.
        output = INDENTATION.sub("\n", output)
    return output


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    return without_toggle_autocomplete(output_content)


def on_post_build(config: Any) -> None:
    write_search_stylesheet(Path(config["site_dir"]), config["extra"]["kyky"]["search_path"])
