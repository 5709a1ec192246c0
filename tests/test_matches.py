"""Suggested matches: ranking, reasons, exclusions and the section on a built page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.catalogue import Catalogue
from generator.matches import MAX_SUGGESTIONS, suggestions
from tests.conftest import CONTENT, read_page, run_kyky
from tests.small_catalogue import company, idea, load, need, product, school, text


def ranked(catalogue: Catalogue, kind: str, entry_id: str, language: str) -> list[tuple]:
    record = catalogue.get(kind, entry_id)
    assert record is not None
    return [
        (found.record.kind, found.record.id, found.score, found.reason_text)
        for found in suggestions(catalogue, record, language)
    ]


@pytest.fixture
def playground(tmp_path: Path) -> Path:
    """A need for break-time exercise and candidates that fit it well, badly or not at all."""
    root = tmp_path / "content"
    school(root)
    company(root)
    need(
        root,
        "liikuntatarve",
        "Välituntiliikuntaa pihalle",
        summary=text("Välituntiliikuntaa pihalle"),
        subjects=["liikunta"],
        competences=["L3"],
        grades=[3, 4],
    )
    idea(
        root,
        "pihapelit",
        "Pihapelit välitunneille",
        summary=text("Pihapelit välitunneille"),
        levels=["perusopetus-1-6"],
        subjects=["liikunta"],
        competences=["L3"],
    )
    idea(
        root,
        "tanssipeli",
        "Tanssipeli",
        summary=text("Tanssipeli"),
        published="2026-02-01",
        seeks={
            "levels": ["perusopetus-1-6"],
            "grades": [4],
            "instruction_languages": ["fi"],
            "districts": ["suur-tapiola"],
        },
    )
    product(
        root,
        "liikuntasovellus",
        "Liikuntasovellus",
        summary=text("Liikuntasovellus"),
        levels=["perusopetus-1-6"],
        subjects=["liikunta"],
    )
    same = {"levels": ["perusopetus-1-6"], "subjects": ["liikunta"]}
    idea(root, "vastaus", "Vastaus", answers=["liikuntatarve"], **same)
    idea(root, "suljettu", "Suljettu", status="closed", **same)
    idea(root, "vanhentunut", "Vanhentunut", valid_until="2026-11-30", **same)
    product(root, "heikko", "Heikko", summary=text("Heikko"), levels=["perusopetus-1-6"])
    product(root, "lopetettu", "Lopetettu", status="closed", **same)
    return root


def test_need_ranking_and_reasons(playground: Path) -> None:
    catalogue = load(playground)
    assert ranked(catalogue, "needs", "liikuntatarve", "fi") == [
        (
            "ideas",
            "tanssipeli",
            8,
            "sama kouluaste: perusopetus, vuosiluokat 1–6; sama vuosiluokka: 4; "
            "haettu opetuskieli: suomi; haettu suuralue: Suur-Tapiola",
        ),
        (
            "ideas",
            "pihapelit",
            8,
            "sama kouluaste: perusopetus, vuosiluokat 1–6; sama oppiaine: Liikunta; "
            "sama laaja-alainen osaaminen: L3; yhteisiä sanoja: välituntiliikuntaa",
        ),
        (
            "products",
            "liikuntasovellus",
            6,
            "sama kouluaste: perusopetus, vuosiluokat 1–6; sama oppiaine: Liikunta",
        ),
    ]


def test_need_reasons_in_swedish(playground: Path) -> None:
    catalogue = load(playground)
    assert ranked(catalogue, "needs", "liikuntatarve", "sv")[2] == (
        "products",
        "liikuntasovellus",
        6,
        "samma skolstadium: grundläggande utbildning, årskurserna 1–6; samma läroämne: Gymnastik",
    )


def test_idea_seeking_school_gets_needs(playground: Path) -> None:
    need(playground, "suljettu-tarve", "Suljettu tarve", status="closed")
    need(playground, "vanha-tarve", "Vanha tarve", valid_until="2026-12-03")
    catalogue = load(playground)
    assert ranked(catalogue, "ideas", "tanssipeli", "sv") == [
        (
            "needs",
            "liikuntatarve",
            8,
            "samma skolstadium: grundläggande utbildning, årskurserna 1–6; samma årskurs: 4; "
            "sökt undervisningsspråk: finska; sökt storområde: Stor-Hagalund",
        )
    ]


def test_idea_without_seeks_gets_none(playground: Path) -> None:
    idea(playground, "vastaava", "Vastaava", seeks=None, answers=["liikuntatarve"])
    catalogue = load(playground)
    assert ranked(catalogue, "ideas", "vastaava", "fi") == []


def test_need_not_open_gets_none(playground: Path) -> None:
    need(playground, "liikuntatarve", "Välituntiliikuntaa pihalle", status="matched")
    catalogue = load(playground)
    assert ranked(catalogue, "needs", "liikuntatarve", "fi") == []


def test_expired_need_gets_none(playground: Path) -> None:
    need(playground, "liikuntatarve", "Välituntiliikuntaa pihalle", valid_until="2026-12-31")
    catalogue = load(playground, today="2027-01-01")
    assert ranked(catalogue, "needs", "liikuntatarve", "fi") == []


def test_list_is_capped(tmp_path: Path) -> None:
    root = tmp_path / "content"
    school(root)
    company(root)
    need(root, "tarve", "Tarve", subjects=["kuvataide"])
    for number in range(1, 8):
        product(
            root,
            f"tuote-{number}",
            f"Tuote {number}",
            published=f"2026-0{number}-01",
            levels=["perusopetus-1-6"],
            subjects=["kuvataide"],
        )
    catalogue = load(root)
    found = ranked(catalogue, "needs", "tarve", "fi")
    assert len(found) == MAX_SUGGESTIONS
    assert [entry_id for _, entry_id, _, _ in found] == [
        "tuote-7",
        "tuote-6",
        "tuote-5",
        "tuote-4",
        "tuote-3",
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built with a fixed date, so that statuses do not change with time."""
    target = tmp_path_factory.mktemp("matches") / "site"
    os.environ["KYKY_TODAY"] = "2026-12-04"
    try:
        result = run_kyky("build", "--content", str(CONTENT), "--site-dir", str(target))
    finally:
        del os.environ["KYKY_TODAY"]
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def test_built_need_page_suggestions(site: Path) -> None:
    page = read_page(site, "tarpeet/ruokahavikin-vahentaminen-koulussa/")
    section = page.select_one("section.kyky-suggestions")
    assert section is not None
    assert section.h2.get_text() == "Ehdotuksia"
    items = section.select("li.kyky-suggestion")
    assert [item.h3.a["href"] for item in items] == [
        "../../ideat/anturit-koulupuutarhan-seurantaan/",
        "../../tuotteet/mullanmuru-kasvulaatikkoanturi/",
        "../../ideat/ilmanlaatumittarit-kouluille/",
    ]
    reasons = [item.select_one(".kyky-suggestion__reasons").get_text() for item in items]
    assert reasons[2] == (
        "Miksi: sama kouluaste: perusopetus, vuosiluokat 7–9; sama vuosiluokka: 8, 9; "
        "sama laaja-alainen osaaminen: L7; haettu opetuskieli: suomi"
    )


def test_built_swedish_page_says_forslag(site: Path) -> None:
    page = read_page(site, "sv/behov/ruokahavikin-vahentaminen-koulussa/")
    section = page.select_one("section.kyky-suggestions")
    assert section is not None
    assert section.h2.get_text() == "Förslag"
    first = section.select_one(".kyky-suggestion__reasons").get_text()
    assert first.startswith(
        "Varför: samma skolstadium: grundläggande utbildning, årskurserna 7–9; "
    )


def test_built_page_without_suggestions(site: Path) -> None:
    page = read_page(site, "tarpeet/valitunnin-liikuntaleikit/")
    assert page.select_one("section.kyky-suggestions") is None
