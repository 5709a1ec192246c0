"""Split the cost of the Pagefind index of `kyky build` into its parts.

    .venv/bin/python tests/benchmarks/search_index_cost.py CONTENT_DIR [--sample 100]

For each site language it prints three times. The first is the time to make the
search records (texts, facets and, in Finnish, Voikko's word forms). The second is
the time of `PagefindIndex.add_custom_record` for `--sample` records, one call each,
projected to all records. The third is the time to index all records, written as
HTML files, with one `PagefindIndex.add_directory` call. The HTML files carry the
same text, metadata, filters and sort key with Pagefind's data-pagefind-* attributes,
so both ways index the same data. NOTE: the two bundles were not compared file by file.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tests.benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pagefind.index import IndexConfig, PagefindIndex

from generator.catalogue import Catalogue, check
from generator.finnish import WordForms, open_analyser
from generator.search import SearchRecord, search_records, write_bundle
from generator.vocabularies import SITE_LANGUAGES


def record_html(record: SearchRecord, language: str) -> str:
    """Write one search record as a page that Pagefind reads with its default rules."""
    meta = "".join(
        f'<p data-pagefind-meta="{name}">{html.escape(value)}</p>'
        for name, value in record.meta.items()
        if value and name != "title"
    )
    filters = "".join(
        f'<span data-pagefind-filter="{name}">{html.escape(value)}</span>'
        for name, values in record.filters.items()
        for value in values
    )
    sort = "".join(
        f'<span data-pagefind-sort="{name}:{html.escape(value)}"></span>'
        for name, value in record.sort.items()
        if value
    )
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(record.meta['title'])}</title></head><body>"
        f'<main data-pagefind-body><h1 data-pagefind-meta="title">'
        f"{html.escape(record.meta['title'])}</h1><p>{html.escape(record.content)}</p>"
        f"<div data-pagefind-ignore>{meta}{filters}</div>{sort}</main></body></html>"
    )


async def index_directory(records: list[SearchRecord], language: str, folder: Path) -> None:
    pages = folder / "pages"
    for record in records:
        target = pages / record.url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(record_html(record, language), "utf-8")
    config = IndexConfig(force_language=language, output_path=str(folder / "pagefind"))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(pages))


def measure_language(
    catalogue: Catalogue, language: str, forms: WordForms, sample: int, folder: Path
) -> str:
    start = time.perf_counter()
    records = search_records(catalogue, language, forms)
    making = time.perf_counter() - start

    start = time.perf_counter()
    asyncio.run(write_bundle(records[:sample], language, folder / "custom"))
    sending = time.perf_counter() - start
    projected = sending / max(1, min(sample, len(records))) * len(records)

    start = time.perf_counter()
    asyncio.run(index_directory(records, language, folder / "directory"))
    directory = time.perf_counter() - start
    return (
        f"{language}: {len(records)} records; making them {making:.1f} s; "
        f"add_custom_record {sending:.1f} s for {min(sample, len(records))} "
        f"(projected {projected:.0f} s for all); add_directory of all {directory:.1f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the parts of the search index build.")
    parser.add_argument("content", help="content folder, such as one synthesize.py wrote")
    parser.add_argument("--sample", type=int, default=100, help="records sent one by one")
    arguments = parser.parse_args(argv)
    catalogue = check(arguments.content).catalogue
    forms = WordForms(open_analyser())
    with tempfile.TemporaryDirectory(prefix="kyky-search-cost-") as temporary:
        for language in SITE_LANGUAGES:
            folder = Path(temporary) / language
            print(measure_language(catalogue, language, forms, arguments.sample, folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
