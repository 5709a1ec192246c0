"""Messages in Finnish, Swedish and English, kept in `data/messages.yaml`.

Every key has a text in each of LANGUAGES; a test checks that, and that every
placeholder appears in every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from generator.vocabularies import LANGUAGES, load_data


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Load every message as {key: {language: template}}."""
    messages: dict[str, dict[str, str]] = load_data("messages.yaml")
    return messages


@dataclass(frozen=True)
class Ref:
    """A message used as a parameter of another, translated into the same language."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


class PerLanguage(dict[str, str]):
    """A parameter that has its own text in each language, such as a list of labels."""


def message(message_key: str, language: str, /, **params: object) -> str:
    """Return the message `message_key` in `language`, with its placeholders filled in."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    filled = {name: _fill(value, language) for name, value in params.items()}
    return catalogue()[message_key][language].format(**filled)


def help_text(name: str, language: str) -> str:
    """Return the command-line help text `help_<name>` in `language`."""
    return message(f"help_{name}", language)


def _fill(value: object, language: str) -> object:
    if isinstance(value, Ref):
        return message(value.key, language, **value.params)
    if isinstance(value, PerLanguage):
        return value[language]
    return value


@cache
def field_texts() -> dict[str, dict[str, dict[str, str]]]:
    """Load the label and help of every content field as {field: {label|help: {language: text}}}."""
    texts: dict[str, dict[str, dict[str, str]]] = load_data("fields.yaml")
    return texts


def field_label(name: str) -> PerLanguage:
    return PerLanguage(field_texts()[name]["label"])


def field_help(name: str) -> PerLanguage:
    return PerLanguage(field_texts()[name]["help"])
