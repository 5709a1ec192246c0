"""Time the phases of `kyky build` one after the other, in one process.

    .venv/bin/python tests/benchmarks/build_phases.py CONTENT_DIR

Runs the steps that `generator.site.build_site` runs, each language in turn instead
of in two forked processes, and prints the wall-clock and CPU seconds of each. The
Pagefind bundles are left out: `search_index_cost.py` times them, and here only the
making of the search records is timed. The site is built into a temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

if __package__ in (None, ""):  # run as a script: make `tests.benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import yaml

from generator.catalogue import Catalogue, check
from generator.export import configured_site_url, export_site
from generator.finnish import WordForms, open_analyser
from generator.pages import render_pages
from generator.search import search_records
from generator.site import mkdocs_config, write_pages
from generator.vocabularies import SITE_LANGUAGES

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]
CONFIG = str(ROOT / "mkdocs.yml")


def timed(name: str, action: Callable[[], T]) -> T:
    wall, cpu = time.perf_counter(), time.process_time()
    value = action()
    print(f"{name:<28} {time.perf_counter() - wall:7.2f} s  (cpu {time.process_time() - cpu:.2f})")
    return value


def mkdocs_build(language: str, root: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_path = root / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(mkdocs_config(CONFIG, language, root)), "utf-8")
    build(load_config(str(config_path), strict=True))


def build_language(catalogue: Catalogue, language: str, root: Path, forms: WordForms) -> None:
    pages = timed(f"{language}: render pages", lambda: render_pages(catalogue, language))
    timed(f"{language}: write Markdown", lambda: write_pages(pages, root / "docs", language))
    timed(f"{language}: mkdocs build", lambda: mkdocs_build(language, root))
    timed(f"{language}: search records", lambda: search_records(catalogue, language, forms))


def main(argv: list[str] | None = None) -> int:
    content = (argv or sys.argv[1:])[0]
    catalogue = timed("check", lambda: check(content).catalogue)
    forms = WordForms(open_analyser())
    with tempfile.TemporaryDirectory(prefix="kyky-phases-") as temporary:
        work = Path(temporary)
        for language in SITE_LANGUAGES:
            build_language(catalogue, language, work / language, forms)
        site_url = configured_site_url(CONFIG)
        timed(
            "export (feeds, data)", lambda: export_site(catalogue, work / "fi" / "site", site_url)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
