"""`kyky new`: commented starter files in Finnish or Swedish."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.loader import parse_document
from generator.messages import field_texts
from generator.models import MODELS
from generator.schemas import FOLDERS, field_shapes, modeline
from generator.starter import LEFT_OUT, starter_file
from tests.conftest import run_kyky

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
        "description",
        "levels",
        "school",
        "contact.email",
    ]


FILLED = {
    "summary:\n  fi:\n": "summary:\n  fi: Lukuintoa pienille lukijoille.\n",
    "description:\n  fi:\n": "description:\n  fi: Etsimme keinoja innostaa lukemaan.\n",
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
    assert lines[2] == "# En ny utvecklingsidé till KYKY-tori: Lässtigen"
    assert "  sv: Lässtigen" in lines
    assert "# Sammanfattning (obligatoriskt): en eller två meningar som visas i listorna" in lines
