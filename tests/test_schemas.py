"""The JSON Schemas: generated from the models, valid, and in agreement with `kyky check`.

Files are read with the YAML 1.2 core schema, as an editor's YAML language server
reads them, and validated with the independent `jsonschema` library.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from generator.loader import load_document
from generator.schemas import (
    KIND_NAMES,
    SITE_URL,
    build_schema,
    load_yaml12,
    modeline,
    schema_id,
)
from tests.conftest import CASES, CONTENT, ROOT, run_kyky

CONTENT_FILES = sorted(CONTENT.glob("*/*.yml"))


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(build_schema(kind), format_checker=FormatChecker())


def schema_errors(kind: str, path: Path) -> list[str]:
    data = load_yaml12(path.read_text("utf-8"))
    return [f"{error.json_path}: {error.message}" for error in validator(kind).iter_errors(data)]


def test_site_url_matches_mkdocs() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert config["site_url"] == SITE_URL


@pytest.mark.parametrize("kind", KIND_NAMES.values())
def test_schema_is_valid_draft_2020_12(kind: str) -> None:
    schema = build_schema(kind)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://kyky-tori.github.io/schemas/{kind}.schema.json"
    assert schema["additionalProperties"] is False


def test_schema_titles_are_finnish_and_swedish() -> None:
    status = build_schema("need")["properties"]["status"]
    assert status["title"] == "Tila – Status"
    assert status["description"].startswith("missä vaiheessa merkintä on: open,")
    assert "\n\nvar posten befinner sig: open," in status["description"]


def test_schemas_command_writes_every_kind(tmp_path: Path) -> None:
    result = run_kyky("schemas", "--out", str(tmp_path / "schemas"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"JSON Schemas written in the folder {tmp_path / 'schemas'}: 4 files.\n"
    names = sorted(path.name for path in (tmp_path / "schemas").iterdir())
    assert names == [
        "idea.schema.json",
        "need.schema.json",
        "organisation.schema.json",
        "product.schema.json",
    ]
    written = json.loads((tmp_path / "schemas" / "need.schema.json").read_text("utf-8"))
    assert written == build_schema("need")


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: path.stem)
def test_content_file_starts_with_modeline(path: Path) -> None:
    kind = KIND_NAMES[path.parent.name]
    first_line = path.read_text("utf-8").split("\n", 1)[0]
    assert first_line == modeline(kind)
    assert first_line == f"# yaml-language-server: $schema={schema_id(kind)}"


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: path.stem)
def test_content_file_matches_schema(path: Path) -> None:
    assert schema_errors(KIND_NAMES[path.parent.name], path) == []


def as_text(value: Any) -> Any:
    """Write YAML 1.2 scalars back as text, the way generator.loader keeps every scalar."""
    if isinstance(value, dict):
        return {key: as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_text(item) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return None
    return str(value)


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: path.stem)
def test_editor_and_loader_read_same_text(path: Path) -> None:
    document = load_document(str(path), path.name)
    assert as_text(load_yaml12(path.read_text("utf-8"))) == document.data


def test_yaml12_keeps_yaml11_booleans_as_text() -> None:
    data = load_yaml12("a: [fi, sv, no, da]\nb: on\nc: 2025-08-20\nd: 012\ne: true\nf: 0x1F\n")
    assert data == {
        "a": ["fi", "sv", "no", "da"],
        "b": "on",
        "c": "2025-08-20",
        "d": 12,
        "e": True,
        "f": 31,
    }


def test_schemas_published_with_site(built_site: Path) -> None:
    for kind in KIND_NAMES.values():
        published = built_site / "schemas" / f"{kind}.schema.json"
        assert json.loads(published.read_text("utf-8")) == build_schema(kind)


# --- Agreement with kyky check ------------------------------------------------------------


def check_rejects(content: Path, relative: str) -> bool:
    """Run the real `kyky check`; tell whether it reports an error in the given file."""
    result = run_kyky("check", "--content", str(content), "--lang", "en")
    display = f"{content}/{relative}"
    errors = [line for line in result.stdout.splitlines() if line.startswith(f"{display}:")]
    return any(": error: " in line for line in errors)


RAW_CASES = [
    ("unknown-fields/idea.yml", "ideas"),
    ("one-mistake-one-error/content/ideas/missing-field.yml", "ideas"),
    ("one-mistake-one-error/content/needs/bad-status.yml", "needs"),
    ("yaml-implicit-booleans/need.yml", "needs"),
    ("script-urls/product.yml", "products"),
]


@pytest.mark.parametrize(("case", "folder"), RAW_CASES, ids=[case for case, _ in RAW_CASES])
def test_case_rejected_by_both(case: str, folder: str, content_tree: Path) -> None:
    relative = f"{folder}/case-file.yml"
    shutil.copyfile(CASES / case, content_tree / relative)
    assert check_rejects(content_tree, relative)
    assert schema_errors(KIND_NAMES[folder], content_tree / relative) != []


def add_line(line: str) -> Callable[[str], str]:
    return lambda text: text.rstrip("\n") + f"\n{line}\n"


def replace(pattern: str, replacement: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        changed, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, pattern
        return changed

    return change


IDEA = "ideas/kertotaulujuoksu.yml"
NEED = "needs/valitunnin-liikuntaleikit.yml"
PRODUCT = "products/lukulamppu-lukupassi.yml"
# Each fault of a case, moved into a valid file, and whether it must be rejected.
FAULTS: list[tuple[str, str, Callable[[str], str], bool]] = [
    ("unchanged idea", IDEA, lambda text: text, False),
    ("unchanged need", NEED, lambda text: text, False),
    ("unchanged product", PRODUCT, lambda text: text, False),
    ("misspelt subjects", IDEA, add_line("subjetcs: [kemia]"), True),
    ("swedish field name", IDEA, add_line("beskrivning: Ett spel om säkerhet."), True),
    ("misspelt image_alt", PRODUCT, add_line("image_atl:\n  fi: Kuvakaappaus"), True),
    ("missing stage", IDEA, replace(r"^stage: concept\n", ""), True),
    ("misspelt status", NEED, replace(r"^status: piloting$", "status: opne"), True),
    (
        "yaml 1.1 booleans as codes",
        PRODUCT,
        replace(r"^languages:\n(  - .*\n)+", "languages: [fi, sv, no, da]\n"),
        False,
    ),
    ("yaml 1.1 boolean as text", NEED, replace(r"^  fi: Välituntiliikuntaa.*$", "  fi: on"), False),
    (
        "script address",
        PRODUCT,
        replace(r"^website: .*$", 'website: " JaVaScRiPt:alert(1)"'),
        True,
    ),
    ("data address", PRODUCT, replace(r"^website: .*$", "website: data:text/html,x"), True),
]


@pytest.mark.parametrize(
    ("relative", "change", "rejected"),
    [fault[1:] for fault in FAULTS],
    ids=[fault[0] for fault in FAULTS],
)
def test_fault_judged_alike(
    relative: str, change: Callable[[str], str], rejected: bool, content_tree: Path
) -> None:
    path = content_tree / relative
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    kind = KIND_NAMES[relative.split("/")[0]]
    assert check_rejects(content_tree, relative) is rejected
    assert (schema_errors(kind, path) != []) is rejected
