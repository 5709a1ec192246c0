"""`kyky check` on small content trees: one mistake gives one exact error on the right line."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest
import yaml

from generator.catalogue import check
from tests.conftest import ROOT, run_kyky

SCHOOL = """\
kind: school
name: {fi: Koivulaakson koulu, sv: Björkdalens skola}
instruction_language: fi
levels: [perusopetus-1-6]
district: suur-leppavaara
"""
COMPANY = """\
kind: company
name: {fi: Oppikaari Oy, sv: Oppikaari Ab}
business_id: 0101263-6
"""
NEED = """\
title: {fi: Lukupiiri kolmosille, sv: Läscirkel för treor}
summary: {fi: Etsimme tapaa innostaa lukemaan., sv: Vi söker ett sätt att väcka läslust.}
description: {fi: Pidempi kuvaus., sv: En längre beskrivning.}
status: open
published: 2026-09-01
school: koivulaakson-koulu
levels: [perusopetus-1-6]
contact: {email: kanslia@koivulaakso.example.fi}
"""
IDEA = """\
title: {fi: Lukupeli, sv: Läsespel}
summary: {fi: Peli lukemiseen., sv: Ett spel för läsning.}
description: {fi: Kuvaus., sv: Beskrivning.}
status: open
published: 2026-09-10
company: oppikaari-oy
answers: [lukupiiri]
stage: prototype
"""
PRODUCT = """\
title: {fi: Lukupeli, sv: Läsespel}
summary: {fi: Peli lukemiseen., sv: Ett spel för läsning.}
description: {fi: Kuvaus., sv: Beskrivning.}
status: completed
published: 2026-10-01
company: oppikaari-oy
schools: [koivulaakson-koulu]
needs: [lukupiiri]
ideas: [lukupeli]
languages: [fi, sv, no, da]
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), "utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A valid catalogue of one of each kind, in tmp_path/content."""
    write(tmp_path, "content/organisations/koivulaakson-koulu.yml", SCHOOL)
    write(tmp_path, "content/organisations/oppikaari-oy.yml", COMPANY)
    write(tmp_path, "content/needs/lukupiiri.yml", NEED)
    write(tmp_path, "content/ideas/lukupeli.yml", IDEA)
    write(tmp_path, "content/products/lukupeli.yml", PRODUCT)
    return tmp_path


def check_lines(root: Path, *options: str) -> tuple[int, list[str]]:
    result = run_kyky("check", *options, cwd=root)
    return result.returncode, result.stdout.splitlines()


def test_valid_tree_passes(tree: Path) -> None:
    assert check_lines(tree) == (0, ["5 tiedostoa tarkistettu: ei virheitä, 0 varoitusta."])
    assert check_lines(tree, "--lang", "sv") == (
        0,
        ["5 filer kontrollerade: inga fel, 0 varningar."],
    )


def test_bad_status_one_error_with_nearest(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("status: open", "status: opne"))
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines == [
        'content/needs/lukupiiri.yml:4:9: error: status: "opne" is not an allowed value. '
        'The nearest allowed value is "open". Allowed values: open (Open), matched (Matched), '
        "in-co-development (In co-development), piloting (Piloting), completed (Completed), "
        "closed (Closed).",
        "5 files checked: 1 error, 0 warnings. Fix the errors and run the check again.",
    ]


def test_missing_fields_of_idea_only(tree: Path) -> None:
    write(tree, "content/ideas/lukupeli.yml", "title: {fi: Lukuharjoitus, sv: Läsövning}\n")
    write(tree, "content/products/lukupeli.yml", PRODUCT.replace("ideas: [lukupeli]\n", ""))
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    fields = [line.split(": ")[2] for line in lines[:-1]]
    assert fields == ["summary", "description", "status", "published", "company", "stage"]
    assert lines[0] == (
        "content/ideas/lukupeli.yml:1:1: error: summary: a required field is missing. "
        "Add it: one or two sentences shown in the listings."
    )


def test_unknown_fields_suggest(tree: Path) -> None:
    text = PRODUCT + "subjetcs: [kemia]\nbeskrivning: Ett spel.\nimage_atl: {fi: Kuva}\n"
    write(tree, "content/products/lukupeli.yml", text)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:3] == [
        'content/products/lukupeli.yml:11:1: error: subjetcs: unknown field "subjetcs". '
        'Did you mean "subjects"?',
        'content/products/lukupeli.yml:12:1: error: beskrivning: unknown field "beskrivning". '
        'Field names are in English: "beskrivning" is the field "description", and its Swedish '
        "text goes under description: → sv:.",
        'content/products/lukupeli.yml:13:1: error: image_atl: unknown field "image_atl". '
        'Did you mean "image_alt"?',
    ]


def test_language_suffix_moves_inside(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED + "summary_sv: Vi söker läslust.\n")
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[0] == (
        'content/needs/lukupiiri.yml:9:1: virhe: summary_sv: tuntematon kenttä "summary_sv". '
        "Kielet kirjoitetaan kentän sisään: siirrä teksti kohtaan summary: → sv:."
    )


def test_vocabulary_label_names_code(tree: Path) -> None:
    write(tree, "content/products/lukupeli.yml", PRODUCT + "subjects: [Kemi, maths]\n")
    code, lines = check_lines(tree, "--lang", "sv")
    assert code == 1
    assert lines[0] == (
        'content/products/lukupeli.yml:11:12: fel: subjects[1]: "Kemi" är namnet på värdet '
        '"kemia". Skriv koden: kemia'
    )
    assert lines[1].startswith(
        'content/products/lukupeli.yml:11:18: fel: subjects[2]: "maths" är inte ett tillåtet '
        'värde. Närmaste tillåtna värde är "matematiikka". Tillåtna värden: aidinkieli '
        "(Modersmål och litteratur), "
    )


def test_implicit_booleans_stay_text(tree: Path) -> None:
    from generator.catalogue import check

    text = NEED.replace(
        "summary: {fi: Etsimme tapaa innostaa lukemaan., sv: Vi söker ett sätt att väcka läslust.}",
        "summary:\n  fi: on\n  sv: Eleverna vill höra fler språk.",
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    result = check(str(tree / "content"))
    assert result.errors == 0
    need = result.catalogue.get("needs", "lukupiiri").entry
    product = result.catalogue.get("products", "lukupeli").entry
    assert need.summary.fi == "on"
    assert product.languages == ["fi", "sv", "no", "da"]


def test_website_scheme_rejected(tree: Path) -> None:
    write(tree, "content/products/lukupeli.yml", PRODUCT + 'website: " JaVaScRiPt:alert(1)"\n')
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[0] == (
        'content/products/lukupeli.yml:11:10: virhe: website: " JaVaScRiPt:alert(1)" ei ole '
        "http- tai https-osoite. Kirjoita koko osoite ilman välilyöntejä, esimerkiksi "
        "https://www.example.fi/."
    )


def test_symlinks_and_traversal_never_read(tree: Path) -> None:
    outside = tree / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not-a-real-secret-7f3a\n")
    content = tree / "content"
    (content / "needs" / "secret.yml").symlink_to("../../outside/secret.txt")
    (content / "products" / "outside").symlink_to("../../outside")
    (content / "needs" / "environ.yml").symlink_to("/proc/self/environ")
    image = "image: ../../outside/secret.txt\nimage_alt: {fi: Kuva, sv: Bild}\n"
    write(tree, "content/products/lukupeli.yml", PRODUCT + image)
    result = run_kyky("check", "--lang", "en", cwd=tree)
    assert result.returncode == 1
    assert "7f3a" not in result.stdout + result.stderr
    symlink_message = (
        "error: a symbolic link is not allowed in the content folder and is not read. "
        "Replace the link with a regular file."
    )
    lines = result.stdout.splitlines()
    assert f"content/needs/environ.yml:1:1: {symlink_message}" in lines
    assert f"content/needs/secret.yml:1:1: {symlink_message}" in lines
    assert f"content/products/outside:1:1: {symlink_message}" in lines
    assert (
        'content/products/lukupeli.yml:11:8: error: image: the path "../../outside/secret.txt" '
        "points outside the content folder. Give the path from the content folder without ../, "
        "such as images/app.png."
    ) in lines


def test_image_must_be_regular_file_inside(tree: Path) -> None:
    images = tree / "content" / "images"
    images.mkdir()
    (images / "real.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (images / "link.png").symlink_to("real.png")
    extra = (
        "image: images/link.png\nimage_alt: {fi: Kuva, sv: Bild}\nimage_privacy: guardian-consent\n"
    )
    write(tree, "content/products/lukupeli.yml", PRODUCT + extra)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:2] == [
        "content/images/link.png:1:1: error: a symbolic link is not allowed in the content "
        "folder and is not read. Replace the link with a regular file.",
        "content/products/lukupeli.yml:11:8: error: image: the image images/link.png was not "
        "found. Add it to the folder content/images or correct the path.",
    ]


def test_file_names_nfc_nfd_and_case(tree: Path) -> None:
    needs = tree / "content" / "needs"
    nfc = unicodedata.normalize("NFC", "etelä-espoo")
    nfd = unicodedata.normalize("NFD", "etelä-espoo")
    write(needs, f"{nfc}.yml", NEED)
    write(needs, f"{nfd}.yml", NEED)
    write(needs, "Lukupiiri.yml", NEED)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    letters = (
        "is not a valid id: it may contain only the letters a–z, digits and hyphens "
        "(no ä, ö, å or spaces). Rename the file to etela-espoo.yml"
    )
    collision = (
        "are the same name when case and character encoding are ignored. They collide on "
        "Windows and Mac computers: keep only one of the files."
    )
    assert sorted(lines[:-1]) == sorted(
        [
            'content/needs/Lukupiiri.yml:1:1: error: the file name "Lukupiiri.yml" is not a '
            "valid id: it contains capital letters. Rename the file to lukupiiri.yml",
            'content/needs/Lukupiiri.yml:1:1: error: the file names "Lukupiiri.yml", '
            f'"lukupiiri.yml" {collision}',
            f'content/needs/{nfd}.yml:1:1: error: the file name "{nfd}.yml" {letters}',
            f'content/needs/{nfc}.yml:1:1: error: the file name "{nfc}.yml" {letters}',
            f'content/needs/{nfd}.yml:1:1: error: the file names "{nfd}.yml" (NFD), '
            f'"{nfc}.yml" {collision}',
        ]
    )


def test_reserved_id_rejected(tree: Path) -> None:
    write(tree, "content/needs/aste.yml", NEED)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[0] == (
        'content/needs/aste.yml:1:1: error: the id "aste" is reserved for the site\'s listing '
        "pages. Choose another file name, such as aste-1.yml"
    )


def test_references_resolve_with_nearest(tree: Path) -> None:
    write(tree, "content/ideas/lukupeli.yml", IDEA.replace("[lukupiiri]", "[lukupiri]"))
    write(
        tree, "content/products/lukupeli.yml", PRODUCT.replace("oppikaari-oy", "koivulaakson-koulu")
    )
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:2] == [
        'content/ideas/lukupeli.yml:7:11: error: answers[1]: the id "lukupiri" is not in the '
        'folder needs. Did you mean "lukupiiri"?',
        'content/products/lukupeli.yml:6:10: error: company: "koivulaakson-koulu" is an '
        "organisation of the kind school; this field needs company / community / research.",
    ]


def test_competences_outside_basic_education(tree: Path) -> None:
    text = NEED.replace("levels: [perusopetus-1-6]", "levels: [lukio]") + "competences: [L4]\n"
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 0
    assert lines[0] == (
        "content/needs/lukupiiri.yml:9:14: warning: competences: the transversal competences "
        "L1–L7 belong to the core curricula of pre-primary and basic education, but the "
        "entry's levels include neither. Delete the field competences or correct the levels."
    )


def test_label_needs_school(tree: Path) -> None:
    text = PRODUCT.replace("schools: [koivulaakson-koulu]\n", "") + "label_granted: 2026-11-01\n"
    write(tree, "content/products/lukupeli.yml", text)
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[0] == (
        "content/products/lukupeli.yml:10:16: virhe: label_granted: tuotteelle on merkitty "
        "Kehitetty yhdessä Espoon koulujen kanssa -merkki, mutta yhtään koulua ei ole nimetty. "
        "Lisää kenttään schools vähintään yksi koulu."
    )


def test_dates_in_order(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED + "valid_until: 2026-08-01\n")
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[0] == (
        "content/needs/lukupiiri.yml:9:14: error: valid_until: the date 2026-08-01 is earlier "
        "than published (2026-09-01). Put the dates in order."
    )


def test_dotted_date_gets_iso_suggestion(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("2026-09-01", "1.9.2026"))
    code, lines = check_lines(tree, "--lang", "sv")
    assert code == 1
    assert lines[0] == (
        "content/needs/lukupiiri.yml:5:12: fel: published: datum skrivs i formen ÅÅÅÅ-MM-DD. "
        'Skriv "1.9.2026" som 2026-09-01'
    )


def test_short_dates_get_padded_form(tree: Path) -> None:
    text = NEED.replace("2026-09-01", "2027-1-15") + "valid_until: 15.1.2027\n"
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/lukupiiri.yml:5:12: virhe: published: päivämäärä kirjoitetaan muodossa "
        'VVVV-KK-PP. Kirjoita "2027-1-15" muotoon 2027-01-15',
        "content/needs/lukupiiri.yml:9:14: virhe: valid_until: päivämäärä kirjoitetaan "
        'muodossa VVVV-KK-PP. Kirjoita "15.1.2027" muotoon 2027-01-15',
    ]


def test_day_first_date_with_slashes(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED + "valid_until: 31/05/2027\n")
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/lukupiiri.yml:9:14: virhe: valid_until: päivämäärä kirjoitetaan "
        'muodossa VVVV-KK-PP. Kirjoita "31/05/2027" muotoon 2027-05-31',
    ]


def test_impossible_date_gets_generic_message(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("2026-09-01", "2027-2-30"))
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        'content/needs/lukupiiri.yml:5:12: error: published: "2027-2-30" is not a date. '
        "Write the date as YYYY-MM-DD, such as 2026-08-15."
    ]


def test_grade_range_in_list_spelled_out(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED + "grades: [5-6]\n")
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[:-1] == [
        'content/needs/lukupiiri.yml:9:10: virhe: grades[1]: "5-6" on vuosiluokkien väli, '
        "mutta vuosiluokat luetellaan yksitellen numeroina. Kirjoita grades: [5, 6]"
    ]


def test_grade_range_without_brackets(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED + "grades: 7-9\n")
    code, lines = check_lines(tree, "--lang", "sv")
    assert code == 1
    assert lines[:-1] == [
        'content/needs/lukupiiri.yml:9:9: fel: grades: "7-9" är ett intervall av årskurser, '
        "men årskurserna räknas upp en och en som tal. Skriv grades: [7, 8, 9]"
    ]


def test_grade_range_among_grades_sought(tree: Path) -> None:
    write(tree, "content/ideas/lukupeli.yml", IDEA + "seeks: {grades: [1, 3–4]}\n")
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        'content/ideas/lukupeli.yml:9:21: error: seeks.grades[2]: "3–4" is a range of '
        "grades, but grades are listed one by one as numbers. Write grades: [1, 3, 4]"
    ]


def test_invalid_school_id_suggests_existing(tree: Path) -> None:
    text = NEED.replace("school: koivulaakson-koulu", "school: koivulaakson-koulu-ä")
    write(tree, "content/needs/lukupiiri.yml", text)
    expected = {
        "fi": 'virhe: school: "koivulaakson-koulu-ä" ei ole kelvollinen tunnus: tunnuksessa '
        "saa olla vain kirjaimia a–z, numeroita ja yhdysmerkkejä. Tarkoititko kansion "
        'organisations tunnusta "koivulaakson-koulu"?',
        "sv": 'fel: school: "koivulaakson-koulu-ä" är inte ett giltigt id: ett id får bara '
        'innehålla bokstäverna a–z, siffror och bindestreck. Menade du id:t "koivulaakson-koulu" '
        "i mappen organisations?",
        "en": 'error: school: "koivulaakson-koulu-ä" is not a valid id: an id may contain only '
        'the letters a–z, digits and hyphens. Did you mean the id "koivulaakson-koulu" in the '
        "folder organisations?",
    }
    for language, text in expected.items():
        code, lines = check_lines(tree, "--lang", language)
        assert code == 1
        assert lines[:-1] == [f"content/needs/lukupiiri.yml:6:9: {text}"]


def test_invalid_id_without_near_entry_keeps_rule(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("koivulaakson-koulu", "Yläkoulu"))
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        'content/needs/lukupiiri.yml:6:9: error: school: "Yläkoulu" is not a valid id: an id '
        "may contain only the letters a–z, digits and hyphens. The id is the file name without "
        ".yml, such as ylakoulu"
    ]


def test_missing_school_suggests_a_school(tree: Path) -> None:
    # The company's id is nearer to the value, but a need's school must be a school.
    write(tree, "content/organisations/koivulaakso-oy.yml", COMPANY)
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("koivulaakson-koulu", "koivulaakso"))
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        'content/needs/lukupiiri.yml:6:9: error: school: the id "koivulaakso" is not in the '
        'folder organisations. Did you mean "koivulaakson-koulu"?'
    ]


def test_need_in_ideas_folder_one_error(tree: Path) -> None:
    write(tree, "content/ideas/lukupiiri-2.yml", NEED + "grades: [3]\n")
    expected = {
        "fi": "virhe: tiedosto näyttää kehittämistarpeelta, koska siinä on kenttiä, joita on "
        "vain sen lajin merkinnöissä: school, grades. Siirrä tiedosto kansioon content/needs/.",
        "sv": "fel: filen ser ut som ett utvecklingsbehov, eftersom den har fält som bara finns "
        "i den typen av post: school, grades. Flytta filen till mappen content/needs/.",
        "en": "error: the file looks like a development need, because it has fields that only "
        "that kind of entry has: school, grades. Move the file to the folder content/needs/.",
    }
    for language, text in expected.items():
        code, lines = check_lines(tree, "--lang", language)
        assert code == 1
        assert lines[:-1] == [f"content/ideas/lukupiiri-2.yml:6:1: {text}"]


def test_organisation_in_products_folder(tree: Path) -> None:
    write(tree, "content/products/oppikaari.yml", COMPANY)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        "content/products/oppikaari.yml:1:1: error: the file looks like an organisation, "
        "because it has fields that only that kind of entry has: kind, name, business_id. "
        "Move the file to the folder content/organisations/."
    ]


def test_idea_with_need_field_stays_idea(tree: Path) -> None:
    write(tree, "content/ideas/lukupeli.yml", IDEA + "school: koivulaakson-koulu\n")
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        'content/ideas/lukupeli.yml:9:1: error: school: unknown field "school". The fields '
        "allowed here: title, summary, description, status, published, updated, valid_until, "
        "levels, subjects, competences, themes, previous_ids, example, company, answers, seeks, "
        "stage, contact."
    ]


def test_dedented_language_key_on_its_line(tree: Path) -> None:
    text = NEED.replace(
        "title: {fi: Lukupiiri kolmosille, sv: Läscirkel för treor}",
        "title:\n  fi: Lukupiiri kolmosille\nsv: Läscirkel för treor",
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    expected = {
        "fi": 'virhe: sv: kenttä "sv" on sisennetty vähemmän kuin rivin 2 kenttä "fi", joten '
        "YAML ei lue sitä osaksi ryhmää title. Sisennä se samoin kuin rivi 2: 2 välilyöntiä "
        "rivin alkuun.",
        "sv": 'fel: sv: fältet "sv" är mindre indraget än fältet "fi" på rad 2, så YAML läser '
        "det inte som en del av gruppen title. Dra in det som rad 2: 2 mellanslag i början av "
        "raden.",
        "en": 'error: sv: the field "sv" is indented less than the field "fi" on line 2, so YAML '
        "does not read it as part of the group title. Indent it like line 2: 2 spaces at the "
        "start of the line.",
    }
    for language, message in expected.items():
        code, lines = check_lines(tree, "--lang", language)
        assert code == 1
        assert lines[:-1] == [f"content/needs/lukupiiri.yml:3:1: {message}"]


def test_dedented_email_not_also_missing(tree: Path) -> None:
    text = NEED.replace(
        "contact: {email: kanslia@koivulaakso.example.fi}",
        "contact:\n  role:\n    fi: rehtori\nemail: kanslia@koivulaakso.example.fi",
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[:-1] == [
        'content/needs/lukupiiri.yml:11:1: virhe: email: kenttä "email" on sisennetty vähemmän '
        'kuin rivin 9 kenttä "role", joten YAML ei lue sitä osaksi ryhmää contact. Sisennä se '
        "samoin kuin rivi 9: 2 välilyöntiä rivin alkuun."
    ]


def test_business_id_check_digit(tree: Path) -> None:
    write(tree, "content/organisations/oppikaari-oy.yml", COMPANY.replace("0101263-6", "0101263-5"))
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[0] == (
        "content/organisations/oppikaari-oy.yml:3:14: virhe: business_id: Y-tunnuksen "
        '"0101263-5" tarkistusnumero ei täsmää. Tarkista tunnus yritys- ja '
        "yhteisötietojärjestelmästä (YTJ)."
    )


def test_missing_translation_one_warning(tree: Path) -> None:
    text = NEED.replace(", sv: Läscirkel för treor", "").replace(", sv: En längre beskrivning.", "")
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "sv")
    assert code == 0
    assert lines == [
        "content/needs/lukupiiri.yml:1:8: varning: fälten title, description saknar text på "
        "svenska. Sidan visar texten på det andra språket i stället; lägg till översättningen "
        "under sv:.",
        "5 filer kontrollerade: inga fel, 1 varning.",
    ]


def test_missing_translation_of_one_field(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED.replace(", sv: Läscirkel för treor", ""))
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 0
    assert lines == [
        "content/needs/lukupiiri.yml:1:8: varoitus: kentästä title puuttuu teksti ruotsiksi. "
        "Sivulla näytetään sen kohdalla toisen kielen teksti; lisää käännös kohtaan sv:.",
        "5 tiedostoa tarkistettu: ei virheitä, 1 varoitus.",
    ]


def test_github_annotations(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("status: open", "status: opne"))
    code, lines = check_lines(tree, "--lang", "en", "--format", "github")
    assert code == 1
    assert lines[1].startswith(
        "::error file=content/needs/lukupiiri.yml,line=4,col=9,title=KYKY-tori%3A status::"
        'status: "opne" is not an allowed value.'
    )


def test_cli_usage_error_exit_two(tree: Path) -> None:
    result = run_kyky("check", "--lang", "de", cwd=tree)
    assert result.returncode == 2
    assert "invalid choice: 'de'" in result.stderr


def test_missing_content_folder(tmp_path: Path) -> None:
    code, lines = check_lines(tmp_path, "--lang", "en")
    assert code == 1
    assert lines[0] == (
        "content:1:1: error: the content folder content was not found. Run the command in the "
        "catalogue's root folder or give the folder with --content."
    )


def test_real_content_passes() -> None:
    kinds = ("needs", "ideas", "products", "organisations")
    files = sum(1 for kind in kinds for _ in (Path("content") / kind).glob("*.yml"))
    files += sum(1 for _ in Path("content/removed").glob("*/*.yml"))
    result = run_kyky("check", "--lang", "en")
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith(f"{files} files checked: no errors, ")


def test_real_content_one_mistake_one_error(content_tree: Path) -> None:
    # The need is referenced by ideas, a product, a tombstone and the address register:
    # none of them may repeat its mistake.
    need = content_tree / "needs" / "valitunnin-liikuntaleikit.yml"
    need.write_text(need.read_text("utf-8").replace("status: piloting", "status: opne"), "utf-8")
    result = run_kyky("check", "--lang", "en", "--content", str(content_tree))
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 1
    assert errors[0].startswith(f"{content_tree}/needs/valitunnin-liikuntaleikit.yml:")
    assert ': error: status: "opne" is not an allowed value.' in errors[0]


def test_hash_in_text_cuts_it(tree: Path) -> None:
    text = NEED.replace(
        "title: {fi: Lukupiiri kolmosille, sv: Läscirkel för treor}",
        "title:\n  fi: Luokat #1 ja #2 lukevat\n  sv: Läscirkel för treor",
    ).replace("status: open", "status: open  # a comment on a code is fine")
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/lukupiiri.yml:2:7: virhe: title.fi: rivillä on tekstin jälkeen "
        "välilyönti ja #-merkki, joten YAML lukee loput rivistä kommentiksi ja teksti päättyy "
        'sanoihin "Luokat". Jos #-merkki kuuluu tekstiin, kirjoita koko teksti '
        "lainausmerkkeihin; jos se on kommentti, siirrä se omalle rivilleen."
    ]


def test_text_starting_with_hash_is_empty(tree: Path) -> None:
    text = NEED.replace(
        "title: {fi: Lukupiiri kolmosille, sv: Läscirkel för treor}",
        "title:\n  fi: Lukupiiri kolmosille\n  sv: #1 läslust",
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/lukupiiri.yml:3:6: virhe: title.sv: teksti alkaa #-merkillä, jonka "
        "edessä on välilyönti, joten YAML lukee koko tekstin kommentiksi ja kenttä jää "
        'tyhjäksi. Kirjoita teksti lainausmerkkeihin, esimerkiksi sv: "#1 teksti".'
    ]


def test_text_after_quoted_value(tree: Path) -> None:
    text = NEED.replace(
        "title: {fi: Lukupiiri kolmosille, sv: Läscirkel för treor}",
        'title:\n  fi: "Lukeminen on kivaa" sanoo oppilas\n  sv: Läscirkel för treor',
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/lukupiiri.yml:2:28: error: there is text after a value that ends with "
        "a quote: YAML reads a value that starts with a quote up to the closing quote and then "
        "expects a new field. If the quotes belong to the text, put the whole text in the other "
        "kind of quotes, for example fi: '\"Lukeminen on kivaa\" sanoo oppilas', or write | "
        "and the text indented on the next line."
    ]


def test_links_and_html_the_page_drops(tree: Path) -> None:
    text = NEED.replace(
        "description: {fi: Pidempi kuvaus., sv: En längre beskrivning.}",
        "description:\n  fi: |\n    Katso [koulun sivu](www.espoo.fi/koulu) ja "
        "[klikkaa](javascript:alert(1)).\n\n    <b>Tärkeä</b> [ok](https://espoo.fi)\n"
        "  sv: En längre beskrivning.",
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 0
    assert lines == [
        "content/needs/lukupiiri.yml:4:7: warning: description.fi: the link address "
        '"javascript:alert(1)" is removed from the page, because only https://, http:// and '
        "mailto: addresses are allowed. Write a web or e-mail address instead.",
        "content/needs/lukupiiri.yml:4:7: warning: description.fi: the link address "
        '"www.espoo.fi/koulu" does not start with https://, so the link leads not to another '
        "site but to a KYKY-tori page that does not exist. Write the whole address, for "
        "example https://www.espoo.fi/koulu.",
        "content/needs/lukupiiri.yml:4:7: warning: description.fi: the text contains the HTML "
        'tag "<b>", which the page shows as text. Format the text with Markdown: **bold**, '
        "[link text](https://address) and list lines starting with -.",
        "5 files checked: no errors, 3 warnings.",
    ]


def test_dash_after_key(tree: Path) -> None:
    text = NEED.replace(
        "title: {fi: Lukupiiri kolmosille, sv: Läscirkel för treor}",
        "title:\n  fi: - lukupiiri\n  sv: Läscirkel för treor",
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "sv")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/lukupiiri.yml:2:7: fel: värdet börjar med ett streck och ett mellanslag, "
        "som YAML läser som en listpunkt, och en lista kan inte börja efter fältnamnet på samma "
        'rad. Om strecket hör till texten, skriv texten inom citattecken, till exempel sv: "- '
        'text"; om det är en lista, skriv varje punkt på en egen rad indragen under fältet.'
    ]


def test_no_break_space_after_colon(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("status: open", "status:\u00a0open"))
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/lukupiiri.yml:4:8: error: the line contains a no-break space (common in "
        "text copied from a word processor), which YAML does not read as a space, so the field "
        "name and its value run together. Type the space here again as an ordinary space."
    ]


def test_folded_description_loses_paragraphs(tree: Path) -> None:
    text = NEED.replace(
        "description: {fi: Pidempi kuvaus., sv: En längre beskrivning.}",
        "description:\n  fi: Ensimmäinen kappale.\n\n    Etsimme ratkaisua, joka\n\n"
        "    - toimii ulkona\n    - on halpa\n  sv: |\n    Första stycket.\n\n    Andra.",
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/lukupiiri.yml:4:7: error: description.fi: the description runs over "
        "several lines without a |, so YAML joins its lines and the paragraphs and lists are "
        "lost. Write fi: | with the text indented below it."
    ]


def test_translated_key_replaces_missing_error(tree: Path) -> None:
    text = NEED.replace("title: {fi: Lukupiiri", "otsikko: {fi: Lukupiiri")
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[:-1] == [
        'content/needs/lukupiiri.yml:1:1: virhe: otsikko: tuntematon kenttä "otsikko". '
        'Kenttien nimet ovat englanniksi: "otsikko" on kenttä "title", ja sen suomenkielinen '
        "teksti kirjoitetaan kohtaan title: → fi:."
    ]


def test_vocabulary_case_and_single_value(tree: Path) -> None:
    text = NEED.replace("status: open", "status: Open").replace(
        "levels: [perusopetus-1-6]", "levels: perusopetus-1-6"
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[:-1] == [
        'content/needs/lukupiiri.yml:4:9: virhe: status: "Open" on melkein oikein. Kirjoita '
        "arvo täsmälleen muodossa open",
        "content/needs/lukupiiri.yml:7:9: virhe: levels: tähän kuuluu luettelo, myös kun arvoja "
        "on vain yksi. Kirjoita arvo hakasulkeisiin: [perusopetus-1-6]",
    ]


# --- Limits: title length and publication date -------------------------------------------

LONG_TITLE = "Lukupiiri " * 12 + "x"  # 121 characters


def test_long_title_warns(tree: Path) -> None:
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("Lukupiiri kolmosille", LONG_TITLE))
    assert check_lines(tree, "--lang", "en") == (
        0,
        [
            "content/needs/lukupiiri.yml:1:13: warning: title.fi: the text is 121 characters "
            "long, more than the recommended 120: a long title or name is hard to read in "
            "listings. Shorten it and move the details to the description.",
            "5 files checked: no errors, 1 warning.",
        ],
    )


def test_title_of_120_characters_passes(tree: Path) -> None:
    title = LONG_TITLE[:120]
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("Lukupiiri kolmosille", title))
    assert check_lines(tree, "--lang", "en") == (
        0,
        ["5 files checked: no errors, 0 warnings."],
    )


def test_huge_title_is_error(tree: Path) -> None:
    text = NEED.replace("Lukupiiri kolmosille", "a" * 10_000).replace(
        "Läscirkel för treor", "b" * 301
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "sv")
    assert code == 1
    assert lines == [
        "content/needs/lukupiiri.yml:1:13: fel: title.fi: texten är 10000 tecken lång, men en "
        "rubrik eller ett namn får vara högst 300 tecken. Korta av den och flytta detaljerna "
        "till beskrivningen.",
        "content/needs/lukupiiri.yml:1:10019: fel: title.sv: texten är 301 tecken lång, men en "
        "rubrik eller ett namn får vara högst 300 tecken. Korta av den och flytta detaljerna "
        "till beskrivningen.",
        "5 filer kontrollerade: 2 fel, 0 varningar. Rätta felen och kör kontrollen igen.",
    ]


def test_long_organisation_name_warns(tree: Path) -> None:
    name = " ".join(["Koivulaakson koulu"] * 7)  # 132 characters
    write(
        tree,
        "content/organisations/koivulaakson-koulu.yml",
        SCHOOL.replace("Koivulaakson koulu", name),
    )
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 0
    assert lines == [
        "content/organisations/koivulaakson-koulu.yml:2:12: varoitus: name.fi: teksti on 132 "
        "merkkiä pitkä, yli suositellun 120 merkin: pitkää otsikkoa tai nimeä on vaikea lukea "
        "listauksista. Lyhennä sitä ja siirrä yksityiskohdat kuvaukseen.",
        "5 tiedostoa tarkistettu: ei virheitä, 1 varoitus.",
    ]


def test_future_publication_warns(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KYKY_TODAY", "2026-12-04")
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("2026-09-01", "2026-12-05"))
    assert check_lines(tree, "--lang", "en") == (
        0,
        [
            "content/needs/lukupiiri.yml:5:12: warning: published: the publication date "
            "2026-12-05 is later than today (2026-12-04). Check the date: write the day the "
            "entry is published, as YYYY-MM-DD.",
            "5 files checked: no errors, 1 warning.",
        ],
    )
    write(tree, "content/needs/lukupiiri.yml", NEED.replace("2026-09-01", "2026-12-04"))
    assert check_lines(tree, "--lang", "en") == (
        0,
        ["5 files checked: no errors, 0 warnings."],
    )


# --- kyky build: the MkDocs configuration file --------------------------------------------


def test_build_config_missing(tree: Path) -> None:
    for language, expected in (
        (
            "en",
            "The MkDocs configuration file was not found: puuttuu.yml. Run the command in the "
            "catalogue's root folder, or give the file with --config.\n",
        ),
        (
            "fi",
            "MkDocs-asetustiedostoa ei löydy: puuttuu.yml. Aja komento luettelon juurikansiossa "
            "tai anna tiedosto valinnalla --config.\n",
        ),
    ):
        result = run_kyky("build", "--config", "puuttuu.yml", "--lang", language, cwd=tree)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", expected)
    assert not (tree / "site").exists()


def canonical(site: Path) -> str:
    page = (site / "index.html").read_text("utf-8")
    return page.split('<link rel="canonical" href="', 1)[1].split('"', 1)[0]


def test_build_from_folder_without_config(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's mkdocs.yml is used when the current folder has none."""
    monkeypatch.delenv("KYKY_SITE_URL", raising=False)
    assert not (tree / "mkdocs.yml").exists()
    result = run_kyky("build", "--site-dir", "site", cwd=tree)
    assert (result.returncode, result.stderr) == (0, "")
    repository = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert canonical(tree / "site") == repository["site_url"]


def test_build_prefers_config_in_current_folder(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KYKY_SITE_URL", raising=False)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    site_url = yaml.safe_load(config)["site_url"]
    (tree / "mkdocs.yml").write_text(config.replace(site_url, "https://kyky.example/"), "utf-8")
    result = run_kyky("build", "--site-dir", "site", cwd=tree)
    assert (result.returncode, result.stderr) == (0, "")
    assert canonical(tree / "site") == "https://kyky.example/"


def test_entry_with_wrong_suffix_gets_name(tree: Path) -> None:
    write(tree, "content/needs/liikunta.YML", NEED)
    write(tree, "content/needs/piha.yml.txt", NEED)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/liikunta.YML:1:1: error: an entry's file name must end in .yml. "
        "Rename the file to liikunta.yml",
        "content/needs/piha.yml.txt:1:1: error: an entry's file name must end in .yml. "
        "Rename the file to piha.yml",
    ]


def test_field_name_value_mistakes(tree: Path) -> None:
    text = (
        NEED.replace("status: open", "tila: open")
        .replace("levels: [perusopetus-1-6]", "levels: alakoulu, esiopetus")
        .replace("published: 2026-09-01", "published: 2026-09-01\ngrades:")
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "fi")
    assert code == 1
    assert lines[:-1] == [
        'content/needs/lukupiiri.yml:4:1: virhe: tila: tuntematon kenttä "tila". Kenttien '
        "nimet ovat englanniksi: kirjoita status:",
        "content/needs/lukupiiri.yml:6:8: virhe: grades: kenttä on tyhjä. Kirjoita arvo "
        "kaksoispisteen perään tai poista kenttä, jos se ei ole pakollinen.",
        "content/needs/lukupiiri.yml:8:9: virhe: levels: tähän kuuluu luettelo. Kirjoita arvot "
        "hakasulkeisiin: [alakoulu, esiopetus]",
    ]


def test_status_list_and_everyday_level(tree: Path) -> None:
    text = NEED.replace("status: open", "status: [open]").replace(
        "levels: [perusopetus-1-6]", "levels: [alakoulu]"
    )
    write(tree, "content/needs/lukupiiri.yml", text)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines[:-1] == [
        "content/needs/lukupiiri.yml:4:9: error: status: a single value is expected here, not "
        "a list or sub-fields. Write the value on the same line after the field name.",
        'content/needs/lukupiiri.yml:7:10: error: levels[1]: "alakoulu" is the name of the '
        'value "perusopetus-1-6". Write the code: perusopetus-1-6',
    ]


def test_broken_pipe_ends_quietly(tree: Path) -> None:
    # More output than a pipe buffers (64 KiB on Linux), so the write after `head`
    # exits really fails.
    for number in range(400):
        write(tree, f"content/needs/n{number}.yml", NEED.replace("status: open", "status: opne"))
    result = subprocess.run(
        f"{sys.executable} -m generator.cli check --content {tree / 'content'} | head -c 1",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr


def test_invalid_email_reported_in_every_file(tree: Path) -> None:
    """Each address is validated once; a wrong one is still reported wherever it is."""
    need = NEED.replace("kanslia@koivulaakso.example.fi", "kanslia(at)koivulaakso.fi")
    write(tree, "content/needs/lukupiiri.yml", need)
    write(tree, "content/needs/lukupiiri-2.yml", need)
    code, lines = check_lines(tree, "--lang", "en")
    assert code == 1
    assert lines == [
        'content/needs/lukupiiri-2.yml:8:18: error: contact.email: "kanslia(at)koivulaakso.fi" '
        "is not a valid e-mail address. Write it as office@school.example.fi.",
        'content/needs/lukupiiri.yml:8:18: error: contact.email: "kanslia(at)koivulaakso.fi" '
        "is not a valid e-mail address. Write it as office@school.example.fi.",
        "6 files checked: 2 errors, 0 warnings. Fix the errors and run the check again.",
    ]


def test_check_leaves_the_collector_as_it_found_it(tree: Path) -> None:
    assert gc.isenabled()
    check(str(tree / "content"))
    assert gc.isenabled()
    gc.disable()
    try:
        check(str(tree / "content"))
        assert not gc.isenabled()
    finally:
        gc.enable()
