"""Time the phases of `kyky build` one after the other, in one process.

    .venv/bin/python tests/benchmarks/build_phases.py CONTENT_DIR

Runs the steps that `generator.site.build_site` runs, each language in turn instead
of in two forked processes and Pagefind after MkDocs instead of beside it, and
prints the wall-clock and CPU seconds of each. The CPU seconds of Pagefind are those
of its own process. The site is built into a temporary folder.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

if __package__ in (None, ""):  # run as a script: make `tests.benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.catalogue import Catalogue, check
from generator.export import configured_site_url, export_files
from generator.pages import render_pages
from generator.search import search_bundle
from generator.site import build_pages
from generator.vocabularies import SITE_LANGUAGES

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]
CONFIG = str(ROOT / "mkdocs.yml")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(name: str, action: Callable[[], T]) -> T:
    wall, cpu, child = time.perf_counter(), time.process_time(), children_cpu()
    value = action()
    cpu_seconds = time.process_time() - cpu + children_cpu() - child
    print(f"{name:<28} {time.perf_counter() - wall:7.2f} s  (cpu {cpu_seconds:.2f})")
    return value


def search_index(catalogue: Catalogue, language: str, root: Path) -> None:
    with search_bundle(catalogue, language, root):
        pass


def build_language(catalogue: Catalogue, language: str, root: Path) -> None:
    root.mkdir(parents=True)
    pages = timed(f"{language}: render pages", lambda: render_pages(catalogue, language))
    timed(
        f"{language}: MkDocs and frames",
        lambda: build_pages(pages, language, root, CONFIG, frames=True),
    )
    timed(f"{language}: search index", lambda: search_index(catalogue, language, root))


def main(argv: list[str] | None = None) -> int:
    content = (argv or sys.argv[1:])[0]
    catalogue = timed("check", lambda: check(content).catalogue)
    with tempfile.TemporaryDirectory(prefix="kyky-phases-") as temporary:
        work = Path(temporary)
        for language in SITE_LANGUAGES:
            build_language(catalogue, language, work / language)
        site_url = configured_site_url(CONFIG)
        timed("export (feeds, data)", lambda: export_files(catalogue, site_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
