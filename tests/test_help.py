"""`kyky --help` and the help of each command, in Finnish, Swedish and English."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generator.cli import help_language
from tests.conftest import ROOT


def help_output(*arguments: str, **environment: str) -> str:
    """Run the real `kyky` with only the given locale variables set, 100 columns wide."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
    }
    env.update(COLUMNS="100", **environment)
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout


CHECK_HELP_FI = """\
käyttö: kyky check [-h] [--lang {fi,sv,en}] [--content CONTENT] [--format {text,github}]
                   [--summary FILE]

tarkista jokainen tiedosto kansiossa content/

valinnat:
  -h, --help            näytä tämä ohje ja lopeta
  --lang {fi,sv,en}     viestien kieli: fi (oletus), sv tai en
  --content CONTENT     luettava sisältökansio (oletus: content)
  --format {text,github}
                        text: yksi rivi kustakin ongelmasta; github: lisäksi GitHub Actionsin
                        huomautukset
  --summary FILE        kirjoita tulos lisäksi Markdownina suomeksi ja ruotsiksi tiedoston FILE
                        loppuun
"""

KYKY_HELP_SV = """\
användning: kyky [-h] {check,build,addresses,new,schemas,forms,from-issue,docs} ...

Kontrollera KYKY-torgets katalog och bygg dess webbplats.

argument:
  {check,build,addresses,new,schemas,forms,from-issue,docs}
    check               kontrollera varje fil i mappen content/
    build               bygg webbplatsen i mappen site/
    addresses           jämför content/addresses.txt med de publicerade adresserna
    new                 skriv en mall med förklarade fält för en ny post
    schemas             skriv JSON-schemat för varje typ
    forms               skriv GitHubs issue-formulär
    from-issue          gör en fil av ett inskickat issue-formulär
    docs                uppdatera fältbeskrivningarna i anvisningarna

alternativ:
  -h, --help            visa den här hjälpen och avsluta

Hjälpens språk väljs med alternativet --lang eller med miljövariabeln LC_ALL, LC_MESSAGES eller
LANG (fi, sv eller en). Standard är finska.
"""

NEW_HELP_EN = """\
usage: kyky new [-h] --title TITLE [--lang {fi,sv}] [--content CONTENT]
                {need,idea,product,organisation}

write a commented starter file for a new entry

positional arguments:
  {need,idea,product,organisation}
                        the kind of entry

options:
  -h, --help            show this help message and exit
  --title TITLE         title, or name of an organisation
  --lang {fi,sv}        language of the comments: fi (default) or sv
  --content CONTENT     content folder (default: content)
"""


def test_check_help_finnish_by_default() -> None:
    assert help_output("check", "--help") == CHECK_HELP_FI
    assert help_output("check", "--help", LANG="C.UTF-8") == CHECK_HELP_FI


def test_kyky_help_swedish_from_lang_variable() -> None:
    assert help_output("--help", LANG="sv_FI.UTF-8") == KYKY_HELP_SV


def test_lang_option_chooses_help_language() -> None:
    assert help_output("new", "-h", "--lang=en", LANG="sv_FI.UTF-8") == NEW_HELP_EN
    assert help_output("check", "--lang", "fi", "-h", LC_ALL="sv_FI.UTF-8") == CHECK_HELP_FI


@pytest.mark.parametrize(
    ("argv", "environment", "expected"),
    [
        ([], {}, "fi"),
        (["check", "--lang", "sv"], {"LANG": "en_GB.UTF-8"}, "sv"),
        (["check", "--lang=en"], {}, "en"),
        # An invalid --lang is argparse's to reject; the help follows the environment.
        (["check", "--lang", "de"], {"LANG": "sv_SE.UTF-8"}, "sv"),
        (["--help"], {"LANG": "sv_FI.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        (["--help"], {"LANG": "sv_FI.UTF-8", "LC_ALL": "fi_FI.UTF-8"}, "fi"),
        (["--help"], {"LC_ALL": "de_DE.UTF-8", "LANG": "sv_FI.UTF-8"}, "fi"),
        (["--help"], {"LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),
        (["--help"], {"LANG": "C"}, "fi"),
    ],
)
def test_help_language_choice(argv: list[str], environment: dict[str, str], expected: str) -> None:
    assert help_language(argv, environment) == expected
