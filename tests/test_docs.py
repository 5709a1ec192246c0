"""The contributor guides, fields.yaml and messages.yaml keep up with the code."""

from __future__ import annotations

import string
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from generator.forms import repository_url
from generator.guides import GUIDES, REFERENCE_END, REFERENCE_START, field_reference
from generator.messages import catalogue, field_texts
from generator.models import MODELS
from generator.schemas import KIND_NAMES, field_shapes
from generator.vocabularies import DATA, load_data
from tests.conftest import ROOT, read_page


def all_field_names(model: type[BaseModel]) -> set[str]:
    """Name every field of a model and of the models nested in it, at any depth."""
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(name)
        for nested in _models_in(info.annotation):
            names |= all_field_names(nested)
    return names


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for argument in typing.get_args(annotation):
        found.extend(_models_in(argument))
    return found


FIELD_NAMES = sorted(set().union(*(all_field_names(model) for model in MODELS.values())))


def test_nested_models_are_walked() -> None:
    assert {"group_size", "start", "email", "instruction_languages", "fi", "sv"} <= set(FIELD_NAMES)


@pytest.mark.parametrize("name", FIELD_NAMES)
def test_field_has_texts(name: str) -> None:
    entry = field_texts().get(name)
    assert entry is not None, f"{name} has no entry in generator/data/fields.yaml"
    for part in ("label", "help"):
        for language in ("fi", "sv", "en"):
            assert entry[part].get(language), f"{name}.{part}.{language} is missing"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_message_has_every_language(key: str) -> None:
    texts = catalogue()[key]
    assert sorted(texts) == ["en", "fi", "sv"]
    assert placeholders(texts["fi"]) == placeholders(texts["sv"]) == placeholders(texts["en"])


@pytest.mark.parametrize(("language", "name"), GUIDES.items())
def test_guide_reference_is_current(language: str, name: str) -> None:
    text = (ROOT / name).read_text("utf-8")
    start = text.index(REFERENCE_START)
    end = text.index(REFERENCE_END) + len(REFERENCE_END)
    assert text[start:end] == field_reference(language), f"{name} is stale: run kyky docs"


@pytest.mark.parametrize(("language", "name"), GUIDES.items())
def test_guide_documents_every_field(language: str, name: str) -> None:
    text = (ROOT / name).read_text("utf-8")
    section = text[text.index(REFERENCE_START) : text.index(REFERENCE_END)]
    for folder, model in MODELS.items():
        kind_section = section.split(f"(content/{folder}/)", 1)[1].split("\n### ", 1)[0]
        for shape in field_shapes(model):
            assert f"\n| `{shape.dotted}` | " in kind_section, f"{folder}: {shape.dotted}"
    assert len(KIND_NAMES) == section.count("(content/")


@pytest.mark.parametrize("name", GUIDES.values())
def test_guide_covers_the_essentials(name: str) -> None:
    text = (ROOT / name).read_text("utf-8")
    for needed in ("kyky check", ".pre-commit-config.yaml", "kyky-check", "kyky new"):
        assert needed in text, needed


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hooks == [
        {
            "id": "kyky-check",
            "name": "KYKY-tori check",
            "description": "Check every content file with kyky check.",
            "entry": "kyky check",
            "language": "python",
            "pass_filenames": False,
            "files": "^content/",
        }
    ]


@pytest.mark.parametrize(
    ("path", "guide"), [("osallistu", "CONTRIBUTING.fi.md"), ("sv/delta", "CONTRIBUTING.sv.md")]
)
def test_take_part_links_forms_and_guide(built_site: Path, path: str, guide: str) -> None:
    page = read_page(built_site, path)
    hrefs = [link["href"] for link in page.select("main a[href^='https://github.com/']")]
    base = repository_url()
    assert hrefs == [
        f"{base}/issues/new?template=need.yml",
        f"{base}/issues/new?template=idea.yml",
        f"{base}/issues/new?template=product.yml",
        f"{base}/issues/new?template=organisation.yml",
        f"{base}/blob/main/{guide}",
    ]


@pytest.mark.parametrize("name", sorted(path.name for path in DATA.glob("*.yaml")))
def test_data_file_reads_alike_with_both_loaders(name: str) -> None:
    """`load_data` uses libyaml's loader; PyYAML's own must read each file the same way."""
    text = (DATA / name).read_text("utf-8")
    assert load_data(name) == yaml.load(text, Loader=yaml.SafeLoader)
