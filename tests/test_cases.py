"""Inputs that real catalogues got wrong, checked against a copy of the real content.

Each case file is placed in the folder of the kind whose fields it uses, beside the
real content, so that every other file is valid and each line printed belongs to the
case.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from generator.loader import parse_document
from tests.conftest import CASES, ROOT, run_kyky


def place(content: Path, case_file: str, folder: str, name: str) -> str:
    """Copy a case file into a kind folder and return its path as the check prints it."""
    target = content / folder / name
    shutil.copyfile(CASES / case_file, target)
    return f"{content}/{folder}/{name}"


def case_lines(content: Path, shown: str, language: str = "en") -> list[str]:
    result = run_kyky("check", "--lang", language, "--content", str(content))
    assert result.returncode == 1
    return [line for line in result.stdout.splitlines() if line.startswith(shown + ":")]


def test_duplicate_keys_one_error_each(content_tree: Path) -> None:
    shown = place(content_tree, "yaml-duplicate-keys/need.yml", "needs", "duplicates.yml")
    assert case_lines(content_tree, shown) == [
        f'{shown}:5:1: error: the field "district" is already on line 4. Merge the two into '
        "one or delete one of them.",
        f'{shown}:6:1: error: the field "title" is already on line 1. Merge the two into one '
        "or delete one of them.",
    ]


def test_alias_bomb_and_innocent_alias(content_tree: Path) -> None:
    bomb = place(content_tree, "yaml-alias-bomb/bomb.yml", "needs", "bomb.yml")
    innocent = place(content_tree, "yaml-alias-bomb/innocent-alias.yml", "needs", "alias.yml")
    # The expansion would be 9^8 items; one pass over the events must suffice.
    command = ["timeout", "20", sys.executable, "-m", "generator.cli", "check"]
    result = subprocess.run(
        [*command, "--lang", "fi", "--content", str(content_tree)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith(bomb)] == [
        f"{bomb}:2:4: virhe: ankkurit ja viittaukset (&a, *a) eivät ole sallittuja. Kirjoita "
        "arvo auki joka kohtaan, jossa sitä tarvitaan."
    ]
    assert [line for line in lines if line.startswith(innocent)] == [
        f"{innocent}:1:8: virhe: ankkurit ja viittaukset (&t, *t) eivät ole sallittuja. "
        "Kirjoita arvo auki joka kohtaan, jossa sitä tarvitaan."
    ]


def test_implicit_booleans_stay_text() -> None:
    text = (CASES / "yaml-implicit-booleans/need.yml").read_text("utf-8")
    document = parse_document(text, "need.yml")
    assert document.data["languages"] == ["fi", "sv", "no", "da"]
    assert document.data["summary"]["fi"] == "on"


def test_implicit_booleans_raise_no_error(content_tree: Path) -> None:
    shown = place(content_tree, "yaml-implicit-booleans/need.yml", "products", "kielet.yml")
    fields = [line.split(": ")[2] for line in case_lines(content_tree, shown)]
    # Only the fields the case leaves out are reported, never `languages` or `summary`.
    assert fields == ["description", "status", "published", "company"]


def test_one_mistake_one_error(content_tree: Path) -> None:
    idea = place(
        content_tree, "one-mistake-one-error/content/ideas/missing-field.yml", "ideas", "m.yml"
    )
    need = place(
        content_tree, "one-mistake-one-error/content/needs/bad-status.yml", "needs", "b.yml"
    )
    idea_fields = [line.split(": ")[2] for line in case_lines(content_tree, idea)]
    assert idea_fields == ["summary", "description", "status", "published", "company", "stage"]
    status_lines = [line for line in case_lines(content_tree, need) if ": status: " in line]
    assert status_lines == [
        f'{need}:4:9: error: status: "opne" is not an allowed value. The nearest allowed value '
        'is "open". Allowed values: open (Open), matched (Matched), in-co-development '
        "(In co-development), piloting (Piloting), completed (Completed), closed (Closed)."
    ]


def test_unknown_fields_in_product(content_tree: Path) -> None:
    shown = place(content_tree, "unknown-fields/idea.yml", "products", "kemia.yml")
    unknown = [line for line in case_lines(content_tree, shown, "sv") if "okänt fält" in line]
    assert unknown == [
        f'{shown}:4:1: fel: subjetcs: okänt fält "subjetcs". Menade du "subjects"?',
        f'{shown}:5:1: fel: beskrivning: okänt fält "beskrivning". Fältnamnen är på engelska: '
        '"beskrivning" är fältet "description", och dess svenska text skrivs under '
        "description: → sv:.",
        f'{shown}:6:1: fel: image_atl: okänt fält "image_atl". Menade du "image_alt"?',
    ]


def test_script_url_website_rejected(content_tree: Path) -> None:
    shown = place(content_tree, "script-urls/product.yml", "products", "kartta.yml")
    website = [line for line in case_lines(content_tree, shown) if ": website: " in line]
    assert website == [
        f'{shown}:4:10: error: website: " JaVaScRiPt:alert(1)" is not an http or https '
        "address. Write the whole address without spaces, such as https://www.example.fi/."
    ]


def test_unicode_file_names(content_tree: Path) -> None:
    subprocess.run(
        ["sh", str(CASES / "unicode-file-names/make_layout.sh"), str(content_tree.parent)],
        check=True,
    )
    result = run_kyky("check", "--lang", "en", "--content", str(content_tree))
    assert result.returncode == 1
    nfc = unicodedata.normalize("NFC", "etelä-espoo.yml")
    nfd = unicodedata.normalize("NFD", "etelä-espoo.yml")
    folder = f"{content_tree}/needs"
    naming = [line for line in result.stdout.splitlines() if "file name" in line]
    assert sorted(naming) == sorted(
        [
            f'{folder}/Reading-Club.yml:1:1: error: the file name "Reading-Club.yml" is not a '
            "valid id: it contains capital letters. Rename the file to reading-club.yml",
            f'{folder}/Reading-Club.yml:1:1: error: the file names "Reading-Club.yml", '
            '"reading-club.yml" are the same name when case and character encoding are '
            "ignored. They collide on Windows and Mac computers: keep only one of the files.",
            f'{folder}/{nfd}:1:1: error: the file name "{nfd}" is not a valid id: it may '
            "contain only the letters a–z, digits and hyphens (no ä, ö, å or spaces). Rename "
            "the file to etela-espoo.yml",
            f'{folder}/{nfc}:1:1: error: the file name "{nfc}" is not a valid id: it may '
            "contain only the letters a–z, digits and hyphens (no ä, ö, å or spaces). Rename "
            "the file to etela-espoo.yml",
            f'{folder}/{nfd}:1:1: error: the file names "{nfd}" (NFD), "{nfc}" are the same '
            "name when case and character encoding are ignored. They collide on Windows and "
            "Mac computers: keep only one of the files.",
        ]
    )
