"""Addresses of the site's pages. An entry's address depends only on its kind and id."""

from __future__ import annotations

import posixpath

LANGUAGE_ROOTS: dict[str, str] = {"fi": "", "sv": "sv/"}
SECTIONS: dict[str, dict[str, str]] = {
    "needs": {"fi": "tarpeet", "sv": "behov"},
    "ideas": {"fi": "ideat", "sv": "ideer"},
    "products": {"fi": "tuotteet", "sv": "produkter"},
    "organisations": {"fi": "organisaatiot", "sv": "organisationer"},
}
PAGES: dict[str, dict[str, str]] = {
    "home": {"fi": "", "sv": ""},
    "take_part": {"fi": "osallistu/", "sv": "delta/"},
}


def entry_path(kind: str, entry_id: str, language: str) -> str:
    """Return the site-root path of an entry page, such as `sv/behov/lasklubb/`."""
    return f"{LANGUAGE_ROOTS[language]}{SECTIONS[kind][language]}/{entry_id}/"


def listing_path(kind: str, language: str) -> str:
    return f"{LANGUAGE_ROOTS[language]}{SECTIONS[kind][language]}/"


def page_path(name: str, language: str) -> str:
    return f"{LANGUAGE_ROOTS[language]}{PAGES[name][language]}"


def relative_url(from_path: str, to_path: str) -> str:
    """Return the link from one page to another.

    Both are site-root paths; a page's path is a folder ending in `/` (or empty for
    the home page), so links work under any base address.
    """
    start = from_path.rstrip("/") or "."
    relative = posixpath.relpath(to_path.rstrip("/") or ".", start)
    if to_path and not to_path.endswith("/"):
        return relative
    return "./" if relative == "." else relative + "/"
