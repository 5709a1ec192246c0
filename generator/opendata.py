"""Open data: the catalogue as JSON and CSV with JSON Schemas, and schema.org JSON-LD.

Files, at the site root unless said otherwise:

- `catalogue.json`: every entry of every kind, the tombstones and the redirects;
- `<kind>.csv` (`needs.csv`, `ideas.csv`, `products.csv`, `organisations.csv`): one
  row per entry, UTF-8 with a byte order mark so that Excel reads ä and ö right;
  lists are joined with `;`;
- `index.json` next to each entry page, in both languages: the entry's record;
- `schemas/catalogue.schema.json`, `schemas/entry.schema.json` and
  `schemas/<kind>-csv.schema.json`: JSON Schemas (draft 2020-12) of those files.
  The CSV schema describes one row as read by a CSV reader, every cell a string.

A record's `status` is the status shown on the site (an open entry past its
valid_until is `expired`); `entry.status` is the status its file gives. The schemas
of the entries come from the pydantic models, so they follow any change to them.
"""

from __future__ import annotations

import csv
import io
import json
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from generator.addresses import redirects, tombstones
from generator.catalogue import KINDS, Catalogue, Record
from generator.models import ID_PATTERN, MODELS, Organisation, Removed
from generator.pages import choose, status_of
from generator.urls import entry_path
from generator.vocabularies import SITE_LANGUAGES, codes

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
LIST_SEPARATOR = ";"
ENTRY_DATA_FILE = "index.json"
# Cells that start with these make a spreadsheet read the cell as a formula, so such
# a cell gets a leading apostrophe, which makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHOWN_STATUSES = [*codes("status"), "expired"]
MODEL_NAMES = {
    "needs": "Need",
    "ideas": "Idea",
    "products": "Product",
    "organisations": "Organisation",
}


def entry_urls(kind: str, entry_id: str, site_url: str) -> dict[str, str]:
    return {
        language: site_url + entry_path(kind, entry_id, language) for language in SITE_LANGUAGES
    }


def record_data(catalogue: Catalogue, record: Record, site_url: str) -> dict[str, Any]:
    """Return the open-data record of an entry: kind, id, shown status, addresses and fields."""
    status = None if record.kind == "organisations" else status_of(record, catalogue.today)
    return {
        "kind": record.kind,
        "id": record.id,
        "status": status,
        "urls": entry_urls(record.kind, record.id, site_url),
        "entry": record.entry.model_dump(mode="json"),
    }


def catalogue_data(catalogue: Catalogue, site_url: str) -> dict[str, Any]:
    """Return the content of catalogue.json."""
    return {
        "$schema": site_url + "schemas/catalogue.schema.json",
        "today": catalogue.today.isoformat(),
        "entries": [
            record_data(catalogue, record, site_url)
            for kind in KINDS
            for record in sorted(catalogue.all(kind), key=lambda item: item.id)
        ],
        "removed": [
            {
                "kind": record.kind,
                "id": record.id,
                "urls": entry_urls(record.kind, record.id, site_url),
                "entry": record.entry.model_dump(mode="json"),
            }
            for record in tombstones(catalogue)
        ],
        "redirects": [
            {
                "kind": redirect.kind,
                "old_id": redirect.old_id,
                "id": redirect.record.id,
                "urls": entry_urls(redirect.kind, redirect.old_id, site_url),
            }
            for redirect in redirects(catalogue)
        ],
    }


def dump_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# CSV


def csv_columns(kind: str) -> list[str]:
    """Return the columns of a kind's CSV: id, addresses, shown status, then every field."""
    return list(_csv_columns(kind))


@cache
def _csv_columns(kind: str) -> tuple[str, ...]:
    leading = ["id", "url_fi", "url_sv"]
    if kind != "organisations":
        leading.append("shown_status")
    return (*leading, *_model_columns(MODELS[kind]))


def _model_columns(model: type[BaseModel], prefix: str = "") -> typing.Iterator[str]:
    """Name a column for each field, `offer_period_start` for nested ones."""
    for name, info in model.model_fields.items():
        nested = _nested_model(info.annotation)
        if nested is None:
            yield prefix + name
        else:
            yield from _model_columns(nested, f"{prefix}{name}_")


def _nested_model(annotation: object) -> type[BaseModel] | None:
    """Return the model in an annotation such as `Offer | None`, if there is one."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _nested_model(argument)
        if found is not None:
            return found
    return None


def csv_row(catalogue: Catalogue, record: Record, site_url: str) -> dict[str, str]:
    data = record_data(catalogue, record, site_url)
    flat = _flatten(data["entry"])
    flat.update(
        {
            "id": record.id,
            "url_fi": data["urls"]["fi"],
            "url_sv": data["urls"]["sv"],
            "shown_status": data["status"] or "",
        }
    )
    return {column: _cell(flat.get(column)) for column in _csv_columns(record.kind)}


def _flatten(value: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, item in value.items():
        if isinstance(item, dict):
            flat.update(_flatten(item, f"{prefix}{name}_"))
        else:
            flat[prefix + name] = item
    return flat


def _cell(value: object) -> str:
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        text = LIST_SEPARATOR.join(str(item) for item in value)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def render_csv(catalogue: Catalogue, kind: str, site_url: str) -> bytes:
    """Return a kind's CSV, UTF-8 with a byte order mark, rows in id order."""
    stream = io.StringIO(newline="")
    writer = csv.DictWriter(stream, csv_columns(kind), lineterminator="\r\n")
    writer.writeheader()
    for record in sorted(catalogue.all(kind), key=lambda item: item.id):
        writer.writerow(csv_row(catalogue, record, site_url))
    return stream.getvalue().encode("utf-8-sig")


# JSON Schemas


def _model_definitions() -> dict[str, Any]:
    models = [*MODELS.values(), Removed]
    _, schema = models_json_schema(
        [(model, "serialization") for model in models], ref_template="#/$defs/{model}"
    )
    return schema["$defs"]


def _definitions() -> dict[str, Any]:
    definitions = _model_definitions()
    urls = {
        "type": "object",
        "description": "Addresses of the entry's page in Finnish and Swedish.",
        "properties": {
            language: {"type": "string", "format": "uri"} for language in SITE_LANGUAGES
        },
        "required": list(SITE_LANGUAGES),
        "additionalProperties": False,
    }
    definitions["Urls"] = urls
    definitions["Id"] = {"type": "string", "pattern": ID_PATTERN}
    for kind, model_name in MODEL_NAMES.items():
        status: dict[str, Any] = {"enum": SHOWN_STATUSES}
        if kind == "organisations":
            status = {"type": "null"}
        definitions[f"{model_name}Record"] = {
            "type": "object",
            "properties": {
                "kind": {"const": kind},
                "id": {"$ref": "#/$defs/Id"},
                "status": {**status, "description": "The status shown on the site."},
                "urls": {"$ref": "#/$defs/Urls"},
                "entry": {"$ref": f"#/$defs/{model_name}"},
            },
            "required": ["kind", "id", "status", "urls", "entry"],
            "additionalProperties": False,
        }
    definitions["Record"] = {
        "oneOf": [{"$ref": f"#/$defs/{name}Record"} for name in MODEL_NAMES.values()]
    }
    return definitions


def entry_schema(site_url: str) -> dict[str, Any]:
    """Return the JSON Schema of the index.json file next to each entry page."""
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": site_url + "schemas/entry.schema.json",
        "title": "KYKY-tori entry",
        "description": "One entry of the catalogue, as in index.json next to its page.",
        "$ref": "#/$defs/Record",
        "$defs": _definitions(),
    }


def catalogue_schema(site_url: str) -> dict[str, Any]:
    """Return the JSON Schema of catalogue.json."""
    kinds = {"enum": list(KINDS)}
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": site_url + "schemas/catalogue.schema.json",
        "title": "KYKY-tori catalogue",
        "description": "Every entry of the catalogue, the removed ones and the old addresses.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string", "format": "uri"},
            "today": {
                "type": "string",
                "format": "date",
                "description": "The date on which the shown statuses were decided.",
            },
            "entries": {"type": "array", "items": {"$ref": "#/$defs/Record"}},
            "removed": {
                "type": "array",
                "description": "Tombstones of removed entries.",
                "items": {
                    "type": "object",
                    "properties": {
                        "kind": kinds,
                        "id": {"$ref": "#/$defs/Id"},
                        "urls": {"$ref": "#/$defs/Urls"},
                        "entry": {"$ref": "#/$defs/Removed"},
                    },
                    "required": ["kind", "id", "urls", "entry"],
                    "additionalProperties": False,
                },
            },
            "redirects": {
                "type": "array",
                "description": "Old ids of renamed entries; each old address redirects.",
                "items": {
                    "type": "object",
                    "properties": {
                        "kind": kinds,
                        "old_id": {"$ref": "#/$defs/Id"},
                        "id": {"$ref": "#/$defs/Id"},
                        "urls": {"$ref": "#/$defs/Urls", "description": "The old addresses."},
                    },
                    "required": ["kind", "old_id", "id", "urls"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["today", "entries", "removed", "redirects"],
        "additionalProperties": False,
        "$defs": _definitions(),
    }


def csv_schema(kind: str, site_url: str) -> dict[str, Any]:
    """Return the JSON Schema of one row of a kind's CSV, as a CSV reader returns it."""
    columns = csv_columns(kind)
    properties: dict[str, Any] = {column: {"type": "string"} for column in columns}
    properties["id"] = {"type": "string", "pattern": ID_PATTERN}
    if "published" in properties:
        properties["published"] = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if "shown_status" in properties:
        properties["shown_status"] = {"enum": SHOWN_STATUSES}
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"{site_url}schemas/{kind}-csv.schema.json",
        "title": f"KYKY-tori {kind}.csv row",
        "description": (
            f"One row of {kind}.csv. Lists are joined with '{LIST_SEPARATOR}'; a cell that "
            "would start a spreadsheet formula starts with an apostrophe."
        ),
        "type": "object",
        "properties": properties,
        "required": columns,
        "additionalProperties": False,
    }


def schemas(site_url: str) -> dict[str, dict[str, Any]]:
    """Return every published schema by file name."""
    found = {
        "catalogue.schema.json": catalogue_schema(site_url),
        "entry.schema.json": entry_schema(site_url),
    }
    for kind in KINDS:
        found[f"{kind}-csv.schema.json"] = csv_schema(kind, site_url)
    return found


# schema.org JSON-LD

SCHEMA_ORG_TYPES = {"needs": "Demand", "ideas": "CreativeWork", "products": "Product"}
ORGANISATION_TYPES = {
    "school": "School",
    "daycare": "Preschool",
    "company": "Corporation",
    "research": "ResearchOrganization",
}


def structured_data(record: Record, language: str) -> dict[str, Any]:
    """Return the schema.org description of an entry page, in the page's language."""
    entry = record.entry
    if isinstance(entry, Organisation):
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": ORGANISATION_TYPES.get(entry.kind, "Organization"),
            "identifier": record.id,
            "name": _text(entry.name, language),
        }
        if entry.description is not None:
            data["description"] = _text(entry.description, language)
        if entry.website is not None:
            data["url"] = entry.website
        return data
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_ORG_TYPES[record.kind],
        "identifier": record.id,
        "name": _text(entry.title, language),
        "description": _text(entry.summary, language),
    }
    if record.kind == "needs" and entry.valid_until is not None:
        data["validThrough"] = entry.valid_until.isoformat()
    if record.kind == "ideas":
        data["inLanguage"] = language
        data["datePublished"] = entry.published.isoformat()
        if entry.updated is not None:
            data["dateModified"] = entry.updated.isoformat()
    return data


def _text(value: Any, language: str) -> str:
    chosen = choose(value, language)
    return chosen.text if chosen else ""


def script_json(data: object) -> str:
    """Serialise JSON for a <script> element: `<`, `>` and `&` become \\u escapes.

    Then no title can end the element early (`</script>`) or open a comment (`<!--`).
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
