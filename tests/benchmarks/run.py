"""Measure how KYKY-tori scales: build, check, parse and first-search bytes per size.

    .venv/bin/python tests/benchmarks/run.py --sizes 1000 5000

For each size it writes a synthetic catalogue (`synthesize.py`) and measures, in one
run:

- the wall-clock time of `kyky build`, the whole pipeline in a subprocess;
- the wall-clock time of `kyky check` in a subprocess, and of `check()` in this
  process (without interpreter start-up and imports);
- the time PyYAML's C loader takes to read and parse the same files, and the ratio
  of the check to that parse;
- the bytes Debian's Chromium fetches from opening the Finnish search page (haku/)
  to the first result of one query, summed from Playwright's network events over the
  requests that started before that result showed;
- the same two figures for a plain mkdocs-material build of the same pages
  (`plain_site.py`): its `mkdocs build` time and its first-search bytes.

Timings of check and parse are the best of `--repeat` runs; builds run once. Byte
counts are response bodies as served without compression; the gzip column estimates
what a host that compresses responses would send. Nothing here asserts a target: the
figures are printed for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

if __package__ in (None, ""):  # run as a script: make `tests.benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import yaml
from playwright.sync_api import Page, Request, Route, sync_playwright

from generator.catalogue import check
from tests.benchmarks.plain_site import write_plain_site
from tests.benchmarks.synthesize import synthesize
from tests.browser import launch_chromium, serve

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DEFAULT_QUERY = "lukuinto"
RESULT_TIMEOUT_MS = 60_000
# Quiet the banner MkDocs 1.6 prints on every build about its successor.
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class SearchBytes:
    """What the browser fetched up to the first search result."""

    requests: int = 0
    body_bytes: int = 0
    gzip_bytes: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    error: str = ""


@dataclass
class Timing:
    """Wall-clock and CPU seconds of one measurement.

    CPU time is user plus system time of this process and of the subprocesses it
    waited for (their forked workers and Pagefind's binary included). It changes
    less than wall-clock time when other programs compete for the cores.
    """

    wall: float = 0.0
    cpu: float = 0.0

    def __str__(self) -> str:
        return f"{self.wall:.2f} s (cpu {self.cpu:.2f})"


@dataclass
class SizeResult:
    """Every figure of one catalogue size."""

    entries: int
    pages: int = 0
    build: Timing = field(default_factory=Timing)
    check: Timing = field(default_factory=Timing)
    check_in_process: Timing = field(default_factory=Timing)
    parse: Timing = field(default_factory=Timing)
    plain_build: Timing = field(default_factory=Timing)
    search: SearchBytes = field(default_factory=SearchBytes)
    plain_search: SearchBytes = field(default_factory=SearchBytes)
    load_average: list[float] = field(default_factory=list)


# Timing.


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(action: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), cpu_seconds()
    action()
    return Timing(time.perf_counter() - wall, cpu_seconds() - cpu)


def best_of(repeat: int, action: Callable[[], object]) -> Timing:
    """Return the shortest wall-clock and the shortest CPU time of `repeat` runs."""
    timings = [timed(action) for _ in range(repeat)]
    return Timing(min(item.wall for item in timings), min(item.cpu for item in timings))


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    """Run a command and stop the benchmark with its output if it fails."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=ENVIRONMENT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stdout}{result.stderr}")


def parse_all(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)


def check_in_process(content: Path) -> None:
    result = check(str(content))
    if result.errors:
        sys.exit(f"{content}: the synthetic catalogue has {result.errors} errors")


# First-search bytes.


POLL_MS = 50


def result_clock(query: str, result_shown: str) -> str:
    """Return a script that sets window.__firstResultAt to the time (Date.now()) at
    which `result_shown`, a JavaScript expression that may read `query`, is first true
    after a change of the page."""
    return f"""
const query = {json.dumps(query)};
new MutationObserver((changes, observer) => {{
  if ({result_shown}) {{
    window.__firstResultAt = Date.now();
    observer.disconnect();
  }}
}}).observe(document, {{ attributes: true, childList: true, subtree: true }});
"""


def measure_search(
    site: Path, address: str, open_search: Callable[[Page], None], query: str, result_shown: str
) -> SearchBytes:
    """Open `address` of the served site, search for `query` and sum what was fetched
    for its first result.

    `result_shown` is a JavaScript expression that is true once the first result of
    `query` shows. Requests that start after that moment are left out: a page may
    load more, such as KYKY-tori's filter counts, once the result shows.
    """
    issued: list[Request] = []
    finished: list[Request] = []
    failed: list[Request] = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context()
        # Requests to any host but the loopback server fail, so a theme's web fonts never load.
        context.route("**/*", lambda route: _loopback_only(route, base))
        context.on("request", lambda request: issued.append(request))
        context.on("requestfinished", lambda request: finished.append(request))
        context.on("requestfailed", lambda request: failed.append(request))
        context.add_init_script(result_clock(query, result_shown))
        page = context.new_page()
        try:
            page.goto(base + address, wait_until="domcontentloaded")
            open_search(page)
            page.keyboard.type(query)
            shown_at = wait_for_first_result(page)
            wait_for_requests(page, issued, finished, failed)
            return count_bytes(request for request in finished if started_by(request, shown_at))
        except Exception as error:  # the table shows why the figure is missing
            measured = count_bytes(finished)
            measured.error = f"{type(error).__name__}: {str(error).splitlines()[0]}"
            return measured
        finally:
            browser.close()


def wait_for_first_result(page: Page) -> float:
    """Return the time at which the page's `result_clock` saw the first result.

    It polls with page.evaluate, because wait_for_function evaluates its predicate
    with eval, which KYKY-tori's Content-Security-Policy blocks.
    """
    for _ in range(RESULT_TIMEOUT_MS // POLL_MS):
        shown_at = page.evaluate("window.__firstResultAt")
        if shown_at:
            return float(shown_at)
        page.wait_for_timeout(POLL_MS)
    raise TimeoutError(f"no search result within {RESULT_TIMEOUT_MS} ms")


def wait_for_requests(
    page: Page, issued: list[Request], finished: list[Request], failed: list[Request]
) -> None:
    """Wait until every request issued so far has finished or failed."""
    for _ in range(RESULT_TIMEOUT_MS // POLL_MS):
        if len(finished) + len(failed) >= len(issued):
            return
        page.wait_for_timeout(POLL_MS)
    raise TimeoutError(f"requests still open after {RESULT_TIMEOUT_MS} ms")


def started_by(request: Request, moment: float) -> bool:
    """Tell whether `request` started no later than `moment` (milliseconds since 1970)."""
    return request.timing["startTime"] <= moment


def _loopback_only(route: Route, base: str) -> None:
    if urlsplit(route.request.url).netloc == urlsplit(base).netloc:
        route.continue_()
    else:
        route.abort()


def count_bytes(requests: Iterable[Request]) -> SearchBytes:
    measured = SearchBytes()
    for request in list(requests):
        response = request.response()
        if response is None:
            continue
        body = response.body()
        kind = file_type(request.url)
        measured.requests += 1
        measured.body_bytes += len(body)
        measured.gzip_bytes += gzipped_size(body)
        measured.by_type[kind] = measured.by_type.get(kind, 0) + len(body)
    return measured


def gzipped_size(body: bytes) -> int:
    """Return the size a compressing host would send; Pagefind's files are gzip already."""
    if body[:2] == b"\x1f\x8b":
        return len(body)
    return len(gzip.compress(body, 6))


def file_type(url: str) -> str:
    path = urlsplit(url).path
    if "/pagefind/" in path:
        name = path.rsplit("/", 1)[-1]
        if name.startswith("wasm.") or name.endswith(".js"):
            return "pagefind " + name.split(".", 1)[0]
        return "pagefind " + name.rsplit(".", 1)[-1]
    if path.endswith("/"):
        return "html"
    return path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else "other"


def open_kyky_search(page: Page) -> None:
    page.locator("#kyky-search-query").click()


# search.js writes the query into the address before it searches, and keeps the
# results aria-busy until that search's results show.
KYKY_RESULT_SHOWN = (
    'new URLSearchParams(location.search).get("q") === query'
    ' && document.querySelector(".kyky-search__results[aria-busy=false] [data-kyky-results] li")'
)


def open_material_search(page: Page) -> None:
    page.locator("input.md-search__input").click()


MATERIAL_RESULT_SHOWN = 'document.querySelector(".md-search-result__item")'


# One size.


def measure_size(entries: int, workdir: Path, repeat: int, query: str) -> SizeResult:
    folder = workdir / str(entries)
    content = folder / "content"
    shutil.rmtree(folder, ignore_errors=True)
    synthesize(entries, content)
    files = sorted(content.glob("*/*.yml"))
    result = SizeResult(entries)
    log(f"{entries}: {len(files)} files in {content}")

    result.load_average.append(os.getloadavg()[0])
    site = folder / "site"
    result.build = timed(
        lambda: run(BIN / "kyky", "build", "--content", content, "--site-dir", site)
    )
    result.pages = sum(1 for _ in site.rglob("index.html"))
    log(f"{entries}: kyky build {result.build}, {result.pages} pages")

    result.check = best_of(repeat, lambda: run(BIN / "kyky", "check", "--content", content))
    result.check_in_process = best_of(repeat, lambda: check_in_process(content))
    result.parse = best_of(repeat, lambda: parse_all(files))
    log(f"{entries}: check {result.check}, parse {result.parse}")

    result.search = measure_search(site, "haku/", open_kyky_search, query, KYKY_RESULT_SHOWN)
    log(f"{entries}: first search {result.search.body_bytes} bytes {result.search.error}")

    plain = folder / "plain"
    write_plain_site(check(str(content)).catalogue, plain)
    result.load_average.append(os.getloadavg()[0])
    result.plain_build = timed(
        lambda: run(BIN / "mkdocs", "build", "--quiet", "--config-file", plain / "mkdocs.yml")
    )
    log(f"{entries}: plain mkdocs-material build {result.plain_build}")
    result.plain_search = measure_search(
        plain / "site", "", open_material_search, query, MATERIAL_RESULT_SHOWN
    )
    log(f"{entries}: plain first search {result.plain_search.body_bytes} bytes")
    result.load_average.append(os.getloadavg()[0])
    return result


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# The table.


def kilobytes(count: int) -> str:
    return f"{count / 1024:,.0f} KB"


def table_rows(results: list[SizeResult]) -> list[tuple[str, list[str]]]:
    def row(name: str, value: Callable[[SizeResult], str]) -> tuple[str, list[str]]:
        return name, [value(result) for result in results]

    def search_cell(measured: SearchBytes, gzipped: bool = False) -> str:
        if measured.error:
            return "failed"
        return kilobytes(measured.gzip_bytes if gzipped else measured.body_bytes)

    def ratio(top: float, bottom: float) -> str:
        return f"{top / bottom:.2f}" if bottom else "-"

    base = results[0]
    return [
        row("pages built (index.html)", lambda r: f"{r.pages:,}"),
        row(
            "1-min load average (start, mid, end)",
            lambda r: " ".join(f"{value:.1f}" for value in r.load_average),
        ),
        row("(a) kyky build", lambda r: str(r.build)),
        row("    wall per 1,000 entries", lambda r: f"{r.build.wall / r.entries * 1000:.1f} s"),
        row(
            "    wall growth / entry growth",
            lambda r: ratio(r.build.wall / base.build.wall, r.entries / base.entries),
        ),
        row(
            "    cpu growth / entry growth",
            lambda r: ratio(r.build.cpu / base.build.cpu, r.entries / base.entries),
        ),
        row("(b) kyky check (command)", lambda r: str(r.check)),
        row("    check() in process", lambda r: str(r.check_in_process)),
        row("(c) C-loader parse", lambda r: str(r.parse)),
        row("    check / parse, wall", lambda r: ratio(r.check.wall, r.parse.wall)),
        row("    check / parse, cpu", lambda r: ratio(r.check.cpu, r.parse.cpu)),
        row("    check() / parse, wall", lambda r: ratio(r.check_in_process.wall, r.parse.wall)),
        row("(d) kyky first search", lambda r: search_cell(r.search)),
        row("    gzip estimate", lambda r: search_cell(r.search, True)),
        row("    requests", lambda r: str(r.search.requests)),
        row("(e) mkdocs-material build", lambda r: str(r.plain_build)),
        row("    kyky / material, wall", lambda r: ratio(r.build.wall, r.plain_build.wall)),
        row("    kyky / material, cpu", lambda r: ratio(r.build.cpu, r.plain_build.cpu)),
        row("    material first search", lambda r: search_cell(r.plain_search)),
        row("    gzip estimate", lambda r: search_cell(r.plain_search, True)),
        row("    requests", lambda r: str(r.plain_search.requests)),
    ]


def format_table(results: list[SizeResult]) -> str:
    header = ("entries", [f"{result.entries:,}" for result in results])
    rows = [header, *table_rows(results)]
    width = max(len(name) for name, _ in rows)
    cells = [max(len(row[1][index]) for row in rows) for index in range(len(results))]
    lines = []
    for name, values in rows:
        padded = "  ".join(value.rjust(cells[index]) for index, value in enumerate(values))
        lines.append(f"{name.ljust(width)}  {padded}")
    return "\n".join(lines)


def format_details(results: list[SizeResult]) -> str:
    """List the bytes by file type and any failed measurement, for the reading below the table."""
    lines = []
    for result in results:
        for name, measured in (("kyky", result.search), ("material", result.plain_search)):
            parts = ", ".join(
                f"{kind} {kilobytes(size)}" for kind, size in sorted(measured.by_type.items())
            )
            lines.append(f"{result.entries:>6} {name:<8} {parts}")
            if measured.error:
                lines.append(f"{'':>6} {name:<8} failed: {measured.error}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark KYKY-tori at several sizes.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="entries")
    parser.add_argument("--repeat", type=int, default=3, help="runs of check and parse (best)")
    parser.add_argument("--query", default=DEFAULT_QUERY, help="the search query typed")
    parser.add_argument("--workdir", type=Path, help="folder for the trees (default: temporary)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    arguments = parser.parse_args(argv)

    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="kyky-bench-"))
    try:
        results = [
            measure_size(size, workdir, arguments.repeat, arguments.query)
            for size in arguments.sizes
        ]
    finally:
        if arguments.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print(f"query: {arguments.query!r}; machine: {os.cpu_count()} cores")
    print(format_table(results))
    print()
    print(format_details(results))
    if arguments.json:
        figures = [asdict(result) for result in results]
        arguments.json.write_text(json.dumps(figures, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
