"""The seam between the catalogue and MkDocs: pages in, a built site out.

This is the only module that imports MkDocs. For each language it writes the
rendered pages as Markdown files with front matter, derives a MkDocs configuration
from mkdocs.yml, and runs a strict build. The two languages build in two forked
processes, one per core, and are then put together: Finnish at the root, Swedish
under sv/.
"""

from __future__ import annotations

import html
import logging
import multiprocessing
import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.catalogue import KINDS, Catalogue
from generator.export import configured_site_url, export_site
from generator.finnish import open_analyser
from generator.opendata import script_json
from generator.pages import OTHER_LANGUAGE, Page, render_pages, ui
from generator.schemas import write_schemas
from generator.search import build_search_index
from generator.urls import listing_path, page_path, relative_url
from generator.vocabularies import SITE_LANGUAGES

log = logging.getLogger(__name__)
# libyaml's emitter writes the front matter of thousands of pages several times faster
# than PyYAML's own; both write the same safe subset of YAML.
SafeDumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

PACKAGE = Path(__file__).parent
SITE_URL_VARIABLE = "KYKY_SITE_URL"
OPEN_GRAPH_LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}


def build_site(
    catalogue: Catalogue, site_dir: str, content_root: str, config_file: str = "mkdocs.yml"
) -> int:
    """Build the whole site into `site_dir` and return the number of pages.

    Raises VoikkoMissingError before anything is written if the search index could
    not be built.
    """
    open_analyser()
    site_path = Path(site_dir).resolve()
    work = site_path.parent / f".{site_path.name}-build"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)

    # Render and build each language in its own process.
    context = multiprocessing.get_context("fork")
    with context.Pool(len(SITE_LANGUAGES)) as pool:
        counts = pool.starmap(
            build_language,
            [(catalogue, language, str(work), config_file) for language in SITE_LANGUAGES],
        )

    # Put the languages together and add the media files.
    assemble(work, Path(site_dir))
    copy_media(catalogue, content_root, Path(site_dir))

    # Export feeds, open data, redirects and tombstone pages next to the pages.
    export_site(catalogue, Path(site_dir), configured_site_url(config_file))

    # Index the entries for the search page, one Pagefind bundle per language.
    build_search_index(catalogue, Path(site_dir))

    # Publish the JSON Schemas that the first line of every content file points at.
    write_schemas(Path(site_dir) / "schemas")
    return sum(counts)


def build_language(catalogue: Catalogue, language: str, work: str, config_file: str) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # Progress lines of MkDocs would repeat once per language; its warnings still show
    # and, in strict mode, still fail the build.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    root = Path(work) / language
    docs = root / "docs"
    pages = render_pages(catalogue, language)
    write_pages(pages, docs, language)
    config_path = root / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(mkdocs_config(config_file, language, root)), "utf-8")
    config = load_config(str(config_path), strict=True)
    build(config)
    return len(pages)


def write_pages(pages: list[Page], docs: Path, language: str) -> None:
    prefix = "sv/" if language == "sv" else ""
    for page in pages:
        local = page.path[len(prefix) :] if page.path.startswith(prefix) else page.path
        target = docs / local / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.dump(
            front_matter(page), Dumper=SafeDumper, allow_unicode=True, sort_keys=False
        )
        target.write_text(f"---\n{front}---\n{page.body}", "utf-8")


def front_matter(page: Page) -> dict[str, Any]:
    """Return the page's metadata, HTML-escaped, because MkDocs themes print it raw."""
    other = OTHER_LANGUAGE[page.language]
    meta = {
        "title": html.escape(page.title),
        "description": html.escape(page.description),
        "kyky_alternate": relative_url(page.path, page.alternate),
        "kyky_alternate_lang": other,
        "kyky_switch_text": ui("language_switch", page.language),
        "kyky_template": page.template,
        # Entries are not in the navigation, so its sidebar would only be empty space.
        "hide": ["navigation", "toc"],
        "kyky_og_title": html.escape(page.title),
        "kyky_og_description": html.escape(page.description or page.title),
        "kyky_locale": OPEN_GRAPH_LOCALES[page.language],
        "kyky_locale_alternate": OPEN_GRAPH_LOCALES[other],
    }
    if "jsonld" in page.meta:
        meta["kyky_jsonld"] = script_json(page.meta["jsonld"])
    if "feed" in page.meta:
        meta["kyky_feed"] = html.escape(page.meta["feed"])
        meta["kyky_feed_title"] = html.escape(page.meta["feed_title"])
    return meta


def mkdocs_config(config_file: str, language: str, root: Path) -> dict[str, Any]:
    """Derive one language's MkDocs configuration from the shared mkdocs.yml."""
    with open(config_file, encoding="utf-8") as stream:
        config: dict[str, Any] = yaml.safe_load(stream)
    site_url = os.environ.get(SITE_URL_VARIABLE, config.get("site_url", ""))
    if language != "fi" and site_url:
        site_url = site_url.rstrip("/") + f"/{language}/"
    config.update(
        {
            "site_name": ui("site_name", language),
            "site_url": site_url,
            "docs_dir": str(root / "docs"),
            "site_dir": str(root / "site"),
            "hooks": [str(PACKAGE / "mkdocs_hooks.py")],
            "nav": navigation(language),
            "not_in_nav": "/*/*/index.md",
            "extra": {
                "alternate": [{"name": "fi", "lang": "fi"}, {"name": "sv", "lang": "sv"}],
                "kyky": theme_extra(language),
            },
        }
    )
    config["theme"] = {
        **config["theme"],
        "language": language,
        "custom_dir": str(PACKAGE / "theme"),
    }
    return config


def theme_extra(language: str) -> dict[str, Any]:
    """Return what the theme prints on every page, the 404 page included: footer links
    to the statements (paths relative to the language's root) and the 404 texts.

    GitHub Pages serves the root's 404.html for every missing address, the Swedish
    ones included, so the Finnish build's 404 page also gets the Swedish texts.
    """
    prefix = "sv/" if language == "sv" else ""
    statements = ("accessibility_statement", "privacy_notice")
    extra: dict[str, Any] = {
        "footer_label": ui("footer_label", language),
        "footer_links": [
            {"title": ui(name, language), "path": page_path(name, language)[len(prefix) :]}
            for name in statements
        ],
        "not_found": [not_found_texts(language, prefix)],
    }
    if language == "fi":
        extra["not_found"].append(not_found_texts("sv", prefix))
    return extra


def not_found_texts(language: str, prefix: str) -> dict[str, str]:
    """Return the 404 texts in `language`, with its home and search paths relative to
    the root of the build whose pages start with `prefix`."""
    return {
        "lang": language,
        "title": ui("not_found_title", language),
        "text": ui("not_found_text", language),
        "home": ui("not_found_home", language),
        "home_path": page_path("home", language)[len(prefix) :] or ".",
        "search": ui("not_found_search", language),
        "search_path": page_path("search", language)[len(prefix) :],
    }


def navigation(language: str) -> list[dict[str, str]]:
    prefix = "sv/" if language == "sv" else ""

    def source(path: str) -> str:
        return f"{path[len(prefix) :]}index.md"

    items = [{ui("home", language): source(page_path("home", language))}]
    items += [
        {ui(f"kind_{kind}", language): source(listing_path(kind, language))} for kind in KINDS
    ]
    items.append({ui("search", language): source(page_path("search", language))})
    items.append({ui("take_part", language): source(page_path("take_part", language))})
    return items


def assemble(work: Path, site_dir: Path) -> None:
    shutil.rmtree(site_dir, ignore_errors=True)
    (work / "fi" / "site").rename(site_dir)
    for language in SITE_LANGUAGES:
        if language != "fi":
            (work / language / "site").rename(site_dir / language)


def copy_media(catalogue: Catalogue, content_root: str, site_dir: Path) -> None:
    """Copy the images that entries use; the check has proved each a regular file inside."""
    for record in catalogue.all("products"):
        image = getattr(record.entry, "image", None)
        if image:
            target = site_dir / "media" / image
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(Path(content_root) / image, "rb") as source:
                target.write_bytes(source.read())
