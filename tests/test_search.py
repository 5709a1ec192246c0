"""Search: Finnish word forms, facets, the Pagefind bundles and the search page in Chromium.

The site for this module is the real content plus four ideas whose texts hold
exactly the words of the example queries, built once with `kyky build`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Locator, Page, Route, expect

from generator.catalogue import KINDS, Catalogue, check
from generator.finnish import (
    WordForms,
    genitive_candidates,
    gradation_variants,
    open_analyser,
    split_by_structure,
)
from generator.pagefind_patch import REQUEST, REQUEST_WITH_WORDS
from generator.search import FACETS, facet_values, index_facets
from generator.stylesheet import SEARCH_STYLESHEET, theme_stylesheets
from generator.urls import entry_path
from tests.browser import serve
from tests.conftest import CONTENT, ROOT, TODAY, read_page, run_kyky

# Ideas of Lukulamppu Oy, a company: an idea has no school, so no school name such as
# "Kuusikallion koulu" ends up in its text, and no subject label such as "Liikunta".
TEST_IDEAS = {
    "hakutesti-liikunta": ("Hakutesti Alfa", "Tarvitsemme välituntiliikuntaa.", "Hakprov Alfa"),
    "hakutesti-koulu": ("Hakutesti Beeta", "Uusi koulu.", "Hakprov Beta"),
    "hakutesti-kaupunki": ("Hakutesti Gamma", "Kaupunki auttaa.", "Hakprov Gamma"),
    "hakutesti-lasforstaelse": ("Hakutesti Delta", "Lukeminen.", "Hakprov Delta"),
}
SWEDISH_DESCRIPTIONS = {"hakutesti-lasforstaelse": "Vi vill stärka läsförståelsen."}


def write_test_idea(content: Path, entry_id: str) -> None:
    title_fi, description_fi, title_sv = TEST_IDEAS[entry_id]
    description_sv = SWEDISH_DESCRIPTIONS.get(entry_id, "Prov.")
    (content / "ideas" / f"{entry_id}.yml").write_text(
        f"title: {{fi: {title_fi}, sv: {title_sv}}}\n"
        f"summary: {{fi: {title_fi}., sv: {title_sv}.}}\n"
        f"description: {{fi: {description_fi}, sv: {description_sv}}}\n"
        "status: open\npublished: 2026-01-15\ncompany: lukulamppu-oy\nstage: concept\n"
        "seeks: {instruction_languages: [fi]}\n",
        "utf-8",
    )


@pytest.fixture(scope="module")
def search_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("search") / "content"
    shutil.copytree(CONTENT, content)
    for entry_id in TEST_IDEAS:
        write_test_idea(content, entry_id)
    return content


@pytest.fixture(scope="module")
def search_site(search_content: Path) -> Path:
    site = search_content.parent / "site"
    result = run_kyky("build", "--content", str(search_content), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def catalogue(search_content: Path) -> Catalogue:
    result = check(str(search_content), today=TODAY)
    assert result.errors == 0
    return result.catalogue


@pytest.fixture(scope="module")
def base_url(search_site: Path) -> Iterator[str]:
    with serve(search_site) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


# Finnish word forms


@pytest.fixture(scope="module")
def forms() -> WordForms:
    return WordForms(open_analyser())


def test_forms_of_compound(forms: WordForms) -> None:
    # "liikunnoita" is a rarer partitive plural of "liikunta" that Voikko accepts.
    assert forms.forms("välituntiliikuntaa") == {
        "välituntiliikunta",
        "välituntiliikunnan",
        "välituntiliikuntaa",
        "välituntiliikuntoja",
        "välituntiliikunnoita",
        "välituntiliikunnoissa",
        "väli",
        "välin",
        "väliä",
        "välejä",
        "väleissä",
        "tunti",
        "tunnin",
        "tuntia",
        "tunteja",
        "tunneissa",
        "liikunta",
        "liikunnan",
        "liikuntaa",
        "liikuntoja",
        "liikunnoita",
        "liikunnoissa",
    }


def test_forms_undo_gradation(forms: WordForms) -> None:
    assert forms.forms("kaupungissa") == {
        "kaupunki",
        "kaupungin",
        "kaupunkia",
        "kaupunkeja",
        "kaupungeissa",
    }
    assert forms.forms("hampaassa") == {
        "hammas",
        "hampaan",
        "hammasta",
        "hampaita",
        "hampaissa",
    }
    assert forms.forms("tavoitteen") == {
        "tavoite",
        "tavoitteen",
        "tavoitetta",
        "tavoitteita",
        "tavoitteissa",
    }


def test_forms_of_case_form(forms: WordForms) -> None:
    assert forms.forms("koulussa") == {"koulu", "koulun", "koulua", "kouluja", "kouluissa"}
    assert forms.forms("Espoossa") == {"espoo", "espoon", "espoota", "espoita", "espoissa"}


def test_forms_add_partitive_and_plural(forms: WordForms) -> None:
    assert forms.forms("liikunta") == {
        "liikunta",
        "liikunnan",
        "liikuntaa",
        "liikuntoja",
        "liikunnoita",
        "liikunnoissa",
    }
    assert forms.forms("peli") == {"peli", "pelin", "peliä", "pelejä", "peleissä"}
    assert forms.forms("koti") == {"koti", "kodin", "kotia", "koteja", "kodeissa"}
    assert forms.forms("kosteus") == {"kosteus", "kosteuden", "kosteutta"}
    assert forms.forms("vesi") == {"vesi", "veden", "vettä", "vesiä", "vesissä"}


def test_forms_add_nouns_in_minen(forms: WordForms) -> None:
    expected = {"lukea", "lukeminen", "lukemisen", "lukemista"}
    assert forms.forms("lukemisen") == expected
    assert forms.forms("lukemiseen") == expected
    assert forms.forms("uimisessa") == {"uida", "uiminen", "uimisen", "uimista"}


def test_forms_of_compound_with_genitive_part(forms: WordForms) -> None:
    assert forms.forms("kaupunginosan") == {
        "kaupunginosa",
        "kaupunginosan",
        "kaupunginosaa",
        "kaupunginosia",
        "kaupunginosissa",
        "kaupunki",
        "kaupungin",
        "kaupunkia",
        "kaupunkeja",
        "kaupungeissa",
        "osa",
        "osan",
        "osaa",
        "osia",
        "osissa",
    }


def test_forms_of_verb_have_no_genitive(forms: WordForms) -> None:
    assert forms.forms("on") == {"olla"}


def test_forms_of_unknown_word(forms: WordForms) -> None:
    assert forms.forms("läsförståelsen") == set()


def test_expand_adds_only_new_words(forms: WordForms) -> None:
    # "kertaa" is the partitive of "kerta" or a form of the verb "kerrata": both count.
    text = "Kaupunki ja koulu: välituntiliikuntaa kaupungissa, 2 kertaa."
    # The text's own words, such as "välituntiliikuntaa" and "kertaa", are left out.
    assert forms.expand(text) == [
        "kaupungeissa",
        "kaupungin",
        "kaupunkeja",
        "kaupunkia",
        "kerran",
        "kerrata",
        "kerroissa",
        "kerta",
        "kertoja",
        "koulua",
        "kouluissa",
        "kouluja",
        "koulun",
        "liikunnan",
        "liikunnoissa",
        "liikunnoita",
        "liikunta",
        "liikuntaa",
        "liikuntoja",
        "tunneissa",
        "tunnin",
        "tunteja",
        "tunti",
        "tuntia",
        "väleissä",
        "välejä",
        "väli",
        "välin",
        "välituntiliikunnan",
        "välituntiliikunnoissa",
        "välituntiliikunnoita",
        "välituntiliikunta",
        "välituntiliikuntoja",
        "väliä",
    ]


def test_gradation_variants_both_ways() -> None:
    assert "kaupungi" in gradation_variants("kaupunki")
    assert "hampas" in gradation_variants("hammas")
    assert "tavoitte" in gradation_variants("tavoite")


def test_genitive_candidates_of_kaupunki() -> None:
    assert "kaupungin" in genitive_candidates("kaupunki")


def test_split_by_structure() -> None:
    assert split_by_structure("välituntiliikuntaa", "=pppp=ppppp=ppppppppp") == [
        "väli",
        "tunti",
        "liikuntaa",
    ]
    assert split_by_structure("koulu", "=ppppp") == ["koulu"]
    assert split_by_structure("koulu", "=pp") == ["koulu"]


def test_missing_voikko_stops_the_build(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['libvoikko'] = None\n"
        "from generator.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    site = tmp_path / "site"
    arguments = ["build", "--lang", "sv", "--site-dir", str(site)]
    result = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    cause = "Python: import of libvoikko halted; None in sys.modules"
    assert result.stderr == (
        "Sökindexet kan inte byggas eftersom Voikko-biblioteket för finska eller dess ordlista"
        f" saknas ({cause}). Installera Debianpaketen libvoikko1 och voikko-fi och Pythonpaketet"
        " libvoikko: kör 'make site' som root eller 'sudo sh tests/system-packages.sh site'.\n"
    )
    assert not site.exists()


# Facets


def test_facets_of_need_come_from_its_school(catalogue: Catalogue) -> None:
    record = catalogue.get("needs", "valitunnin-liikuntaleikit")
    assert record is not None
    assert facet_values(record, catalogue) == {
        "kind": ["needs"],
        "status": ["piloting"],
        "level": ["perusopetus-1-6"],
        "subject": ["liikunta"],
        "competence": ["L2", "L3", "L7"],
        "district": ["suur-leppavaara"],
        "language": ["fi"],
    }


def test_facets_of_organisation(catalogue: Catalogue) -> None:
    record = catalogue.get("organisations", "solbacka-skola")
    assert record is not None
    values = facet_values(record, catalogue)
    assert values["kind"] == ["organisations"]
    assert values["district"] == ["suur-tapiola"]
    assert values["language"] == ["sv"]
    assert "status" not in values


# The built site without a browser


def test_bundle_per_language(search_site: Path) -> None:
    fi = json.loads((search_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    sv = json.loads((search_site / "sv" / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(fi["languages"]) == ["fi"]
    assert list(sv["languages"]) == ["sv"]


def test_search_pages_carry_language(search_site: Path) -> None:
    assert read_page(search_site, "haku").html["lang"] == "fi"
    assert read_page(search_site, "sv/sok").html["lang"] == "sv"


@pytest.mark.parametrize(
    ("path", "search_path", "label"),
    [
        ("", "haku/", "Haku"),
        ("tarpeet/valitunnin-liikuntaleikit", "haku/", "Haku"),
        ("tarpeet/aste/lukio", "haku/", "Haku"),
        ("sv", "sv/sok/", "Sök"),
        ("sv/behov/stadium/lukio", "sv/sok/", "Sök"),
    ],
)
def test_navigation_links_search(
    search_site: Path, path: str, search_path: str, label: str
) -> None:
    soup = read_page(search_site, path)
    links = [link for link in soup.select("a.md-tabs__link") if link.get_text(strip=True) == label]
    assert len(links) == 1
    page_url = f"http://site/{path}/" if path else "http://site/"
    assert urljoin(page_url, links[0]["href"]) == f"http://site/{search_path}"


def test_facet_listing_page(search_site: Path, catalogue: Catalogue) -> None:
    soup = read_page(search_site, "tarpeet/aste/lukio")
    assert soup.h1.get_text() == "Kehittämistarpeet: lukio"
    expected = index_facets(catalogue)[("needs", "level", "lukio")]
    titles = [link.get_text() for link in soup.select(".kyky-card__title a")]
    assert sorted(titles) == sorted(record.entry.title.fi for record in expected)
    assert len(titles) >= 1
    preset = soup.select_one(".kyky-listing__links a")
    assert preset.get_text() == "Voit yhdistää rajauksia hakusivulla."
    assert preset["href"] == "../../../haku/?kind=needs&level=lukio"


def test_facet_listing_page_in_swedish(search_site: Path) -> None:
    soup = read_page(search_site, "sv/behov/stadium/lukio")
    assert soup.h1.get_text() == "Utvecklingsbehov: gymnasium"
    assert soup.select_one("a[hreflang=fi]")["href"] == "../../../../tarpeet/aste/lukio/"


def test_noscript_links_to_listings(search_site: Path) -> None:
    soup = read_page(search_site, "haku")
    noscript = soup.find("noscript")
    assert noscript is not None
    text = noscript.get_text(" ", strip=True)
    assert text.startswith("Haku tarvitsee JavaScriptin. Ilman sitä voit selata merkintöjä")
    hrefs = {link["href"] for link in noscript.find_all("a")}
    assert "../tarpeet/aste/lukio/" in hrefs
    assert "../organisaatiot/opetuskieli/sv/" in hrefs


# The search page in Chromium


def settle(page: Page) -> None:
    """Wait until the search page has shown the results of its latest query."""
    page.wait_for_selector(".kyky-search__results[aria-busy=false]", state="attached")


def result_titles(page: Page) -> list[str]:
    settle(page)
    return page.locator("[data-kyky-results] .kyky-card__title a").all_inner_texts()


def result_paths(page: Page) -> set[str]:
    """Return the paths of every result, pressing "show more" until all are shown."""
    show_all_results(page)
    links = page.locator("[data-kyky-results] .kyky-card__title a")
    return {urlsplit(href).path for href in links.evaluate_all("(as) => as.map(a => a.href)")}


def show_all_results(page: Page) -> None:
    """Press "show more" until every result shows, waiting for each press's results."""
    settle(page)
    more = page.locator("[data-kyky-more]")
    cards = page.locator("[data-kyky-results] > li")
    while more.is_visible():
        shown = cards.count()
        more.click()
        expect(cards).not_to_have_count(shown)


def all_result_titles(page: Page) -> list[str]:
    """Return the titles of every result, pressing "show more" until all are shown."""
    show_all_results(page)
    return page.locator("[data-kyky-results] .kyky-card__title a").all_inner_texts()


def count_of(page: Page, name: str, code: str) -> Locator:
    return page.locator(f"label[for='kyky-filter-{name}-{code}'] .kyky-search__count")


@pytest.mark.parametrize(
    ("path", "query", "title"),
    [
        ("haku/", "liikunta", "Hakutesti Alfa"),
        ("haku/", "koulussa", "Hakutesti Beeta"),
        ("haku/", "kaupungissa", "Hakutesti Gamma"),
        ("sv/sok/", "läsförståelse", "Hakprov Delta"),
        # Partitive singular and plural, which the Snowball stemmer cuts to a longer stem
        # than the base form's.
        ("haku/", "liikuntaa", "Hakutesti Alfa"),
        ("haku/", "liikuntaa", "Välituntiliikuntaa myös niille, jotka eivät pelaa jalkapalloa"),
        ("haku/", "pihoja", "Ruutuhyppy-pihapelit"),
        ("haku/", "liikunnassa", "Hakutesti Alfa"),
        ("haku/", "kaupunkia", "Hakutesti Gamma"),
        # A word still being typed matches the start of indexed words.
        ("haku/", "välitun", "Hakutesti Alfa"),
        # A verb's noun in -minen: Voikko gives the verb "lukea" for "lukemisen".
        ("haku/", "lukeminen", "Lukulamppu-lukupassi"),
        ("haku/", "lukeminen", "Lukupassi, joka sytyttää lukuinnon ilman kilpailua"),
    ],
)
def test_query_finds_word_form(
    page: Page, base_url: str, path: str, query: str, title: str
) -> None:
    page.goto(f"{base_url}{path}")
    settle(page)
    page.fill("#kyky-search-query", query)
    page.press("#kyky-search-query", "Enter")
    expect(page.locator("#kyky-search-query")).to_have_value(query)
    page.wait_for_url(re.compile(r".*\?q="))
    assert title in all_result_titles(page)


def test_swedish_page_finds_no_finnish_page(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}sv/sok/?q=l%C3%A4sf%C3%B6rst%C3%A5else")
    paths = result_paths(page)
    assert "/sv/ideer/hakutesti-lasforstaelse/" in paths
    assert all(path.startswith("/sv/") for path in paths), paths


def test_finnish_page_finds_no_swedish_page(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}haku/?q=kaupungissa")
    paths = result_paths(page)
    assert "/ideat/hakutesti-kaupunki/" in paths
    assert not any(path.startswith("/sv/") for path in paths), paths


def paths_with(catalogue: Catalogue, facet: str, code: str) -> set[str]:
    return {
        "/" + entry_path(kind, record.id, "fi")
        for kind in KINDS
        for record in catalogue.all(kind)
        if code in facet_values(record, catalogue).get(facet, [])
    }


def test_filters_or_within_and_across(page: Page, base_url: str, catalogue: Catalogue) -> None:
    lower = paths_with(catalogue, "level", "perusopetus-1-6")
    upper = paths_with(catalogue, "level", "perusopetus-7-9")
    mother_tongue = paths_with(catalogue, "subject", "aidinkieli")
    either = lower | upper
    both = either & mother_tongue
    # The content has to make each step change the results.
    assert lower - upper
    assert upper - lower
    assert both
    assert either - both

    page.goto(f"{base_url}haku/")
    settle(page)
    page.check("#kyky-filter-level-perusopetus-1-6")
    assert result_paths(page) == lower
    expect(count_of(page, "level", "perusopetus-7-9")).to_have_text(f"({len(upper)})")
    mother_tongue_count = count_of(page, "subject", "aidinkieli")
    expect(mother_tongue_count).to_have_text(f"({len(lower & mother_tongue)})")

    page.check("#kyky-filter-level-perusopetus-7-9")
    assert result_paths(page) == either
    expect(page.locator(".kyky-search__status")).to_have_text(f"{len(either)} tulosta")
    expect(mother_tongue_count).to_have_text(f"({len(both)})")

    page.check("#kyky-filter-subject-aidinkieli")
    assert result_paths(page) == both
    upper_count = count_of(page, "level", "perusopetus-7-9")
    expect(upper_count).to_have_text(f"({len(upper & mother_tongue)})")
    expect(page.locator(".kyky-search__status")).to_have_text(f"{len(both)} tulosta")

    query = parse_qs(urlsplit(page.url).query)
    assert query == {"level": ["perusopetus-1-6", "perusopetus-7-9"], "subject": ["aidinkieli"]}

    page.reload()
    assert result_paths(page) == both
    expect(page.locator("#kyky-filter-level-perusopetus-1-6")).to_be_checked()
    expect(page.locator("#kyky-filter-level-perusopetus-7-9")).to_be_checked()
    expect(page.locator("#kyky-filter-subject-aidinkieli")).to_be_checked()
    expect(page.locator("#kyky-filter-kind-needs")).not_to_be_checked()


def test_address_restores_query_and_filters(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}haku/?q=kaupungissa&kind=ideas")
    assert result_paths(page) == {"/ideat/hakutesti-kaupunki/"}
    expect(page.locator("#kyky-search-query")).to_have_value("kaupungissa")
    expect(page.locator("#kyky-filter-kind-ideas")).to_be_checked()
    expect(page.locator(".kyky-search__status")).to_have_text("1 tulos")


def test_status_is_polite_live_region(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}haku/?q=zzzzqqq")
    status = page.locator(".kyky-search__status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("Ei tuloksia. Kokeile toista hakusanaa tai poista rajauksia.")


def press_tab_until(page: Page, selector: str, limit: int = 150) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def outline_of_focused(page: Page) -> str:
    return page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")


def test_keyboard_alone(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}haku/")
    settle(page)

    press_tab_until(page, "#kyky-search-query")
    page.keyboard.type("kaupungissa")
    page.keyboard.press("Enter")
    expect(page.locator(".kyky-search__status")).not_to_have_text("")

    press_tab_until(page, "#kyky-filter-kind-ideas")
    assert outline_of_focused(page) != "none"
    page.keyboard.press("Space")
    expect(page.locator("#kyky-filter-kind-ideas")).to_be_checked()
    assert result_paths(page) == {"/ideat/hakutesti-kaupunki/"}
    assert parse_qs(urlsplit(page.url).query) == {"q": ["kaupungissa"], "kind": ["ideas"]}

    press_tab_until(page, "[data-kyky-results] a")
    assert outline_of_focused(page) != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/ideat/hakutesti-kaupunki/$"))
    assert page.locator("h1").inner_text() == "Hakutesti Gamma"


# The language switch, the other-language hint and result cards


def switch_href(page: Page) -> str:
    return page.locator("a.kyky-language-switch__link").get_attribute("href") or ""


def test_language_switch_follows_address(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}haku/?q=piha&status=open&subject=liikunta")
    settle(page)
    assert switch_href(page) == "../sv/sok/?q=piha&status=open&subject=liikunta"


def test_language_switch_keeps_query_and_filters(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}haku/")
    settle(page)
    assert switch_href(page) == "../sv/sok/"
    page.fill("#kyky-search-query", "piha")
    page.press("#kyky-search-query", "Enter")
    page.check("#kyky-filter-status-open")
    settle(page)
    expect(page.locator("#kyky-filter-status-open")).to_be_checked()
    query = urlsplit(page.url).query
    assert query == "q=piha&status=open"
    assert switch_href(page) == f"../sv/sok/?{query}"

    page.click("a.kyky-language-switch__link")
    page.wait_for_url(f"{base_url}sv/sok/?{query}")
    settle(page)
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("#kyky-search-query")).to_have_value("piha")
    expect(page.locator("#kyky-filter-status-open")).to_be_checked()
    expect(page.locator("#kyky-filter-status-matched")).not_to_be_checked()
    assert switch_href(page) == f"../../haku/?{query}"


def other_language_hint(page: Page) -> str:
    settle(page)
    hint = page.locator(".kyky-search__other")
    expect(hint).to_be_visible()
    return hint.locator("a").get_attribute("href") or ""


def test_swedish_word_on_finnish_page(page: Page, base_url: str) -> None:
    """Pagefind would fall back to the stem "las" of "lasta" and show unrelated entries."""
    page.goto(f"{base_url}haku/?q=l%C3%A4sf%C3%B6rst%C3%A5else")
    assert result_titles(page) == []
    expect(page.locator(".kyky-search__status")).to_have_text(
        "Ei tuloksia. Kokeile toista hakusanaa tai poista rajauksia."
    )
    expect(page.locator(".kyky-search__other")).to_have_text(
        "Onko hakusana ruotsia? Hae samalla sanalla ruotsinkielisiltä sivuilta"
    )
    assert other_language_hint(page) == "../sv/sok/?q=l%C3%A4sf%C3%B6rst%C3%A5else"

    page.click(".kyky-search__other a")
    page.wait_for_url(re.compile(r".*/sv/sok/\?q="))
    titles = result_titles(page)
    assert "Hakprov Delta" in titles
    assert "Bättre läsförståelse i årskurs 4" in titles


def test_finnish_compound_on_swedish_page(page: Page, base_url: str) -> None:
    """Pagefind would fall back to "koulu", which Swedish texts have in school names."""
    page.goto(f"{base_url}sv/sok/?q=koulupiha")
    assert result_titles(page) == []
    expect(page.locator(".kyky-search__status")).to_have_text(
        "Inga träffar. Pröva ett annat sökord eller ta bort avgränsningar."
    )
    assert other_language_hint(page) == "../../haku/?q=koulupiha"


def test_many_results_show_no_hint(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}haku/?q=koulussa")
    assert len(result_titles(page)) >= 3
    expect(page.locator(".kyky-search__other")).to_be_hidden()


@pytest.mark.parametrize(
    ("path", "query", "title", "marker"),
    [
        (
            "haku/",
            "välituntiliikuntaa",
            "Välituntiliikuntaa myös niille, jotka eivät pelaa jalkapalloa",
            "Esimerkki – keksitty merkintä",
        ),
        ("sv/sok/", "läsförståelse", "Bättre läsförståelse i årskurs 4", "Exempel – påhittad post"),
    ],
)
def test_result_card_marks_example(
    page: Page, base_url: str, path: str, query: str, title: str, marker: str
) -> None:
    page.goto(f"{base_url}{path}?q={query}")
    settle(page)
    card = page.locator("[data-kyky-results] li", has=page.locator(f"a:text-is('{title}')"))
    expect(card.locator(".kyky-example")).to_have_text(marker)


def test_result_card_of_real_entry_only(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}haku/?q=hakutesti")
    assert sorted(result_titles(page)) == [
        "Hakutesti Alfa",
        "Hakutesti Beeta",
        "Hakutesti Delta",
        "Hakutesti Gamma",
    ]
    expect(page.locator("[data-kyky-results] .kyky-example")).to_have_count(0)


def test_example_marker_is_text(search_site: Path) -> None:
    """The marker reaches the index as plain text, which search.js sets as textContent."""
    script = (search_site / "assets" / "search.js").read_text("utf-8")
    assert 'fill(item.querySelector(".kyky-example"), data.meta.example);' in script
    assert "if (text) node.textContent = text;" in script
    assert "innerHTML" not in script


# Narrow screens


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def filters_open(page: Page) -> bool:
    return page.evaluate("document.querySelector('details.kyky-search__filters').open")


def test_phone_shows_results_near_search_box(phone: Page, base_url: str) -> None:
    phone.goto(f"{base_url}haku/")
    settle(phone)
    assert not filters_open(phone)

    press_tab_until(phone, "#kyky-search-query")
    phone.keyboard.type("liikunta")
    phone.keyboard.press("Enter")
    expect(phone.locator(".kyky-search__status")).to_have_text("7 tulosta")
    assert result_titles(phone)
    first = phone.locator("[data-kyky-results] li").first
    top = first.evaluate("(item) => item.getBoundingClientRect().top + window.scrollY")
    assert top < 900
    count = phone.locator("[data-kyky-count]")
    expect(count).to_have_text("7 tulosta")
    assert count.get_attribute("href") == "#kyky-search-results-heading"


def test_phone_opens_filters_by_keyboard(phone: Page, base_url: str) -> None:
    phone.goto(f"{base_url}haku/?q=liikunta")
    settle(phone)
    summary = phone.locator("details.kyky-search__filters > summary")
    expect(summary).to_have_text("Rajaa hakua (0 valittu)")
    expect(phone.locator("#kyky-filter-kind-needs")).to_be_hidden()

    press_tab_until(phone, "details.kyky-search__filters > summary")
    assert outline_of_focused(phone) != "none"
    phone.keyboard.press("Enter")
    assert filters_open(phone)
    press_tab_until(phone, "#kyky-filter-kind-needs")
    phone.keyboard.press("Space")
    expect(phone.locator("#kyky-filter-kind-needs")).to_be_checked()
    expect(summary).to_have_text("Rajaa hakua (1 valittu)")
    assert parse_qs(urlsplit(phone.url).query) == {"q": ["liikunta"], "kind": ["needs"]}


def test_wide_screen_shows_filters_open(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}sv/sok/?kind=ideas")
    settle(page)
    assert filters_open(page)
    expect(page.locator("details.kyky-search__filters > summary")).to_have_text(
        "Avgränsa sökningen (valda: 1)"
    )


# What the search page loads


def record_requests(page: Page, base_url: str) -> list[str]:
    """Collect the addresses that `page` requests from now on, relative to `base_url`."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.removeprefix(base_url)))
    return requested


def bundle_files(requested: list[str], folder: str) -> list[str]:
    """Return the requested files of the Finnish bundle's `folder` (index, filter, fragment)."""
    return [path for path in requested if path.startswith(f"pagefind/{folder}/")]


def counts_by_kind(paths: set[str]) -> dict[str, str]:
    """Return the kind filter's counts that the result `paths` give, as the page shows them."""
    sections = {"needs": "/tarpeet/", "ideas": "/ideat/", "products": "/tuotteet/"}
    sections["organisations"] = "/organisaatiot/"
    return {
        kind: f"({sum(path.startswith(section) for path in paths)})"
        for kind, section in sections.items()
    }


def expect_kind_counts(page: Page, expected: dict[str, str]) -> None:
    for kind, text in expected.items():
        expect(count_of(page, "kind", kind)).to_have_text(text)


def test_page_without_query_shows_catalogue_counts(
    page: Page, base_url: str, catalogue: Catalogue
) -> None:
    requested = record_requests(page, base_url)
    page.goto(f"{base_url}haku/")
    settle(page)
    expect(page.locator(".kyky-search__results")).to_be_hidden()
    expect_kind_counts(page, {kind: f"({len(catalogue.all(kind))})" for kind in KINDS})
    assert bundle_files(requested, "fragment") == []
    assert bundle_files(requested, "index") == []
    assert bundle_files(requested, "filter") == []
    assert "pagefind/pagefind-worker.js" not in requested


def test_results_show_before_filter_data(page: Page, base_url: str) -> None:
    """Filter counts need Pagefind's filter data, which loads only after the results."""
    held: list[Route] = []
    page.route("**/pagefind/filter/*", lambda route: held.append(route))
    page.goto(f"{base_url}haku/")
    settle(page)
    page.fill("#kyky-search-query", "liikunta")
    page.press("#kyky-search-query", "Enter")
    expect(page.locator(".kyky-search__status")).to_have_text("7 tulosta")
    expect(page.locator("[data-kyky-results] > li")).to_have_count(7)
    expect_kind_counts(page, dict.fromkeys(KINDS, ""))

    for _ in range(100):
        if len(held) == len(FACETS):
            break
        page.wait_for_timeout(50)
    assert len(held) == len(FACETS)
    for route in held:
        route.continue_()
    expect_kind_counts(page, counts_by_kind(result_paths(page)))


def test_phone_loads_counts_when_filters_open(phone: Page, base_url: str) -> None:
    requested = record_requests(phone, base_url)
    phone.goto(f"{base_url}haku/?q=liikunta")
    settle(phone)
    expect(phone.locator(".kyky-search__status")).to_have_text("7 tulosta")
    assert not filters_open(phone)
    expect_kind_counts(phone, dict.fromkeys(KINDS, ""))
    assert bundle_files(requested, "filter") == []

    phone.click("details.kyky-search__filters > summary")
    expect_kind_counts(phone, counts_by_kind(result_paths(phone)))
    assert len(bundle_files(requested, "filter")) == len(FACETS)


def test_more_results_load_ten_at_a_time(page: Page, base_url: str) -> None:
    requested = record_requests(page, base_url)
    page.goto(f"{base_url}haku/?kind=ideas")
    settle(page)
    cards = page.locator("[data-kyky-results] > li")
    expect(page.locator(".kyky-search__status")).to_have_text("14 tulosta")
    expect(cards).to_have_count(10)
    assert len(bundle_files(requested, "fragment")) == 10

    page.focus("[data-kyky-more]")
    page.keyboard.press("Enter")
    expect(cards).to_have_count(14)
    expect(page.locator("[data-kyky-more]")).to_be_hidden()
    # The focus moves to the first new result, not away from the results.
    expect(cards.nth(10).locator(".kyky-card__title a")).to_be_focused()
    assert len(bundle_files(requested, "fragment")) == 14
    assert len(set(page.locator(".kyky-card__title a").all_inner_texts())) == 14
    # A search by filter alone needs no word index (generator/pagefind_patch.py).
    assert bundle_files(requested, "index") == []


@pytest.mark.parametrize("path", ["haku", "sv/sok"])
def test_search_page_loads_less_of_theme(search_site: Path, path: str) -> None:
    search = read_page(search_site, path)
    stylesheets = [link["href"] for link in search.select("link[rel=stylesheet]")]
    assert stylesheets == ["../assets/stylesheets/kyky-search.css", "../assets/kyky.css"]
    assert [script.get("src") for script in search.select("script")] == [
        "../assets/javascripts/kyky-base.js",
        "../assets/search.js",
        "../assets/javascripts/kyky-content.js",
    ]
    stylesheet = search_site / path / ".." / "assets" / "stylesheets" / "kyky-search.css"
    assert ".md-header{" in stylesheet.read_text("utf-8")


def test_other_pages_load_whole_theme(search_site: Path) -> None:
    home = read_page(search_site, "")
    assert [link["href"].split(".")[0] for link in home.select("link[rel=stylesheet]")] == [
        "assets/stylesheets/main",
        "assets/stylesheets/palette",
        "assets/kyky",
    ]
    assert home.select_one("script[src*='assets/javascripts/bundle.']") is not None


def policy_of(soup: BeautifulSoup) -> str:
    return soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]


def test_only_search_page_compiles_webassembly(search_site: Path) -> None:
    """Pagefind compiles its WebAssembly in the page; JavaScript eval stays blocked."""
    for path in ("haku", "sv/sok"):
        assert "; script-src 'self' 'wasm-unsafe-eval'; " in policy_of(read_page(search_site, path))
    for path in ("", "tarpeet", "sv/behov/stadium/lukio"):
        assert "; script-src 'self'; " in policy_of(read_page(search_site, path))


def test_bundle_skips_word_index_without_words(search_site: Path) -> None:
    for path in ("pagefind", "sv/pagefind"):
        script = (search_site / path / "pagefind.js").read_text("utf-8")
        assert REQUEST_WITH_WORDS in script
        assert REQUEST not in script


def theme_stylesheet(site: Path) -> str:
    return "".join(path.read_text("utf-8") for path in theme_stylesheets(site))


def screenshots(page: Page, base_url: str, narrow: bool) -> list[bytes]:
    """Show results with counts (and, on a narrow screen, the open filters and the drawer)."""
    page.goto(f"{base_url}haku/?q=liikunta")
    settle(page)
    if narrow:
        page.click("details.kyky-search__filters > summary")
    expect(count_of(page, "kind", "needs")).not_to_have_text("")
    shots = [page.screenshot(full_page=True, animations="disabled")]
    if narrow:
        page.click("label.md-header__button[for=__drawer]")
        shots.append(page.screenshot(animations="disabled"))
    return shots


@pytest.mark.parametrize("width", [1280, 390])
def test_search_stylesheet_looks_like_theme(
    browser: Browser, base_url: str, search_site: Path, width: int
) -> None:
    """The cut-down stylesheet draws the page exactly as mkdocs-material's own do."""
    full = theme_stylesheet(search_site)
    shots = []
    for replace in (False, True):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        if replace:
            page.route(
                "**/assets/stylesheets/kyky-search.css",
                lambda route: route.fulfill(body=full, content_type="text/css"),
            )
        shots.append(screenshots(page, base_url, narrow=width < 600))
        context.close()
    # The cut removed most of the theme's rules, so the same pictures show that it kept
    # those the page needs.
    assert len((search_site / SEARCH_STYLESHEET).read_text("utf-8")) * 5 < len(full)
    assert shots[0] == shots[1]
