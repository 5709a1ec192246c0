"""The pages that the accessibility, HTML validity and hostile-content tests check,
and the checkers they use. Serving and the browser come from tests/browser.py."""

from __future__ import annotations

from pathlib import Path

from generator.catalogue import KINDS
from generator.urls import entry_path, listing_path, page_path
from generator.vocabularies import SITE_LANGUAGES
from tests.browser import serve

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A removed entry of the real content, whose address shows a tombstone page.
TOMBSTONE_ID = "kerhotilan-iltapaivakaytto"

__all__ = ["serve"]


def first_id(kind: str) -> str:
    return sorted(path.stem for path in (CONTENT / kind).glob("*.yml"))[0]


def page_paths(extra_idea: str | None = None) -> list[str]:
    """Return one address of every kind of page, in Finnish and in Swedish: home, the
    take-part page, both statements, each listing, one entry of each kind, a removed
    entry's page (and the idea `extra_idea`, if given) and the 404 page."""
    pages = ("home", "take_part", "accessibility_statement", "privacy_notice")
    paths: list[str] = []
    for language in SITE_LANGUAGES:
        paths += [page_path(name, language) for name in pages]
        paths += [listing_path(kind, language) for kind in KINDS]
        paths += [entry_path(kind, first_id(kind), language) for kind in KINDS]
        paths.append(entry_path("needs", TOMBSTONE_ID, language))
        if extra_idea:
            paths.append(entry_path("ideas", extra_idea, language))
    return [*paths, "404.html", "sv/404.html"]


def search_paths(site: Path) -> list[str]:
    """Return the search pages, once the site has them (fi `haku/`, sv `sv/sok/`)."""
    return [path for path in ("haku/", "sv/sok/") if (site / path / "index.html").is_file()]
