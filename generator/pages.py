"""Render the catalogue into pages: HTML fragments with a title, per language.

Nothing here knows about MkDocs. A `Page` is what any static-site engine needs: an
address, a title, a summary and the HTML of the content area. `site.py` hands the
pages to MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from generator.catalogue import ENTRY_KINDS, KINDS, Catalogue, Record
from generator.markup import render_markdown
from generator.models import LocalizedText
from generator.urls import entry_path, facet_path, listing_path, page_path, relative_url
from generator.vocabularies import label, load_data

if TYPE_CHECKING:
    from generator.search import FacetIndex

TEMPLATES = Path(__file__).parent / "templates"
OTHER_LANGUAGE = {"fi": "sv", "sv": "fi"}


@dataclass
class Page:
    """One page of the site in one language."""

    language: str
    path: str
    title: str
    description: str
    body: str
    alternate: str
    template: str = "entry"
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Text:
    """A text to show in a page's language, or in the other one when it is missing."""

    text: str
    language: str
    fallback: bool


@cache
def ui_texts() -> dict[str, dict[str, str]]:
    return load_data("ui.yaml")  # type: ignore[no-any-return]


def ui(key: str, language: str, **params: object) -> str:
    return ui_texts()[key][language].format(**params)


def language_name(code: str, language: str) -> str:
    """Return the name of a language code, such as "ruotsi" for `sv`, or the code itself."""
    names = ui_texts().get(f"language_name_{code}")
    return names[language] if names else code


def choose(value: LocalizedText | None, language: str) -> Text | None:
    """Pick the text in `language`, falling back to the other site language."""
    if value is None:
        return None
    own = value.get(language)
    if own is not None:
        return Text(own, language, False)
    other = OTHER_LANGUAGE[language]
    return Text(value.get(other) or "", other, True)


def record_title(record: Record, language: str) -> str:
    """Return an entry's title, or an organisation's name, in a language, else its id."""
    value = record.entry.name if record.kind == "organisations" else record.entry.title
    chosen = choose(value, language)
    return chosen.text if chosen else record.id


def status_of(record: Record, today: date) -> str:
    """Return the status to show: an open entry past its valid-until date is expired."""
    status = getattr(record.entry, "status", None)
    valid_until = getattr(record.entry, "valid_until", None)
    if status == "open" and valid_until is not None and valid_until < today:
        return "expired"
    return status or ""


def states_count(text: str, number: int) -> bool:
    """Tell whether a text already gives `number` as a count, as "5. luokka, 24 oppilasta"
    gives 24. A number followed by a dot inside the text is a Finnish ordinal ("5. luokka",
    "5.–6. luokat"), not a count.

    NOTE: a grade written without a dot, as in Swedish "årskurs 5", counts as well, so a
    group of 5 pupils described as "årskurs 5" is shown without its size.
    """
    for match in re.finditer(rf"(?<!\d){number}(?!\d)", text):
        rest = text[match.end() :]
        if not rest.startswith(".") or not rest[1:].strip():
            return True
    return False


def template_environment() -> jinja2.Environment:
    """Create the one Jinja environment of the site: autoescaping on for every template."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        # The templates do not change during a build: no check of their files per page.
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["markdown"] = lambda text: jinja2.utils.markupsafe.Markup(
        render_markdown(text)
    )
    environment.globals["label"] = label
    environment.globals["states_count"] = states_count
    return environment


class Renderer:
    """Render every page of one language."""

    def __init__(self, catalogue: Catalogue, language: str) -> None:
        self.catalogue = catalogue
        self.language = language
        self.environment = template_environment()
        # The page being rendered, which links are relative to.
        self.path = ""
        self.environment.globals.update(self.helpers())
        # Cards by record, heading level and link: the listings per filter value repeat
        # the same cards many times.
        self.card_cache: dict[tuple[str, str, int, str], Markup] = {}
        self.sorted_cache: dict[str, list[Record]] = {}

    def pages(self) -> Iterator[Page]:
        yield self.home()
        yield self.take_part()
        yield self.statement("accessibility_statement", "statement_accessibility")
        yield self.statement("privacy_notice", "statement_privacy")
        yield self.search()
        for kind in KINDS:
            yield self.listing(kind)
            yield from self.facet_listings(kind)
            for record in self.sorted_records(kind):
                yield self.entry(record)
            for record in self.removed_records(kind):
                yield self.removed(record)

    def sorted_records(self, kind: str) -> list[Record]:
        """Return the records of a kind, newest first, then by id; organisations by name."""
        if kind not in self.sorted_cache:
            records = self.catalogue.all(kind)
            if kind == "organisations":
                records.sort(key=lambda record: self.title(record).casefold())
            else:
                records.sort(key=lambda record: record.id)
                records.sort(key=lambda record: record.entry.published, reverse=True)
            self.sorted_cache[kind] = records
        return list(self.sorted_cache[kind])

    def removed_records(self, kind: str) -> list[Record]:
        """Return the tombstones of a kind, by id."""
        removed = self.catalogue.removed[kind]
        return [removed[entry_id] for entry_id in sorted(removed)]

    def removed(self, record: Record) -> Page:
        """Render the page left at a removed entry's address: why, when and where to go."""
        path = entry_path(record.kind, record.id, self.language)
        replacement = record.entry.replacement
        target = self.catalogue.get(replacement.kind, replacement.id) if replacement else None
        body = self.render("removed", path, record=record, entry=record.entry, target=target)
        title = ui("removed_title", self.language)
        alternate = entry_path(record.kind, record.id, OTHER_LANGUAGE[self.language])
        return Page(self.language, path, title, title, body, alternate, "removed")

    def records(self, kind: str, ids: list[str]) -> list[Record]:
        """Return the records of the given ids that exist, in the order given."""
        found = (self.catalogue.get(kind, entry_id) for entry_id in ids)
        return [record for record in found if record is not None]

    def title(self, record: Record) -> str:
        return record_title(record, self.language)

    def helpers(self) -> dict[str, Any]:
        """Return the functions and values that templates and macros use.

        They become globals of this renderer's environment, so that macros imported
        without the page's context are made once. Links are relative to `self.path`,
        the page being rendered.
        """
        language = self.language

        def url(target: str) -> str:
            return relative_url(self.path, target)

        def record_url(record: Record) -> str:
            return url(entry_path(record.kind, record.id, language))

        def card_html(record: Record, level: int) -> Markup:
            href = record_url(record)
            key = (record.kind, record.id, level, href)
            if key not in self.card_cache:
                macros = self.environment.get_template("_macros.html").module
                self.card_cache[key] = Markup(macros.card(record, level, href))  # type: ignore[attr-defined]
            return self.card_cache[key]

        return {
            "lang": language,
            "t": lambda key, **params: ui(key, language, **params),
            "url": url,
            "record_url": record_url,
            "card_html": card_html,
            "text": lambda value: choose(value, language),
            "title_of": self.title,
            "status_of": lambda record: status_of(record, self.catalogue.today),
            "vocab": lambda vocabulary, code: label(vocabulary, code, language),
            "catalogue": self.catalogue,
            "records": self.records,
            "listing_url": lambda kind: url(listing_path(kind, language)),
            "page_url": lambda name: url(page_path(name, language)),
            "today": self.catalogue.today,
            "language_name": lambda code: language_name(code, language),
        }

    def render(self, template: str, path: str, **values: Any) -> str:
        self.path = path
        return self.environment.get_template(f"{template}.html").render(values)

    def entry(self, record: Record) -> Page:
        # Imported here because these modules import this one.
        from generator.matches import suggestions
        from generator.opendata import ENTRY_DATA_FILE, structured_data

        path = entry_path(record.kind, record.id, self.language)
        template = "organisation" if record.kind == "organisations" else record.kind[:-1]
        summary = choose(getattr(record.entry, "summary", None), self.language)
        image = getattr(record.entry, "image", None)
        image_url = relative_url(path, f"media/{image}") if image else None
        body = self.render(
            template,
            path,
            record=record,
            entry=record.entry,
            image_url=image_url,
            suggestions=suggestions(self.catalogue, record, self.language),
        )
        meta = {
            "kind": record.kind,
            "id": record.id,
            "jsonld": structured_data(record, self.language),
            "data": ENTRY_DATA_FILE,
        }
        return Page(
            self.language,
            path,
            self.title(record),
            summary.text if summary else "",
            body,
            entry_path(record.kind, record.id, OTHER_LANGUAGE[self.language]),
            template,
            meta,
        )

    def listing(self, kind: str) -> Page:
        from generator.feeds import FEED_KINDS, feed_path

        path = listing_path(kind, self.language)
        records = self.sorted_records(kind)
        meta: dict[str, Any] = {"kind": kind}
        if kind in FEED_KINDS:
            meta["feed"] = relative_url(path, feed_path(kind, self.language))
            meta["feed_title"] = ui(f"feed_{kind}", self.language)
        body = self.render(
            "listing",
            path,
            kind=kind,
            records=records,
            feed_url=meta.get("feed"),
            csv_url=relative_url(path, f"{kind}.csv"),
            json_url=relative_url(path, "catalogue.json"),
        )
        return Page(
            self.language,
            path,
            ui(f"kind_{kind}", self.language),
            ui(f"kind_{kind}", self.language),
            body,
            listing_path(kind, OTHER_LANGUAGE[self.language]),
            "listing",
            meta,
        )

    def home(self) -> Page:
        path = page_path("home", self.language)
        latest = {kind: self.sorted_records(kind)[:3] for kind in ENTRY_KINDS}
        body = self.render("home", path, latest=latest, kinds=KINDS)
        return Page(
            self.language,
            path,
            ui("site_name", self.language),
            ui("site_tagline", self.language),
            body,
            page_path("home", OTHER_LANGUAGE[self.language]),
            "home",
        )

    def take_part(self) -> Page:
        path = page_path("take_part", self.language)
        body = self.render(f"take_part.{self.language}", path)
        return Page(
            self.language,
            path,
            ui("take_part", self.language),
            ui("take_part", self.language),
            body,
            page_path("take_part", OTHER_LANGUAGE[self.language]),
            "page",
        )

    def statement(self, name: str, template: str) -> Page:
        """Render the accessibility statement or the privacy notice, which the law requires."""
        path = page_path(name, self.language)
        body = self.render(f"{template}.{self.language}", path)
        return Page(
            self.language,
            path,
            ui(name, self.language),
            ui(f"{name}_description", self.language),
            body,
            page_path(name, OTHER_LANGUAGE[self.language]),
            "page",
        )

    @cached_property
    def facets(self) -> FacetIndex:
        from generator.search import index_facets

        return index_facets(self.catalogue)

    def search(self) -> Page:
        """Render the search page; assets/search.js runs the search with Pagefind."""
        from generator.search import filter_groups, listing_groups

        path = page_path("search", self.language)
        body = self.render(
            "search",
            path,
            filters=filter_groups(self.facets, self.language),
            listings={kind: listing_groups(self.facets, kind, self.language) for kind in KINDS},
            kinds=KINDS,
        )
        return Page(
            self.language,
            path,
            ui("search", self.language),
            ui("search_description", self.language),
            body,
            page_path("search", OTHER_LANGUAGE[self.language]),
            "search",
        )

    def facet_listings(self, kind: str) -> Iterator[Page]:
        """Render a kind's listing per filter value, so that plain links reach every filter."""
        from generator.search import FACET_LEGENDS, facet_label, facet_listings

        for listed_kind, facet, code in facet_listings():
            if listed_kind != kind:
                continue
            labels = {lang: facet_label(facet, code, lang) for lang in OTHER_LANGUAGE}
            path = facet_path(kind, facet, code, self.language)
            ids = {record.id for record in self.facets.get((kind, facet, code), [])}
            records = [record for record in self.sorted_records(kind) if record.id in ids]
            body = self.render(
                "facet_listing",
                path,
                kind=kind,
                facet=facet,
                code=code,
                value=labels[self.language],
                legend=ui(FACET_LEGENDS[facet], self.language),
                records=records,
            )
            title = ui(
                "facet_listing_title",
                self.language,
                kind=ui(f"kind_{kind}", self.language),
                value=labels[self.language],
            )
            other = OTHER_LANGUAGE[self.language]
            alternate = facet_path(kind, facet, code, other)
            meta = {"kind": kind}
            yield Page(self.language, path, title, title, body, alternate, "listing", meta)


def render_pages(catalogue: Catalogue, language: str) -> list[Page]:
    """Render every page of the site in one language."""
    return list(Renderer(catalogue, language).pages())
