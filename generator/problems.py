"""Problems found in the content: data first, formatted for people in one place.

A problem stores where it is (file, line, column, field path), how bad it is and a
message key with parameters. `format_problem` turns it into the sentence a
contributor reads, in their language; `github_annotation` into a CI annotation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from generator.messages import Ref, message

Severity = Literal["error", "warning"]
FieldPath = tuple[str | int, ...]

SEVERITY_WORDS: dict[str, dict[Severity, str]] = {
    "fi": {"error": "virhe", "warning": "varoitus"},
    "sv": {"error": "fel", "warning": "varning"},
    "en": {"error": "error", "warning": "warning"},
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in the content."""

    path: str
    line: int
    column: int
    severity: Severity
    key: str
    params: dict[str, object] = field(default_factory=dict, compare=False)
    field: FieldPath = ()

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.key)


def dotted(field_path: FieldPath) -> str:
    """Write a field path as a contributor would: `offer.period.start`, `levels[2]`."""
    text = ""
    for part in field_path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def format_problem(problem: Problem, language: str) -> str:
    """Format a problem as `path:line:column: severity: field: message`."""
    severity = SEVERITY_WORDS[language][problem.severity]
    text = message(problem.key, language, **problem.params)
    where = f"{problem.path}:{problem.line}:{problem.column}"
    if problem.field:
        return f"{where}: {severity}: {dotted(problem.field)}: {text}"
    return f"{where}: {severity}: {text}"


def github_annotation(problem: Problem, language: str) -> str:
    """Format a problem as a GitHub Actions workflow command that annotates the line."""
    command = "error" if problem.severity == "error" else "warning"
    text = message(problem.key, language, **problem.params)
    if problem.field:
        text = f"{dotted(problem.field)}: {text}"
    title = _escape_property(f"KYKY-tori: {dotted(problem.field) or problem.path}")
    return (
        f"::{command} file={_escape_property(problem.path)},line={problem.line},"
        f"col={problem.column},title={title}::{_escape_data(text)}"
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def count_errors(problems: Iterable[Problem]) -> int:
    return sum(1 for problem in problems if problem.severity == "error")


def summary_message(files: int, errors: int, warnings: int, language: str) -> str:
    """Return the closing sentence of a check: how many files, errors and warnings."""
    counts = {
        "files": _count("files", files),
        "errors": _count("errors", errors),
        "warnings": _count("warnings", warnings),
    }
    return message("check_failed" if errors else "check_passed", language, **counts)


def _count(noun: str, count: int) -> Ref:
    """Return a count with its noun in the singular for 1 and the plural otherwise."""
    return Ref(f"count_{noun}_{'one' if count == 1 else 'other'}", {"count": count})
