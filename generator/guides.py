"""Markdown for contributors: the field reference of the guides and the CI job summary.

The contributor guides (CONTRIBUTING.fi.md, CONTRIBUTING.sv.md, CONTRIBUTING.md) are
written by hand, except the part between REFERENCE_START and REFERENCE_END, which
`kyky docs` writes from the models, fields.yaml and vocabularies.yaml.
"""

from __future__ import annotations

import html
from pathlib import Path

from generator.catalogue import CheckResult
from generator.messages import field_texts, message
from generator.models import MODELS
from generator.problems import SEVERITY_WORDS, Problem, dotted, summary_message
from generator.schemas import FOLDERS, KIND_NAMES, FieldShape, field_shapes
from generator.vocabularies import vocabularies

REFERENCE_START = "<!-- fields:start -->"
REFERENCE_END = "<!-- fields:end -->"
GUIDES: dict[str, str] = {
    "fi": "CONTRIBUTING.fi.md",
    "sv": "CONTRIBUTING.sv.md",
    "en": "CONTRIBUTING.md",
}


def _cell(text: str) -> str:
    """Make text safe inside a Markdown table cell: no HTML, no column breaks, one line."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


# --- Field reference --------------------------------------------------------------------


def field_reference(language: str) -> str:
    """Write the field reference of every kind, then the allowed codes, in a language."""
    lines = [
        REFERENCE_START,
        f"<!-- {message('reference_generated', 'en')} -->",
        "",
    ]
    for kind in KIND_NAMES.values():
        lines.extend(_kind_table(kind, language))
    lines.extend(_vocabulary_tables(language))
    lines.append(REFERENCE_END)
    return "\n".join(lines)


def _kind_table(kind: str, language: str) -> list[str]:
    folder = FOLDERS[kind]
    header = [
        message("reference_column_field", language),
        message("reference_column_required", language),
        message("reference_column_label", language),
        message("reference_column_help", language),
    ]
    lines = [
        f"### {message(f'form_name_{kind}', language)} (content/{folder}/)",
        "",
        f"| {' | '.join(header)} |",
        f"|{' --- |' * len(header)}",
    ]
    optional_groups: list[tuple[str, ...]] = []
    for shape in field_shapes(MODELS[folder]):
        group = next((g for g in optional_groups if shape.path[: len(g)] == g), None)
        if shape.kind == "group" and (group is not None or not shape.required):
            optional_groups.append(shape.path)
        lines.append(_field_row(shape, group, language))
    lines.append("")
    return lines


def _field_row(shape: FieldShape, group: tuple[str, ...] | None, language: str) -> str:
    texts = field_texts()[shape.name]
    if not shape.required:
        required = message("reference_no", language)
    elif group is not None:
        required = message("reference_yes_within", language, group=".".join(group))
    else:
        required = message("reference_yes", language)
    help_text = texts["help"][language]
    if shape.vocabulary is not None:
        codes = ", ".join(f"`{code}`" for code in vocabularies()[shape.vocabulary])
        help_text = f"{help_text}. {message('reference_codes', language, codes=codes)}"
    cells = [required, texts["label"][language], help_text]
    return f"| `{shape.dotted}` | " + " | ".join(_cell(cell) for cell in cells) + " |"


def _vocabulary_tables(language: str) -> list[str]:
    lines = [f"### {message('reference_vocabularies', language)}", ""]
    for name, entries in vocabularies().items():
        lines.extend(
            [
                f"#### {name}",
                "",
                f"| {message('reference_column_code', language)} "
                f"| {message('reference_column_label', language)} |",
                "| --- | --- |",
            ]
        )
        lines.extend(
            f"| `{code}` | {_cell(labels[language])} |" for code, labels in entries.items()
        )
        lines.append("")
    return lines


def update_guide(text: str, language: str) -> str:
    """Replace the generated section of a guide; raise ValueError if its markers are missing."""
    start = text.find(REFERENCE_START)
    end = text.find(REFERENCE_END)
    if start < 0 or end < start:
        raise ValueError(f"the markers {REFERENCE_START} and {REFERENCE_END} are missing")
    return text[:start] + field_reference(language) + text[end + len(REFERENCE_END) :]


def write_guides(root: Path | str) -> list[Path]:
    """Regenerate the field reference of every guide under `root`; return the guides changed."""
    changed = []
    for language, name in GUIDES.items():
        path = Path(root) / name
        text = path.read_text("utf-8")
        updated = update_guide(text, language)
        if updated != text:
            path.write_text(updated, "utf-8")
            changed.append(path)
    return changed


# --- Job summary ------------------------------------------------------------------------


def check_summary(result: CheckResult, languages: tuple[str, ...] = ("fi", "sv")) -> str:
    """Write the result of `kyky check` as Markdown, one section per language."""
    sections = [_summary_section(result, language) for language in languages]
    return "\n".join(sections)


def _summary_section(result: CheckResult, language: str) -> str:
    outcome = summary_message(result.files, result.errors, result.warnings, language)
    lines = [f"## {message('summary_heading', language)}", "", _cell(outcome), ""]
    if result.problems:
        header = [
            message(f"summary_column_{name}", language)
            for name in ("file", "place", "severity", "field", "message")
        ]
        lines.append(f"| {' | '.join(header)} |")
        lines.append(f"|{' --- |' * len(header)}")
        lines.extend(_summary_row(problem, language) for problem in result.problems)
        lines.append("")
    return "\n".join(lines)


def _summary_row(problem: Problem, language: str) -> str:
    cells = [
        problem.path,
        f"{problem.line}:{problem.column}",
        SEVERITY_WORDS[language][problem.severity],
        dotted(problem.field),
        message(problem.key, language, **problem.params),
    ]
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"
