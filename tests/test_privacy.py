"""The privacy guard of `kyky check`: pupils' names, images, personal addresses, phones."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import run_kyky
from tests.test_check import COMPANY, SCHOOL

NEED = """\
title: {fi: Lukupiiri kolmosille, sv: Läscirkel för treor}
summary:
  fi: Luokkamme 3B etsii tapaa innostaa lukemaan.
  sv: Vår klass söker ett sätt att väcka läslust.
description:
  fi: Ryhmässä on 24 oppilasta. Emma Espoo ei ole nimi, koska Espoo on paikka.
  sv: En längre beskrivning.
status: open
published: 2026-09-01
school: koivulaakson-koulu
levels: [perusopetus-1-6]
offer:
  group: {fi: "3. luokka, 24 oppilasta", sv: "årskurs 3, 24 elever"}
contact:
  email: kanslia@koivulaakso.example.fi
  role: {fi: koulun kanslia, sv: skolans kansli}
"""


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), "utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A valid catalogue with one school, one company and one need, in tmp_path/content."""
    write(tmp_path, "content/organisations/koivulaakson-koulu.yml", SCHOOL)
    write(tmp_path, "content/organisations/oppikaari-oy.yml", COMPANY)
    write(tmp_path, "content/needs/lukupiiri.yml", NEED)
    return tmp_path


def check_lines(root: Path, language: str = "en") -> tuple[int, list[str]]:
    result = run_kyky("check", "--lang", language, cwd=root)
    return result.returncode, result.stdout.splitlines()


def replace_in_need(root: Path, old: str, new: str) -> None:
    path = root / "content/needs/lukupiiri.yml"
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), "utf-8")


def test_place_after_name_is_reported(tree: Path) -> None:
    """The heuristic cannot tell a surname from a place name, so "Emma Espoo" is reported."""
    code, lines = check_lines(tree)
    assert code == 0
    assert lines == [
        "content/needs/lukupiiri.yml:6:7: warning: description.fi: the text seems to contain "
        "a pupil's name: \"Emma Espoo\". Do not publish pupils' names: describe the group "
        'instead, such as "a grade 5 class, 24 pupils".',
        "3 files checked: no errors, 1 warning.",
    ]


def test_full_name_is_a_warning(tree: Path) -> None:
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Kiitos.")
    replace_in_need(tree, "Luokkamme 3B etsii", "Matti Virtanen ja luokka etsivät")
    code, lines = check_lines(tree)
    assert code == 0
    assert lines == [
        "content/needs/lukupiiri.yml:3:7: warning: summary.fi: the text seems to contain a "
        "pupil's name: \"Matti Virtanen\". Do not publish pupils' names: describe the group "
        'instead, such as "a grade 5 class, 24 pupils".',
        "3 files checked: no errors, 1 warning.",
    ]


def test_pupil_word_before_name_in_each_language(tree: Path) -> None:
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Kiitos.")
    replace_in_need(tree, "sv: Vår klass söker", "sv: Eleven Emma och klassen söker")
    replace_in_need(tree, '{fi: "3. luokka, 24 oppilasta"', '{fi: "oppilas Eetu ja luokka"')
    code, lines = check_lines(tree, "fi")
    assert code == 0
    assert lines == [
        "content/needs/lukupiiri.yml:4:7: varoitus: summary.sv: teksti näyttää sisältävän "
        'oppilaan nimen: "Eleven Emma". Älä julkaise oppilaiden nimiä: kuvaa ryhmä, '
        "esimerkiksi ”5. luokka, 24 oppilasta”.",
        "content/needs/lukupiiri.yml:13:15: varoitus: offer.group.fi: teksti näyttää "
        'sisältävän oppilaan nimen: "oppilas Eetu". Älä julkaise oppilaiden nimiä: kuvaa '
        "ryhmä, esimerkiksi ”5. luokka, 24 oppilasta”.",
        "3 tiedostoa tarkistettu: ei virheitä, 2 varoitusta.",
    ]


def test_common_words_are_not_names(tree: Path) -> None:
    """Names that are everyday words are not in the list: "Onni Oy" is a company."""
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Onni Oy ja Lumi.")
    code, lines = check_lines(tree)
    assert code == 0
    assert lines == ["3 files checked: no errors, 0 warnings."]


def test_personal_address_suggests_role_address(tree: Path) -> None:
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Kiitos.")
    replace_in_need(tree, "kanslia@koivulaakso", "maija.meikalainen@koivulaakso")
    code, lines = check_lines(tree, "sv")
    assert code == 0
    assert lines == [
        "content/needs/lukupiiri.yml:15:10: varning: contact.email: "
        '"maija.meikalainen@koivulaakso.example.fi" ser ut som en personlig adress. Använd '
        "hellre en funktionsadress, till exempel kansliets eller projektets gemensamma brevlåda.",
        "3 filer kontrollerade: inga fel, 1 varning.",
    ]


def test_phone_number_in_role_is_an_error(tree: Path) -> None:
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Kiitos.")
    replace_in_need(tree, "fi: koulun kanslia,", "fi: koulun kanslia p. 040 123 4567,")
    replace_in_need(tree, "sv: skolans kansli}", "sv: skolans kansli +358 (9) 816 21}")
    code, lines = check_lines(tree)
    assert code == 1
    assert lines == [
        'content/needs/lukupiiri.yml:16:14: error: contact.role.fi: "040 123 4567" looks '
        "like a phone number. Phone numbers are not published in the catalogue: delete the "
        "number and give a role address as the contact (contact: email:).",
        'content/needs/lukupiiri.yml:16:50: error: contact.role.sv: "+358 (9) 816 21" looks '
        "like a phone number. Phone numbers are not published in the catalogue: delete the "
        "number and give a role address as the contact (contact: email:).",
        "3 files checked: 2 errors, 0 warnings. Fix the errors and run the check again.",
    ]


def test_short_numbers_in_role_are_not_phones(tree: Path) -> None:
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Kiitos.")
    replace_in_need(tree, "fi: koulun kanslia,", "fi: luokat 3-4 ja 5-6 (2026),")
    code, lines = check_lines(tree)
    assert code == 0
    assert lines == ["3 files checked: no errors, 0 warnings."]


def test_phone_number_in_text_is_a_warning(tree: Path) -> None:
    replace_in_need(
        tree,
        "Emma Espoo ei ole nimi, koska Espoo on paikka.",
        "Soita meille 040 123 4567 lukuvuonna 2026-2027, luokat 3-4.",
    )
    code, lines = check_lines(tree)
    assert code == 0
    assert lines == [
        'content/needs/lukupiiri.yml:6:7: warning: description.fi: "040 123 4567" looks '
        "like a phone number. All text is published in the open catalogue: delete the number "
        "if it is a person's own, and give a role address as the contact (contact: email:).",
        "3 files checked: no errors, 1 warning.",
    ]


def test_name_in_role_is_not_called_a_pupil(tree: Path) -> None:
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Kiitos.")
    replace_in_need(tree, "fi: koulun kanslia,", "fi: rehtori Matti Meikäläinen,")
    code, lines = check_lines(tree)
    assert code == 0
    assert lines == [
        "content/needs/lukupiiri.yml:16:14: warning: contact.role.fi: the role seems to contain "
        'a person\'s name: "Matti Meikäläinen". The contact is a role, not a person: write only '
        'the role, such as "principal" or "school office".',
        "3 files checked: no errors, 1 warning.",
    ]


def test_free_mail_address_is_personal(tree: Path) -> None:
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Kiitos.")
    replace_in_need(tree, "email: kanslia@koivulaakso.example.fi", "email: matti1975@gmail.com")
    code, lines = check_lines(tree)
    assert code == 0
    assert lines == [
        'content/needs/lukupiiri.yml:15:10: warning: contact.email: "matti1975@gmail.com" '
        "looks like a personal address. Prefer a role address, such as the school office or "
        "a project mailbox.",
        "3 files checked: no errors, 1 warning.",
    ]


def test_phone_key_in_contact_is_an_error(tree: Path) -> None:
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Kiitos.")
    replace_in_need(tree, "  email: kanslia@", "  phone: 040 123 4567\n  email: kanslia@")
    code, lines = check_lines(tree)
    assert code == 1
    assert lines[0].startswith("content/needs/lukupiiri.yml:15:3: error: contact.phone: ")
    assert lines[0].endswith(
        'phone numbers are not published in the catalogue. Delete the field "phone" and '
        "give a role address under contact: email:."
    )


def test_image_requires_privacy_field(tree: Path) -> None:
    image = tree / "content" / "images" / "lukupeli.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    write(
        tree,
        "content/products/lukupeli.yml",
        """\
        title: {fi: Lukupeli, sv: Läsespel}
        summary: {fi: Peli lukemiseen., sv: Ett spel för läsning.}
        description: {fi: Kuvaus., sv: Beskrivning.}
        status: completed
        published: 2026-10-01
        company: oppikaari-oy
        image: images/lukupeli.png
        image_alt: {fi: Ruutukaappaus pelistä, sv: Skärmbild av spelet}
        """,
    )
    replace_in_need(tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Kiitos.")
    code, lines = check_lines(tree)
    assert code == 1
    assert lines == [
        "content/products/lukupeli.yml:7:8: error: image: the image also needs the field "
        "image_privacy.",
        "4 files checked: 1 error, 0 warnings. Fix the errors and run the check again.",
    ]

    path = tree / "content/products/lukupeli.yml"
    path.write_text(path.read_text("utf-8") + "image_privacy: no-identifiable-pupils\n", "utf-8")
    code, lines = check_lines(tree)
    assert code == 0
    assert lines == ["4 files checked: no errors, 0 warnings."]


def test_name_inside_a_word_is_not_a_name(tree: Path) -> None:
    """Emma and Matti begin these words, yet neither is written as a name of its own."""
    replace_in_need(
        tree, "Emma Espoo ei ole nimi, koska Espoo on paikka.", "Emmaus Espoo ja Mattila Espoo."
    )
    code, lines = check_lines(tree)
    assert code == 0
    assert lines == ["3 files checked: no errors, 0 warnings."]
