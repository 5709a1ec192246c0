"""The export phase: files written next to the built pages, without MkDocs.

- Atom feeds (`feeds.py`);
- open data and its JSON Schemas (`opendata.py`);
- a redirect page at each old address of a renamed entry, and a page at the address
  of each removed entry that explains why it was removed and where to go instead
  (`addresses.py`). Both are plain HTML pages in the page's language.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import yaml

from generator.addresses import Redirect, redirects
from generator.catalogue import KINDS, Catalogue, Record
from generator.feeds import FEED_KINDS, feed_path, render_feed
from generator.opendata import (
    ENTRY_DATA_FILE,
    catalogue_data,
    dump_json,
    record_data,
    render_csv,
    schemas,
)
from generator.pages import record_title, ui
from generator.urls import entry_path, page_path, relative_url
from generator.vocabularies import SITE_LANGUAGES

SITE_URL_VARIABLE = "KYKY_SITE_URL"


def configured_site_url(config_file: str) -> str:
    """Return the site's address from $KYKY_SITE_URL or mkdocs.yml, ending in `/`."""
    with open(config_file, encoding="utf-8") as stream:
        config = yaml.safe_load(stream)
    site_url = os.environ.get(SITE_URL_VARIABLE, config.get("site_url") or "")
    return site_url.rstrip("/") + "/" if site_url else ""


def export_site(catalogue: Catalogue, site_dir: Path, site_url: str) -> int:
    """Write feeds, open data and redirects; return the number of files."""
    files = export_files(catalogue, site_url)
    for language in SITE_LANGUAGES:
        files += entry_data_files(catalogue, site_url, language)
    write_files(files, site_dir)
    return len(files)


def export_files(catalogue: Catalogue, site_url: str) -> list[tuple[str, bytes]]:
    """Return the feeds, open data and redirect pages, each with its path in the site,
    without the data files of the entries (`entry_data_files`)."""
    files = _feeds(catalogue, site_url)
    files += _open_data(catalogue, site_url)
    files += _redirect_pages(catalogue, site_url)
    return files


def entry_data_files(catalogue: Catalogue, site_url: str, language: str) -> list[tuple[str, bytes]]:
    """Return the JSON file next to each entry page of one language."""
    return [
        (
            entry_path(kind, record.id, language) + ENTRY_DATA_FILE,
            _json(record_data(catalogue, record, site_url)),
        )
        for kind in KINDS
        for record in catalogue.all(kind)
    ]


def write_files(files: list[tuple[str, bytes]], site_dir: Path) -> None:
    for path, content in files:
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def _feeds(catalogue: Catalogue, site_url: str) -> list[tuple[str, bytes]]:
    return [
        (feed_path(kind, language), render_feed(catalogue, kind, language, site_url))
        for kind in FEED_KINDS
        for language in SITE_LANGUAGES
    ]


def _open_data(catalogue: Catalogue, site_url: str) -> list[tuple[str, bytes]]:
    files = [("catalogue.json", _json(catalogue_data(catalogue, site_url)))]
    files += [(f"{kind}.csv", render_csv(catalogue, kind, site_url)) for kind in KINDS]
    files += [(f"schemas/{name}", _json(schema)) for name, schema in schemas(site_url).items()]
    return files


def _json(data: object) -> bytes:
    return dump_json(data).encode("utf-8")


def _redirect_pages(catalogue: Catalogue, site_url: str) -> list[tuple[str, bytes]]:
    return [
        (
            entry_path(redirect.kind, redirect.old_id, language) + "index.html",
            redirect_page(redirect, language, site_url).encode("utf-8"),
        )
        for redirect in redirects(catalogue)
        for language in SITE_LANGUAGES
    ]


def redirect_page(redirect: Redirect, language: str, site_url: str) -> str:
    """Return the page at an old address: a refresh, a canonical link and a visible link."""
    path = entry_path(redirect.kind, redirect.old_id, language)
    target_path = entry_path(redirect.kind, redirect.record.id, language)
    target = html.escape(relative_url(path, target_path))
    canonical = html.escape(site_url + target_path)
    head = (
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
    )
    body = (
        f"<p>{_escape(ui('redirect_text', language))} "
        f'<a href="{target}">{_title(redirect.record, language)}</a></p>\n'
        f"{_statement_links(path, language)}"
    )
    return _page(language, ui("redirect_title", language), head, body)


def _statement_links(path: str, language: str) -> str:
    """Return the links to the accessibility statement and privacy notice that every page has."""
    items = "".join(
        f'<li><a href="{html.escape(relative_url(path, page_path(name, language)))}">'
        f"{_escape(ui(name, language))}</a></li>"
        for name in ("accessibility_statement", "privacy_notice")
    )
    label = _escape(ui("footer_label", language))
    return f'<nav class="kyky-footer-links" aria-label="{label}"><ul>{items}</ul></nav>\n'


def _page(language: str, title: str, head: str, body: str) -> str:
    site_name = _escape(ui("site_name", language))
    return (
        "<!doctype html>\n"
        f'<html lang="{language}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{_escape(title)} – {site_name}</title>\n"
        f"{head}"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"<h1>{_escape(title)}</h1>\n"
        f"{body}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def _title(record: Record, language: str) -> str:
    return _escape(record_title(record, language))


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
