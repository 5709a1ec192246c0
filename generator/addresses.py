"""Addresses that never break: renamed entries redirect, removed ones leave a tombstone.

An entry's address depends only on its kind and id (see `urls.py`). Once published,
an address must keep leading somewhere:

- a renamed entry lists its earlier ids in `previous_ids`, and each old address
  redirects to the new one;
- a removed entry leaves a tombstone, `removed/<kind>/<id>.yml`, whose page explains why
  and where to go instead.

The register `addresses.txt` in the content folder lists every published address as
`kind/id`, one a line, sorted. `kyky addresses --update` rewrites it, and `kyky check`
rejects an address in it that no entry, previous id or tombstone accounts for any more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.catalogue import KINDS, Catalogue, Record
from generator.files import MAX_ID_LENGTH, REGISTER_FILE, REMOVED_FOLDER, RESERVED_IDS
from generator.models import ID_PATTERN, Removed
from generator.problems import FieldPath, Problem
from generator.rules import problem

REGISTER_LINE = re.compile(rf"^({'|'.join(KINDS)})/({ID_PATTERN[1:-1]})$")


@dataclass(frozen=True)
class Redirect:
    """An old address of a renamed entry and the record it now belongs to."""

    kind: str
    old_id: str
    record: Record


def redirects(catalogue: Catalogue) -> list[Redirect]:
    """Return every previous id of every live entry, by kind and old id."""
    found = [
        Redirect(kind, old_id, record)
        for kind in KINDS
        for record in catalogue.all(kind)
        for old_id in getattr(record.entry, "previous_ids", [])
    ]
    return sorted(found, key=lambda redirect: (redirect.kind, redirect.old_id))


def tombstones(catalogue: Catalogue) -> list[Record]:
    """Return the tombstone records, by kind and id."""
    return [
        catalogue.removed[kind][entry_id]
        for kind in KINDS
        for entry_id in sorted(catalogue.removed[kind])
    ]


def published_addresses(catalogue: Catalogue) -> list[str]:
    """Return `kind/id` of every live entry, previous id and tombstone, sorted."""
    addresses = {f"{kind}/{entry_id}" for kind in KINDS for entry_id in catalogue.records[kind]}
    addresses |= {f"{redirect.kind}/{redirect.old_id}" for redirect in redirects(catalogue)}
    addresses |= {f"{record.kind}/{record.id}" for record in tombstones(catalogue)}
    return sorted(addresses)


def register_path(content_root: str) -> Path:
    return Path(content_root) / REGISTER_FILE


def read_register(content_root: str) -> list[tuple[int, str]] | None:
    """Return the register's non-blank lines with their line numbers, or None if it is missing."""
    path = register_path(content_root)
    if path.is_symlink() or not path.is_file():
        return None
    lines = path.read_text("utf-8").splitlines()
    return [(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip()]


def updated_register(catalogue: Catalogue, content_root: str) -> list[str]:
    """Return the register as `kyky addresses --update` writes it: old lines plus new addresses.

    An address is never dropped: once published it stays in the register for good.
    """
    old = {line for _, line in read_register(content_root) or []}
    return sorted(old | set(published_addresses(catalogue)))


def write_register(lines: list[str], content_root: str) -> None:
    register_path(content_root).write_text("".join(f"{line}\n" for line in lines), "utf-8")


def check_addresses(catalogue: Catalogue, content_root: str, display_root: str) -> list[Problem]:
    """Report clashes between live ids, previous ids and tombstones, and lost addresses."""
    lines = read_register(content_root)
    registered = {line for _, line in lines} if lines is not None else None
    register = f"{display_root}/{REGISTER_FILE}"
    problems = list(_previous_id_problems(catalogue, registered, register))
    problems.extend(_tombstone_problems(catalogue))
    problems.extend(_unregistered_examples(catalogue, registered, register))
    problems.extend(_register_problems(catalogue, content_root, display_root))
    return problems


def _previous_id_problems(
    catalogue: Catalogue, registered: set[str] | None, register: str
) -> Iterator[Problem]:
    copies: dict[tuple[str, str], tuple[Record, list[Record], list[str]]] = {}
    for (kind, old_id), claims in sorted(_previous_id_claims(catalogue).items()):
        live = catalogue.get(kind, old_id)
        tombstone = catalogue.removed[kind].get(old_id)
        if live is not None:
            # A previous id keeps its redirect for good, so the live file is the one to rename.
            files = ", ".join(record.path for record, _ in claims)
            suggestion = f"{free_id(catalogue, kind, old_id)}.yml"
            yield problem(
                live, (), "address_id_is_previous", value=old_id, file=files, suggestion=suggestion
            )
        originals = _originals(catalogue, [record for record, _ in claims], registered)
        for record, path in claims:
            if tombstone is not None:
                yield problem(
                    record, path, "address_previous_id_removed", value=old_id, file=tombstone.path
                )
            if originals and record not in originals:
                copy = copies.setdefault((record.kind, record.id), (record, [], []))
                copy[1].extend(other for other in originals if other not in copy[1])
                copy[2].append(old_id)
                continue
            rivals = originals or [other for other, _ in claims]
            if len(rivals) > 1:
                others = ", ".join(other.path for other in rivals if other is not record)
                yield problem(
                    record, path, "address_previous_id_shared", value=old_id, files=others
                )
    for record, originals, old_ids in copies.values():
        yield _copied_previous_ids(record, originals, old_ids, register)


def _originals(
    catalogue: Catalogue, claimants: list[Record], registered: set[str] | None
) -> list[Record]:
    """Return the claimants of a shared previous id that were published before this change.

    A copied example keeps the example's previous ids, but its own address is not yet in
    the register, or it is the address of a removed entry. Return an empty list when
    the register cannot tell the original from the copies: it is missing, or it lists
    every claimant.
    """
    if registered is None:
        return []
    originals = [record for record in claimants if _published(catalogue, record, registered)]
    return originals if len(originals) < len(claimants) else []


def _published(catalogue: Catalogue, record: Record, registered: set[str]) -> bool:
    """Tell whether the register lists a record's address as its own, not a tombstone's."""
    address = f"{record.kind}/{record.id}"
    return address in registered and record.id not in catalogue.removed[record.kind]


def _copied_previous_ids(
    record: Record, originals: list[Record], old_ids: list[str], register: str
) -> Problem:
    """Report once, on the copy, the previous ids it shares with the entries it copies."""
    position = record.document.position(("previous_ids",), of_key=True)
    params = {
        "file": ", ".join(original.path for original in originals),
        "value": ", ".join(old_ids),
        "register": register,
    }
    return Problem(
        record.path,
        position.line,
        position.column,
        "error",
        "address_previous_id_copied",
        params,
        ("previous_ids",),
    )


def _unregistered_examples(
    catalogue: Catalogue, registered: set[str] | None, register: str
) -> Iterator[Problem]:
    """Warn about `example: true` on an entry whose address is not in the register yet.

    The shipped examples are all registered, so such an entry is most likely a real one
    copied from an example. It is a warning, not an error, because a new example added
    on purpose is allowed, and `kyky addresses --update`, which registers it, refuses
    to run while the content has errors.
    """
    if registered is None:
        return
    for kind in KINDS:
        for record in catalogue.all(kind):
            example = getattr(record.entry, "example", False)
            if example and not _published(catalogue, record, registered):
                yield problem(
                    record, ("example",), "example_unregistered", "warning", register=register
                )


def _previous_id_claims(
    catalogue: Catalogue,
) -> dict[tuple[str, str], list[tuple[Record, FieldPath]]]:
    """Return the records that list each previous id, with the path of the listing."""
    claims: dict[tuple[str, str], list[tuple[Record, FieldPath]]] = {}
    for kind in KINDS:
        for record in sorted(catalogue.all(kind), key=lambda item: item.id):
            for index, old_id in enumerate(getattr(record.entry, "previous_ids", [])):
                claims.setdefault((kind, old_id), []).append((record, ("previous_ids", index)))
    return claims


def _tombstone_problems(catalogue: Catalogue) -> Iterator[Problem]:
    for record in tombstones(catalogue):
        live = catalogue.get(record.kind, record.id)
        if live is not None:
            # A tombstone is permanent, so the new file is the one to rename.
            suggestion = f"{free_id(catalogue, record.kind, record.id)}.yml"
            yield problem(
                live,
                (),
                "address_id_of_removed",
                value=record.id,
                file=record.path,
                suggestion=suggestion,
            )
        replacement = record.entry.replacement if isinstance(record.entry, Removed) else None
        target = (replacement.kind, replacement.id) if replacement is not None else None
        if (
            target is not None
            and catalogue.get(*target) is None
            and target not in catalogue.invalid
        ):
            yield problem(
                record,
                ("replacement", "id"),
                "address_replacement_missing",
                value=f"{replacement.kind}/{replacement.id}",
            )


def reserved_ids(catalogue: Catalogue, kind: str) -> set[str]:
    """Return the ids of a kind that a new entry may not take.

    They are the ids of live entries (valid or not), of tombstones, the previous ids of
    renamed entries and the names of the listing folders.
    """
    taken = set(catalogue.records[kind]) | set(catalogue.removed[kind])
    taken |= {entry_id for invalid_kind, entry_id in catalogue.invalid if invalid_kind == kind}
    taken |= {redirect.old_id for redirect in redirects(catalogue) if redirect.kind == kind}
    return taken | RESERVED_IDS


def free_id(catalogue: Catalogue, kind: str, entry_id: str) -> str:
    """Return `<entry_id>-2`, or the first `<entry_id>-<n>` after it that is not reserved."""
    taken = reserved_ids(catalogue, kind)
    number = 2
    while _numbered(entry_id, number) in taken:
        number += 1
    return _numbered(entry_id, number)


def _numbered(entry_id: str, number: int) -> str:
    """Append `-<number>`, shortening the id so that the result stays a valid id."""
    suffix = f"-{number}"
    return entry_id[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix


def _register_problems(
    catalogue: Catalogue, content_root: str, display_root: str
) -> Iterator[Problem]:
    lines = read_register(content_root)
    if lines is None:
        return
    answered = set(published_addresses(catalogue))
    answered |= {f"{kind}/{entry_id}" for kind, entry_id in catalogue.invalid}
    # The previous ids of an invalid file are unknown, so a line of its kind may be one of
    # them: that file's own errors are reported, and this check waits until they are fixed.
    uncertain_kinds = {kind for kind, _ in catalogue.invalid}
    display = f"{display_root}/{REGISTER_FILE}"
    for number, line in lines:
        match = REGISTER_LINE.match(line)
        if match is None:
            yield Problem(display, number, 1, "error", "address_register_line", {"value": line})
        elif line not in answered and line.partition("/")[0] not in uncertain_kinds:
            kind, _, entry_id = line.partition("/")
            tombstone = f"{display_root}/{REMOVED_FOLDER}/{kind}/{entry_id}.yml"
            params = {"value": line, "id": entry_id, "tombstone": tombstone}
            yield Problem(display, number, 1, "error", "address_removed_without_tombstone", params)
