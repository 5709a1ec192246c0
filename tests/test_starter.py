"""`kyky new`: commented starter files in Finnish or Swedish."""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path

import pytest

from generator.catalogue import check
from generator.loader import parse_document
from generator.messages import field_texts
from generator.models import MODELS
from generator.schemas import FOLDERS, field_shapes, modeline
from generator.starter import LEFT_OUT, starter_file
from tests.conftest import ROOT, run_kyky

KINDS = ("need", "idea", "product", "organisation")
OTHER = {"fi": "sv", "sv": "fi"}


def new(content: Path, kind: str, title: str, *more: str) -> tuple[int, str, str]:
    result = run_kyky("new", kind, "--title", title, "--content", str(content), *more)
    return result.returncode, result.stdout, result.stderr


def check_lines(content: Path, name: str) -> list[str]:
    result = run_kyky("check", "--content", str(content))
    prefix = f"{content}/{name}:"
    return [
        line[len(str(content)) + 1 :]
        for line in result.stdout.splitlines()
        if line.startswith(prefix)
    ]


def test_new_need_written_in_finnish(content_tree: Path) -> None:
    status, stdout, stderr = new(content_tree, "need", "Lukuinto 2. luokalle ä")
    path = content_tree / "needs" / "lukuinto-2-luokalle-a.yml"
    assert (status, stderr) == (0, "")
    assert stdout == (
        f"Uusi tiedosto {path} on kirjoitettu. Täytä pakolliset kentät ja aja sitten kyky check.\n"
    )
    lines = path.read_text("utf-8").split("\n")
    assert lines[0] == modeline("need")
    assert lines[2] == "# Uusi kehittämistarve KYKY-toriin: Lukuinto 2. luokalle ä"
    assert (
        "# Tiivistelmä (pakollinen): yksi tai kaksi virkettä, jotka näkyvät listauksissa" in lines
    )
    assert "  fi: Lukuinto 2. luokalle ä" in lines
    assert f"published: {date.today().isoformat()}" in lines


def test_new_need_reports_each_placeholder(content_tree: Path) -> None:
    new(content_tree, "need", "Lukuinto 2. luokalle")
    lines = check_lines(content_tree, "needs/lukuinto-2-luokalle.yml")
    assert [line.split(": virhe: ")[1].split(":")[0] for line in lines] == [
        "summary",
        "description.fi",
        "description.sv",
        "levels",
        "school",
        "contact.email",
    ]


FILLED = {
    "summary:\n  fi:\n": "summary:\n  fi: Lukuintoa pienille lukijoille.\n",
    # Two paragraphs in Finnish. The empty Swedish block is deleted, as its comment instructs.
    "description:\n  fi: |\n  sv: |\n": (
        "description:\n  fi: |\n    Etsimme keinoja innostaa lukemaan.\n\n"
        "    Toinen kappale: **lukupiiri** joka viikko.\n"
    ),
    "\nlevels:\n": "\nlevels: [perusopetus-1-6]\n",
    "\nschool:\n": "\nschool: kuusikallion-koulu\n",
    "  email:\n": "  email: kanslia.kuusikallio@example.fi\n",
}


def test_filled_starter_passes_check(content_tree: Path) -> None:
    new(content_tree, "need", "Lukuinto 2. luokalle")
    path = content_tree / "needs" / "lukuinto-2-luokalle.yml"
    text = path.read_text("utf-8")
    for placeholder, value in FILLED.items():
        assert text.count(placeholder) == 1, placeholder
        text = text.replace(placeholder, value)
    path.write_text(text, "utf-8")
    lines = check_lines(content_tree, "needs/lukuinto-2-luokalle.yml")
    assert [line for line in lines if ": virhe: " in line] == []
    record = check(str(content_tree)).catalogue.get("needs", "lukuinto-2-luokalle")
    assert record is not None
    assert record.entry.description.fi == (  # type: ignore[attr-defined]
        "Etsimme keinoja innostaa lukemaan.\n\nToinen kappale: **lukupiiri** joka viikko.\n"
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("kind", KINDS)
def test_starter_loads_and_speaks_language(kind: str, language: str) -> None:
    starter = starter_file(kind, "Åbo Ärlig Öga", language, "content", date(2026, 12, 4))
    parse_document(starter.text, "starter.yml")
    comments = "\n".join(line for line in starter.text.split("\n") if line.lstrip().startswith("#"))
    texts = field_texts()
    for shape in field_shapes(MODELS[FOLDERS[kind]]):
        if shape.path[0] in LEFT_OUT:
            continue
        label = texts[shape.name]["label"]
        assert f"# {label[language]} (" in comments, shape.dotted
        if label[OTHER[language]] != label[language]:
            assert f"# {label[OTHER[language]]} (" not in comments, shape.dotted


def test_new_refuses_to_overwrite(content_tree: Path) -> None:
    path = content_tree / "organisations" / "solbacka-skola.yml"
    before = path.read_text("utf-8")
    status, stdout, stderr = new(content_tree, "organisation", "Solbacka skola", "--lang", "sv")
    assert (status, stdout) == (1, "")
    assert stderr == (
        f"Filen {path} finns redan, så den ersattes inte. "
        "Ge en annan rubrik eller redigera den befintliga filen.\n"
    )
    assert path.read_text("utf-8") == before


def test_new_swedish_comments(content_tree: Path) -> None:
    new(content_tree, "idea", "Lässtigen", "--lang", "sv")
    lines = (content_tree / "ideas" / "lasstigen.yml").read_text("utf-8").split("\n")
    assert lines[2] == "# En ny utvecklingsidé till KYKY-torget: Lässtigen"
    assert "  sv: Lässtigen" in lines
    assert "# Sammanfattning (obligatoriskt): en eller två meningar som visas i listorna" in lines


def test_description_written_as_blocks() -> None:
    text = starter_file("need", "Lukuinto", "fi", "content", date(2026, 12, 4)).text
    assert (
        "# luettelot, linkit)\n"
        "# Kirjoita teksti merkin | jälkeisille riveille neljällä välilyönnillä sisennettynä;\n"
        "# teksti voi jatkua monta riviä. Erota kappaleet tyhjällä rivillä. Jos kirjoitat tekstin\n"
        "# vain yhdellä kielellä, poista toisen kielen rivi (fi: | tai sv: |), koska tyhjä | on\n"
        "# virhe.\n"
        "description:\n"
        "  fi: |\n"
        "  sv: |\n"
        "# Tila (pakollinen)"
    ) in text


def test_description_blocks_in_swedish_organisation() -> None:
    text = starter_file("organisation", "Lässkolan", "sv", "content", date(2026, 12, 4)).text
    assert (
        "# Skriv texten på raderna efter tecknet |, indragna med fyra mellanslag; texten kan\n"
        "# fortsätta över många rader. Skilj styckena åt med en tom rad. Om du skriver texten på\n"
        "# bara ett språk, ta bort det andra språkets rad (fi: | eller sv: |), eftersom ett tomt\n"
        "# | är ett fel.\n"
        "# description:\n"
        "#   fi: |\n"
        "#   sv: |\n"
    ) in text
    assert "KYKY-tori:" not in text
    assert "# En ny organisation till KYKY-torget: Lässkolan\n" in text


def test_new_refuses_tombstone_id(content_tree: Path) -> None:
    path = content_tree / "needs" / "kerhotilan-iltapaivakaytto.yml"
    tombstone = content_tree / "removed" / "needs" / "kerhotilan-iltapaivakaytto.yml"
    status, stdout, stderr = new(content_tree, "need", "Kerhotilan iltapäiväkäyttö")
    assert (status, stdout) == (1, "")
    assert stderr == (
        f'Tiedostoa {path} ei kirjoitettu, koska tunnus "kerhotilan-iltapaivakaytto" on '
        f"varattu: se kuului poistetulle merkinnälle, jonka hautakivi {tombstone} säilyy "
        'pysyvästi. Anna toinen otsikko, esimerkiksi "Kerhotilan iltapäiväkäyttö 2", josta '
        "tulee tunnus kerhotilan-iltapaivakaytto-2.\n"
    )
    assert not path.exists()
    status, _, _ = new(content_tree, "need", "Kerhotilan iltapäiväkäyttö 2")
    assert status == 0


def test_new_refuses_previous_id(content_tree: Path) -> None:
    path = content_tree / "needs" / "valituntiliikunta-kaikille.yml"
    renamed = content_tree / "needs" / "valitunnin-liikuntaleikit.yml"
    status, stdout, stderr = new(content_tree, "need", "Välituntiliikunta kaikille", "--lang", "sv")
    assert (status, stdout) == (1, "")
    assert stderr == (
        f'Filen {path} skrevs inte, eftersom id:t "valituntiliikunta-kaikille" är reserverat: '
        f"det är ett tidigare id för {renamed}, och den gamla adressen leder dit. Ge en annan "
        'rubrik, till exempel "Välituntiliikunta kaikille 2", som ger id:t '
        "valituntiliikunta-kaikille-2.\n"
    )
    assert not path.exists()


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        (
            "Aste",
            "fi",
            'Tiedostoa {path} ei kirjoitettu, koska tunnus "aste" on varattu: se on sivuston '
            'luettelosivujen kansion nimi. Anna toinen otsikko, esimerkiksi "Aste 2", josta '
            "tulee tunnus aste-2.\n",
        ),
        (
            "Stadium",
            "sv",
            'Filen {path} skrevs inte, eftersom id:t "stadium" är reserverat: det är namnet på '
            'en mapp för webbplatsens listsidor. Ge en annan rubrik, till exempel "Stadium 2", '
            "som ger id:t stadium-2.\n",
        ),
    ],
)
def test_new_refuses_listing_folder_name(
    content_tree: Path, title: str, language: str, expected: str
) -> None:
    path = content_tree / "ideas" / f"{title.lower()}.yml"
    status, stdout, stderr = new(content_tree, "idea", title, "--lang", language)
    assert (status, stdout) == (1, "")
    assert stderr == expected.format(path=path)
    assert not path.exists()


@pytest.mark.parametrize("guide", ["CONTRIBUTING.fi.md", "CONTRIBUTING.sv.md", "CONTRIBUTING.md"])
def test_guide_example_command_writes_file(content_tree: Path, guide: str) -> None:
    text = (ROOT / guide).read_text("utf-8")
    command = next(line for line in text.splitlines() if "kyky new need" in line)
    arguments = shlex.split(command.partition("#")[0])[1:]
    result = run_kyky(*arguments, "--content", str(content_tree))
    assert result.returncode == 0, result.stderr
