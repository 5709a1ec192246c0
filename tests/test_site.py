"""The built site: both languages, relations both ways, and the language switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.pages import render_pages
from tests.conftest import CONTENT, ROOT, read_page
from tests.small_catalogue import load, need, school

NEED = "valitunnin-liikuntaleikit"
IDEA = "pihapelit-valituntiliikuntaan"
PRODUCT = "ruutuhyppy-pihapelit"
SCHOOL = "kuusikallion-koulu"


def test_home_pages_in_both_languages(built_site: Path) -> None:
    finnish = read_page(built_site, "")
    swedish = read_page(built_site, "sv/")
    assert finnish.html["lang"] == "fi"
    assert swedish.html["lang"] == "sv"
    assert finnish.title.string == "KYKY-tori"
    assert swedish.title.string == "KYKY-torget"
    assert finnish.select_one(".kyky-intro h1").get_text() == "KYKY-tori"
    assert swedish.select_one(".kyky-intro h2").get_text() == "Så deltar du"


def test_need_page_finnish(built_site: Path) -> None:
    page = read_page(built_site, f"tarpeet/{NEED}/")
    assert page.html["lang"] == "fi"
    title = "Välituntiliikuntaa myös niille, jotka eivät pelaa jalkapalloa"
    assert page.title.string == f"{title} – KYKY-tori"
    assert page.select_one("h1.kyky-title").get_text() == title
    assert page.select_one(".kyky-kind").get_text() == "Kehittämistarve"
    school = page.select_one(f'.kyky-facts a[href="../../organisaatiot/{SCHOOL}/"]')
    assert school.get_text() == "Kuusikallion koulu"


def test_need_lists_answering_ideas_and_products(built_site: Path) -> None:
    page = read_page(built_site, f"tarpeet/{NEED}/")
    headings = [heading.get_text() for heading in page.select(".kyky-related h2")]
    assert "Tähän tarpeeseen vastaavat ideat" in headings
    assert "Tarpeesta syntyneet tuotteet" in headings
    links = {link["href"] for link in page.select(".kyky-related a")}
    assert f"../../ideat/{IDEA}/" in links
    assert f"../../tuotteet/{PRODUCT}/" in links


def test_product_links_back(built_site: Path) -> None:
    page = read_page(built_site, f"sv/produkter/{PRODUCT}/")
    assert page.html["lang"] == "sv"
    assert page.select_one("h1.kyky-title").get_text() == "Ruutuhyppys gårdslekar"
    links = {link["href"] for link in page.select(".kyky-related a")}
    assert f"../../behov/{NEED}/" in links


def test_organisation_page_lists_entries(built_site: Path) -> None:
    page = read_page(built_site, f"organisaatiot/{SCHOOL}/")
    links = {link["href"] for link in page.select(".kyky-related a")}
    assert f"../../tarpeet/{NEED}/" in links


def test_language_switch_targets_same_page(built_site: Path) -> None:
    pairs = [
        ("", "sv/"),
        (f"tarpeet/{NEED}/", f"sv/behov/{NEED}/"),
        ("ideat/", "sv/ideer/"),
        (f"organisaatiot/{SCHOOL}/", f"sv/organisationer/{SCHOOL}/"),
    ]
    for finnish, swedish in pairs:
        switch = read_page(built_site, finnish).select_one("a.kyky-language-switch__link")
        assert switch["hreflang"] == "sv"
        assert switch.get_text() == "På svenska"
        target = (built_site / finnish / switch["href"]).resolve()
        assert target == (built_site / swedish).resolve()
        back = read_page(built_site, swedish).select_one("a.kyky-language-switch__link")
        assert back["hreflang"] == "fi"
        assert (built_site / swedish / back["href"]).resolve() == (built_site / finnish).resolve()


def test_theme_interface_in_page_language(built_site: Path) -> None:
    swedish = read_page(built_site, f"sv/behov/{NEED}/")
    tabs = [link.get_text(strip=True) for link in swedish.select(".md-tabs__link")]
    assert tabs[:3] == ["Startsida", "Utvecklingsbehov", "Utvecklingsidéer"]
    assert swedish.select_one("nav.md-tabs")["aria-label"] == "Flikar"
    assert swedish.select_one(".md-header__inner")["aria-label"] == "Sidhuvud"


def test_entries_stay_out_of_navigation(built_site: Path) -> None:
    page = read_page(built_site, "tarpeet/")
    nav_links = {link["href"] for link in page.select("nav.md-nav a")}
    assert not any(NEED in href for href in nav_links)
    cards = {link["href"] for link in page.select(".kyky-card__title a")}
    assert f"{NEED}/" in cards


def test_expired_entry_shows_expired(built_site: Path) -> None:
    page = read_page(built_site, "tarpeet/kuvataiteen-digitaalinen-portfolio/")
    assert page.select_one(".kyky-badges .kyky-status").get_text() == "Vanhentunut"


def test_example_marker_visible(built_site: Path) -> None:
    page = read_page(built_site, f"sv/behov/{NEED}/")
    assert page.select_one(".kyky-badges .kyky-example").get_text() == "Exempel – påhittad post"


def test_every_internal_link_resolves(built_site: Path) -> None:
    missing = []
    for html in built_site.rglob("*.html"):
        page = read_page(built_site, str(html.parent.relative_to(built_site)))
        if html.name != "index.html":
            continue
        for link in page.select("a[href]"):
            href = link["href"].split("#")[0].split("?")[0]
            if not href or "://" in href or href.startswith(("mailto:", "#")):
                continue
            target = (html.parent / href).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                missing.append(f"{html.relative_to(built_site)} → {href}")
    assert missing == []


def site_files(site: Path) -> dict[str, bytes]:
    """Return every file of a built site by path, without Pagefind's bundles, whose
    chunk names change from build to build, and without the gzip copy of the sitemap,
    whose header contains the time it was written."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and "pagefind" not in path.parts and path.suffix != ".gz"
    }


def test_pages_from_frames_equal_pages_built_by_mkdocs(built_site: Path, tmp_path: Path) -> None:
    """`kyky build` writes entries, filter listings and tombstones from frames that MkDocs
    built; a build that runs every page through MkDocs gives the same files."""
    from generator.catalogue import check
    from generator.site import build_site

    catalogue = check(str(CONTENT)).catalogue
    full = tmp_path / "site"
    build_site(catalogue, str(full), str(CONTENT), str(ROOT / "mkdocs.yml"), frames=False)
    framed, unframed = site_files(built_site), site_files(full)
    assert sorted(framed) == sorted(unframed)
    assert [path for path in framed if framed[path] != unframed[path]] == []
    assert len(framed) > 400


def offer_text(page: BeautifulSoup) -> str:
    """Return the text of the need page's fact "the school offers"."""
    terms = page.select(".kyky-facts dt")
    term = next(term for term in terms if term.get_text() in ("Koulu tarjoaa", "Skolan erbjuder"))
    return term.find_next_sibling("dd").get_text()


def test_group_size_not_repeated(built_site: Path) -> None:
    # The group text already gives "noin 90 oppilasta", and group_size is 90.
    finnish = read_page(built_site, f"tarpeet/{NEED}/")
    swedish = read_page(built_site, f"sv/behov/{NEED}/")
    assert offer_text(finnish) == (
        "3. ja 4. luokat, neljä luokkaa ja noin 90 oppilasta, 1.10.2025 – 29.5.2026"
    )
    assert offer_text(swedish) == (
        "årskurs 3 och 4, fyra klasser med cirka 90 elever, 1.10.2025 – 29.5.2026"
    )


@pytest.mark.parametrize(
    ("group", "size", "shown"),
    [
        ("5. luokka, 24 oppilasta", 24, "5. luokka, 24 oppilasta"),
        ("5. luokka", 24, "5. luokka (24 oppilasta)"),
        ("5. luokka", 5, "5. luokka (5 oppilasta)"),
        ("5.–6. luokat, yhteensä 124", 24, "5.–6. luokat, yhteensä 124 (24 oppilasta)"),
        ("kaksi ryhmää, yhteensä 40.", 40, "kaksi ryhmää, yhteensä 40."),
    ],
)
def test_group_size_shown_when_text_lacks_it(
    tmp_path: Path, group: str, size: int, shown: str
) -> None:
    content = tmp_path / "content"
    school(content)
    need(content, "ryhma", "Ryhmä", offer={"group": {"fi": group}, "group_size": size})
    pages = {page.path: page for page in render_pages(load(content), "fi")}
    page = BeautifulSoup(pages["tarpeet/ryhma/"].body, "html.parser")
    assert offer_text(page) == shown


def test_product_languages_by_name(built_site: Path) -> None:
    finnish = read_page(built_site, f"tuotteet/{PRODUCT}/")
    swedish = read_page(built_site, f"sv/produkter/{PRODUCT}/")
    facts = {dt.get_text(): dt.find_next("dd").get_text() for dt in finnish.select("dt")}
    assert facts["Tuotteen kielet"] == "suomi, ruotsi, englanti"
    facts = {dt.get_text(): dt.find_next("dd").get_text() for dt in swedish.select("dt")}
    assert facts["Produktens språk"] == "finska, svenska, engelska"
