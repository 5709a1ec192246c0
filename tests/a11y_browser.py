"""A built site served on loopback and opened in Debian's Chromium through Playwright.

The accessibility, content-security and hostile-content tests share these helpers.
Playwright drives the system browser at /usr/bin/chromium; `playwright install` is
never needed and never run.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from playwright.sync_api import Browser, Playwright

from generator.catalogue import KINDS
from generator.urls import entry_path, listing_path, page_path
from generator.vocabularies import SITE_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGUMENTS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without a log line per request, and WebAssembly with its MIME type."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` on 127.0.0.1 at a free port and yield the base URL, ending in `/`."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch_chromium(playwright: Playwright) -> Browser:
    """Start Debian's headless Chromium, the browser that `tests/system-packages.sh` installs."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGUMENTS
    )


def first_id(kind: str) -> str:
    return sorted(path.stem for path in (CONTENT / kind).glob("*.yml"))[0]


def page_paths(extra_idea: str | None = None) -> list[str]:
    """Return one address of every kind of page, in Finnish and in Swedish: home, the
    take-part page, both statements, each listing, one entry of each kind (and the
    idea `extra_idea`, if given) and the 404 page."""
    pages = ("home", "take_part", "accessibility_statement", "privacy_notice")
    paths: list[str] = []
    for language in SITE_LANGUAGES:
        paths += [page_path(name, language) for name in pages]
        paths += [listing_path(kind, language) for kind in KINDS]
        paths += [entry_path(kind, first_id(kind), language) for kind in KINDS]
        if extra_idea:
            paths.append(entry_path("ideas", extra_idea, language))
    return [*paths, "404.html", "sv/404.html"]


def search_paths(site: Path) -> list[str]:
    """Return the search pages, once the site has them (fi `haku/`, sv `sv/sok/`)."""
    return [path for path in ("haku/", "sv/sok/") if (site / path / "index.html").is_file()]
