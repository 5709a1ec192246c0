"""WCAG 2.1 A and AA in a real browser: axe-core in Debian's Chromium on every kind of page.

The site is built once for the module from the real content plus the language-of-parts
case (an idea whose description exists only in Finnish), served on 127.0.0.1 and
opened in headless Chromium through Playwright. axe-core comes from node_modules
(`npm ci`, see the Makefile). The same pages are also loaded with their
Content-Security-Policy in force, and the language switch is driven by key presses.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Response,
    expect,
)

from generator.catalogue import KINDS
from generator.pages import ui
from generator.urls import entry_path, listing_path, page_path
from tests.a11y_browser import (
    AXE_SCRIPT,
    WCAG_TAGS,
    page_paths,
    search_paths,
    serve,
)
from tests.conftest import CONTENT, run_kyky

LANGUAGE_CASE_ID = "sanastosovellus-ruotsin-opiskeluun"
LANGUAGE_CASE_DESCRIPTION = "Sovellus harjoittaa ruotsin sanastoa kuvien avulla."
# The language-of-parts case, completed with the fields a valid idea needs; its
# description has no Swedish text.
LANGUAGE_CASE_IDEA = f"""\
title:
  fi: Sanastosovellus ruotsin opiskeluun
  sv: Ordförrådsapp för svenskstudier
summary:
  fi: Kuvasanasto ruotsin alkeisiin.
  sv: Ett bildlexikon för nybörjare i svenska.
description:
  fi: {LANGUAGE_CASE_DESCRIPTION}
status: open
published: 2026-11-02
stage: prototype
company: lukulamppu-oy
seeks:
  levels: [perusopetus-7-9]
"""
STATUSES = ("open", "matched", "in-co-development", "piloting", "completed", "closed", "expired")
LANGUAGE_RULES = ["html-has-lang", "html-lang-valid", "valid-lang"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("a11y")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    (content / "ideas" / f"{LANGUAGE_CASE_ID}.yml").write_text(LANGUAGE_CASE_IDEA, "utf-8")
    result = run_kyky("build", "--content", str(content), "--site-dir", str(root / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page()
    yield opened
    opened.close()


def run_axe(page: Page, run_only: dict[str, Any], context: str = "document") -> dict[str, Any]:
    """Run axe-core in the page. It is evaluated through the DevTools protocol, which the
    page's Content-Security-Policy does not govern, so the policy stays in force."""
    page.evaluate(AXE_SCRIPT.read_text("utf-8"))
    return page.evaluate(
        f"options => axe.run({context}, options)",
        {"runOnly": run_only, "resultTypes": ["violations", "passes"]},
    )


def violations(result: dict[str, Any]) -> list[str]:
    return [
        f"{violation['id']}: {node['target']} {node['failureSummary']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def open_search_results(page: Page) -> None:
    """Type a query, apply the first filter and wait for results, as a visitor would."""
    page.locator("input[type=search]").first.fill("koulu")
    page.keyboard.press("Enter")
    filters = page.locator("input[type=checkbox]:not(.md-toggle)")
    if filters.count():
        filters.first.check()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", page_paths(LANGUAGE_CASE_ID))
def test_page_has_no_wcag_violations(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    result = run_axe(page, {"type": "tag", "values": WCAG_TAGS})
    assert violations(result) == []


def test_search_pages_have_no_wcag_violations(page: Page, base_url: str, site: Path) -> None:
    paths = search_paths(site)
    if not paths:
        pytest.skip("the site has no search page yet (fi haku/, sv sok/)")
    for path in paths:
        page.goto(base_url + path)
        open_search_results(page)
        result = run_axe(page, {"type": "tag", "values": WCAG_TAGS})
        assert violations(result) == [], path


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_badge_keeps_aa_contrast(page: Page, base_url: str, language: str) -> None:
    """Show a badge of every status and kind, since the content may not use them all."""
    page.goto(base_url + listing_path("needs", language))
    badges = [f"kyky-status kyky-status--{status}" for status in STATUSES]
    badges += [f"kyky-kind kyky-kind--{kind}" for kind in KINDS]
    badges.append("kyky-example")
    page.evaluate(
        """classes => {
            const probe = document.createElement("p");
            probe.id = "badge-probe";
            for (const name of classes) {
                const badge = document.createElement("span");
                badge.className = "kyky-badge " + name;
                badge.textContent = "Kokeilussa";
                probe.append(badge);
            }
            document.querySelector("article.md-typeset").append(probe);
        }""",
        badges,
    )
    result = run_axe(
        page,
        {"type": "rule", "values": ["color-contrast"]},
        "document.getElementById('badge-probe')",
    )
    assert violations(result) == []
    assert [rule["id"] for rule in result["passes"]] == ["color-contrast"]
    assert len(result["passes"][0]["nodes"]) == len(badges)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_language_rules_pass(page: Page, base_url: str, language: str) -> None:
    page.goto(base_url + entry_path("ideas", LANGUAGE_CASE_ID, language))
    result = run_axe(page, {"type": "rule", "values": LANGUAGE_RULES})
    assert violations(result) == []
    assert sorted(rule["id"] for rule in result["passes"]) == LANGUAGE_RULES


def test_swedish_page_marks_finnish_fallback(page: Page, base_url: str) -> None:
    page.goto(base_url + entry_path("ideas", LANGUAGE_CASE_ID, "sv"))
    assert page.locator("html").get_attribute("lang") == "sv"

    fallback = page.locator(".kyky-description.kyky-fallback")
    assert fallback.get_attribute("lang") == "fi"
    assert fallback.inner_text() == LANGUAGE_CASE_DESCRIPTION
    assert fallback.evaluate("element => getComputedStyle(element).borderLeftStyle") == "dashed"

    note = page.locator(".kyky-untranslated")
    assert note.inner_text() == ui("untranslated_sv", "sv")
    assert note.is_visible()
    assert note.evaluate("element => element.nextElementSibling.getAttribute('lang')") == "fi"

    switch = page.locator("a.kyky-language-switch__link")
    assert switch.get_attribute("hreflang") == "fi"
    assert switch.get_attribute("lang") == "fi"


def tab_to(page: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def test_language_switch_by_keyboard(page: Page, base_url: str) -> None:
    finnish = entry_path("ideas", LANGUAGE_CASE_ID, "fi")
    swedish = entry_path("ideas", LANGUAGE_CASE_ID, "sv")
    page.goto(base_url + finnish)

    tab_to(page, "a.kyky-language-switch__link")
    outline = page.evaluate(
        "(() => { const style = getComputedStyle(document.activeElement);"
        " return [style.outlineStyle, style.outlineWidth, style.outlineColor]; })()"
    )
    assert outline == ["solid", "3px", "rgb(255, 210, 63)"]

    page.keyboard.press("Enter")
    page.wait_for_url(base_url + swedish)
    assert page.locator("html").get_attribute("lang") == "sv"

    tab_to(page, "a.kyky-language-switch__link")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + finnish)
    assert page.locator("html").get_attribute("lang") == "fi"


def focus_outline(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


def test_search_and_filters_by_keyboard(page: Page, base_url: str, site: Path) -> None:
    if "haku/" not in search_paths(site):
        pytest.skip("the site has no search page yet (fi haku/)")
    page.goto(base_url + "haku/")
    status = page.locator(".kyky-search [role=status]")

    tab_to(page, "input[type=search]")
    assert focus_outline(page) == "solid"
    page.keyboard.type("koulu")
    page.keyboard.press("Enter")
    expect(status).to_have_text(re.compile(r"\S"))
    unfiltered = status.inner_text()

    tab_to(page, "input[type=checkbox][name=kind]")
    assert focus_outline(page) == "solid"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    expect(status).not_to_have_text(unfiltered)
    assert page.locator("[data-kyky-results] a").count() > 0


def test_footer_links_reach_statements_by_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url + listing_path("needs", "sv"))
    tab_to(page, ".kyky-footer-links a")
    assert focus_outline(page) == "solid"
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + page_path("accessibility_statement", "sv"))
    assert page.locator("h1").inner_text() == "Tillgänglighetsutlåtande"


CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def record_console(message: ConsoleMessage, errors: list[str]) -> None:
    """Keep console errors; a failed request is kept by `record_failure`, with its URL."""
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        errors.append(message.text)


def record_failure(response: Response, errors: list[str]) -> None:
    """Keep every failed request, including mkdocs-material's sitemap prefetch."""
    if response.status >= 400:
        errors.append(f"{response.status} {response.url}")


@pytest.fixture
def recorded_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A page that records CSP violations, console errors and failed requests, with the
    policy in force."""
    context = browser.new_context()
    context.add_init_script(CSP_RECORDER)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda message: record_console(message, errors))
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("response", lambda response: record_failure(response, errors))
    yield opened, errors
    context.close()


def test_pages_log_no_csp_violation(
    recorded_page: tuple[Page, list[str]], base_url: str, site: Path
) -> None:
    page, errors = recorded_page
    for path in page_paths(LANGUAGE_CASE_ID) + search_paths(site):
        page.goto(base_url + path)
        if path in search_paths(site):
            open_search_results(page)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == [], path
        assert page.evaluate("typeof window.__md_scope") == "object", path
        assert errors == [], path


def test_policy_blocks_inline_script(recorded_page: tuple[Page, list[str]], base_url: str) -> None:
    """The recorder hears a violation, so the test above can fail."""
    page, errors = recorded_page
    page.goto(base_url)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy is not None
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "base-uri 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "http" not in policy

    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.body.append(script);
        }"""
    )
    # The violation event is dispatched asynchronously. wait_for_function cannot wait
    # for it, because Playwright evaluates its predicate with eval, which the policy blocks.
    for _ in range(50):
        if page.evaluate("window.__cspViolations.length"):
            break
        page.wait_for_timeout(100)
    assert page.evaluate("window.__cspViolations") == ["script-src-elem inline"]
    assert page.evaluate("window.__ran === undefined")
    assert len(errors) == 1
    assert "Content Security Policy directive" in errors[0]


def test_footer_links_on_every_page(site: Path) -> None:
    """Every built page, the 404 pages included, links to both statements."""
    expected = {
        "fi": [ui("accessibility_statement", "fi"), ui("privacy_notice", "fi")],
        "sv": [ui("accessibility_statement", "sv"), ui("privacy_notice", "sv")],
    }
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for html_file in pages:
        relative = html_file.relative_to(site).as_posix()
        language = "sv" if relative.startswith("sv/") else "fi"
        text = html_file.read_text("utf-8")
        footer = text[text.index('<nav class="kyky-footer-links"') :]
        for title in expected[language]:
            assert f">{title}</a>" in footer, relative


def test_not_found_page_speaks_the_language(site: Path) -> None:
    finnish = (site / "404.html").read_text("utf-8")
    swedish = (site / "sv" / "404.html").read_text("utf-8")
    assert f"<h1>{ui('not_found_title', 'fi')}</h1>" in finnish
    assert f"<h1>{ui('not_found_title', 'sv')}</h1>" in swedish
    assert '<html lang="sv"' in swedish
    assert textwrap.dedent("404 - Not found") not in finnish + swedish
    assert "<title>Sivua ei löydy – KYKY-tori</title>" in finnish
    assert "<title>Sidan hittas inte – KYKY-torget</title>" in swedish


def not_found_links(part: Tag) -> list[tuple[str, str]]:
    """Return (text, href) of the links in the first list of links in `part`."""
    links = part.find("ul", class_="kyky-not-found__links").find_all("a")
    return [(link.get_text(), link["href"]) for link in links]


def test_root_not_found_page_is_bilingual(site: Path) -> None:
    """GitHub Pages serves the root 404.html for every missing address, the Swedish ones too."""
    soup = BeautifulSoup((site / "404.html").read_text("utf-8"), "html.parser")
    assert soup.html["lang"] == "fi"
    content = soup.select_one("article.md-content__inner")
    assert content.h1.get_text() == "Sivua ei löydy"
    assert content.find("p").get_text() == ui("not_found_text", "fi")
    assert not_found_links(content) == [
        ("Etusivulle", "/."),
        ("Hakuun", "/haku/"),
    ]

    swedish = content.select("[lang]")
    assert len(swedish) == 1
    assert swedish[0]["lang"] == "sv"
    assert swedish[0].h2.get_text() == "Sidan hittas inte"
    assert swedish[0].p.get_text() == ui("not_found_text", "sv")
    assert not_found_links(swedish[0]) == [
        ("Till startsidan", "/sv/"),
        ("Till sökningen", "/sv/sok/"),
    ]


def test_swedish_not_found_page_links_search(site: Path) -> None:
    soup = BeautifulSoup((site / "sv" / "404.html").read_text("utf-8"), "html.parser")
    content = soup.select_one("article.md-content__inner")
    assert not_found_links(content) == [
        ("Till startsidan", "/sv/."),
        ("Till sökningen", "/sv/sok/"),
    ]
    assert content.select("[lang]") == []
