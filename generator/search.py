"""The search index: one Pagefind bundle per language, built from the catalogue.

Each entry becomes one Pagefind custom record with the entry's text in the bundle's
language, its filter values (facets) and what a result shows. The Finnish records
also carry the base forms, compound parts and case forms that `finnish.py` finds
with Voikko, so that the query "liikunta" finds "välituntiliikuntaa", "kaupungissa"
finds "kaupunki" and "liikuntaa" finds "liikunta". The bundles go to `pagefind/`
under each language's root, so a Finnish search page never loads Swedish records and
the other way round.

The facets defined here are shared by the search page's filters and by the static
listing pages per filter value (`pages.py`), so both select the same entries.
"""

from __future__ import annotations

import html
import logging
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nh3

from generator.catalogue import KINDS, Catalogue, Record
from generator.finnish import WordForms, open_analyser
from generator.markup import render_markdown
from generator.models import LocalizedText
from generator.pages import choose, record_title, status_of, ui
from generator.urls import LANGUAGE_ROOTS, entry_path, facet_path
from generator.vocabularies import codes, label

log = logging.getLogger(__name__)

# Filters in the order the search page shows them. `kind` has no listing pages of
# its own because the listing of each kind is one already.
FACETS: tuple[str, ...] = (
    "kind",
    "status",
    "level",
    "subject",
    "competence",
    "district",
    "language",
)
# The vocabulary whose codes are a facet's values.
FACET_VOCABULARIES: dict[str, str] = {
    "status": "status",
    "level": "level",
    "subject": "subject",
    "competence": "competence",
    "district": "district",
    "language": "instruction_language",
}
# The ui.yaml key of each filter's name.
FACET_LEGENDS: dict[str, str] = {
    "kind": "search_filter_kind",
    "status": "status",
    "level": "levels",
    "subject": "subjects",
    "competence": "competences",
    "district": "district",
    "language": "instruction_language",
}
# The facets that apply to each kind; organisations have no status, subject or competence.
FACET_KINDS: dict[str, tuple[str, ...]] = {
    "needs": FACETS[1:],
    "ideas": FACETS[1:],
    "products": FACETS[1:],
    "organisations": ("level", "district", "language"),
}
EXPIRED = "expired"


def facet_codes(facet: str) -> tuple[str, ...]:
    """Return every value a facet can take, in the vocabulary's order."""
    if facet == "kind":
        return KINDS
    if facet == "status":
        return (*codes("status"), EXPIRED)
    return codes(FACET_VOCABULARIES[facet])


def facet_label(facet: str, code: str, language: str) -> str:
    if facet == "kind":
        return ui(f"kind_{code}", language)
    if facet == "status" and code == EXPIRED:
        return ui("expired", language)
    return label(FACET_VOCABULARIES[facet], code, language)


def facet_values(record: Record, catalogue: Catalogue) -> dict[str, list[str]]:
    """Return the facet values of a record, each list sorted and without repeats.

    A need's district and language of instruction are those of its school, a
    product's those of the schools it was co-developed with, and an idea's those of
    the school it seeks.
    """
    entry = record.entry
    seeks = getattr(entry, "seeks", None)
    schools = school_records(record, catalogue)
    values: dict[str, set[str]] = {
        "kind": {record.kind},
        "level": set(getattr(entry, "levels", [])) | set(seeks.levels if seeks else []),
        "subject": set(getattr(entry, "subjects", [])) | set(seeks.subjects if seeks else []),
        "competence": set(getattr(entry, "competences", [])),
        "district": {school.entry.district for school in schools if school.entry.district},
        "language": {
            school.entry.instruction_language
            for school in schools
            if school.entry.instruction_language
        },
    }
    if record.kind != "organisations":
        values["status"] = {status_of(record, catalogue.today)}
    if seeks:
        values["district"] |= set(seeks.districts)
        values["language"] |= set(seeks.instruction_languages)
    order = {facet: facet_codes(facet) for facet in values}
    return {
        facet: sorted(found, key=order[facet].index) for facet, found in values.items() if found
    }


def school_records(record: Record, catalogue: Catalogue) -> list[Record]:
    """Return the organisations whose district and language describe the record."""
    if record.kind == "organisations":
        return [record]
    if record.kind == "needs":
        ids = [record.entry.school]
    elif record.kind == "products":
        ids = list(record.entry.schools)
    else:
        ids = []
    found = (catalogue.get("organisations", school_id) for school_id in ids)
    return [school for school in found if school is not None]


def facet_listings() -> Iterator[tuple[str, str, str]]:
    """Yield (kind, facet, code) of every listing page per filter value.

    Every value a facet can take gets a page, also when no entry has it yet, so the
    address of a listing stays the same whatever the content.
    """
    for kind in KINDS:
        for facet in FACET_KINDS[kind]:
            for code in facet_codes(facet):
                yield kind, facet, code


@dataclass(frozen=True)
class SearchRecord:
    """One entry as Pagefind indexes it. `url` is relative to the language's root."""

    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]


@contextmanager
def search_bundle(catalogue: Catalogue, language: str, work: Path) -> Iterator[Path]:
    """Index one language's entries with Pagefind while the caller goes on.

    Yields the folder where the bundle will be, and waits for Pagefind on leaving.
    Raises VoikkoMissingError for Finnish if Voikko cannot be opened: without it the
    Finnish index would silently lose word forms.
    """
    forms = WordForms(open_analyser()) if language == "fi" else None
    records = search_records(catalogue, language, forms)
    output = work / "pagefind"
    with tempfile.TemporaryDirectory(prefix="search-pages-", dir=work) as folder:
        write_record_pages(records, language, Path(folder))
        command = [sys.executable, "-m", "pagefind", "--site", folder, "--output-path"]
        command += [str(output), "--force-language", language, "--silent"]
        process = subprocess.Popen(command)
        try:
            yield output
        finally:
            code = process.wait()
        if code:
            raise subprocess.CalledProcessError(code, command)
    log.debug("search index %s: %d records", language, len(records))


def search_records(
    catalogue: Catalogue, language: str, forms: WordForms | None
) -> list[SearchRecord]:
    return [
        search_record(record, catalogue, language, forms)
        for kind in KINDS
        for record in sorted(catalogue.all(kind), key=lambda record: record.id)
    ]


def search_record(
    record: Record, catalogue: Catalogue, language: str, forms: WordForms | None
) -> SearchRecord:
    text = record_text(record, catalogue, language)
    if forms is not None:
        text += "\n" + " ".join(forms.expand(text))
    filters = facet_values(record, catalogue)
    status = filters.get("status", [""])[0]
    published = getattr(record.entry, "published", None)
    meta = {
        "title": title(record, language),
        "summary": localized(getattr(record.entry, "summary", None), language),
        "kind": ui(f"kind_one_{record.kind}", language),
        "status": facet_label("status", status, language) if status else "",
        "example": ui("example_marker", language) if is_example(record) else "",
        "published": published.isoformat() if published else "",
    }
    path = entry_path(record.kind, record.id, language)[len(LANGUAGE_ROOTS[language]) :]
    return SearchRecord(path, text, meta, filters, {"published": meta["published"]})


def is_example(record: Record) -> bool:
    return bool(getattr(record.entry, "example", False))


def record_text(record: Record, catalogue: Catalogue, language: str) -> str:
    """Return the words a visitor may search an entry by: its texts and its facet labels."""
    entry = record.entry
    pieces = [title(record, language), localized(getattr(entry, "summary", None), language)]
    pieces.append(plain_text(localized(getattr(entry, "description", None), language)))
    seeks = getattr(entry, "seeks", None)
    if seeks is not None:
        pieces.append(localized(seeks.description, language))
    themes = getattr(entry, "themes", None)
    if themes is not None:
        pieces.extend(themes.fi if language == "fi" else themes.sv)
    for organisation_id in related_organisations(record):
        organisation = catalogue.get("organisations", organisation_id)
        if organisation is not None:
            pieces.append(title(organisation, language))
    for facet, values in facet_values(record, catalogue).items():
        pieces.extend(facet_label(facet, code, language) for code in values)
    return "\n".join(piece for piece in pieces if piece)


def related_organisations(record: Record) -> list[str]:
    entry = record.entry
    ids = [getattr(entry, name, None) for name in ("school", "company")]
    return [organisation for organisation in ids if organisation] + list(
        getattr(entry, "schools", [])
    )


def title(record: Record, language: str) -> str:
    return record_title(record, language)


def localized(value: LocalizedText | None, language: str) -> str:
    chosen = choose(value, language)
    return chosen.text if chosen else ""


def plain_text(markdown_text: str) -> str:
    """Return the text of contributed Markdown without its markup."""
    if not markdown_text:
        return ""
    # A space before each tag keeps the words of adjacent blocks apart.
    spaced = render_markdown(markdown_text).replace("<", " <")
    return " ".join(html.unescape(nh3.clean(spaced, tags=set())).split())


def write_record_pages(records: list[SearchRecord], language: str, folder: Path) -> None:
    """Write one small HTML page per record for Pagefind's command line to index.

    Its Python API would cost more: the pagefind package (1.5.2) waits 0.1 s before it
    reads each reply of the binary, so one call per record took about 0.1 s each.
    """
    # The record of `tarpeet/x/` is written as `tarpeet/x.html`, because a folder per
    # record would double the files created, which cost more than writing them.
    # search.js turns the address back.
    for section in {record.url.split("/")[0] for record in records}:
        (folder / section).mkdir()
    for record in records:
        (folder / f"{record.url.rstrip('/')}.html").write_text(
            record_page(record, language), "utf-8"
        )


def record_page(record: SearchRecord, language: str) -> str:
    """Return the HTML page that stands for one record in the indexed folder.

    Only the text is indexed: metadata, filters and the sort key are marked
    data-pagefind-ignore, which keeps them out of the words but not out of the bundle.
    """
    hidden: list[str] = []
    for key, value in record.meta.items():
        if value:
            hidden.append(
                f'<span data-pagefind-meta="{key}" data-pagefind-ignore>{_e(value)}</span>'
            )
    for key, values in record.filters.items():
        for value in values:
            hidden.append(
                f'<span data-pagefind-filter="{key}" data-pagefind-ignore>{_e(value)}</span>'
            )
    for key, value in record.sort.items():
        # Pagefind leaves a page without the sort key out of sorted results, so an
        # organisation, which has no date, sorts as the oldest instead.
        sort_value = _e(value or "0000-00-00")
        hidden.append(f'<span data-pagefind-sort="{key}" data-pagefind-ignore>{sort_value}</span>')
    paragraphs = "".join(f"<p>{_e(line)}</p>" for line in record.content.split("\n") if line)
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{_e(record.meta.get('title', ''))}</title></head>"
        f"<body><main data-pagefind-body>{''.join(hidden)}{paragraphs}</main></body></html>"
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass(frozen=True)
class FilterOption:
    """One value of a filter as a page shows it: a checkbox or a link to its listing."""

    code: str
    label: str
    count: int
    path: str = ""


@dataclass(frozen=True)
class FilterGroup:
    """A filter with its values, such as the school levels."""

    name: str
    legend: str
    options: list[FilterOption]


FacetIndex = dict[tuple[str, str, str], list[Record]]


def index_facets(catalogue: Catalogue) -> FacetIndex:
    """Return the records by (kind, facet, code), each list in the catalogue's order."""
    found: FacetIndex = {}
    for kind in KINDS:
        for record in catalogue.all(kind):
            for facet, values in facet_values(record, catalogue).items():
                for code in values:
                    found.setdefault((kind, facet, code), []).append(record)
    return found


def filter_groups(facets: FacetIndex, language: str) -> list[FilterGroup]:
    """Return the search page's filters, each with the values that some entry has."""
    groups = []
    for facet in FACETS:
        options = []
        for code in facet_codes(facet):
            count = sum(len(facets.get((kind, facet, code), [])) for kind in KINDS)
            if count:
                options.append(FilterOption(code, facet_label(facet, code, language), count))
        groups.append(FilterGroup(facet, ui(FACET_LEGENDS[facet], language), options))
    return groups


def listing_groups(facets: FacetIndex, kind: str, language: str) -> list[FilterGroup]:
    """Return the links to a kind's listings per filter value, leaving out the empty ones."""
    groups = []
    for facet in FACET_KINDS[kind]:
        options = []
        for code in facet_codes(facet):
            count = len(facets.get((kind, facet, code), []))
            value = facet_label(facet, code, language)
            if count:
                path = facet_path(kind, facet, code, language)
                options.append(FilterOption(code, value, count, path))
        if options:
            groups.append(FilterGroup(facet, ui(FACET_LEGENDS[facet], language), options))
    return groups
