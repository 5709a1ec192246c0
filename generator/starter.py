"""`kyky new`: write a commented starter file for a new entry.

The starter names every field of the kind in the model's order, with its label and
help from fields.yaml in the chosen language. Required fields are written with an
empty value, so `kyky check` reports each of them at its line until the person fills
it in; optional fields are written behind `#`, ready to be uncommented. The file
always parses as YAML, and `status` and `published` come filled in. A description is
written as YAML block scalars (`fi: |`), which keep the lines and empty lines that
separate Markdown paragraphs.

`kyky new` rejects an id that a new entry may not take: the id of a tombstone, a
previous id of a renamed entry or the name of a listing folder.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.addresses import free_id, redirects
from generator.catalogue import Catalogue, check
from generator.files import REMOVED_FOLDER, RESERVED_IDS, suggest_id
from generator.messages import Ref, field_texts, message
from generator.models import MODELS
from generator.schemas import FOLDERS, FieldShape, field_shapes, modeline
from generator.vocabularies import vocabularies

# Fields a new entry never has: renames and the fictional starter catalogue.
LEFT_OUT = frozenset({"previous_ids", "example", "updated"})
# Fields written as block scalars, because their Markdown may run to several paragraphs.
BLOCK_FIELDS = frozenset({("description",)})
COMMENT_WIDTH = 88


@dataclass(frozen=True)
class Starter:
    """A starter file: its path and its text."""

    path: Path
    text: str


def starter_file(kind: str, title: str, language: str, content: str, today: date) -> Starter:
    """Build the starter file of a kind (need, idea, product, organisation) for a title."""
    folder = FOLDERS[kind]
    path = Path(content) / folder / f"{suggest_id(title)}.yml"
    lines = [modeline(kind), *_header(kind, title, language), ""]
    optional_groups: list[tuple[str, ...]] = []
    for shape in field_shapes(MODELS[folder]):
        if shape.path[0] in LEFT_OUT:
            continue
        # A field inside an optional group is commented out with the group.
        inside_optional = any(shape.path[: len(group)] == group for group in optional_groups)
        commented = inside_optional or not shape.required
        if shape.kind == "group" and commented:
            optional_groups.append(shape.path)
        lines.extend(_field_lines(shape, title, language, today, commented))
    return Starter(path, "\n".join(lines) + "\n")


def reserved_id(kind: str, title: str, content: str) -> Ref | None:
    """Return why a new entry of this title may not take its id, or None if it may.

    The result is the message `new_reserved`, with the reason and a free id to use
    instead. The id of a live entry is left to `write_starter`, which never replaces a
    file.
    """
    folder = FOLDERS[kind]
    entry_id = suggest_id(title)
    catalogue = check(content, content).catalogue
    reason = _reservation(catalogue, folder, entry_id, Path(content))
    if reason is None:
        return None
    suggestion = free_id(catalogue, folder, entry_id)
    number = suggestion.rpartition("-")[2]
    params = {"id": entry_id, "reason": reason, "suggestion": suggestion}
    return Ref("new_reserved", {**params, "title": f"{title} {number}"})


def _reservation(catalogue: Catalogue, folder: str, entry_id: str, content: Path) -> Ref | None:
    if entry_id in RESERVED_IDS:
        return Ref("new_reason_listing")
    # The file is looked for, not the record, because an invalid tombstone is no record.
    tombstone = content / REMOVED_FOLDER / folder / f"{entry_id}.yml"
    if tombstone.exists():
        return Ref("new_reason_removed", {"path": str(tombstone)})
    for redirect in redirects(catalogue):
        if (redirect.kind, redirect.old_id) == (folder, entry_id):
            return Ref("new_reason_previous", {"path": redirect.record.path})
    return None


def write_starter(starter: Starter) -> bool:
    """Write the starter file; return False, writing nothing, if the file exists."""
    starter.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x" creates the file only if no file of that name exists, in one step.
        with open(starter.path, "x", encoding="utf-8") as stream:
            stream.write(starter.text)
    except FileExistsError:
        return False
    return True


def _header(kind: str, title: str, language: str) -> list[str]:
    paragraphs = [
        message(f"starter_intro_{kind}", language, title=title),
        message("starter_how", language),
        message("starter_fill", language),
        message("starter_languages", language),
        message("starter_privacy", language),
        message("starter_check", language),
    ]
    lines = ["#"]
    for paragraph in paragraphs:
        lines.extend(_comment(paragraph, ""))
        lines.append("#")
    return lines[:-1]


def _field_lines(
    shape: FieldShape, title: str, language: str, today: date, commented: bool
) -> list[str]:
    depth = len(shape.path) - 1
    indent = "  " * depth
    texts = field_texts()[shape.name]
    need = message("starter_required" if shape.required else "starter_optional", language)
    explanation = f"{texts['label'][language]} ({need}): {texts['help'][language]}"
    lines = _comment(explanation, indent)
    if shape.path in BLOCK_FIELDS:
        lines.extend(_comment(message("starter_block", language), indent))
    if shape.vocabulary is not None:
        lines.extend(_comment(_choices(shape.vocabulary, language), indent))
    prefix = f"{indent}# " if commented else indent
    for line in _value_lines(shape, title, language, today):
        lines.append(f"{prefix}{line}".rstrip())
    return lines


def _value_lines(shape: FieldShape, title: str, language: str, today: date) -> list[str]:
    key = f"{shape.name}:"
    if shape.path in BLOCK_FIELDS:
        return [key, "  fi: |", "  sv: |"]
    if shape.kind == "localized":
        given = title if shape.path in (("title",), ("name",)) else ""
        return [key, *(f"  {code}: {given if code == language else ''}" for code in ("fi", "sv"))]
    if shape.kind == "keywords":
        return [key, "  fi: []", "  sv: []"]
    if shape.path == ("status",):
        return [f"{key} open"]
    if shape.path == ("published",):
        return [f"{key} {today.isoformat()}"]
    if shape.many and not shape.required:
        return [f"{key} []"]
    return [key]


def _choices(vocabulary: str, language: str) -> str:
    entries = vocabularies()[vocabulary]
    listed = ", ".join(f"{code} ({labels[language]})" for code, labels in entries.items())
    return message("starter_choices", language, choices=listed)


def _comment(text: str, indent: str) -> list[str]:
    width = COMMENT_WIDTH - len(indent) - 2
    return [f"{indent}# {line}" for line in textwrap.wrap(text, width, break_on_hyphens=False)]
