"""Content from strangers stays inert: a site built from hostile entries, scanned file by file.

The entries carry the raw-html and script-urls cases plus titles that try to close
<title>, open <svg onload>, javascript: and data: URLs, HTML comments and Jinja syntax
in every text field. Every output file (HTML, XML, JSON and the search fragments) is
scanned for script elements other than the theme's own, for on* attributes and for
javascript:, vbscript: and data: URLs. The hostile titles must appear as literal text.
The symlink case checks that the build reads nothing outside the content folder.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from generator.urls import entry_path, listing_path
from tests.a11y_browser import search_paths, serve
from tests.conftest import CASES, CONTENT, ROOT, run_kyky

NEED_ID = "vihamielinen-tarve"
PRODUCT_ID = "vihamielinen-tuote"
TITLE_FI = "</title><script>alert('fi')</script> \"><svg onload=alert(1)> <b>Tärkeä</b> {{ 7*7 }}"
TITLE_SV = "Viktigt projekt <img src=x onerror=alert('sv')> {% raw %}x{% endraw %} <!-- c -->"
PRODUCT_FI = "Historiallinen karttasovellus <script>alert('p')</script>"
JINJA = "{{ 7*7 }} {% raw %}{{ config }}{% endraw %} {# comment #}"
RAW_HTML_DESCRIPTION_FI = """\
Tavallista tekstiä. {{ 7*7 }} ja {% raw %}raaka{% endraw %}.

<img src="x" onerror="alert(1)">

<iframe src="https://example.com/"></iframe>
<a href="https://example.com/" onclick="alert(2)">linkki</a>
<details open ontoggle="alert(3)"><summary>x</summary></details>
<!-- piilotettu kommentti -->
![kuva](data:image/png;base64,iVBORw0KGgo=)
[linkki](javascript:alert(1)) [toinen](jAvAsCrIpT&#58;alert(2)) [kolmas](&#106;avascript:alert(5))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==) [vb](vbscript:msgbox(4))
<a href=" javascript:alert(6)">välilyönti</a> <a href="java&#x09;script:alert(7)">tab</a>
[sähköposti](mailto:kanslia@example.fi) [verkko](https://example.com/polku)
"""
RAW_HTML_DESCRIPTION_SV = """\
<style>body { display: none }</style>
Vanlig text. {{ 7*7 }} {% raw %}{% endraw %}
<script>alert('sv')</script>
"""


def yaml_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


HOSTILE_NEED = f"""\
title:
  fi: {yaml_text(TITLE_FI)}
  sv: {yaml_text(TITLE_SV)}
summary:
  fi: {yaml_text("Tiivistelmä " + JINJA + " <script>alert(1)</script>")}
  sv: {yaml_text("Sammanfattning " + JINJA)}
description:
  fi: {yaml_text(RAW_HTML_DESCRIPTION_FI)}
  sv: {yaml_text(RAW_HTML_DESCRIPTION_SV)}
status: open
published: 2026-11-20
school: kuusikallion-koulu
levels: [perusopetus-1-6]
themes:
  fi: [{yaml_text("teema " + JINJA)}]
  sv: [{yaml_text("<svg onload=alert(1)>")}]
offer:
  group: {{fi: {yaml_text("5. luokka " + JINJA)}, sv: {yaml_text("årskurs 5 <b>x</b>")}}}
  group_size: 24
contact:
  email: kanslia.kuusikallio@example.fi
  role: {{fi: {yaml_text("kanslia " + JINJA)}, sv: {yaml_text("kansliet <i>x</i>")}}}
"""
HOSTILE_PRODUCT = f"""\
title:
  fi: {yaml_text(PRODUCT_FI)}
  sv: Historisk kartapp
summary:
  fi: {yaml_text("Kartta " + JINJA)}
  sv: Karta.
description:
  fi: {yaml_text(RAW_HTML_DESCRIPTION_FI)}
  sv: "Läs mer [här](vbscript:msgbox(4))."
status: completed
published: 2026-11-21
company: lukulamppu-oy
website: https://example.com/kartta
"""
THEME_SCRIPTS = re.compile(
    r"(^|/)(assets/javascripts/(bundle\.[0-9a-f]+\.min|kyky-base|kyky-content)\.js"
    r"|assets/search\.js)$"
)
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "xlink:href", "srcset", "data"}
FORBIDDEN_SCHEMES = ("javascript:", "vbscript:", "data:")
SECRET = "not-a-real-secret-7f3a"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    (content / "needs" / f"{NEED_ID}.yml").write_text(HOSTILE_NEED, "utf-8")
    (content / "products" / f"{PRODUCT_ID}.yml").write_text(HOSTILE_PRODUCT, "utf-8")
    result = run_kyky("build", "--content", str(content), "--site-dir", str(root / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def url_is_forbidden(value: str) -> bool:
    """Tell whether a URL's scheme, as a browser reads it, is javascript:, vbscript: or data:."""
    cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
    return cleaned.startswith(FORBIDDEN_SCHEMES)


def html_problems(text: str, where: str) -> list[str]:
    """List what could run in an HTML document: foreign scripts, on* attributes, bad URLs."""
    problems = []
    soup = BeautifulSoup(text, "html.parser")
    for script in soup.find_all("script"):
        source = script.get("src")
        if source and THEME_SCRIPTS.search(source):
            continue
        if not source and script.get("type") in DATA_SCRIPT_TYPES:
            if "</" in (script.string or ""):
                problems.append(f"{where}: data block contains </: {script.string}")
            json.loads(script.string or "")
            continue
        problems.append(f"{where}: script {script}")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                problems.append(f"{where}: <{tag.name} {name}>")
            values = value if isinstance(value, list) else [value]
            if name.lower() in URL_ATTRIBUTES and any(url_is_forbidden(v) for v in values):
                problems.append(f"{where}: <{tag.name} {name}={value!r}>")
    return problems


def xml_problems(path: Path, where: str) -> list[str]:
    problems = []
    tree = ElementTree.parse(path)
    for element in tree.iter():
        local = element.tag.rsplit("}", 1)[-1]
        if local == "script":
            problems.append(f"{where}: <script> element")
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1] in URL_ATTRIBUTES and url_is_forbidden(value):
                problems.append(f"{where}: {local} {name}={value!r}")
        if element.get("type") == "html" and element.text:
            problems += html_problems(element.text, f"{where} <{local}>")
    return problems


def json_problems(data: object, where: str) -> list[str]:
    """List URL-valued strings in JSON data that use a forbidden scheme."""
    problems = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key.lower() in {"url", "href", "website", "image"}:
                if url_is_forbidden(value):
                    problems.append(f"{where}: {key}={value!r}")
            else:
                problems += json_problems(value, where)
    elif isinstance(data, list):
        for value in data:
            problems += json_problems(value, where)
    return problems


def pagefind_fragment(path: Path) -> dict[str, object]:
    """Decode a Pagefind fragment: gzip around a `pagefind_dcd` signature and JSON."""
    data = gzip.decompress(path.read_bytes())
    return json.loads(data.removeprefix(b"pagefind_dcd"))


def test_scanner_finds_unsafe_markup() -> None:
    """The scans above report what they look for, so they can fail."""
    page = (
        '<script>alert(1)</script><script src="https://example.com/x.js"></script>'
        '<svg onload="alert(2)"></svg><a href=" JaVa\tScRiPt:alert(3)">x</a>'
        '<img src="data:image/png;base64,AA"><script type="application/json">{"a": 1}</script>'
        '<script src="../assets/javascripts/kyky-base.js"></script>'
    )
    assert html_problems(page, "x.html") == [
        "x.html: script <script>alert(1)</script>",
        'x.html: script <script src="https://example.com/x.js"></script>',
        "x.html: <svg onload>",
        "x.html: <a href=' JaVa\\tScRiPt:alert(3)'>",
        "x.html: <img src='data:image/png;base64,AA'>",
    ]


def test_no_output_file_can_run_content(hostile_site: Path) -> None:
    problems: list[str] = []
    counts: dict[str, int] = {}
    for path in sorted(hostile_site.rglob("*")):
        if not path.is_file():
            continue
        where = path.relative_to(hostile_site).as_posix()
        suffix = path.suffix
        counts[suffix] = counts.get(suffix, 0) + 1
        if suffix == ".html":
            problems += html_problems(path.read_text("utf-8"), where)
        elif suffix == ".xml":
            problems += xml_problems(path, where)
        elif suffix == ".json":
            problems += json_problems(json.loads(path.read_text("utf-8")), where)
        elif suffix == ".pf_fragment":
            problems += json_problems(pagefind_fragment(path), where)
    assert problems == []
    assert counts[".html"] > 50


def test_only_theme_files_are_scripts(hostile_site: Path) -> None:
    """No JavaScript file comes from content: none contains a hostile title."""
    for path in hostile_site.rglob("*.js"):
        text = path.read_text("utf-8")
        assert "alert('fi')" not in text, path
        assert "vihamielinen" not in text, path


def test_hostile_titles_stay_literal_text(hostile_site: Path) -> None:
    for language, title in (("fi", TITLE_FI), ("sv", TITLE_SV)):
        path = entry_path("needs", NEED_ID, language)
        soup = BeautifulSoup((hostile_site / path / "index.html").read_text("utf-8"), "html.parser")
        site_name = "KYKY-tori" if language == "fi" else "KYKY-torget"
        assert soup.select_one("h1.kyky-title").get_text() == title
        assert soup.title.string == f"{title} – {site_name}"
        assert (
            soup.select_one('[data-md-component="header-topic"] .md-ellipsis').get_text().strip()
            == title
        )
        og_title = soup.select_one('meta[property="og:title"]')
        if og_title is not None:
            assert og_title["content"] == title
        for block in soup.select('script[type="application/ld+json"]'):
            assert json.loads(block.string)["name"] == title

        listing = listing_path("needs", language)
        cards = BeautifulSoup(
            (hostile_site / listing / "index.html").read_text("utf-8"), "html.parser"
        )
        card_titles = [link.get_text() for link in cards.select(".kyky-card__title a")]
        assert title in card_titles


def test_hostile_titles_in_feeds_and_search(hostile_site: Path) -> None:
    feeds = list(hostile_site.rglob("*.xml"))
    titles = []
    for feed in feeds:
        for element in ElementTree.parse(feed).iter():
            if element.tag.rsplit("}", 1)[-1] == "title" and element.text:
                titles.append(element.text)
    if any(path.name != "sitemap.xml" for path in feeds):
        assert TITLE_FI in titles
    fragments = [pagefind_fragment(path) for path in hostile_site.rglob("*.pf_fragment")]
    if fragments:
        contents = [str(fragment["content"]) for fragment in fragments]
        assert any(content.startswith(TITLE_FI) for content in contents)
        assert any(content.startswith(TITLE_SV) for content in contents)


def test_no_template_evaluation(hostile_site: Path) -> None:
    path = entry_path("needs", NEED_ID, "fi")
    text = BeautifulSoup((hostile_site / path / "index.html").read_text("utf-8"), "html.parser")
    page_text = text.get_text()
    assert page_text.count("{{ 7*7 }}") >= 5
    assert "{% raw %}{{ config }}{% endraw %}" in page_text
    assert "{# comment #}" in page_text
    assert "{% raw %}raaka{% endraw %}" in page_text


def test_markdown_keeps_only_safe_links(hostile_site: Path) -> None:
    path = entry_path("needs", NEED_ID, "fi")
    soup = BeautifulSoup((hostile_site / path / "index.html").read_text("utf-8"), "html.parser")
    description = soup.select_one(".kyky-description")
    links = {link.get_text(): link.get("href") for link in description.select("a")}
    assert links["sähköposti"] == "mailto:kanslia@example.fi"
    assert links["verkko"] == "https://example.com/polku"
    for name in ("linkki", "toinen", "kolmas", "data", "vb", "välilyönti", "tab"):
        assert links.get(name) is None, name
    assert description.select("img, iframe, details, style, script") == []
    # Raw HTML is escaped, so an HTML comment shows as text instead of hiding anything.
    assert "<!--" not in str(description)
    assert "<!-- piilotettu kommentti -->" in description.get_text()
    external = description.select('a[href^="https:"]')
    assert [link["rel"] for link in external] == [["noopener", "nofollow", "ugc"]]


def test_hostile_page_runs_no_content_in_browser(hostile_site: Path, browser: Browser) -> None:
    """With the Content-Security-Policy bypassed, escaping alone must keep content inert:
    no alert, no injected element, even in search results."""
    pages = [entry_path("needs", NEED_ID, lang) for lang in ("fi", "sv")]
    pages += [listing_path("needs", lang) for lang in ("fi", "sv")]
    with serve(hostile_site) as base:
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages + search_paths(hostile_site):
            page.goto(base + path)
            if path in search_paths(hostile_site):
                page.locator("input[type=search]").first.fill("Historiallinen")
                page.keyboard.press("Enter")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
            injected = page.evaluate(
                "document.querySelectorAll('article svg, article iframe, article style').length"
            )
            assert injected == 0, path
        context.close()
    assert dialogs == []


def make_symlink_layout(root: Path) -> Path:
    subprocess.run(
        ["sh", str(CASES / "symlinks-and-traversal" / "make_layout.sh"), str(root)], check=True
    )
    return root / "content"


def test_symlinks_and_paths_are_rejected(tmp_path: Path) -> None:
    content = make_symlink_layout(tmp_path)
    result = run_kyky("check", "--lang", "en", "--content", str(content))
    assert result.returncode == 1
    symlink = (
        "error: a symbolic link is not allowed in the content folder and is not read. "
        "Replace the link with a regular file."
    )
    lines = result.stdout.splitlines()
    assert f"{content}/needs/environ.yml:1:1: {symlink}" in lines
    assert f"{content}/needs/secret.yml:1:1: {symlink}" in lines
    assert f"{content}/products/outside:1:1: {symlink}" in lines
    assert (
        f"{content}/products/chemistry.yml:2:8: error: image: the path "
        '"../../outside/secret.txt" points outside the content folder. Give the path from '
        "the content folder without ../, such as images/app.png."
    ) in lines
    assert SECRET not in result.stdout + result.stderr


AUDIT = """
import os, sys
log = open(sys.argv[1], "a", encoding="utf-8")
def hook(event, args):
    if event in ("open", "os.scandir", "os.listdir") and args and args[0] is not None:
        if isinstance(args[0], (str, bytes, os.PathLike)):
            log.write(os.path.abspath(os.fsdecode(args[0])) + "\\n")
            log.flush()
sys.addaudithook(hook)
from generator.cli import main
sys.exit(main(sys.argv[2:]))
"""


def audited_build(content: Path, site: Path, log: Path) -> subprocess.CompletedProcess[str]:
    """Run `kyky build` with an audit hook that logs every file and folder Python opens,
    in the forked language builds too."""
    arguments = ["build", "--content", str(content), "--site-dir", str(site)]
    return subprocess.run(
        [sys.executable, "-c", AUDIT, str(log), *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_build_reads_nothing_outside(tmp_path: Path) -> None:
    """Python code of the build opens files only in the repository, the output folder,
    the Python installation and the time zone data. Programs the build starts (the
    Pagefind binary, Voikko's library) are outside the audit hook's sight."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    log = tmp_path / "opened.log"
    result = audited_build(content, tmp_path / "site", log)
    assert result.returncode == 0, result.stdout + result.stderr
    allowed = (
        str(ROOT),
        str(tmp_path),
        sys.prefix,
        sys.base_prefix,
        "/usr/share/zoneinfo/",
        "/dev/null",
    )
    opened = set(log.read_text("utf-8").splitlines())
    assert len(opened) > 100
    assert sorted(path for path in opened if not path.startswith(allowed)) == []
    assert not any(path.startswith(str(CONTENT)) for path in opened)


def test_build_refuses_symlinks_and_leaks_nothing(tmp_path: Path) -> None:
    content = make_symlink_layout(tmp_path / "tree")
    site = tmp_path / "site"
    log = tmp_path / "opened.log"
    result = audited_build(content, site, log)
    assert result.returncode == 1
    assert SECRET not in result.stdout + result.stderr
    assert not site.exists()
    opened = log.read_text("utf-8").splitlines()
    outside = str(tmp_path / "tree" / "outside")
    symlinks = [
        str(content / "needs" / "secret.yml"),
        str(content / "needs" / "environ.yml"),
        str(content / "products" / "outside"),
    ]
    assert all(os.path.islink(path) for path in symlinks)
    # os.scandir lists the links, but nothing is opened through them.
    assert [path for path in opened if path.startswith((outside, *symlinks))] == []
    assert [path for path in opened if path.startswith("/proc/")] == []


def test_markdown_shows_angle_brackets_and_list_numbers() -> None:
    from generator.markup import render_markdown

    assert render_markdown("Kaava a<b ja c>d") == "<p>Kaava a&lt;b ja c&gt;d</p>"
    assert render_markdown("5. luokka, 24 oppilasta") == (
        '<ol start="5">\n<li>luokka, 24 oppilasta</li>\n</ol>'
    )
