"""GitHub issue forms generated from the models, and issue bodies turned back into YAML.

`kyky forms` writes one issue form per kind into .github/ISSUE_TEMPLATE/, with the
labels and help of fields.yaml in Finnish and Swedish. `kyky from-issue` reads the
body GitHub makes of a submitted form (a `### label` heading per field, then the
answer) and writes the content file. The body is only ever parsed as text here: the
workflow passes it through a file and never into a shell command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator.files import suggest_id
from generator.messages import field_texts, message
from generator.models import MODELS
from generator.schemas import FOLDERS, KIND_NAMES, FieldShape, field_shapes, modeline
from generator.vocabularies import vocabularies

TEMPLATES = Path(__file__).parent / "templates"
FORM_LABEL = "uusi-merkintä"
NO_RESPONSE = "_No response_"
MAX_BODY_CHARACTERS = 65536

# Fields that a form leaves out, and why: the date of publication is the day the
# issue is turned into a file, a new entry has no old ids, and an image needs a file
# in content/images/, which only a pull request can add.
LEFT_OUT: dict[str, frozenset[str]] = {
    "need": frozenset({"published", "updated", "previous_ids", "example"}),
    "idea": frozenset({"published", "updated", "previous_ids", "example"}),
    "product": frozenset(
        {"published", "updated", "previous_ids", "example", "image", "image_alt", "image_privacy"}
    ),
    "organisation": frozenset({"previous_ids", "example"}),
}
# Localised texts long enough for a text area rather than a one-line input.
LONG_TEXTS = frozenset({"summary", "description"})
PRIVACY_CHECK_ID = "privacy"


def repository_url() -> str:
    """Return the repository address set in templates/_repository.html."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return str(environment.get_template("_repository.html").module.repository_url)


# --- Form elements ----------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One element of a form that produces an answer, and where the answer goes."""

    id: str
    label: str
    path: tuple[str, ...]
    language: str | None
    shape: FieldShape
    element: dict[str, Any] = field(compare=False)


def bilingual(key: str, **params: object) -> str:
    """Return a message in Finnish, then in Swedish, separated by a slash."""
    return f"{message(key, 'fi', **params)} / {message(key, 'sv', **params)}"


def _label(path: tuple[str, ...], language: str | None = None) -> str:
    texts = field_texts()
    parts = []
    for form_language in ("fi", "sv"):
        names = [texts[name]["label"][form_language] for name in path]
        text = ": ".join(names)
        if language is not None:
            text = f"{text} {texts[language]['label'][form_language]}"
        parts.append(text)
    return " / ".join(parts)


def _help(shape: FieldShape) -> str:
    texts = field_texts()[shape.name]["help"]
    return f"{texts['fi']}\n\n{texts['sv']}"


def questions(kind: str) -> list[Question]:
    """List the questions of a kind's form in the order of the model's fields."""
    found = []
    optional_groups: list[tuple[str, ...]] = []
    for shape in field_shapes(MODELS[FOLDERS[kind]]):
        inside_optional = any(shape.path[: len(group)] == group for group in optional_groups)
        if shape.kind == "group" and (inside_optional or not shape.required):
            optional_groups.append(shape.path)
        if shape.path[0] in LEFT_OUT[kind] or shape.kind == "group":
            continue
        required = shape.required and not inside_optional and shape.kind != "localized"
        if shape.kind in ("localized", "keywords"):
            found.extend(_question(shape, language, required) for language in ("fi", "sv"))
        else:
            found.append(_question(shape, None, required))
    return found


def _question(shape: FieldShape, language: str | None, required: bool) -> Question:
    parts = [*shape.path, language] if language else list(shape.path)
    identifier = "-".join(part for part in parts if part).replace("_", "-")
    label = _label(shape.path, language)
    attributes: dict[str, Any] = {"label": label, "description": _help(shape)}
    element: dict[str, Any]
    if shape.kind == "code" and shape.many:
        attributes["options"] = [{"label": _option(shape, code)} for code in _codes(shape)]
        element = {"type": "checkboxes", "id": identifier, "attributes": attributes}
        return Question(identifier, label, shape.path, language, shape, element)
    if shape.kind == "code":
        attributes["options"] = [_option(shape, code) for code in _codes(shape)]
        element = {"type": "dropdown", "id": identifier, "attributes": attributes}
    elif shape.kind == "keywords" or shape.path[-1] in LONG_TEXTS:
        element = {"type": "textarea", "id": identifier, "attributes": attributes}
    else:
        element = {"type": "input", "id": identifier, "attributes": attributes}
    if shape.kind == "date":
        attributes["placeholder"] = "2026-08-31"
    element["validations"] = {"required": required}
    return Question(identifier, label, shape.path, language, shape, element)


def _codes(shape: FieldShape) -> list[str]:
    return list(vocabularies()[shape.vocabulary or ""])


def _option(shape: FieldShape, code: str) -> str:
    labels = vocabularies()[shape.vocabulary or ""][code]
    return f"{code}: {labels['fi']} / {labels['sv']}"


def issue_form(kind: str) -> dict[str, Any]:
    """Build the issue form of a kind as the data of its YAML file."""
    body: list[dict[str, Any]] = [
        {"type": "markdown", "attributes": {"value": _intro(kind)}},
    ]
    body.extend(question.element for question in questions(kind))
    body.append(
        {
            "type": "checkboxes",
            "id": PRIVACY_CHECK_ID,
            "attributes": {
                "label": bilingual("form_privacy_label"),
                "options": [{"label": bilingual("form_privacy_option"), "required": True}],
            },
        }
    )
    return {
        "name": bilingual(f"form_name_{kind}"),
        "description": bilingual(f"form_about_{kind}"),
        "title": f"{bilingual(f'form_name_{kind}')}: ",
        "labels": [FORM_LABEL, kind],
        "body": body,
    }


def _intro(kind: str) -> str:
    guide = repository_url()
    paragraphs = [
        message(f"form_about_{kind}", "fi"),
        message("form_intro", "fi", guide=f"{guide}/blob/main/CONTRIBUTING.fi.md"),
        message(f"form_about_{kind}", "sv"),
        message("form_intro", "sv", guide=f"{guide}/blob/main/CONTRIBUTING.sv.md"),
    ]
    return "\n\n".join(paragraphs)


def form_config() -> dict[str, Any]:
    """Build config.yml: no blank issues, and a link to the guide in each language."""
    guide = repository_url()
    return {
        "blank_issues_enabled": False,
        "contact_links": [
            {
                "name": message("form_guide_name", language),
                "url": f"{guide}/blob/main/{file_name}",
                "about": message("form_guide_about", language),
            }
            for language, file_name in (("fi", "CONTRIBUTING.fi.md"), ("sv", "CONTRIBUTING.sv.md"))
        ],
    }


class _Dumper(yaml.SafeDumper):
    """A YAML writer that writes text of several lines as a literal block."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88)


def form_files() -> dict[str, str]:
    """Return the text of every file of .github/ISSUE_TEMPLATE/ by file name."""
    header = message("form_generated", "en")
    files = {
        f"{kind}.yml": f"# {header}\n{dump_yaml(issue_form(kind))}" for kind in KIND_NAMES.values()
    }
    files["config.yml"] = f"# {header}\n{dump_yaml(form_config())}"
    return files


def write_forms(folder: Path | str) -> list[Path]:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in form_files().items():
        path = target / name
        path.write_text(text, "utf-8")
        written.append(path)
    return written


# --- Issue body to YAML -----------------------------------------------------------------


class IssueError(Exception):
    """An issue body that cannot be turned into a content file; carries a message key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def split_answers(body: str, labels: list[str]) -> dict[str, str]:
    """Find the answer under each `### label` heading, looking for the labels in order.

    Looking for the next expected heading only, rather than for any `###` line, keeps a
    `### heading` that someone wrote inside a description from cutting the answer.
    """
    body = body.replace("\r\n", "\n")
    starts: list[tuple[str, int, int]] = []
    position = 0
    for label in labels:
        match = re.compile(rf"^### {re.escape(label)}[ \t]*$", re.MULTILINE).search(body, position)
        if match is None:
            raise IssueError("issue_heading_missing", label=label)
        starts.append((label, match.start(), match.end()))
        position = match.end()
    answers = {}
    for index, (label, _, end) in enumerate(starts):
        stop = starts[index + 1][1] if index + 1 < len(starts) else len(body)
        answer = body[end:stop].strip("\n").strip()
        answers[label] = "" if answer == NO_RESPONSE else answer
    return answers


def issue_to_entry(kind: str, body: str, today: date) -> tuple[str, dict[str, Any]]:
    """Turn an issue body into an id and the data of a content file."""
    if len(body) > MAX_BODY_CHARACTERS:
        raise IssueError("issue_body_too_large", limit=MAX_BODY_CHARACTERS)
    asked = questions(kind)
    privacy_label = bilingual("form_privacy_label")
    answers = split_answers(body, [question.label for question in asked] + [privacy_label])
    data: dict[str, Any] = {}
    for question in asked:
        value = _value(question, answers[question.label])
        if value is not None:
            _place(data, question, value)
    if kind != "organisation":
        data["published"] = today
    ordered = _in_model_order(kind, data)
    title = ordered.get("name" if kind == "organisation" else "title", {})
    text = title.get("fi") or title.get("sv")
    if not text:
        raise IssueError("issue_no_title")
    return suggest_id(text), ordered


def _value(question: Question, answer: str) -> Any:
    shape = question.shape
    if not answer:
        return None
    if shape.kind == "code" and shape.many:
        return _checked_codes(question, answer)
    if shape.kind == "code":
        return _code(question, answer)
    if shape.kind == "keywords" or shape.many:
        items = [item.strip() for item in re.split(r"[,\n]", answer)]
        return [item for item in items if item] or None
    return answer


def _checked_codes(question: Question, answer: str) -> list[str] | None:
    codes = []
    for line in answer.splitlines():
        match = re.fullmatch(r"- \[([ xX])\] (.*)", line.strip())
        if match is None:
            raise IssueError("issue_choice_unknown", label=question.label, value=line.strip())
        if match.group(1) != " ":
            codes.append(_code(question, match.group(2)))
    return codes or None


def _code(question: Question, answer: str) -> str:
    code = answer.partition(":")[0].strip()
    if code not in vocabularies()[question.shape.vocabulary or ""]:
        raise IssueError("issue_choice_unknown", label=question.label, value=answer)
    return code


def _place(data: dict[str, Any], question: Question, value: Any) -> None:
    target = data
    for part in question.path[:-1]:
        target = target.setdefault(part, {})
    if question.language is None:
        target[question.path[-1]] = value
    else:
        target.setdefault(question.path[-1], {})[question.language] = value


def _in_model_order(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """Order the keys as the model declares its fields, so every file reads alike."""
    order = {shape.path: index for index, shape in enumerate(field_shapes(MODELS[FOLDERS[kind]]))}

    def sort(mapping: dict[str, Any], prefix: tuple[str, ...]) -> dict[str, Any]:
        keys = sorted(mapping, key=lambda key: order.get((*prefix, key), len(order)))
        return {
            key: sort(mapping[key], (*prefix, key))
            if isinstance(mapping[key], dict)
            else mapping[key]
            for key in keys
        }

    return sort(data, ())


def entry_text(kind: str, data: dict[str, Any]) -> str:
    """Write the data of a content file as YAML, with the schema modeline first."""
    return f"{modeline(kind)}\n{dump_yaml(data)}"
