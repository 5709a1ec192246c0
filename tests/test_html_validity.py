"""Valid HTML: the Nu Html Checker (vnu.jar from the npm package vnu-jar, run with
Debian's Java) over one page of every kind in both languages.

Only messages of type "error" fail the test. vnu's "info" messages (type "info", some
with subType "warning") are left out on purpose: when it checks local files it judges
the Content-Security-Policy against file: addresses, where 'self' matches nothing, so
it reports every stylesheet and script of the site as blocked, and it calls the JSON
configuration block an inline script although browsers never run it. The browser
tests in test_accessibility.py check the policy where it applies.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.a11y_browser import VNU_JAR, page_paths, search_paths


def html_files(site: Path) -> list[Path]:
    files = []
    for path in page_paths() + search_paths(site):
        files.append(site / path if path.endswith(".html") else site / path / "index.html")
    return files


def run_vnu(files: list[Path]) -> list[dict[str, object]]:
    """Check every file in one run of vnu.jar and return its messages."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        check=True,
    )
    # vnu writes its JSON report to standard error.
    return json.loads(result.stderr)["messages"]


def test_pages_are_valid_html(built_site: Path) -> None:
    files = html_files(built_site)
    assert len(files) >= 26
    messages = run_vnu(files)
    errors = [
        f"{message['url']}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error"
    ]
    assert errors == []


def test_checker_reports_errors(tmp_path: Path) -> None:
    """vnu finds an error in a broken page, so the test above can fail."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="fi"><title>x</title><p><div></p><img src="a.png"></html>',
        "utf-8",
    )
    errors = [message["message"] for message in run_vnu([page]) if message["type"] == "error"]
    missing_alt = (
        "An “img” element must have an “alt” attribute, except under certain conditions. "
        "For details, consult guidance on providing text alternatives for images."
    )
    assert missing_alt in errors
