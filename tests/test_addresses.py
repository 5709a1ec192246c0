"""Addresses never break: the register, previous ids, tombstones and their pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.catalogue import check
from generator.export import export_site
from generator.pages import render_pages
from generator.problems import format_problem
from tests.conftest import CONTENT, run_kyky
from tests.small_catalogue import company, idea, load, need, school, write_entry

SITE_URL = "https://kyky.example/"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A school, a company, a renamed need and a removed one."""
    content = tmp_path / "content"
    school(content)
    company(content)
    need(content, "uusi", "Uusi nimi", previous_ids=["vanha"])
    write_entry(
        content,
        "removed/needs",
        "poistettu",
        {
            "reason": {"fi": "Koulu ratkaisi asian itse.", "sv": "Skolan löste saken själv."},
            "replacement": {"kind": "needs", "id": "uusi"},
            "removed": "2026-10-01",
        },
    )
    return content


def problems_in(content: Path, language: str = "en") -> list[str]:
    result = check(str(content), "content")
    return [format_problem(problem, language) for problem in result.problems]


def line_of(path: Path, text: str) -> int:
    return path.read_text("utf-8").splitlines().index(text) + 1


def test_valid_tree_has_no_problems(root: Path) -> None:
    assert problems_in(root) == []


def test_new_entry_takes_previous_id(root: Path) -> None:
    need(root, "vanha", "Vanha")
    assert problems_in(root) == [
        'content/needs/vanha.yml:1:1: error: the id "vanha" is a former id of '
        "content/needs/uusi.yml and stays reserved, because its old address redirects there: "
        "choose another file name, such as vanha-2.yml"
    ]


def test_suggestion_skips_taken_ids(root: Path) -> None:
    need(root, "vanha", "Vanha")
    need(root, "vanha-2", "Vanha 2")
    need(root, "toinen", "Toinen", previous_ids=["vanha-3"])
    assert problems_in(root, "fi") == [
        'content/needs/vanha.yml:1:1: virhe: tunnus "vanha" on merkinnän content/needs/uusi.yml '
        "aiempi tunnus ja pysyy varattuna, koska vanha osoite ohjaa sinne: valitse toinen "
        "tiedostonimi, esimerkiksi vanha-4.yml"
    ]


def test_previous_id_with_tombstone(root: Path) -> None:
    idea(root, "idea", "Idea", previous_ids=[], answers=["poistettu-ei"], seeks=None)
    need(root, "toinen", "Toinen", previous_ids=["poistettu"])
    line = line_of(root / "needs" / "toinen.yml", "- poistettu")
    found = problems_in(root, "fi")
    assert (
        f'content/needs/toinen.yml:{line}:3: virhe: previous_ids[1]: tunnus "poistettu" kuului '
        "poistetulle merkinnälle, jonka hautakivi content/removed/needs/poistettu.yml säilyy "
        'pysyvästi, joten vanha osoite ei voi ohjata tänne. Poista "poistettu" '
        "previous_ids-luettelosta. Jos poistetun merkinnän lukijat halutaan ohjata tänne, "
        "merkitse tämä merkintä hautakiven kenttään replacement."
    ) in found
    assert not [line for line in found if "Poista hautakivi" in line]


def test_previous_id_claimed_twice(root: Path) -> None:
    need(root, "zeta", "Zeta", previous_ids=["vanha"])
    line = line_of(root / "needs" / "zeta.yml", "- vanha")
    first_line = line_of(root / "needs" / "uusi.yml", "- vanha")
    assert problems_in(root, "sv") == [
        f"content/needs/uusi.yml:{first_line}:3: fel: previous_ids[1]: det tidigare id:t "
        '"vanha" står i previous_ids här och också i content/needs/zeta.yml, men en gammal '
        'adress kan leda till bara en post. Bara den post som hette "vanha" innan den bytte '
        "namn behåller id:t. Om den här posten inte är den (utan till exempel ett kopierat "
        'exempel), ta bort "vanha" ur dess previous_ids.',
        f"content/needs/zeta.yml:{line}:3: fel: previous_ids[1]: det tidigare id:t "
        '"vanha" står i previous_ids här och också i content/needs/uusi.yml, men en gammal '
        'adress kan leda till bara en post. Bara den post som hette "vanha" innan den bytte '
        "namn behåller id:t. Om den här posten inte är den (utan till exempel ett kopierat "
        'exempel), ta bort "vanha" ur dess previous_ids.',
    ]


def test_new_entry_takes_tombstone_id(root: Path) -> None:
    need(root, "poistettu", "Ei poistettu")
    assert problems_in(root) == [
        'content/needs/poistettu.yml:1:1: error: the id "poistettu" belonged to a removed '
        "entry (content/removed/needs/poistettu.yml) and stays reserved: choose another file "
        "name, such as poistettu-2.yml"
    ]


def test_copied_example_on_tombstone_id(content_tree: Path) -> None:
    """A copy of an example under a removed entry's id: every problem lands on the copy."""
    source = content_tree / "needs" / "valitunnin-liikuntaleikit.yml"
    target = content_tree / "needs" / "kerhotilan-iltapaivakaytto.yml"
    target.write_text(source.read_text("utf-8"), "utf-8")
    line = line_of(target, "previous_ids: [valituntiliikunta-kaikille]")
    result = run_kyky("check", "--content", str(content_tree), "--lang", "en")
    assert result.stdout.splitlines()[:-1] == [
        f'{target}:2:1: error: the id "kerhotilan-iltapaivakaytto" belonged to a removed entry '
        f"({content_tree}/removed/needs/kerhotilan-iltapaivakaytto.yml) and stays reserved: "
        "choose another file name, such as kerhotilan-iltapaivakaytto-2.yml",
        f"{target}:{line}:1: error: previous_ids: the file looks like a copy of {source}, which "
        f"is already published (address register {content_tree}/addresses.txt), because both "
        "list the former ids valituntiliikunta-kaikille. Former ids belong only to the renamed "
        "entry, so remove the field previous_ids from this file.",
        f"{target}:{line + 1}:10: warning: example: true marks the entry as a fictional example, "
        f"and the site shows it as one. The entry's address is not in {content_tree}/"
        "addresses.txt, so it looks like a new entry copied from an example. Delete the line "
        "example: true. If you are adding a new example on purpose, add its address to the "
        "register with kyky addresses --update.",
    ]


def test_copied_example_one_error_on_copy(content_tree: Path) -> None:
    source = content_tree / "needs" / "valitunnin-liikuntaleikit.yml"
    target = content_tree / "needs" / "pihaleikit-kaikille.yml"
    target.write_text(source.read_text("utf-8"), "utf-8")
    line = line_of(target, "previous_ids: [valituntiliikunta-kaikille]")
    register = f"{content_tree}/addresses.txt"
    summaries = {
        "fi": ": 1 virhe, 1 varoitus. Korjaa virheet ja aja tarkistus uudelleen.",
        "sv": ": 1 fel, 1 varning. Rätta felen och kör kontrollen igen.",
    }
    expected = {
        "fi": f"{target}:{line}:1: virhe: previous_ids: tiedosto näyttää kopiolta merkinnästä "
        f"{source}, joka on jo julkaistu (osoiteluettelo {register}), koska molemmissa on "
        "aiemmat tunnukset valituntiliikunta-kaikille. Aiemmat tunnukset kuuluvat vain "
        "uudelleennimetylle merkinnälle, joten poista kenttä previous_ids tästä tiedostosta.",
        "sv": f"{target}:{line}:1: fel: previous_ids: filen ser ut som en kopia av {source}, som "
        f"redan har publicerats (adressregistret {register}), eftersom båda har de tidigare "
        "id:na valituntiliikunta-kaikille. Tidigare id hör bara till den omdöpta posten, så ta "
        "bort fältet previous_ids ur den här filen.",
    }
    for language, error in expected.items():
        result = run_kyky("check", "--content", str(content_tree), "--lang", language)
        lines = result.stdout.splitlines()
        assert result.returncode == 1
        assert [output for output in lines if output.startswith(f"{source}:")] == []
        assert [output for output in lines if ": previous_ids: " in output] == [error]
        assert lines[-1].endswith(summaries[language])


def test_copied_example_warns_in_finnish(content_tree: Path) -> None:
    source = content_tree / "ideas" / "kertotaulujuoksu.yml"
    target = content_tree / "ideas" / "kertotaulut-pihalla.yml"
    target.write_text(source.read_text("utf-8"), "utf-8")
    line = line_of(target, "example: true")
    result = run_kyky("check", "--content", str(content_tree), "--lang", "fi")
    assert (result.returncode, result.stdout.splitlines()[:-1]) == (
        0,
        [
            f"{target}:{line}:10: varoitus: example: true merkitsee merkinnän keksityksi "
            "esimerkiksi, ja sivusto näyttää sen sellaisena. Merkinnän osoite ei ole luettelossa "
            f"{content_tree}/addresses.txt, joten se näyttää uudelta merkinnältä, joka on "
            "kopioitu esimerkistä. Poista rivi example: true. Jos lisäät tarkoituksella uuden "
            "esimerkin, lisää sen osoite luetteloon komennolla kyky addresses --update.",
        ],
    )


def test_registered_examples_raise_nothing() -> None:
    result = run_kyky("check", "--content", str(CONTENT), "--lang", "en")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1].endswith(": no errors, 0 warnings.")


def test_tombstone_replacement_missing(root: Path) -> None:
    path = write_entry(
        root,
        "removed/ideas",
        "kadonnut",
        {
            "reason": {"fi": "Syy.", "sv": "Orsak."},
            "replacement": {"kind": "ideas", "id": "ei-ole"},
            "removed": "2026-10-01",
        },
    )
    line = line_of(path, "  id: ei-ole")
    assert problems_in(root) == [
        f"content/removed/ideas/kadonnut.yml:{line}:7: error: replacement.id: the replacement "
        "entry ideas/ei-ole does not exist. Check its kind and id, or remove the field "
        "replacement."
    ]


def test_removal_without_tombstone(root: Path) -> None:
    (root / "addresses.txt").write_text(
        "needs/poistettu\nneeds/unohtunut\nneeds/uusi\nneeds/vanha\n"
    )
    assert problems_in(root) == [
        "content/addresses.txt:2:1: error: the address needs/unohtunut was published, but the "
        'entry is gone and no entry lists the id "unohtunut" in previous_ids (removal without a '
        'tombstone). Restore the deleted file, add "unohtunut" to previous_ids of the new entry, '
        "or write a tombstone, content/removed/needs/unohtunut.yml."
    ]


def test_register_line_invalid(root: Path) -> None:
    (root / "addresses.txt").write_text("tarpeet/uusi\n")
    assert problems_in(root) == [
        'content/addresses.txt:1:1: error: the line "tarpeet/uusi" is not of the form kind/id, '
        "such as needs/valitunnin-liikuntaleikit. Fix the line, or delete it and run kyky "
        "addresses --update."
    ]


def test_addresses_command_updates_register(root: Path) -> None:
    display = str(root)
    result = run_kyky("addresses", "--content", display, "--lang", "en")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{display}/addresses.txt: address missing from the register: {address}"
        for address in (
            "needs/poistettu",
            "needs/uusi",
            "needs/vanha",
            "organisations/koulu",
            "organisations/yritys",
        )
    ] + [
        f"The address register lacks 5 published addresses. Run kyky addresses --update and "
        f"include the changed {display}/addresses.txt in your change."
    ]
    result = run_kyky("addresses", "--update", "--content", display, "--lang", "en")
    assert result.returncode == 0
    assert result.stdout == (
        f"Updated the address register {display}/addresses.txt: 5 addresses, 5 of them new.\n"
    )
    assert (root / "addresses.txt").read_text() == (
        "needs/poistettu\nneeds/uusi\nneeds/vanha\norganisations/koulu\norganisations/yritys\n"
    )
    result = run_kyky("addresses", "--content", display, "--lang", "en")
    assert (result.returncode, result.stdout) == (
        0,
        "The address register is up to date: 5 addresses.\n",
    )


def test_deleting_registered_entry_fails_check(root: Path) -> None:
    assert run_kyky("addresses", "--update", "--content", str(root)).returncode == 0
    (root / "needs" / "uusi.yml").unlink()
    result = run_kyky("check", "--content", str(root), "--lang", "en")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(": error: ")[0] for line in lines[:-1]] == [
        f"{root}/addresses.txt:2:1",
        f"{root}/addresses.txt:3:1",
        f"{root}/removed/needs/poistettu.yml:6:7",
    ]
    assert lines[0].endswith(
        "the address needs/uusi was published, but the entry is gone and no entry lists the "
        'id "uusi" in previous_ids (removal without a tombstone). Restore the deleted file, '
        'add "uusi" to previous_ids of the new entry, or write a tombstone, '
        f"{root}/removed/needs/uusi.yml."
    )
    assert lines[-1] == (
        "3 files checked: 3 errors, 0 warnings. Fix the errors and run the check again."
    )


def test_committed_register_is_current() -> None:
    result = run_kyky("addresses", "--content", str(CONTENT), "--lang", "en")
    assert result.stdout.splitlines()[-1].startswith("The address register is up to date: ")
    assert result.returncode == 0


def test_invalid_today_variable(root: Path) -> None:
    os.environ["KYKY_TODAY"] = "4.12.2026"
    try:
        result = run_kyky("check", "--content", str(root), "--lang", "en")
    finally:
        del os.environ["KYKY_TODAY"]
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        'KYKY_TODAY:1:1: error: the environment variable KYKY_TODAY is "4.12.2026", which is '
        "not a date of the form YYYY-MM-DD. Fix the value, or unset the variable to use "
        "today's date."
    )


def exported(root: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    export_site(load(root), site, SITE_URL)
    return site


def read(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


def test_redirect_page(root: Path, tmp_path: Path) -> None:
    page = read(exported(root, tmp_path), "sv/behov/vanha/")
    assert page.html["lang"] == "sv"
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../uusi/"
    assert page.select_one('link[rel="canonical"]')["href"] == "https://kyky.example/sv/behov/uusi/"
    assert page.h1.get_text() == "Sidan har flyttat"
    assert page.main.p.get_text() == "Postens adress har ändrats. Den nya adressen: Uusi nimi (sv)"
    assert page.main.p.a["href"] == "../uusi/"


def rendered(root: Path, language: str, path: str) -> BeautifulSoup:
    """Render one page of a small catalogue, as the site build does before MkDocs."""
    pages = {page.path: page for page in render_pages(load(root), language)}
    return BeautifulSoup(pages[path].body, "html.parser")


def test_tombstone_page(root: Path) -> None:
    page = rendered(root, "fi", "tarpeet/poistettu/")
    assert page.h1.get_text() == "Merkintä on poistettu"
    assert [paragraph.get_text() for paragraph in page.find_all("p")] == [
        "Koulu ratkaisi asian itse.",
        "Poistettu 1.10.2026.",
        "Lue sen sijaan: Uusi nimi",
    ]
    assert page.find_all("p")[2].a["href"] == "../uusi/"


def test_tombstone_without_replacement_links_listing(root: Path) -> None:
    write_entry(
        root,
        "removed/ideas",
        "pois",
        {"reason": {"fi": "Yritys lopetti."}, "removed": "2026-11-02"},
    )
    page = rendered(root, "sv", "sv/ideer/pois/")
    paragraphs = page.find_all("p")
    assert paragraphs[1]["lang"] == "fi"
    assert [paragraph.get_text() for paragraph in paragraphs] == [
        "Den här texten har inte översatts till svenska ännu. Den visas på finska.",
        "Yritys lopetti.",
        "Borttagen 2.11.2026.",
        "Se de andra posterna: Utvecklingsidéer",
    ]
    assert paragraphs[3].a["href"] == "../"


def test_hostile_title_in_redirect_is_text(root: Path, tmp_path: Path) -> None:
    need(root, "uusi", "</a><script>alert(1)</script>", previous_ids=["vanha"])
    page = read(exported(root, tmp_path), "tarpeet/vanha/")
    assert page.find("script") is None
    assert page.main.p.a.get_text() == "</a><script>alert(1)</script>"
