"""The YAML loader: text stays text, and YAML's traps become exact errors."""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.loader import (
    MAX_FILE_BYTES,
    Document,
    LoadError,
    load_document,
    parse_document,
    read_events,
    read_nodes,
    split_lines,
)
from generator.problems import format_problem
from tests.benchmarks.synthesize import synthesize


def errors_of(text: str, language: str = "en") -> list[str]:
    with pytest.raises(LoadError) as caught:
        parse_document(textwrap.dedent(text), "content/needs/x.yml")
    return [format_problem(problem, language) for problem in caught.value.problems]


def test_plain_scalars_stay_text() -> None:
    document = parse_document(
        "summary: {fi: on, sv: 'no'}\nlanguages: [fi, sv, no, da, yes, off, y, n]\n"
        "code: 012\nratio: 1.10\ntime: 1:20\nday: 2026-01-15\nempty:\ntilde: ~\n",
        "content/needs/x.yml",
    )
    assert document.data == {
        "summary": {"fi": "on", "sv": "no"},
        "languages": ["fi", "sv", "no", "da", "yes", "off", "y", "n"],
        "code": "012",
        "ratio": "1.10",
        "time": "1:20",
        "day": "2026-01-15",
        "empty": None,
        "tilde": None,
    }


def test_positions_of_values_and_keys() -> None:
    document = parse_document("title:\n  fi: Otsikko\nlevels: [lukio, esiopetus]\n", "x.yml")
    assert document.position(("title", "fi")).line == 2
    assert document.position(("title", "fi")).column == 7
    assert document.position(("levels", 1)).line == 3
    assert document.position(("levels", 1)).column == 17
    assert document.position(("title",), of_key=True).column == 1
    assert document.position(("missing", "deeper")).line == 1


def test_duplicate_keys_name_both_lines() -> None:
    text = """\
        title:
          fi: Lukemisen ilo alakouluun
          sv: Läsglädje i lågstadiet
        school: kuusikallion-koulu
        school: solbacka-skola
        title:
          fi: Lukemisen ilo
        """
    assert errors_of(text) == [
        'content/needs/x.yml:5:1: error: the field "school" is already on line 4. '
        "Merge the two into one or delete one of them.",
        'content/needs/x.yml:6:1: error: the field "title" is already on line 1. '
        "Merge the two into one or delete one of them.",
    ]


def test_alias_is_one_error_at_first_anchor() -> None:
    text = """\
        title: &t
          fi: Kestävä kehitys kotitaloudessa
        summary: *t
        """
    assert errors_of(text, "fi") == [
        "content/needs/x.yml:1:8: virhe: ankkurit ja viittaukset (&t, *t) eivät ole sallittuja. "
        "Kirjoita arvo auki joka kohtaan, jossa sitä tarvitaan."
    ]


def test_alias_bomb_rejected_quickly_without_memory(tmp_path: Path) -> None:
    rows = ['a: &a ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
    for previous, name in zip("abcdefg", "bcdefgh", strict=True):
        rows.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
    bomb = tmp_path / "bomb.yml"
    bomb.write_text("title: {fi: Naurua, sv: Skratt}\n" + "\n".join(rows) + "\ndescription: *h\n")
    # A child process with a 1 GiB address-space limit and 10 s of CPU: a loader that
    # expanded the aliases would need 9^8 list items and hit either limit.
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "resource.setrlimit(resource.RLIMIT_CPU, (10, 10))\n"
        "from generator.loader import load_document, LoadError\n"
        "try:\n    load_document(sys.argv[1], 'bomb.yml')\n"
        "except LoadError as error:\n    print(error.problems[0].line, error.problems[0].key)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(bomb)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "yaml_anchor"]
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1 << 20  # KiB


def test_explicit_tag_rejected() -> None:
    assert errors_of("title: !!python/object:os.system {fi: x}\n") == [
        "content/needs/x.yml:1:8: error: the YAML tag tag:yaml.org,2002:python/object:os.system "
        "is not allowed. Remove the tag and write the plain value."
    ]


def test_tab_indentation_explained() -> None:
    assert errors_of("title:\n\tfi: Otsikko\n", "sv") == [
        "content/needs/x.yml:2:1: fel: indraget innehåller en tabb. YAML godkänner bara "
        "mellanslag i indrag: ersätt tabben med mellanslag så att raden börjar i samma kolumn "
        "som de andra raderna på samma nivå (text under ett fält dras in mer än fältet)."
    ]


def test_empty_and_comment_only_files() -> None:
    expected = [
        "content/needs/x.yml:1:1: error: the file is empty. "
        "Write the entry's fields in it or delete the file."
    ]
    assert errors_of("") == expected
    assert errors_of("# only a comment\n---\n") == expected


def test_top_level_must_be_mapping() -> None:
    assert errors_of("- just\n- a list\n") == [
        'content/needs/x.yml:1:1: error: the file must consist of fields written as "field: '
        'value", such as "status: open".'
    ]


def test_second_document_rejected() -> None:
    assert errors_of("title: {fi: a}\n---\ntitle: {fi: b}\n") == [
        'content/needs/x.yml:2:1: error: the file contains more than one YAML document (a "---" '
        "line). Make one file per entry."
    ]


def test_unknown_syntax_error_keeps_detail() -> None:
    (line,) = errors_of("title: [a, b\nstatus: open\n")
    assert line.startswith("content/needs/x.yml:2:7: error: the YAML is malformed (")


def write_bytes(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "entry.yml"
    path.write_bytes(data)
    return path


def test_bom_and_crlf_accepted(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"\xef\xbb\xbftitle:\r\n  fi: \xc3\x84iti\r\n")
    document = load_document(str(path), "entry.yml")
    assert document.data == {"title": {"fi": "Äiti"}}
    assert document.position(("title", "fi")).line == 2


def test_latin1_file_points_at_byte(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"title:\n  fi: K\xe4sity\xf6\n")
    with pytest.raises(LoadError) as caught:
        load_document(str(path), "entry.yml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.key) == (2, 8, "file_not_utf8")


def test_utf16_file_rejected(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "title: x\n".encode("utf-16"))
    with pytest.raises(LoadError) as caught:
        load_document(str(path), "entry.yml")
    assert format_problem(caught.value.problems[0], "fi") == (
        "entry.yml:1:1: virhe: tiedosto on tallennettu UTF-16-merkistössä. "
        "Tallenna se UTF-8-muodossa."
    )


def test_oversized_file_rejected(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"title: {fi: x}\n" + b"# padding\n" * (MAX_FILE_BYTES // 10))
    with pytest.raises(LoadError) as caught:
        load_document(str(path), "entry.yml")
    assert caught.value.problems[0].key == "file_too_large"


def test_symlink_never_opened(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not-a-real-secret-7f3a")
    link = tmp_path / "link.yml"
    link.symlink_to(secret)
    with pytest.raises(LoadError) as caught:
        load_document(str(link), "link.yml")
    assert caught.value.problems[0].key == "file_unreadable"
    assert "7f3a" not in str(caught.value.problems[0].params)


def test_deep_nesting_rejected() -> None:
    (line,) = errors_of("title: " + "[" * 5000 + "]" * 5000 + "\n")
    assert line == (
        "content/needs/x.yml:1:1007: error: the YAML is malformed (exceeded maximum nesting "
        "depth). Check the indentation and that each colon is followed by a space; a quoted "
        "text must also be closed."
    )


SYNTAX_CASES = [
    (
        "title:\n  fi: a\nstatus open\npublished: 2026-01-01\n",
        "content/needs/x.yml:3:1: virhe: kentän nimen perästä puuttuu kaksoispiste. Kirjoita "
        'kenttä muodossa "kenttä: arvo", ja kaksoispisteen jälkeen välilyönti.',
    ),
    (
        "title\n  fi: a\nstatus: open\n",
        "content/needs/x.yml:1:1: virhe: kentän nimen perästä puuttuu kaksoispiste. Kirjoita "
        'kenttä muodossa "kenttä: arvo", ja kaksoispisteen jälkeen välilyönti.',
    ),
    (
        'title:\n  fi: "Etsimme leikkejä\n  sv: Lekar\nstatus: open\n',
        "content/needs/x.yml:2:7: virhe: tähän alkava lainausmerkki jää sulkematta. Lisää "
        "tekstin loppuun sama lainausmerkki, jolla teksti alkaa.",
    ),
    (
        "title:\n  fi: Huom: etsimme leikkejä\n",
        'content/needs/x.yml:2:11: virhe: tekstissä on kaksoispiste ja välilyönti (": "), jonka '
        "YAML lukee uuden kentän aluksi. Kirjoita koko teksti lainausmerkkeihin, esimerkiksi "
        'fi: "Huom: teksti".',
    ),
    (
        "description:\n  fi: |\n    Ensimmäinen kappale.\n  Toinen kappale kertoo tarpeen.\n",
        "content/needs/x.yml:4:3: virhe: sisennys ei täsmää: saman tason kenttien pitää alkaa "
        "samasta sarakkeesta, ja monirivisen tekstin rivit pitää sisentää enemmän kuin sen kenttä.",
    ),
    (
        "title:\n  fi: a\n   sv: b\n",
        "content/needs/x.yml:3:4: virhe: sisennys ei täsmää: saman tason kenttien pitää alkaa "
        "samasta sarakkeesta, ja monirivisen tekstin rivit pitää sisentää enemmän kuin sen kenttä.",
    ),
    (
        # libyaml stops at line 5; the key dedented out of `offer.group` is on line 4.
        "offer:\n  group:\n    fi: 5. luokka\nsv: årskurs 5\n  group_size: 24\n",
        'content/needs/x.yml:4:1: virhe: kenttä "sv" on sisennetty vähemmän kuin rivin 3 kenttä '
        '"fi", joten YAML ei lue sitä osaksi ryhmää offer.group. Sisennä se samoin kuin rivi 3: '
        "4 välilyöntiä rivin alkuun.",
    ),
    (
        "contact:\n  email: a@b.fi\n  role:\n    fi: rehtori\n\n  # ruotsiksi\nsv: rektor\n"
        "  x: y\n",
        'content/needs/x.yml:7:1: virhe: kenttä "sv" on sisennetty vähemmän kuin rivin 4 kenttä '
        '"fi", joten YAML ei lue sitä osaksi ryhmää contact.role. Sisennä se samoin kuin rivi '
        "4: 4 välilyöntiä rivin alkuun.",
    ),
    (
        # `summary` is a valid field at its level, so the indented line below it is the mistake.
        "title:\n  fi: a\nsummary: b\n  fi: c\n",
        "content/needs/x.yml:4:3: virhe: sisennys ei täsmää: saman tason kenttien pitää alkaa "
        "samasta sarakkeesta, ja monirivisen tekstin rivit pitää sisentää enemmän kuin sen kenttä.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SYNTAX_CASES)
def test_syntax_mistake_on_its_line(text: str, expected: str) -> None:
    assert errors_of(text, "fi") == [expected]


def test_line_breaks_counted_as_libyaml_counts_them() -> None:
    # A lone carriage return ends a line for libyaml, so the missing colon is on line 3.
    assert errors_of("title:\n  fi: Lukupiiri\rsummary x\n") == [
        "content/needs/x.yml:3:1: error: the colon after the field name is missing. Write the "
        'field as "field: value", with a space after the colon.'
    ]
    assert errors_of("a x\u2028y\nb: c") == [
        "content/needs/x.yml:2:1: error: the colon after the field name is missing. Write the "
        'field as "field: value", with a space after the colon.'
    ]
    assert split_lines("a\rb\r\r\nc\x85d\u2028e\u2029f\ng") == ["a", "b", "", *"cdefg"]


# The fast path (libyaml's node tree) and the event path must give equal documents.

REPOSITORY = Path(__file__).resolve().parents[1]
ORDINARY_TEXTS = [
    "a: |\n  x\n  y\nb: >\n  p\n\n  q\nc: 'x\n  y'\nd: \"x\n  y\"\ne: x\n  y\nf: >-\n  x\n",
    "k: {fi: a, sv: b}\nl: [1, 2, {a: b}, [c]]\nm: x # c\nn: 'x' # c\no: x\t# c\np: x#c\n",
    "list:\n- ~\n- null\n- Null\n- NULL\n- ''\n-\n- \"~\"\n- 'null'\n- no\nempty:\ntilde: ~\n",
    "--- \na: 'it''s'\nb: \"\\t\\u00e4\"\n...\n",
    "%YAML 1.1\n---\na: b\n",
    "a: ! x\nb: ! 'y'\n",
    "? a\n: b\n'': c\nnull: d\n",
    "a: 😀 # x\nb: é#\nc: x\r  y # z\nd: x\u2028  y\n",
    "deep:\n  - - a\n    - {b: [c, d]}\n  - e: f\n    g: h\n",
]
UNUSUAL_TEXTS = [
    "a: &a x\nb: *a\n",
    "a: &a x\n",
    "a: [&a x]\n",
    "a: !!str x\n",
    "a: !x {}\n",
    "a: ! {b: c}\n",
    "a: ! [b]\n",
    "a: !\n",
    "a: 1\na: 2\n",
    "? [a]\n: b\n",
    "? {a: b}\n: c\n",
    "a: 1\n---\nb: 2\n",
    "a: [b\n",
    "- a\n- b\n",
    "just text\n",
    "a: b\x07\n",
]


def compared(document: Document) -> tuple[object, ...]:
    """The whole document, with the order in which its positions were recorded."""
    return (
        document,
        repr(document.data),
        list(document.positions.items()),
        list(document.key_positions.items()),
    )


def both_paths(text: str) -> tuple[Document | None, Document | LoadError]:
    try:
        events: Document | LoadError = read_events(text, "x.yml")
    except LoadError as error:
        events = error
    return read_nodes(text, "x.yml"), events


@pytest.mark.parametrize("text", ORDINARY_TEXTS)
def test_node_path_agrees_with_event_path(text: str) -> None:
    nodes, events = both_paths(text)
    assert nodes is not None and isinstance(events, Document)
    assert compared(nodes) == compared(events)


def test_node_path_notes_lost_text_and_nulls() -> None:
    document = read_nodes(ORDINARY_TEXTS[0] + ORDINARY_TEXTS[1] + ORDINARY_TEXTS[2], "x.yml")
    assert document is not None
    assert document.folded == {("c",), ("d",), ("e",)}
    assert document.cut_by_comment == {("m",), ("o",)}
    assert document.data["list"] == [None, None, None, None, "", None, "~", "null", "no"]
    assert document.data["p"] == "x#c"


@pytest.mark.parametrize("text", UNUSUAL_TEXTS)
def test_node_path_leaves_unusual_files_to_event_path(text: str) -> None:
    assert read_nodes(text, "x.yml") is None


def repository_texts() -> list[Path]:
    folders = (REPOSITORY / "content", REPOSITORY / "tests" / "data" / "cases")
    return sorted(path for folder in folders for path in folder.rglob("*.yml"))


def test_paths_agree_on_every_repository_file() -> None:
    fast = 0
    for path in repository_texts():
        nodes, events = both_paths(path.read_text("utf-8"))
        if nodes is not None:
            fast += 1
            assert isinstance(events, Document), path
            assert compared(nodes) == compared(events), path
    # Only the alias and duplicate-key cases of tests/data/cases take the event path.
    assert fast == len(repository_texts()) - 3


def test_paths_agree_on_synthetic_catalogue(tmp_path: Path) -> None:
    synthesize(120, tmp_path / "content")
    for path in sorted((tmp_path / "content").rglob("*.yml")):
        nodes, events = both_paths(path.read_text("utf-8"))
        assert nodes is not None and isinstance(events, Document), path
        assert compared(nodes) == compared(events), path


def test_nesting_too_deep_for_node_walk_loads() -> None:
    """libyaml allows nearly 1,000 levels, more than Python's stack gives the node walk."""
    text = "levels: " + "[" * 900 + "x" + "]" * 900 + "\n"
    expected: object = "x"
    for _ in range(900):
        expected = [expected]
    assert read_nodes(text, "x.yml") is None
    assert parse_document(text, "x.yml").data == {"levels": expected}
