"""Controlled vocabularies: codes that content files write, labels that visitors read."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml

DATA = Path(__file__).parent / "data"
LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
SITE_LANGUAGES: tuple[str, ...] = ("fi", "sv")

Language = Literal["fi", "sv", "en"]


@cache
def vocabularies() -> dict[str, dict[str, dict[str, str]]]:
    """Load every vocabulary as {vocabulary: {code: {language: label}}}."""
    text = (DATA / "vocabularies.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def codes(vocabulary: str) -> tuple[str, ...]:
    return tuple(vocabularies()[vocabulary])


def label(vocabulary: str, code: str, language: str) -> str:
    """Return the label of a code in a language, or the code itself if it is unknown."""
    labels = vocabularies()[vocabulary].get(code)
    if labels is None:
        return code
    return labels[language]


def code_for_label(vocabulary: str, text: str) -> str | None:
    """Return the code whose label in any language equals `text`, ignoring case."""
    wanted = text.strip().casefold()
    for code, labels in vocabularies()[vocabulary].items():
        if any(value.casefold() == wanted for value in labels.values()):
            return code
    return None
