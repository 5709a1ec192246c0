"""The catalogue pipeline up to a validated, cross-linked catalogue.

    find files → load YAML → validate each file → check rules → resolve references

Every phase adds to one list of problems; nothing stops at the first one. Rendering
and indexing (see `site.py`) start only from a catalogue with no errors.
"""

from __future__ import annotations

import gc
import logging
import os
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from generator.files import ContentFile, find_content, misplaced_entry
from generator.loader import Document, LoadError, load_document
from generator.models import MODELS, Removed, StrictModel
from generator.problems import Problem, count_errors
from generator.validate import validate

log = logging.getLogger(__name__)

KINDS: tuple[str, ...] = ("needs", "ideas", "products", "organisations")
ENTRY_KINDS: tuple[str, ...] = ("needs", "ideas", "products")
HELSINKI = ZoneInfo("Europe/Helsinki")
# An ISO date (YYYY-MM-DD) that replaces today's date, so that builds and tests
# that depend on which entries have expired can be reproduced.
TODAY_VARIABLE = "KYKY_TODAY"


@dataclass
class Record:
    """A validated content file: its kind, id, entry and where its fields are written."""

    kind: str
    id: str
    entry: StrictModel
    document: Document
    # Values derived from the entry, such as the words that suggestions compare, kept
    # so that rendering computes each once. The entry is frozen, so they never go stale.
    derived: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def path(self) -> str:
        return self.document.path


@dataclass(frozen=True)
class Link:
    """A reference from one record to another, named by the field that makes it."""

    source_kind: str
    source_id: str
    field: str
    target_kind: str
    target_id: str


@dataclass
class Catalogue:
    """Every valid record by kind and id, with the references both ways."""

    records: dict[str, dict[str, Record]] = field(
        default_factory=lambda: {kind: {} for kind in KINDS}
    )
    links: list[Link] = field(default_factory=list)
    incoming: dict[tuple[str, str], list[Link]] = field(default_factory=lambda: defaultdict(list))
    # Ids whose files exist but are invalid: references to them are not errors of their own.
    invalid: set[tuple[str, str]] = field(default_factory=set)
    today: date = field(default_factory=date.today)
    # Tombstones of removed entries by kind and id; their `entry` is a `Removed`.
    removed: dict[str, dict[str, Record]] = field(
        default_factory=lambda: {kind: {} for kind in KINDS}
    )
    # Values derived from the whole catalogue, such as the candidates of suggestions,
    # kept so that rendering computes each once.
    derived: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def get(self, kind: str, entry_id: str) -> Record | None:
        return self.records[kind].get(entry_id)

    def all(self, kind: str) -> list[Record]:
        return list(self.records[kind].values())

    def referrers(self, kind: str, entry_id: str, source_kind: str) -> list[Record]:
        """Return the records of `source_kind` that refer to this record, in id order."""
        found = {
            link.source_id
            for link in self.incoming[(kind, entry_id)]
            if link.source_kind == source_kind
        }
        return [self.records[source_kind][source_id] for source_id in sorted(found)]


@dataclass
class CheckResult:
    """The result of a check: the catalogue of valid records and every problem."""

    catalogue: Catalogue
    problems: list[Problem]
    files: int

    @property
    def errors(self) -> int:
        return count_errors(self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def check(
    content_root: str, display_root: str = "content", today: date | None = None
) -> CheckResult:
    """Run every phase up to reference resolution and collect all problems."""
    with collector_paused():
        return _check(content_root, display_root, today)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the block runs.

    A check keeps every document and record until it ends, so each collection walks
    an ever larger heap and frees next to nothing. On the 5,000-entry catalogue of
    tests/benchmarks/synthesize.py, collections took over 40 % of a check's CPU time.
    Reference counting still frees every object outside a cycle, and a check leaves
    next to no cycles behind. When the block ends, `gc.freeze` moves the objects
    still alive, mostly the catalogue, to the permanent generation, so that later
    collections skip them instead of walking them all once more.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _check(content_root: str, display_root: str, today: date | None) -> CheckResult:
    from generator.addresses import check_addresses
    from generator.rules import check_entry_rules, resolve_references, suggest_existing_ids

    # Decide the date against which entries expire.
    problems: list[Problem] = []
    if today is None:
        today, problems = default_today()
    catalogue = Catalogue(today=today)

    # Find the files without following symlinks, and check their names.
    files, found_problems = find_content(content_root, display_root)
    problems.extend(found_problems)

    # Load and validate each file on its own.
    for content_file in files:
        record, file_problems = load_record(content_file)
        problems.extend(file_problems)
        if record is not None and content_file.removed:
            catalogue.removed[record.kind][record.id] = record
        elif record is not None:
            catalogue.records[record.kind][record.id] = record
        else:
            catalogue.invalid.add((content_file.folder, content_file.entry_id))

    # Point ids that break the id rules at the nearest existing entry of the right kind.
    folders = {content_file.display_path: content_file.folder for content_file in files}
    problems = suggest_existing_ids(problems, catalogue, folders)

    # Check rules that compare fields of one entry.
    for kind in KINDS:
        for record in catalogue.all(kind):
            problems.extend(check_entry_rules(record, content_root, catalogue.today))

    # Resolve references between entries, recording them both ways.
    problems.extend(resolve_references(catalogue))

    # Check that every address ever published still leads somewhere.
    problems.extend(check_addresses(catalogue, content_root, display_root))

    problems.sort(key=Problem.sort_key)
    return CheckResult(catalogue, problems, len(files))


def load_record(content_file: ContentFile) -> tuple[Record | None, list[Problem]]:
    log.debug("reading %s", content_file.display_path)
    try:
        document = load_document(content_file.path, content_file.display_path)
    except LoadError as error:
        return None, error.problems
    if not content_file.removed:
        misplaced = misplaced_entry(content_file, document)
        if misplaced is not None:
            return None, [misplaced]
    model = Removed if content_file.removed else MODELS[content_file.folder]
    entry, problems = validate(model, document)
    if entry is None:
        return None, problems
    return Record(content_file.folder, content_file.entry_id, entry, document), problems


def default_today() -> tuple[date, list[Problem]]:
    """Return $KYKY_TODAY if it is set, else today's date in Helsinki."""
    value = os.environ.get(TODAY_VARIABLE, "")
    if not value:
        return datetime.now(HELSINKI).date(), []
    try:
        return date.fromisoformat(value), []
    except ValueError:
        params = {"variable": TODAY_VARIABLE, "value": value}
        problem = Problem(TODAY_VARIABLE, 1, 1, "error", "today_invalid", params)
        return datetime.now(HELSINKI).date(), [problem]


def is_inside(root: str, relative: str) -> bool:
    """Tell whether `relative`, resolved from `root`, stays inside `root`."""
    base = os.path.realpath(root)
    target = os.path.realpath(os.path.join(base, relative))
    return os.path.commonpath([base, target]) == base
