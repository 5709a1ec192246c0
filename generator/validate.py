"""Validate one loaded document against its model and turn pydantic's errors into problems.

The model follows from the file's folder, so a need is never reported against the
fields of an idea. Each pydantic error type maps to a message key of our own, with
the valid choices or the nearest match where there is one.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from datetime import date
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.files import suggest_id
from generator.loader import Document, Position
from generator.messages import PerLanguage, Ref, field_help, field_texts
from generator.models import MAX_GRADE, MIN_GRADE, LocalizedText, StrictModel
from generator.problems import FieldPath, Problem, dotted
from generator.vocabularies import LANGUAGES, code_for_label, vocabularies

# Field names that people write in Finnish or Swedish, and the field they mean.
TRANSLATED_FIELD_NAMES: dict[str, tuple[str, str]] = {
    "otsikko": ("title", "fi"),
    "nimi": ("name", "fi"),
    "tiivistelma": ("summary", "fi"),
    "tiivistelmä": ("summary", "fi"),
    "kuvaus": ("description", "fi"),
    "tila": ("status", "fi"),
    "koulu": ("school", "fi"),
    "yritys": ("company", "fi"),
    "oppiaineet": ("subjects", "fi"),
    "aineet": ("subjects", "fi"),
    "kouluasteet": ("levels", "fi"),
    "yhteystieto": ("contact", "fi"),
    "yhteystiedot": ("contact", "fi"),
    "verkkosivu": ("website", "fi"),
    "kuva": ("image", "fi"),
    "julkaistu": ("published", "fi"),
    "julkaisupaiva": ("published", "fi"),
    "julkaisupäivä": ("published", "fi"),
    "sahkoposti": ("email", "fi"),
    "sähköposti": ("email", "fi"),
    "publicerad": ("published", "sv"),
    "e-post": ("email", "sv"),
    "epost": ("email", "sv"),
    "rubrik": ("title", "sv"),
    "titel": ("title", "sv"),
    "namn": ("name", "sv"),
    "sammanfattning": ("summary", "sv"),
    "beskrivning": ("description", "sv"),
    "skola": ("school", "sv"),
    "foretag": ("company", "sv"),
    "företag": ("company", "sv"),
    "amnen": ("subjects", "sv"),
    "ämnen": ("subjects", "sv"),
    "kontakt": ("contact", "sv"),
    "webbplats": ("website", "sv"),
    "bild": ("image", "sv"),
}
PHONE_FIELD_NAMES = frozenset(
    {"phone", "telephone", "mobile", "puhelin", "puhelinnumero", "gsm", "telefon", "tel"}
)


def validate(
    model: type[StrictModel], document: Document
) -> tuple[StrictModel | None, list[Problem]]:
    """Validate a document; return the entry (None if invalid) and its problems."""
    lost = lost_text(document)
    try:
        entry = model.model_validate(document.data)
    except ValidationError as error:
        problems = [_problem(model, document, detail) for detail in error.errors()]
        return None, lost + _drop_explained_missing(_drop_repeats(problems))
    # A text lost to a comment is already an error, so it is not a missing translation too.
    lost_fields = {problem.field for problem in lost}
    missing = missing_translations(entry, document, skip=lost_fields)
    return entry, lost + missing


def lost_text(document: Document) -> list[Problem]:
    """Report texts that YAML shortened or joined differently from how they were written."""
    problems = []
    for field_path in sorted(document.cut_by_comment, key=str):
        if field_path and field_path[-1] in ("fi", "sv"):
            value = _value_at(document.data, field_path)
            # A text that starts with ` #` is all comment: nothing is left of it.
            key = "text_cut_by_comment" if value else "text_starts_with_hash"
            problems.append(_text_problem(document, field_path, key, value))
    for field_path in sorted(document.folded, key=str):
        value = _value_at(document.data, field_path)
        if field_path[:1] == ("description",) and isinstance(value, str) and "\n" in value:
            problems.append(_text_problem(document, field_path, "text_folded", value))
    return problems


def _value_at(data: Any, field_path: FieldPath) -> Any:
    for part in field_path:
        data = data[part]
    return data


def _text_problem(document: Document, field_path: FieldPath, key: str, value: Any) -> Problem:
    position = document.position(field_path)
    language = str(field_path[-1])
    params = {"value": value, "language": language}
    return Problem(document.path, position.line, position.column, "error", key, params, field_path)


def _drop_explained_missing(problems: list[Problem]) -> list[Problem]:
    """Drop "field missing" when an unknown key beside it already names that field.

    `otsikko:` or `titel:` in place of `title:` is one mistake, reported once, on the key.
    """
    suggested = {
        (*problem.field[:-1], str(problem.params.get("suggestion", problem.params.get("field"))))
        for problem in problems
        if problem.key.startswith("unknown_field")
    }
    suggested |= {
        (*problem.params["group_path"], problem.field[-1])
        for problem in problems
        if problem.key == "key_dedented"
    }
    return [
        problem
        for problem in problems
        if not (problem.key == "missing" and tuple(problem.field) in suggested)
    ]


def _drop_repeats(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for problem in problems:
        identity = (problem.line, problem.column, problem.key, problem.field)
        if identity not in seen:
            seen.add(identity)
            unique.append(problem)
    return unique


def _problem(model: type[BaseModel], document: Document, detail: ErrorDetails) -> Problem:
    field_path: FieldPath = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    if kind == "extra_forbidden":
        key, params = _dedented_key(model, document, field_path) or _unknown_field(
            model, field_path
        )
        position = document.position(field_path, of_key=True)
    elif kind == "missing":
        name = str(field_path[-1])
        key, params = "missing", {"help": _help(name)}
        position = document.position(field_path[:-1], of_key=True)
    else:
        key, params = _grade_range_problem(document, field_path, value) or _value_problem(
            model, field_path, kind, value, detail.get("ctx", {})
        )
        position = document.position(field_path)
    return Problem(document.path, position.line, position.column, "error", key, params, field_path)


def _help(name: str) -> PerLanguage:
    if name in field_texts():
        return field_help(name)
    return PerLanguage({language: name for language in LANGUAGES})


def _unknown_field(model: type[BaseModel], field_path: FieldPath) -> tuple[str, dict[str, Any]]:
    name = str(field_path[-1])
    parent = model_at(model, field_path[:-1])
    allowed = list(parent.model_fields) if parent else []
    folded = name.casefold()
    if folded in PHONE_FIELD_NAMES:
        return "phone_not_allowed", {"key": name}
    if folded in TRANSLATED_FIELD_NAMES and TRANSLATED_FIELD_NAMES[folded][0] in allowed:
        field, language = TRANSLATED_FIELD_NAMES[folded]
        if not _is_localized(parent, field):
            return "unknown_field_english", {"key": name, "suggestion": field}
        return "unknown_field_translated", {
            "key": name,
            "suggestion": field,
            "language": language,
            "language_name": Ref(f"language_name_{language}"),
        }
    split = _language_suffix(folded, allowed)
    if split is not None:
        field, language = split
        return "unknown_field_language", {"key": name, "field": field, "language": language}
    nearest = difflib.get_close_matches(folded, allowed, n=1, cutoff=0.6)
    if nearest:
        return "unknown_field", {"key": name, "suggestion": nearest[0]}
    return "unknown_field_plain", {"key": name, "allowed": ", ".join(allowed)}


def _dedented_key(
    model: type[BaseModel], document: Document, field_path: FieldPath
) -> tuple[str, dict[str, Any]] | None:
    """Recognise a key indented less than the group above it belongs to.

    In `title:` / `  fi: …` / `sv: …`, YAML reads `sv` as a field of its own beside
    `title`. Return the message that names the group and the line to indent it like,
    or None when no group above this key has a field of its name.
    """
    name = str(field_path[-1])
    position = document.key_positions.get(field_path)
    if position is None:
        return None
    above = max(
        (path for path, place in document.key_positions.items() if place.line < position.line),
        key=lambda path: document.key_positions[path].line,
        default=None,
    )
    parent = field_path[:-1]
    while above is not None and len(above) - 1 > len(parent):
        group = above[:-1]
        target = model_at(model, group)
        if (
            target is not None
            and name in target.model_fields
            and (*group, name) not in (document.key_positions)
        ):
            return _dedented_params(document, group, name, position)
        above = group
    return None


def _dedented_params(
    document: Document, group: FieldPath, name: str, position: Position
) -> tuple[str, dict[str, Any]] | None:
    """Return the message for `name` dedented out of `group`, naming the last key of the
    group above it. Return None if the group is written in braces, because indenting
    cannot fix that."""
    group_key = document.key_positions.get(group)
    if group_key is None or document.position(group).line == group_key.line:
        return None
    siblings = [
        path
        for path, place in document.key_positions.items()
        if path[:-1] == group and place.line < position.line
    ]
    sibling = max(siblings, key=lambda path: document.key_positions[path].line)
    place = document.key_positions[sibling]
    params = {
        "key": name,
        "above": sibling[-1],
        "line": place.line,
        "group": dotted(group),
        "spaces": place.column - 1,
        "group_path": group,
    }
    return "key_dedented", params


def _is_localized(parent: type[BaseModel] | None, name: str) -> bool:
    """Tell whether a field holds text per language (fi, sv) rather than one value."""
    if parent is None:
        return False
    return _inner_type(parent.model_fields[name].annotation) is LocalizedText


def _language_suffix(key: str, allowed: list[str]) -> tuple[str, str] | None:
    """Split keys such as `title_sv`, `sv_title` or `title-fi` into a field and a language."""
    for language in ("fi", "sv"):
        for separator in ("_", "-", "."):
            for field in (
                key.removesuffix(f"{separator}{language}"),
                key.removeprefix(f"{language}{separator}"),
            ):
                if field != key and field in allowed:
                    return field, language
    return None


def _value_problem(
    model: type[BaseModel], field_path: FieldPath, kind: str, value: Any, ctx: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    if value is None and kind not in ("missing",):
        return "value_empty", {}
    if isinstance(value, (list, dict)) and kind in ("literal_error", "string_type"):
        return "expected_single_value", {}
    shown = value if isinstance(value, str) else str(value)
    if kind == "literal_error":
        return _vocabulary_problem(model, field_path, shown)
    if SIMPLE_KEYS.get(kind) == "expected_date":
        return _date_problem(shown)
    if kind == "list_type" and isinstance(value, str):
        items = [item.strip() for item in value.split(",") if item.strip()]
        if len(items) > 1:
            return "expected_list_many", {"value": ", ".join(items)}
        return "expected_list_one", {"value": value}
    if kind in SIMPLE_KEYS:
        return SIMPLE_KEYS[kind], {"value": shown}
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        target = model_at(model, field_path)
        fields = ", ".join(target.model_fields) if target else ""
        return "expected_mapping", {"fields": fields}
    if kind in ("greater_than_equal", "greater_than"):
        return "number_too_small", {"value": shown, "limit": ctx.get("ge", ctx.get("gt"))}
    if kind in ("less_than_equal", "less_than"):
        return "number_too_large", {"value": shown, "limit": ctx.get("le", ctx.get("lt"))}
    if kind == "string_too_long":
        return "text_too_long", {"limit": ctx.get("max_length")}
    if kind == "too_short":
        return "list_empty", {"limit": ctx.get("min_length", 1)}
    if kind == "string_pattern_mismatch":
        if "[a-z]{2,3}" in str(ctx.get("pattern", "")):
            return "invalid_language_code", {"value": shown}
        return "invalid_id", {"value": shown, "suggestion": suggest_id(shown)}
    if kind in CUSTOM_KEYS:
        return kind, {"value": shown}
    return "invalid_value", {"value": shown, "detail": kind}


# Dates that name a day in another form than YYYY-MM-DD: year first with one-digit
# parts or other separators (2027-1-15, 2027/01/15), or day first, the Finnish and
# Swedish way (15.1.2027, also with an ordinal's dot at the end, or 31/05/2027).
YEAR_FIRST_DATE = re.compile(r"\s*(\d{4})[-./](\d{1,2})[-./](\d{1,2})\s*")
DAY_FIRST_DATE = re.compile(r"\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})\.?\s*")


def _date_problem(value: str) -> tuple[str, dict[str, Any]]:
    """Suggest the YYYY-MM-DD form of a date written another way, if it is a real day."""
    parts: tuple[int, int, int] | None = None
    if match := YEAR_FIRST_DATE.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
        parts = (year, month, day)
    elif match := DAY_FIRST_DATE.fullmatch(value):
        day, month, year = (int(match.group(number)) for number in (1, 3, 4))
        parts = (year, month, day)
    if parts is None:
        return "expected_date", {"value": value}
    try:
        suggestion = date(*parts).isoformat()
    except ValueError:
        return "expected_date", {"value": value}
    return "expected_date_corrected", {"value": value, "suggestion": suggestion}


GRADE_RANGE = re.compile(r"\s*(\d{1,2})\s*[-–—]\s*(\d{1,2})\s*")


def _grade_range_problem(
    document: Document, field_path: FieldPath, value: Any
) -> tuple[str, dict[str, Any]] | None:
    """Spell out a range of grades, `[5-6]` or `7-9`, as the list of numbers it stands for.

    The suggestion covers the whole list, so that one edit fixes every item. Return None
    when the field is not `grades` or its items are not numbers and ranges.
    """
    names = [part for part in field_path if isinstance(part, str)]
    if not names or names[-1] != "grades" or not isinstance(value, str):
        return None
    if isinstance(field_path[-1], int):
        items = _value_at(document.data, field_path[:-1])
    else:
        items = value.split(",")
    grades: list[int] = []
    has_range = False
    for item in items:
        text = str(item).strip()
        match = GRADE_RANGE.fullmatch(text)
        if match:
            first, last = (int(part) for part in match.groups())
            if not MIN_GRADE <= first < last <= MAX_GRADE:
                return None
            grades.extend(range(first, last + 1))
            has_range = True
        elif text.isdigit():
            grades.append(int(text))
        else:
            return None
    if not has_range:
        return None
    suggestion = "[" + ", ".join(str(grade) for grade in grades) + "]"
    return "grades_range", {"value": value, "suggestion": suggestion}


SIMPLE_KEYS = {
    "string_type": "expected_text",
    "list_type": "expected_list",
    "int_parsing": "expected_integer",
    "int_type": "expected_integer",
    "int_from_float": "expected_integer",
    "date_parsing": "expected_date",
    "date_type": "expected_date",
    "date_from_datetime_parsing": "expected_date",
    "date_from_datetime_inexact": "expected_date",
    "bool_parsing": "expected_bool",
    "bool_type": "expected_bool",
    "string_too_short": "text_empty",
    "value_error": "invalid_email",
}
CUSTOM_KEYS = frozenset(
    {"web_address", "business_id_format", "business_id_check", "path_outside", "no_language"}
)


# Everyday words for values that have a more formal label in the vocabularies.
EVERYDAY_WORDS = {
    "alakoulu": "perusopetus-1-6",
    "alaluokat": "perusopetus-1-6",
    "yläkoulu": "perusopetus-7-9",
    "ylakoulu": "perusopetus-7-9",
    "yläluokat": "perusopetus-7-9",
    "lågstadiet": "perusopetus-1-6",
    "lågstadium": "perusopetus-1-6",
    "mellanstadiet": "perusopetus-1-6",
    "högstadiet": "perusopetus-7-9",
    "högstadium": "perusopetus-7-9",
    "päiväkoti": "varhaiskasvatus",
    "daghem": "varhaiskasvatus",
    "eskari": "esiopetus",
    "förskola": "esiopetus",
}


def _vocabulary_problem(
    model: type[BaseModel], field_path: FieldPath, value: str
) -> tuple[str, dict[str, Any]]:
    allowed = literal_values(model, field_path)
    vocabulary = vocabulary_of(allowed)
    exact = {code.casefold(): code for code in allowed}.get(value.strip().casefold())
    if exact is not None:
        return "not_allowed_case", {"value": value, "code": exact}
    if vocabulary:
        code = code_for_label(vocabulary, value) or EVERYDAY_WORDS.get(value.strip().casefold())
        if code and code in allowed:
            return "not_allowed_label", {"value": value, "code": code}
    return "not_allowed", {
        "value": value,
        "nearest": nearest_code(value, allowed, vocabulary),
        "allowed": _allowed_text(allowed, vocabulary),
    }


def nearest_code(value: str, allowed: list[str], vocabulary: str | None) -> str:
    """Return the allowed code nearest to `value`, comparing with codes and their labels."""
    names = {code.casefold(): code for code in allowed}
    if vocabulary is not None:
        for code, labels in vocabularies()[vocabulary].items():
            for text in labels.values():
                names.setdefault(text.casefold(), code)
    nearest = difflib.get_close_matches(value.casefold(), list(names), n=1, cutoff=0.0)
    return names[nearest[0]] if nearest else allowed[0]


def _allowed_text(allowed: list[str], vocabulary: str | None) -> PerLanguage:
    texts = PerLanguage()
    for language in LANGUAGES:
        if vocabulary is None:
            texts[language] = ", ".join(allowed)
        else:
            labels = vocabularies()[vocabulary]
            texts[language] = ", ".join(f"{code} ({labels[code][language]})" for code in allowed)
    return texts


def vocabulary_of(allowed: list[str]) -> str | None:
    for name, entries in vocabularies().items():
        if set(allowed) == set(entries):
            return name
    return None


def model_at(model: type[BaseModel], field_path: FieldPath) -> type[BaseModel] | None:
    """Return the model that validates the value at `field_path`, if that value is a model."""
    current: Any = model
    for part in field_path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_type(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def literal_values(model: type[BaseModel], field_path: FieldPath) -> list[str]:
    """Return the allowed values of the Literal field at `field_path`."""
    names = [part for part in field_path if isinstance(part, str)]
    parent = model_at(model, tuple(names[:-1]))
    if parent is None or not names or names[-1] not in parent.model_fields:
        return []
    annotation = _inner_type(parent.model_fields[names[-1]].annotation)
    return [str(value) for value in typing.get_args(annotation)]


def _inner_type(annotation: Any) -> Any:
    """Strip Optional, list and Annotated from a field's annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated or origin in (list, tuple, set):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = options[0]
        elif origin is Literal or origin is None:
            return annotation
        else:
            return annotation


def missing_translations(
    entry: StrictModel, document: Document, skip: set[FieldPath] | None = None
) -> list[Problem]:
    """Warn once per entry and language about the texts that lack that language,
    leaving out the texts of `skip` (their field paths end in the language)."""
    missing: dict[str, list[FieldPath]] = {"fi": [], "sv": []}
    for field_path, text in _localized_texts(entry, ()):
        for language in ("fi", "sv"):
            if text.get(language) is None and (*field_path, language) not in (skip or set()):
                missing[language].append(field_path)
    problems = []
    for language, paths in missing.items():
        if not paths:
            continue
        position = document.position(paths[0])
        problems.append(
            Problem(
                document.path,
                position.line,
                position.column,
                "warning",
                "missing_translation" if len(paths) > 1 else "missing_translation_one",
                {
                    "language": language,
                    "language_in": Ref(f"language_in_{language}"),
                    "fields": ", ".join(dotted(path) for path in paths),
                },
            )
        )
    return problems


def _localized_texts(value: Any, field_path: FieldPath) -> list[tuple[FieldPath, LocalizedText]]:
    if isinstance(value, LocalizedText):
        return [(field_path, value)]
    found: list[tuple[FieldPath, LocalizedText]] = []
    if isinstance(value, BaseModel):
        for name in _fields_with_texts(type(value)):
            found.extend(_localized_texts(getattr(value, name), (*field_path, name)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_localized_texts(item, (*field_path, index)))
    return found


@cache
def _fields_with_texts(model: type[BaseModel]) -> tuple[str, ...]:
    """Return, in order, the fields of a model whose value is or contains a LocalizedText."""
    return tuple(
        name for name, field in model.model_fields.items() if _holds_text(field.annotation)
    )


def _holds_text(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation is LocalizedText or bool(_fields_with_texts(annotation))
    return any(_holds_text(argument) for argument in typing.get_args(annotation))
