"""Read one YAML content file into plain data, keeping the line and column of every node.

The loader builds the data from what libyaml parsed rather than from PyYAML's
constructor:

- every scalar stays the text that was written, so YAML 1.1 never turns `no`, `on`,
  `012`, `1:20` or `1.10` into something else; only an empty value or `~`/`null` is
  None, and pydantic converts text to numbers and dates where a field asks for them;
- anchors, aliases and explicit tags are reported, never expanded, so an alias bomb
  costs one pass over its events;
- a duplicate key is reported with the lines of both occurrences;
- deep nesting cannot exhaust Python's stack: the event walk is iterative, and the
  node walk gives a file nested too deep for it to the event walk.

A file is read in one of two ways. Most are plain mappings of plain values, and the
fast path walks the node tree that libyaml composes in C. Whatever that path does not
expect (an anchor, an alias, a tag, a duplicate or complex key, another document, a
syntax error) sends the file to the event path, which reports each of those
exactly. Both give the same document for every file the fast path accepts.

A file with any problem here is not validated further: its data could be wrong in
ways that would only produce follow-on errors.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from generator.models import fields_under
from generator.problems import FieldPath, Problem

MAX_FILE_BYTES = 256 * 1024
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_OTHER_LINE_BREAK = re.compile("[\r\x85\u2028\u2029]")
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})

try:
    _Parser: type = yaml.CSafeLoader
    from yaml._yaml import CParser as _NodeParser
except (AttributeError, ImportError):  # PyYAML built without libyaml
    _Parser = yaml.SafeLoader
    _NodeParser = None


@dataclass(frozen=True)
class Position:
    """A place in a file, both counted from 1."""

    line: int
    column: int


@dataclass
class Document:
    """The data of one content file and the position of each value and key in it."""

    path: str
    data: dict[str, Any]
    positions: dict[FieldPath, Position] = field(default_factory=dict)
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)
    # Unquoted or quoted (not `|` or `>`) values written over several lines: YAML
    # joins their lines, so line breaks and blank lines between paragraphs are lost.
    folded: set[FieldPath] = field(default_factory=set)
    # Unquoted values followed by ` #` on their line: YAML reads the rest as a comment.
    cut_by_comment: set[FieldPath] = field(default_factory=set)

    def position(self, field_path: FieldPath, *, of_key: bool = False) -> Position:
        """Return the position of a field, or of its nearest parent that exists."""
        table = self.key_positions if of_key else self.positions
        path = tuple(field_path)
        while path:
            if path in table:
                return table[path]
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), Position(1, 1))


# Positions repeat from file to file and never change, so one object serves every file
# (up to 65,536 distinct positions are kept).
_position = functools.lru_cache(maxsize=1 << 16)(Position)


class LoadError(Exception):
    """A file that cannot be read as a content file, with every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def read_text(path: str, display_path: str) -> str:
    """Read a file as UTF-8 text without following a symlink.

    A byte order mark is dropped and CRLF line endings are accepted.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise LoadError(
            [_problem(display_path, 1, 1, "file_unreadable", reason=error.strerror)]
        ) from None
    with os.fdopen(descriptor, "rb") as stream:
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError([_problem(display_path, 1, 1, "file_too_large", limit=MAX_FILE_BYTES)])
    return decode(raw, display_path)


def decode(raw: bytes, display_path: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError([_problem(display_path, 1, 1, "file_utf16")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise LoadError([_problem(display_path, line, column, "file_not_utf8")]) from None
    return text.replace("\r\n", "\n")


def load_document(path: str, display_path: str) -> Document:
    """Read and parse one content file; raise LoadError with every problem found."""
    return parse_document(read_text(path, display_path), display_path)


def parse_document(text: str, display_path: str) -> Document:
    if not _has_content(text):
        raise LoadError([_problem(display_path, 1, 1, "file_empty")])
    return read_nodes(text, display_path) or read_events(text, display_path)


def read_events(text: str, display_path: str) -> Document:
    """Build the document from libyaml's events, reporting every problem found."""
    builder = _Builder(display_path, split_lines(text))
    try:
        for event in yaml.parse(text, Loader=_Parser):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        builder.problems.append(_syntax_problem(display_path, error, text))
    except yaml.YAMLError as error:  # ReaderError: a character YAML does not allow
        position = getattr(error, "position", 0)
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        builder.problems.append(_problem(display_path, line, column, "yaml_character"))
    if builder.problems:
        raise LoadError(builder.problems)
    if not isinstance(builder.root, dict):
        raise LoadError([_problem(display_path, 1, 1, "file_not_mapping")])
    return Document(
        display_path,
        builder.root,
        builder.positions,
        builder.key_positions,
        builder.folded,
        builder.cut_by_comment,
    )


def split_lines(text: str) -> list[str]:
    """Split a text into lines as libyaml counts them, so that a mark's line indexes them.

    Besides a line feed, libyaml ends a line at a lone carriage return, a CRLF left by
    a stray CR before it, NEL (U+0085), and the line and paragraph separators.
    """
    if _OTHER_LINE_BREAK.search(text) is None:
        return text.split("\n")
    return _LINE_BREAK.split(text)


def _has_content(text: str) -> bool:
    if text.lstrip()[:1] not in ("", "#", "-", "."):
        return True  # the first line that is not blank is neither a comment nor a marker
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return True
    return False


def _problem(path: str, line: int, column: int, message_key: str, **params: object) -> Problem:
    return Problem(path, line, column, "error", message_key, params)


def _syntax_problem(path: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """Turn a parser error into the mistake a person most likely made, on its line.

    libyaml often notices a mistake a line or more after it: a key without a colon is
    found on the next line, and an unclosed quote at the end of the file. The context
    mark, or the line before, is then where the mistake is.
    """
    lines = split_lines(text)
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    problem_text = error.problem or ""
    context_mark = error.context_mark
    line_text = lines[line] if line < len(lines) else ""
    indentation = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    if "\t" in indentation:
        return _problem(path, line + 1, indentation.index("\t") + 1, "yaml_tab")
    if "could not find expected ':'" in problem_text and context_mark is not None:
        # A non-breaking space, as text pasted from a word processor has, is not a space
        # to YAML, so `status:` and its value become one word.
        if NO_BREAK_SPACE in lines[context_mark.line]:
            column = lines[context_mark.line].index(NO_BREAK_SPACE)
            return _problem(path, context_mark.line + 1, column + 1, "yaml_no_break_space")
        key = _key_or_text(lines[context_mark.line])
        return _problem(path, context_mark.line + 1, context_mark.column + 1, key)
    if "quoted scalar" in (error.context or "") and context_mark is not None:
        return _problem(path, context_mark.line + 1, context_mark.column + 1, "yaml_unclosed_quote")
    if "mapping values are not allowed" in problem_text:
        return _misplaced_colon(path, lines, line, column)
    if "block sequence entries are not allowed" in problem_text:
        return _problem(path, line + 1, column + 1, "yaml_dash_after_key")
    if "did not find expected key" in problem_text and _ends_quote(lines, line, column):
        return _problem(path, line + 1, column + 1, "yaml_text_after_quote")
    if "did not find expected key" in problem_text or "expected <block end>" in problem_text:
        dedented = _dedented_key_line(path, lines, line)
        return dedented or _problem(path, line + 1, column + 1, "yaml_indentation")
    return _problem(path, line + 1, column + 1, "yaml_syntax", detail=problem_text)


NO_BREAK_SPACE = "\u00a0"


def _ends_quote(lines: list[str], line: int, column: int) -> bool:
    """Tell whether the mistake is text after a quoted value, as in
    `fi: "Lukeminen on kivaa" sanoo oppilas`."""
    text = lines[line] if line < len(lines) else ""
    before = text[:column].rstrip()
    return bool(re.match(r"\s*(- )?[\w-]+:\s*[\"']", text)) and before.endswith(('"', "'"))


def _key_or_text(line: str) -> str:
    """Tell a field name missing its colon (`status open`) from a line of text that
    slipped out of its indented block (`Toinen kappale kertoo tarpeen.`)."""
    words = line.split()
    if len(words) <= 2 and words and re.fullmatch(r"[a-z_]+", words[0]):
        return "yaml_missing_colon"
    return "yaml_indentation"


def _misplaced_colon(path: str, lines: list[str], line: int, column: int) -> Problem:
    """Tell a colon inside a text from a key whose line, or the line above, is wrong."""
    before = lines[line][:column]
    if not re.fullmatch(r"\s*[\w-]+", before):
        return _problem(path, line + 1, column + 1, "yaml_colon_in_text")
    previous = line - 1
    while previous >= 0 and not lines[previous].strip():
        previous -= 1
    if previous >= 0 and ":" not in lines[previous]:
        indent = len(lines[previous]) - len(lines[previous].lstrip())
        return _problem(path, previous + 1, indent + 1, _key_or_text(lines[previous]))
    indent = len(before) - len(before.lstrip())
    dedented = _dedented_key_line(path, lines, line)
    return dedented or _problem(path, line + 1, indent + 1, "yaml_indentation")


KEY_LINE = re.compile(r"( *)([\w-]+):(?:\s|$)")


def _dedented_key_line(path: str, lines: list[str], line: int) -> Problem | None:
    """Find a key dedented out of its group above a line indented more than it.

    In `title:` / `  fi: …` / `sv: …` / `  …`, libyaml stops at the last line, yet the
    mistake is `sv:`, which belongs beside `fi:`. Return None unless the nearest key
    above `line` starts left of both `line` and a key above it, is not a field at its
    own level, and is a field of the group of that key above.
    """
    key_index = _previous_content_line(lines, line)
    match = KEY_LINE.match(lines[key_index]) if key_index is not None else None
    if key_index is None or match is None or len(match.group(1)) >= _indent(lines[line]):
        return None
    name, indent = match.group(2), len(match.group(1))
    if name in fields_under(_group_keys(lines, key_index)):
        return None  # the key is in its place, so the line below it is the mistake
    sibling = key_index
    while (sibling := _previous_content_line(lines, sibling)) is not None:
        found = KEY_LINE.match(lines[sibling])
        if found is None:
            continue  # a line of a text or a list item
        if len(found.group(1)) <= indent:
            return None
        group = _group_keys(lines, sibling)
        if not group or name not in fields_under(group):
            return None
        params = {
            "key": name,
            "above": found.group(2),
            "line": sibling + 1,
            "group": ".".join(group),
            "spaces": len(found.group(1)),
        }
        return Problem(path, key_index + 1, indent + 1, "error", "key_dedented", params)
    return None


def _previous_content_line(lines: list[str], line: int) -> int | None:
    """Return the index of the nearest line above `line` that is neither blank nor a comment."""
    for index in range(line - 1, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
    return None


def _group_keys(lines: list[str], line: int) -> list[str]:
    """Return the keys of the groups that contain the key on `line`, outermost first."""
    keys: list[str] = []
    indent = _indent(lines[line])
    for index in range(line - 1, -1, -1):
        match = KEY_LINE.match(lines[index])
        if match is not None and len(match.group(1)) < indent:
            keys.insert(0, match.group(2))
            indent = len(match.group(1))
            if indent == 0:
                break
    return keys


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _Collection:
    """A mapping or sequence under construction."""

    __slots__ = ("field_path", "key_line", "pending_key", "seen_keys", "value")

    def __init__(self, value: dict[str, Any] | list[Any], field_path: FieldPath) -> None:
        self.value = value
        self.field_path = field_path
        self.pending_key: str | None = None
        self.key_line = 0
        self.seen_keys: dict[str, int] = {}


class _Builder:
    """Turns parser events into plain data, positions and problems."""

    def __init__(self, path: str, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.folded: set[FieldPath] = set()
        self.cut_by_comment: set[FieldPath] = set()
        self.problems: list[Problem] = []
        self.stack: list[_Collection] = []
        self.root: Any = None
        self.documents = 0
        self.positions: dict[FieldPath, Position] = {}
        self.key_positions: dict[FieldPath, Position] = {}
        self.reported_anchor = False
        self.anchor_count = 0

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents == 2:
                self._report(event, "yaml_many_documents")
        elif isinstance(event, yaml.AliasEvent):
            self._report_anchor(event, event.anchor)
            self._add_value(None, event)
        elif isinstance(event, yaml.ScalarEvent):
            self._check_node(event)
            self._add_scalar(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._check_node(event)
            self._open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()

    def _check_node(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            self._report_anchor(event, event.anchor)
        tag = getattr(event, "tag", None)
        if tag is not None and not _implicit(event):
            self._report(event, "yaml_tag", tag=tag)

    def _report_anchor(self, event: yaml.Event, anchor: str) -> None:
        # One error per file: the first anchor or alias is where to start.
        self.anchor_count += 1
        if not self.reported_anchor:
            self.reported_anchor = True
            self._report(event, "yaml_anchor", anchor=anchor)

    def _report(self, event: yaml.Event, message_key: str, **params: object) -> None:
        mark = event.start_mark
        self.problems.append(
            _problem(self.path, mark.line + 1, mark.column + 1, message_key, **params)
        )

    def _add_scalar(self, event: yaml.ScalarEvent) -> None:
        value: str | None = event.value
        # libyaml reports a plain scalar's style as "", the Python parser as None.
        if not event.style and event.value in NULL_WORDS:
            value = None
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.pending_key is None:
            self._add_key(top, event)
            return
        field_path = self._add_value(value, event)
        self._note_lost_text(field_path, event)

    def _note_lost_text(self, field_path: FieldPath, event: yaml.ScalarEvent) -> None:
        start, end = event.start_mark, event.end_mark
        if event.style in (None, "", "'", '"') and end.line > start.line:
            self.folded.add(field_path)
        if not event.style and end.line < len(self.lines):
            rest = self.lines[end.line][end.column :]
            if rest[:1] in (" ", "\t") and rest.lstrip().startswith("#"):
                self.cut_by_comment.add(field_path)

    def _add_key(self, mapping: _Collection, event: yaml.ScalarEvent) -> None:
        key = event.value
        line = event.start_mark.line + 1
        if key in mapping.seen_keys:
            self._report(event, "yaml_duplicate_key", key=key, first_line=mapping.seen_keys[key])
        else:
            mapping.seen_keys[key] = line
        mapping.pending_key = key
        mapping.key_line = line
        key_path = (*mapping.field_path, key)
        self.key_positions[key_path] = _position(line, event.start_mark.column + 1)

    def _add_value(self, value: Any, event: yaml.Event) -> FieldPath:
        mark = event.start_mark
        if not self.stack:
            self.root = value
            self.positions[()] = _position(mark.line + 1, mark.column + 1)
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            field_path = (*top.field_path, len(top.value))
            top.value.append(value)
        else:
            if top.pending_key is None:
                # A mapping or sequence used as a key; YAML allows it, content files do not.
                self._report(event, "yaml_complex_key")
                top.pending_key = "?"
            field_path = (*top.field_path, top.pending_key)
            if top.pending_key not in top.value:
                top.value[top.pending_key] = value
            top.pending_key = None
        self.positions[field_path] = _position(mark.line + 1, mark.column + 1)
        return field_path

    def _open(self, event: yaml.CollectionStartEvent) -> None:
        container: dict[str, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        field_path = self._add_value(container, event)
        self.stack.append(_Collection(container, field_path))


def _implicit(event: yaml.NodeEvent) -> bool:
    implicit = getattr(event, "implicit", True)
    if isinstance(implicit, tuple):
        return any(implicit)
    return bool(implicit)


# The fast path: a walk over the nodes that libyaml composes.

# In a file that libyaml parses, an anchor or alias never directly follows a letter,
# digit or underscore, because a plain scalar or a tag there takes the `&` or `*` in.
_MAYBE_ANCHOR = re.compile(r"(?<!\w)[&*]")
# The tag the node parser gives a node written without one.
_NO_TAG = ""


class _Unusual(Exception):
    """Something the fast path leaves to the event path."""


class _NodeLoader(_NodeParser or object):  # type: ignore[misc]
    """libyaml's composer with every tag left as written.

    A node written without a tag, or with the non-specific `!` where libyaml treats it
    as implicit, gets the tag "" instead of one resolved from its value, so any other
    tag was written explicitly. Aliases would come back as the node they name, which is
    why files that may contain one never come here.
    """

    def resolve(self, kind: type, value: str | None, implicit: bool | tuple[bool, bool]) -> str:
        # A scalar has two flags, plain and quoted. The event path calls it implicit when
        # either is set, and libyaml sets neither for a `!` with no value after it.
        if isinstance(implicit, tuple):
            implicit = True in implicit
        return _NO_TAG if implicit else "!"

    def descend_resolver(self, parent: object, index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def read_nodes(text: str, display_path: str) -> Document | None:
    """Build the document from libyaml's node tree, or return None to use the event path."""
    if _NodeParser is None or (("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text)):
        return None
    parser = _NodeLoader(text)
    try:
        root = parser.get_single_node()
    except yaml.YAMLError:
        return None  # the event path reports the mistake where it is
    finally:
        parser.dispose()
    if not isinstance(root, MappingNode):
        return None
    walk = _NodeWalk(split_lines(text))
    try:
        data = walk.value(root, ())
    except (_Unusual, RecursionError):
        return None
    return Document(
        display_path, data, walk.positions, walk.key_positions, walk.folded, walk.cut_by_comment
    )


class _NodeWalk:
    """Turns a node tree without anchors, tags or repeated keys into plain data and positions.

    Positions are recorded in the order the event path records them, each before the
    values below it, so that both paths give equal documents.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.positions: dict[FieldPath, Position] = {}
        self.key_positions: dict[FieldPath, Position] = {}
        self.folded: set[FieldPath] = set()
        self.cut_by_comment: set[FieldPath] = set()
        self.seen: set[int] = set()

    def value(self, node: Node, field_path: FieldPath) -> Any:
        mark = node.start_mark
        self.positions[field_path] = _position(mark.line + 1, mark.column + 1)
        if node.tag:
            raise _Unusual
        if node.__class__ is ScalarNode:
            return self.scalar(node, field_path)
        if id(node) in self.seen:
            raise _Unusual  # an alias: the same node a second time
        self.seen.add(id(node))
        if node.__class__ is MappingNode:
            return self.mapping(node, field_path)
        return [self.value(item, (*field_path, index)) for index, item in enumerate(node.value)]

    def mapping(self, node: MappingNode, field_path: FieldPath) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.__class__ is not ScalarNode or key_node.tag or key in data:
                raise _Unusual  # a complex, tagged or repeated key
            mark = key_node.start_mark
            key_path = (*field_path, key)
            self.key_positions[key_path] = _position(mark.line + 1, mark.column + 1)
            data[key] = self.value(value_node, key_path)
        return data

    def scalar(self, node: ScalarNode, field_path: FieldPath) -> str | None:
        style, start, end = node.style, node.start_mark, node.end_mark
        if end.line > start.line and style in ("", "'", '"'):
            self.folded.add(field_path)
        if style:
            return node.value
        if end.line < len(self.lines):
            rest = self.lines[end.line][end.column :]
            if rest[:1] in (" ", "\t") and rest.lstrip().startswith("#"):
                self.cut_by_comment.add(field_path)
        return None if node.value in NULL_WORDS else node.value
