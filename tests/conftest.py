"""Shared fixtures: content trees written by tests, and the site built once per session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CASES = ROOT / "tests" / "data" / "cases"
TODAY = date(2026, 12, 4)


def run_kyky(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the real `kyky` command and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the real content into a temporary folder once, with `kyky build`."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_kyky("build", "--content", str(CONTENT), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def read_page(site: Path, path: str) -> BeautifulSoup:
    """Parse a built page; `path` is its address below the site root, such as `sv/behov/x/`."""
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


@pytest.fixture
def content_tree(tmp_path: Path) -> Path:
    """A copy of the real content that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, started once per session through Playwright."""
    from tests.browser import launch_chromium

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()
