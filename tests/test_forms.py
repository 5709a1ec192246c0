"""Issue forms generated from the models, and issue bodies turned into content files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.forms import FORM_LABEL, LEFT_OUT, form_files, issue_form, questions
from generator.loader import load_document
from generator.models import MODELS
from generator.schemas import FOLDERS, field_shapes, modeline
from tests.conftest import ROOT, run_kyky

KINDS = ("need", "idea", "product", "organisation")
TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"


def test_forms_on_disk_are_current() -> None:
    expected = form_files()
    on_disk = {path.name: path.read_text("utf-8") for path in TEMPLATES.iterdir()}
    assert sorted(on_disk) == sorted(expected)
    for name, text in expected.items():
        assert on_disk[name] == text, f"{name} is stale: run kyky forms"


@pytest.mark.parametrize("kind", KINDS)
def test_form_covers_every_field(kind: str) -> None:
    asked = {question.path for question in questions(kind)}
    for shape in field_shapes(MODELS[FOLDERS[kind]]):
        if shape.kind == "group":
            continue
        assert shape.path in asked or shape.path[0] in LEFT_OUT[kind], shape.dotted


@pytest.mark.parametrize("kind", KINDS)
def test_form_is_well_formed(kind: str) -> None:
    form = yaml.safe_load((TEMPLATES / f"{kind}.yml").read_text("utf-8"))
    assert set(form) == {"name", "description", "title", "labels", "body"}
    assert form["labels"] == [FORM_LABEL, kind]
    elements = [element for element in form["body"] if element["type"] != "markdown"]
    ids = [element["id"] for element in elements]
    labels = [element["attributes"]["label"] for element in elements]
    assert len(set(ids)) == len(ids)
    assert len(set(labels)) == len(labels)
    for element in elements:
        assert element["type"] in {"input", "textarea", "dropdown", "checkboxes"}
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
        options = element["attributes"].get("options", [])
        assert len(options) == len({str(option) for option in options})


def test_need_form_labels_are_bilingual() -> None:
    labels = [element["attributes"].get("label") for element in issue_form("need")["body"]]
    assert "Otsikko suomeksi / Rubrik på finska" in labels
    assert "Yhteystieto: Sähköposti / Kontakt: E-post" in labels
    assert "Koulu tarjoaa: Ajanjakso: Alkaa / Skolan erbjuder: Period: Börjar" in labels


def test_workflow_uses_form_label() -> None:
    workflow = (ROOT / ".github" / "workflows" / "form-to-pr.yml").read_text("utf-8")
    assert f"'{FORM_LABEL}'" in workflow


# --- Issue body to a content file ---------------------------------------------------------


def render_body(kind: str, answers: dict[str, Any]) -> str:
    """Write an issue body as GitHub does for a submitted form: a heading per element."""
    parts = []
    for element in issue_form(kind)["body"]:
        if element["type"] == "markdown":
            continue
        label = element["attributes"]["label"]
        answer = answers.get(element["id"])
        if element["type"] == "checkboxes":
            options = [option["label"] for option in element["attributes"]["options"]]
            chosen = answer or []
            marks = [
                "X" if option.split(":")[0] in chosen or element["id"] == "privacy" else " "
                for option in options
            ]
            answer = "\n".join(
                f"- [{mark}] {option}" for mark, option in zip(marks, options, strict=True)
            )
        parts.append(f"### {label}\n\n{answer or '_No response_'}")
    return "\n\n".join(parts) + "\n"


NEED_ANSWERS = {
    "title-fi": "Lukuinto 2. luokalle",
    "summary-sv": "Vi söker läslust.",
    "description-fi": (
        "Etsimme keinoja.\n\n### Tausta\n\nKokeilimme lukudiplomia $(touch pwned) `id`."
    ),
    "status": "open: Avoin / Öppen",
    "levels": ["perusopetus-1-6"],
    "grades": "2, 3",
    "school": "kuusikallion-koulu",
    "offer-group-fi": "2. luokat, noin 50 oppilasta",
    "contact-email": "kanslia.kuusikallio@example.fi",
}


def from_issue(content: Path, body: str, tmp_path: Path, kind: str = "need") -> Any:
    body_file = tmp_path / "body.md"
    body_file.write_text(body, "utf-8")
    comment = tmp_path / "comment.md"
    return run_kyky(
        "from-issue",
        "--kind",
        kind,
        "--body-file",
        str(body_file),
        "--content",
        str(content),
        "--comment",
        str(comment),
        cwd=tmp_path,
    )


def test_issue_becomes_checked_file(content_tree: Path, tmp_path: Path) -> None:
    result = from_issue(content_tree, render_body("need", NEED_ANSWERS), tmp_path)
    path = content_tree / "needs" / "lukuinto-2-luokalle.yml"
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Tiedosto {path} on kirjoitettu lomakkeen tiedoista.\n"
    assert (tmp_path / "comment.md").read_text("utf-8") == (
        f"Tiedosto {path} on kirjoitettu lomakkeen tiedoista.\n\n"
        f"Filen {path} har skrivits med uppgifterna i formuläret.\n\n"
    )
    assert path.read_text("utf-8").startswith(modeline("need") + "\n")
    data = load_document(str(path), "x.yml").data
    assert data["title"] == {"fi": "Lukuinto 2. luokalle"}
    assert data["summary"] == {"sv": "Vi söker läslust."}
    assert data["description"]["fi"] == NEED_ANSWERS["description-fi"]
    assert data["levels"] == ["perusopetus-1-6"]
    assert data["grades"] == ["2", "3"]
    assert data["offer"] == {"group": {"fi": "2. luokat, noin 50 oppilasta"}}
    assert data["contact"] == {"email": "kanslia.kuusikallio@example.fi"}
    assert list(data)[:3] == ["title", "summary", "description"]
    assert not (tmp_path / "pwned").exists()
    check = run_kyky("check", "--content", str(content_tree))
    new_file = [line for line in check.stdout.splitlines() if "lukuinto-2-luokalle" in line]
    assert [line for line in new_file if ": virhe: " in line] == []
    assert check.returncode == 0, check.stdout


def test_issue_with_missing_heading(content_tree: Path, tmp_path: Path) -> None:
    body = render_body("need", NEED_ANSWERS).replace("### Koulu / Skola\n", "### Koulu\n")
    result = from_issue(content_tree, body, tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "Lomakkeesta ei voitu tehdä tiedostoa: issuen tekstistä puuttuu lomakkeen kohta "
        '"Koulu / Skola". Älä muuta lomakkeen väliotsikoita; tee tarvittaessa uusi issue '
        "lomakkeella.\n"
    )


def test_issue_for_existing_entry(content_tree: Path, tmp_path: Path) -> None:
    answers = {**NEED_ANSWERS, "title-fi": "Välitunnin liikuntaleikit"}
    result = from_issue(content_tree, render_body("need", answers), tmp_path)
    path = content_tree / "needs" / "valitunnin-liikuntaleikit.yml"
    assert result.returncode == 1
    assert result.stderr == (
        f"Lomakkeesta ei voitu tehdä tiedostoa: tiedosto {path} on jo olemassa. Jos päivität "
        "olemassa olevaa merkintää, tee muutos pull requestina; jos merkintä on uusi, anna "
        "sille toinen otsikko.\n"
    )


def test_issue_with_unknown_choice(content_tree: Path, tmp_path: Path) -> None:
    answers = {**NEED_ANSWERS, "status": "valmis"}
    result = from_issue(content_tree, render_body("need", answers), tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        'Lomakkeesta ei voitu tehdä tiedostoa: kohdan "Tila / Status" valinta "valmis" '
        "ei ole lomakkeen vaihtoehto.\n"
    )


def test_issue_without_title(content_tree: Path, tmp_path: Path) -> None:
    answers = {**NEED_ANSWERS, "title-fi": ""}
    result = from_issue(content_tree, render_body("need", answers), tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "Lomakkeesta ei voitu tehdä tiedostoa: otsikko tai nimi puuttuu. "
        "Kirjoita se suomeksi tai ruotsiksi.\n"
    )


def test_organisation_issue_has_no_published(content_tree: Path, tmp_path: Path) -> None:
    answers = {
        "kind": "company: Yritys / Företag",
        "name-fi": "Testi Oy",
        "business-id": "0101263-6",
    }
    result = from_issue(
        content_tree, render_body("organisation", answers), tmp_path, "organisation"
    )
    assert result.returncode == 0, result.stderr
    data = load_document(str(content_tree / "organisations" / "testi-oy.yml"), "x.yml").data
    assert data == {"kind": "company", "name": {"fi": "Testi Oy"}, "business_id": "0101263-6"}
