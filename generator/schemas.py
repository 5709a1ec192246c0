"""JSON Schemas of the four kinds of content file, generated from the pydantic models.

Editors that run a YAML language server (VS Code with the Red Hat YAML extension, for
one) read the modeline on the first line of every content file and check the file
against the published schema as the person types. The schemas therefore describe the
file as such an editor sees it: YAML 1.2, where `no` and `on` are text and a date
is text in the form YYYY-MM-DD. `load_yaml12` reads a file the same way, so tests can
check the schemas against the catalogue with an independent validator.

The schemas cover what one file can say about itself; references between files and
date order stay the job of `kyky check`.
"""

from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from generator import models
from generator.messages import field_texts
from generator.models import MODELS, LocalizedList, LocalizedText, StrictModel
from generator.vocabularies import vocabularies

# The address of the published site; `site_url` in mkdocs.yml must be the same (a test
# compares them). The site build publishes the schemas under schemas/.
SITE_URL = "https://kyky-tori.github.io/"
KIND_NAMES: dict[str, str] = {
    "needs": "need",
    "ideas": "idea",
    "products": "product",
    "organisations": "organisation",
}
FOLDERS: dict[str, str] = {name: folder for folder, name in KIND_NAMES.items()}

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# Patterns for the values that the validators of models.py accept. The web address
# pattern is looser than its validator, because it cannot tell a host from junk.
VALIDATOR_PATTERNS: dict[Any, str] = {
    models._check_web_address: r"^https?://[^\s/?#]+(?:[/?#]\S*)?$",
    models._check_business_id: r"^[0-9]{7}-[0-9]$",
    models._check_content_path: r"^(?![/\\])(?![A-Za-z]:)(?!(?:.*/)?\.\.(?:/|$)).*$",
}


def schema_id(kind: str) -> str:
    """Return the address of a kind's schema, such as `.../schemas/need.schema.json`."""
    return f"{SITE_URL}schemas/{kind}.schema.json"


def modeline(kind: str) -> str:
    """Return the first line of a content file, which points editors at its schema."""
    return f"# yaml-language-server: $schema={schema_id(kind)}"


class _ContentSchema(GenerateJsonSchema):
    """Pydantic's generator, with patterns for dates and for our own validators."""

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {**super().date_schema(schema), "pattern": DATE_PATTERN}

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        generated = super().function_after_schema(schema)
        pattern = VALIDATOR_PATTERNS.get(schema["function"]["function"])
        if pattern is not None:
            generated = {**generated, "pattern": pattern}
        return generated


def build_schema(kind: str) -> dict[str, Any]:
    """Generate the JSON Schema (draft 2020-12) of one kind: need, idea, product, organisation."""
    model = MODELS[FOLDERS[kind]]
    generated = model.model_json_schema(schema_generator=_ContentSchema, mode="validation")
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(kind),
        **generated,
    }
    _describe_properties(schema)
    for definition in schema.get("$defs", {}).values():
        _describe_properties(definition)
    _require_one_language(schema)
    schema.setdefault("allOf", []).extend(_cross_field_rules(kind))
    if not schema["allOf"]:
        del schema["allOf"]
    return schema


def _describe_properties(schema: dict[str, Any]) -> None:
    """Replace pydantic's English titles with the Finnish and Swedish texts of fields.yaml."""
    texts = field_texts()
    for name, prop in schema.get("properties", {}).items():
        label, help_text = texts[name]["label"], texts[name]["help"]
        prop["title"] = f"{label['fi']} – {label['sv']}"
        prop["description"] = f"{help_text['fi']}\n\n{help_text['sv']}"


def _require_one_language(schema: dict[str, Any]) -> None:
    definition = schema.get("$defs", {}).get(LocalizedText.__name__)
    if definition is not None:
        definition["anyOf"] = [
            {"required": [language], "properties": {language: {"type": "string"}}}
            for language in ("fi", "sv")
        ]


def _cross_field_rules(kind: str) -> list[dict[str, Any]]:
    """Rules of rules.py that compare fields of one file and that JSON Schema can state."""
    from generator.rules import SCHOOL_KINDS

    if kind == "organisation":
        return [
            _when_kind(["company"], ["business_id"]),
            _when_kind(list(SCHOOL_KINDS), ["instruction_language", "district"]),
        ]
    if kind == "product":
        return [
            {"dependentRequired": {"image": ["image_alt", "image_privacy"]}},
            {
                "dependentSchemas": {
                    "label_granted": {
                        "required": ["schools"],
                        "properties": {"schools": {"minItems": 1}},
                    }
                }
            },
        ]
    if kind == "idea":
        return [
            {
                "anyOf": [
                    {"required": ["answers"], "properties": {"answers": {"minItems": 1}}},
                    {"required": ["seeks"], "properties": {"seeks": {"type": "object"}}},
                ]
            }
        ]
    return []


def _when_kind(kinds: list[str], required: list[str]) -> dict[str, Any]:
    return {
        "if": {"required": ["kind"], "properties": {"kind": {"enum": kinds}}},
        "then": {
            "required": required,
            "properties": {name: {"not": {"type": "null"}} for name in required},
        },
    }


def write_schemas(folder: Path | str) -> list[Path]:
    """Write `<kind>.schema.json` for every kind into `folder` and return the paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KIND_NAMES.values():
        path = target / f"{kind}.schema.json"
        text = json.dumps(build_schema(kind), ensure_ascii=False, indent=2) + "\n"
        path.write_text(text, "utf-8")
        written.append(path)
    return written


# --- Reading a file as an editor does ---------------------------------------------------


class _Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema in place of YAML 1.1's.

    Plain `no`, `on`, `yes` and `2025-08-20` stay text; only true/false, null, and
    decimal, octal (0o) and hexadecimal (0x) numbers are resolved.
    """

    yaml_implicit_resolvers: typing.ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = {}


_CORE_RESOLVERS = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    ),
)
for _tag, _pattern in _CORE_RESOLVERS:
    _Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), None)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 16) if text.startswith("0x") else int(text, 10)


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    return float("nan") if text == ".nan" else float(text)


def _construct_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    return loader.construct_scalar(node).lower() == "true"


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


def load_yaml12(text: str) -> Any:
    """Parse YAML text with the YAML 1.2 core schema, as a YAML language server does."""
    # _Yaml12Loader derives from SafeLoader, so it builds plain data only.
    return yaml.load(text, Loader=_Yaml12Loader)


# --- The shape of the models, for the starter files, forms and guides --------------------


@dataclass(frozen=True)
class FieldShape:
    """One field of a model, with what a person has to write there."""

    path: tuple[str, ...]
    required: bool
    many: bool
    kind: str  # text, localized, keywords, code, date, integer, boolean, email, group
    vocabulary: str | None = None
    model: type[BaseModel] | None = None

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


def field_shapes(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[FieldShape]:
    """List the fields of a model in declaration order, each group followed by its fields.

    LocalizedText and LocalizedList count as one field each: their `fi` and `sv` keys
    are the same everywhere.
    """
    shapes = []
    for name, info in model.model_fields.items():
        shape = _shape((*prefix, name), info.annotation, info.is_required())
        shapes.append(shape)
        if shape.kind == "group" and shape.model is not None:
            shapes.extend(field_shapes(shape.model, shape.path))
    return shapes


def _shape(path: tuple[str, ...], annotation: Any, required: bool) -> FieldShape:
    inner, many = _unwrap(annotation)
    if isinstance(inner, type) and issubclass(inner, StrictModel):
        if inner is LocalizedText:
            return FieldShape(path, required, many, "localized")
        if inner is LocalizedList:
            return FieldShape(path, required, many, "keywords")
        return FieldShape(path, required, many, "group", model=inner)
    if typing.get_origin(inner) is Literal:
        return FieldShape(path, required, many, "code", vocabulary=_vocabulary_of(inner))
    if inner is date:
        return FieldShape(path, required, many, "date")
    if inner is bool:
        return FieldShape(path, required, many, "boolean")
    if inner is int:
        return FieldShape(path, required, many, "integer")
    if path[-1] == "email":
        return FieldShape(path, required, many, "email")
    return FieldShape(path, required, many, "text")


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """Strip `| None` and `Annotated`, and tell whether the field is a list."""
    many = False
    while True:
        origin = typing.get_origin(annotation)
        if origin in (types.UnionType, typing.Union):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = options[0]
        elif origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is list:
            many = True
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation, many


def _vocabulary_of(literal: Any) -> str:
    values = set(typing.get_args(literal))
    for name, entries in vocabularies().items():
        if set(entries) == values:
            return name
    raise LookupError(f"no vocabulary has the codes {sorted(values)}")
