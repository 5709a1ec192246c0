"""Find the content files, without following symlinks, and check their names."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from generator.loader import Document
from generator.messages import Ref
from generator.models import ID_PATTERN, MODELS
from generator.problems import Problem
from generator.urls import FACET_SEGMENTS

# Folder names of the listings per filter value, such as `tarpeet/aste/`: an entry
# with one of these ids would take the listing's address.
RESERVED_IDS = frozenset(name for names in FACET_SEGMENTS.values() for name in names.values())

KIND_FOLDERS: tuple[str, ...] = tuple(MODELS)
IMAGE_FOLDER = "images"
# Tombstones of removed entries: removed/<kind>/<id>.yml.
REMOVED_FOLDER = "removed"
# The register of every published address, kept by `kyky addresses --update`.
REGISTER_FILE = "addresses.txt"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
# The image format each suffix promises, and the suffix to suggest for each format.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP"}
FORMAT_SUFFIXES = {"PNG": ".png", "JPEG": ".jpg", "WebP": ".webp"}
# How many bytes `image_format_of` needs from the start of a file.
IMAGE_HEAD_LENGTH = 12
IGNORED_FILES = frozenset({"README.md", ".gitkeep"})
MAX_ID_LENGTH = 80
TRANSLITERATION = str.maketrans({"ä": "a", "ö": "o", "å": "a", "ü": "u", "ß": "ss", "æ": "ae"})


@dataclass(frozen=True)
class ContentFile:
    """A YAML file found in a kind folder."""

    folder: str
    entry_id: str
    path: str
    display_path: str
    removed: bool = False


def suggest_id(text: str) -> str:
    """Turn a name or title into an id: `Etelä-Espoo ÅK` becomes `etela-espoo-ak`."""
    text = unicodedata.normalize("NFC", text).casefold().translate(TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:MAX_ID_LENGTH].rstrip("-") or "entry"


def id_rule_broken(name: str) -> str | None:
    """Return the message key of the id rule a name breaks, or None if it is valid."""
    if re.fullmatch(ID_PATTERN, name) and len(name) <= MAX_ID_LENGTH:
        return None
    if re.fullmatch(r"[a-z0-9-]+", name.casefold()) and name != name.casefold():
        return "rule_case"
    if not re.fullmatch(r"[a-z0-9-]*", name):
        return "rule_letters"
    if len(name) > MAX_ID_LENGTH:
        return "rule_length"
    return "rule_hyphens"


def image_format_of(head: bytes) -> str | None:
    """Return the format whose signature starts `head` (PNG, JPEG or WebP), or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return None


@cache
def distinctive_fields() -> dict[str, frozenset[str]]:
    """Return, for each kind folder, the top-level fields that no other kind has."""
    fields = {folder: frozenset(model.model_fields) for folder, model in MODELS.items()}
    return {
        folder: names.difference(*(other for name, other in fields.items() if name != folder))
        for folder, names in fields.items()
    }


def misplaced_entry(content_file: ContentFile, document: Document) -> Problem | None:
    """Report an entry saved in the folder of another kind, such as a need in ideas/.

    The kind is recognised by the fields that only it has. One error that names the
    right folder replaces the unknown and missing fields that the wrong model reports.
    """
    own = distinctive_fields()[content_file.folder]
    if own.intersection(document.data):
        return None
    found = {
        folder: [name for name in document.data if name in names]
        for folder, names in distinctive_fields().items()
        if folder != content_file.folder
    }
    ranked = sorted(found.items(), key=lambda item: len(item[1]), reverse=True)
    (folder, names), (_, runner_up) = ranked[0], ranked[1]
    if not names or len(names) == len(runner_up):
        return None
    position = document.position((names[0],), of_key=True)
    display_root = content_file.display_path.rsplit("/", 2)[0]
    params = {
        "kind": Ref(f"looks_like_{folder}"),
        "fields": ", ".join(names),
        "folder": f"{display_root}/{folder}",
    }
    return Problem(
        content_file.display_path, position.line, position.column, "error", "wrong_folder", params
    )


def find_content(root: str, display_root: str) -> tuple[list[ContentFile], list[Problem]]:
    """List the YAML files of every kind folder and the problems of the tree's layout."""
    files: list[ContentFile] = []
    problems: list[Problem] = []
    if os.path.islink(root) or not os.path.isdir(root):
        problems.append(_problem(display_root, "content_missing", path=display_root))
        return files, problems
    for entry in sorted(os.scandir(root), key=lambda item: item.name):
        display = f"{display_root}/{entry.name}"
        if entry.is_symlink():
            problems.append(_problem(display, "symlink"))
        elif entry.is_dir(follow_symlinks=False):
            if entry.name in KIND_FOLDERS:
                _scan_kind_folder(entry.path, entry.name, display, files, problems)
            elif entry.name == IMAGE_FOLDER:
                _scan_image_folder(entry.path, display, problems)
            elif entry.name == REMOVED_FOLDER:
                _scan_removed_folder(entry.path, display, files, problems)
            elif not entry.name.startswith("."):
                folders = ", ".join((*KIND_FOLDERS, IMAGE_FOLDER, REMOVED_FOLDER))
                problems.append(
                    _problem(display, "unknown_folder", name=entry.name, folders=folders)
                )
        elif entry.name not in IGNORED_FILES and entry.name != REGISTER_FILE:
            problems.append(_unexpected(display, entry.name))
    return files, problems


def _scan_removed_folder(
    path: str, display_root: str, files: list[ContentFile], problems: list[Problem]
) -> None:
    """Scan removed/, which contains one folder of tombstones per kind."""
    for entry in sorted(os.scandir(path), key=lambda item: item.name):
        display = f"{display_root}/{entry.name}"
        if entry.is_symlink():
            problems.append(_problem(display, "symlink"))
        elif entry.is_dir(follow_symlinks=False) and entry.name in KIND_FOLDERS:
            _scan_kind_folder(entry.path, entry.name, display, files, problems, removed=True)
        elif entry.is_dir(follow_symlinks=False):
            folders = ", ".join(KIND_FOLDERS)
            problems.append(_problem(display, "unknown_folder", name=entry.name, folders=folders))
        elif entry.name not in IGNORED_FILES:
            problems.append(_unexpected(display, entry.name))


def _scan_kind_folder(
    path: str,
    folder: str,
    display_root: str,
    files: list[ContentFile],
    problems: list[Problem],
    removed: bool = False,
) -> None:
    names: list[tuple[str, str]] = []
    for entry in sorted(os.scandir(path), key=lambda item: item.name):
        display = f"{display_root}/{entry.name}"
        if entry.is_symlink():
            problems.append(_problem(display, "symlink"))
            continue
        if entry.is_dir(follow_symlinks=False) or not entry.is_file(follow_symlinks=False):
            problems.append(_unexpected(display, entry.name))
            continue
        if entry.name in IGNORED_FILES:
            continue
        stem, dot, suffix = entry.name.rpartition(".")
        if not dot or suffix not in ("yml", "yaml"):
            misnamed = _misnamed_entry(entry.name)
            if misnamed is not None:
                problems.append(_problem(display, "wrong_extension", suggestion=misnamed))
            else:
                problems.append(_unexpected(display, entry.name))
            continue
        names.append((entry.name, display))
        rule = id_rule_broken(stem)
        if rule is not None:
            problems.append(_bad_name(display, entry.name, stem, rule))
        elif stem in RESERVED_IDS:
            problems.append(_problem(display, "reserved_id", name=stem, suggestion=f"{stem}-1.yml"))
        elif suffix == "yaml":
            problems.append(_problem(display, "wrong_extension", suggestion=f"{stem}.yml"))
        files.append(ContentFile(folder, stem, entry.path, display, removed))
    problems.extend(_collisions(names))


def _misnamed_entry(name: str) -> str | None:
    """Return the name to use for a file that is plainly an entry saved under a wrong
    suffix, such as `liikunta.YML` or `liikunta.yml.txt`, or None."""
    match = re.fullmatch(r"(.+?)\.(?:yml|yaml)(?:\.\w+)?", name, flags=re.IGNORECASE)
    if match is None:
        return None
    return f"{suggest_id(match.group(1))}.yml"


def _scan_image_folder(path: str, display_root: str, problems: list[Problem]) -> None:
    for entry in sorted(os.scandir(path), key=lambda item: item.name):
        display = f"{display_root}/{entry.name}"
        if entry.is_symlink():
            problems.append(_problem(display, "symlink"))
        elif not entry.is_file(follow_symlinks=False):
            problems.append(_unexpected(display, entry.name))
        elif entry.name in IGNORED_FILES:
            continue
        elif not entry.name.lower().endswith(IMAGE_SUFFIXES):
            problems.append(_problem(display, "image_format", value=entry.name))
        else:
            problems.extend(_image_name(display, entry.name))


def _image_name(display: str, name: str) -> list[Problem]:
    """Check that an image's name is an id and a suffix, both lowercase.

    The name goes into the `src` of the product page's `img` element without URL
    encoding, so it follows the same rule as entry file names.
    """
    stem, _, suffix = name.rpartition(".")
    rule = id_rule_broken(stem) or (None if suffix.islower() else "rule_case")
    if rule is None:
        return []
    params = {"name": name, "rule": Ref(rule), "suggestion": f"{suggest_id(stem)}.{suffix.lower()}"}
    return [Problem(display, 1, 1, "error", "image_name", params)]


def _collisions(names: list[tuple[str, str]]) -> list[Problem]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for name, display in names:
        stem = name.rpartition(".")[0]
        groups.setdefault(unicodedata.normalize("NFC", stem).casefold(), []).append((name, display))
    problems = []
    for group in groups.values():
        if len(group) > 1:
            listed = ", ".join(_describe_name(name) for name, _ in group)
            problems.append(_problem(group[0][1], "file_names_collide", names=listed))
    return problems


def _describe_name(name: str) -> str:
    """Quote a file name, marking the Unicode form that distinguishes look-alike names."""
    if unicodedata.is_normalized("NFC", name):
        return f'"{name}"'
    return f'"{name}" (NFD)'


def _bad_name(display: str, name: str, stem: str, rule: str) -> Problem:
    return Problem(
        display,
        1,
        1,
        "error",
        "bad_file_name",
        {"name": name, "rule": Ref(rule), "suggestion": f"{suggest_id(stem)}.yml"},
    )


def _unexpected(display: str, name: str) -> Problem:
    return _problem(display, "unexpected_file", name=name, folders=", ".join(KIND_FOLDERS))


def _problem(display: str, key: str, **params: object) -> Problem:
    return Problem(display, 1, 1, "error", key, params)
