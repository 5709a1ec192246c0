"""Turn contributed Markdown into HTML that is safe to publish.

Contributed text is untrusted. Markdown is rendered with Python-Markdown with its raw
HTML handling switched off, so `<b>` or `a<b ja c>d` in a text shows as those very
characters. nh3 (the Rust sanitiser ammonia) then keeps only an allowlist of elements
and attributes and only http, https and mailto links; every external link gets
rel="noopener nofollow ugc". Headings start at h2, because the page title is the only h1.
"""

from __future__ import annotations

from functools import cache, lru_cache

import markdown
import nh3

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
# `start` keeps "5. luokka" at the start of a line numbered 5, not 1.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener nofollow ugc"


@cache
def _converter() -> markdown.Markdown:
    # Setting up Python-Markdown and its extensions took about a fifth of each call, so
    # one converter is made per process and reset before every text.
    converter = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    # Without these two, Python-Markdown passes HTML blocks and inline tags through
    # unchanged; with them gone, the serializer escapes every `<` in the text.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


# The entry page and the search record of a text both need its HTML, in the same process.
@lru_cache(maxsize=16384)
def render_markdown(text: str) -> str:
    """Render contributed Markdown to sanitised HTML."""
    html = _converter().reset().convert(text)
    html = _demote_headings(html)
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def _demote_headings(html: str) -> str:
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return html
