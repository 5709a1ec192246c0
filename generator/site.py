"""The seam between the catalogue and MkDocs: pages in, a built site out.

This is the only module that imports MkDocs. For each language, MkDocs and
mkdocs-material build the pages of the navigation (home, listings, search, taking
part) and one frame per folder of the other pages: a page whose title, description,
addresses and body are placeholders. Every other page, such as the thousands of
entries, is then written by filling its folder's frame with its own values, which
gives the same HTML as a MkDocs build of that page at a fraction of the cost. The two
languages build in two forked processes, one per core, and are then put together:
Finnish at the root, Swedish under sv/.
"""

from __future__ import annotations

import gzip
import html
import logging
import multiprocessing
import os
import posixpath
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.catalogue import KINDS, Catalogue
from generator.export import configured_site_url, entry_data_files, export_files, write_files
from generator.finnish import open_analyser
from generator.opendata import ENTRY_DATA_FILE, script_json
from generator.pagefind_patch import skip_index_without_words
from generator.pages import OTHER_LANGUAGE, Page, render_pages, ui
from generator.schemas import write_schemas
from generator.search import search_bundle
from generator.urls import LANGUAGE_ROOTS, entry_path, listing_path, page_path, relative_url
from generator.vocabularies import SITE_LANGUAGES

log = logging.getLogger(__name__)
# libyaml's emitter writes the front matter of thousands of pages several times faster
# than PyYAML's own; both write the same safe subset of YAML.
SafeDumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

PACKAGE = Path(__file__).parent
SITE_URL_VARIABLE = "KYKY_SITE_URL"
OPEN_GRAPH_LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}
# The language whose build writes the entries' data files; the others link to them.
DATA_LANGUAGE = "fi"


def build_site(
    catalogue: Catalogue,
    site_dir: str,
    content_root: str,
    config_file: str = "mkdocs.yml",
    frames: bool = True,
) -> int:
    """Build the whole site into `site_dir` and return the number of pages.

    With `frames` false, MkDocs builds every page, which the tests use to show that
    the pages written from frames are the same.

    Raises VoikkoMissingError before anything is written if the search index could
    not be built.
    """
    open_analyser()
    site_path = Path(site_dir).resolve()
    work = site_path.parent / f".{site_path.name}-build"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cleaner = previous_site_cleaner(site_path, work)

    # Render and build each language in its own process, and meanwhile make the feeds,
    # open data and redirect pages here. The forked workers inherit the catalogue as
    # their initializer's argument, so it is not pickled as a task's argument would be.
    context = multiprocessing.get_context("fork")
    languages = [(language, str(work), config_file, frames) for language in SITE_LANGUAGES]
    with context.Pool(len(SITE_LANGUAGES), _inherit, (catalogue,)) as pool:
        cleaner.start()
        pending = pool.starmap_async(_build_inherited, languages)
        exported = export_files(catalogue, configured_site_url(config_file))
        counts = pending.get()

    # Put the languages together and add the media files and the exported files.
    assemble(work, site_path)
    link_entry_data(catalogue, site_path)
    copy_media(catalogue, content_root, site_path)
    write_files(exported, site_path)

    # Publish the JSON Schemas that the first line of every content file points at.
    write_schemas(site_path / "schemas")
    cleaner.join()
    return sum(counts)


def previous_site_cleaner(site_path: Path, work: Path) -> threading.Thread:
    """Move the previous site into the work folder and return a thread that deletes it.

    Deleting thousands of files takes seconds, so the thread runs beside the build. It
    is started after the workers are forked. MkDocs also deletes the previous site
    before it builds.
    """
    previous = work / "previous-site"
    if site_path.is_dir():
        site_path.rename(previous)
    return threading.Thread(target=shutil.rmtree, args=(previous, True))


_INHERITED: list[Catalogue] = []


def _inherit(catalogue: Catalogue) -> None:
    _INHERITED.append(catalogue)


def _build_inherited(language: str, work: str, config_file: str, frames: bool) -> int:
    return build_language(_INHERITED[0], language, work, config_file, frames)


def build_language(
    catalogue: Catalogue, language: str, work: str, config_file: str, frames: bool = True
) -> int:
    """Build one language's pages and search bundle into `work/<language>/site`."""
    # Progress lines of MkDocs would repeat once per language; its warnings still show
    # and, in strict mode, still fail the build.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    root = Path(work) / language
    root.mkdir(parents=True)
    # Pagefind indexes the entries while the pages are rendered and built.
    with search_bundle(catalogue, language, root) as bundle:
        pages = render_pages(catalogue, language)
        build_pages(pages, language, root, config_file, frames)
        if language == DATA_LANGUAGE:
            write_entry_data(catalogue, language, root / "site", configured_site_url(config_file))
    bundle.rename(root / "site" / "pagefind")
    skip_index_without_words(root / "site" / "pagefind")
    return len(pages)


def build_pages(
    pages: list[Page], language: str, root: Path, config_file: str, frames: bool
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    built_pages, framed_pages = split_pages(pages, language) if frames else (pages, [])
    framed = [(page, page_values(page)) for page in framed_pages]
    needed = {frame_of(page, values, language) for page, values in framed}
    write_pages(built_pages, root / "docs", language)
    write_frames(needed, root / "docs", language)
    config_path = root / "mkdocs.yml"
    settings = mkdocs_config(config_file, language, root)
    config_path.write_text(yaml.safe_dump(settings), "utf-8")
    build(load_config(str(config_path), strict=True))
    templates = {frame: read_frame(frame, root / "site") for frame in needed}
    for page, values in framed:
        parts = templates[frame_of(page, values, language)]
        fill_frame(parts, values, root / "site", local_path(page.path, language))
    write_sitemap(pages, root / "site", settings["site_url"], language)


def link_entry_data(catalogue: Catalogue, site: Path) -> None:
    """Give the entry pages of the other languages the same data file as the Finnish ones.

    The file does not depend on the language. Creating a new file took about 0.4 ms of
    CPU time on the benchmark's machine, and a hard link costs a small fraction of that.
    A file system without hard links gets a copy.
    """
    for kind in KINDS:
        for record in catalogue.all(kind):
            source = site / entry_path(kind, record.id, DATA_LANGUAGE) / ENTRY_DATA_FILE
            for language in SITE_LANGUAGES:
                if language != DATA_LANGUAGE:
                    target = site / entry_path(kind, record.id, language) / ENTRY_DATA_FILE
                    try:
                        os.link(source, target)
                    except OSError:
                        shutil.copyfile(source, target)


def write_entry_data(catalogue: Catalogue, language: str, site: Path, site_url: str) -> None:
    """Write the open data file next to each entry page of the language."""
    files = entry_data_files(catalogue, site_url, language)
    write_files([(local_path(path, language), data) for path, data in files], site)


def local_path(path: str, language: str) -> str:
    """Return a site-root path relative to the root of its language's build."""
    return path[len(LANGUAGE_ROOTS[language]) :]


def split_pages(pages: list[Page], language: str) -> tuple[list[Page], list[Page]]:
    """Return the pages that MkDocs builds and those that are written from frames.

    MkDocs builds the pages that the navigation or the footer links to, because the
    theme marks the link to the page itself. A frame cannot reproduce that mark.
    """
    own_pages = {path for item in navigation(language) for path in item.values()}
    own_pages |= {f"{link['path']}index.md" for link in theme_extra(language)["footer_links"]}
    built, framed = [], []
    for page in pages:
        source = f"{local_path(page.path, language)}index.md"
        (built if source in own_pages else framed).append(page)
    return built, framed


def write_pages(pages: list[Page], docs: Path, language: str) -> None:
    for page in pages:
        write_markdown(docs, local_path(page.path, language), page_values(page), language)


def write_markdown(docs: Path, path: str, values: dict[str, str], language: str) -> None:
    target = docs / path / "index.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = front_matter(values, language)
    front = yaml.dump(meta, Dumper=SafeDumper, allow_unicode=True, sort_keys=False)
    target.write_text(f"---\n{front}---\n{values['body']}", "utf-8")


def page_values(page: Page) -> dict[str, str]:
    """Return what the theme prints of a page, HTML-escaped, because MkDocs themes print
    page metadata raw. Optional values are left out when the page has none."""
    values = {
        "title": html.escape(page.title),
        "og_description": html.escape(page.description or page.title),
        "alternate": relative_url(page.path, page.alternate),
        "body": page.body,
    }
    if page.description:
        values["description"] = html.escape(page.description)
    if "jsonld" in page.meta:
        values["jsonld"] = script_json(page.meta["jsonld"])
    if "feed" in page.meta:
        values["feed"] = html.escape(page.meta["feed"])
        values["feed_title"] = html.escape(page.meta["feed_title"])
    return values


def front_matter(values: dict[str, str], language: str) -> dict[str, Any]:
    """Return a page's metadata for the theme (main.html and partials/alternate.html)."""
    other = OTHER_LANGUAGE[language]
    meta = {
        "title": values["title"],
        "description": values.get("description", ""),
        "kyky_alternate": values["alternate"],
        "kyky_alternate_lang": other,
        "kyky_switch_text": ui("language_switch", language),
        # Entries are not in the navigation, so its sidebar would only be empty space.
        "hide": ["navigation", "toc"],
        "kyky_og_title": values["title"],
        "kyky_og_description": values["og_description"],
        "kyky_locale": OPEN_GRAPH_LOCALES[language],
        "kyky_locale_alternate": OPEN_GRAPH_LOCALES[other],
    }
    if "jsonld" in values:
        meta["kyky_jsonld"] = values["jsonld"]
    if "feed" in values:
        meta["kyky_feed"] = values["feed"]
        meta["kyky_feed_title"] = values["feed_title"]
    return meta


@dataclass(frozen=True)
class Frame:
    """The pages of one folder that have the same optional values share a frame.

    Relative links in the theme's header and navigation depend on the folder, and the
    theme prints some blocks only when a value is present, or, for the page's own <h1>,
    only when the body has none, so all of these are part of the key.
    """

    folder: str
    optional: frozenset[str]

    @property
    def path(self) -> str:
        """The frame's address: `_` keeps it apart from every entry id."""
        flags = "".join(sorted(name[0] for name in self.optional))
        return f"{self.folder}_frame{flags}/"


OPTIONAL_VALUES = frozenset({"description", "jsonld", "feed"})
HEADING = "<h1"
PLACEHOLDER = re.compile("KYKYFRAME0([A-Z]+)0")


def placeholder_name(name: str) -> str:
    return name.replace("_", "").upper()


def placeholder(name: str) -> str:
    return f"KYKYFRAME0{placeholder_name(name)}0"


def frame_of(page: Page, values: dict[str, str], language: str) -> Frame:
    folder = posixpath.dirname(local_path(page.path, language).rstrip("/"))
    present = OPTIONAL_VALUES & values.keys()
    if HEADING in values["body"]:
        present |= {"heading"}
    return Frame(f"{folder}/" if folder else "", frozenset(present))


def write_frames(frames: set[Frame], docs: Path, language: str) -> None:
    names = ["title", "og_description", "alternate", "body", *OPTIONAL_VALUES]
    for frame in frames:
        values = {name: placeholder(name) for name in names}
        values["feed_title"] = placeholder("feed_title")
        for name in OPTIONAL_VALUES - frame.optional:
            values.pop(name)
        if "heading" in frame.optional:
            values["body"] += HEADING
        write_markdown(docs, frame.path, values, language)


def read_frame(frame: Frame, site: Path) -> list[str]:
    """Return a built frame as text and placeholder names, alternately, and delete it.

    The frame's own address appears in its canonical and Open Graph URLs; it becomes the
    placeholder of the page's path.
    """
    folder = site / frame.path
    text = (folder / "index.html").read_text("utf-8")
    shutil.rmtree(folder)
    text = text.replace(placeholder("body") + HEADING, placeholder("body"))
    parts = PLACEHOLDER.split(text.replace(frame.path, placeholder("path")))
    if "_frame" in text.replace(frame.path, "") or "BODY" not in parts[1::2]:
        raise RuntimeError(f"the theme changed: the frame {frame.path} cannot be filled")
    return parts


def fill_frame(parts: list[str], values: dict[str, str], site: Path, path: str) -> None:
    """Write the page at `path` (relative to the language's root) from its frame."""
    filling = {placeholder_name(name): value for name, value in values.items()}
    filling["PATH"] = path
    text = "".join(part if index % 2 == 0 else filling[part] for index, part in enumerate(parts))
    target = site / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")


def write_sitemap(pages: list[Page], site: Path, site_url: str, language: str) -> None:
    """Replace MkDocs's sitemap, which lists only the pages MkDocs built, with one that
    lists every page of the language."""
    from mkdocs.utils import get_build_date

    base = site_url or "/"
    lastmod = html.escape(get_build_date())
    entries = "".join(
        f"    <url>\n         <loc>{html.escape(base + local_path(path, language))}</loc>\n"
        f"         <lastmod>{lastmod}</lastmod>\n    </url>\n"
        for path in sorted(page.path for page in pages)
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>"
    )
    (site / "sitemap.xml").write_text(text, "utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


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
    to the statements (paths relative to the language's root) and the 404 texts; and
    the search page's path, for which the theme loads less (theme/main.html).

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
        "search_path": page_path("search", language)[len(prefix) :],
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
