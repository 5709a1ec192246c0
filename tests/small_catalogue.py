"""Small content trees for tests: a school, a company and entries written as YAML files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.catalogue import Catalogue, check

TODAY_TEXT = "2026-12-04"


def write_entry(root: Path, kind: str, entry_id: str, fields: dict[str, Any]) -> Path:
    """Write one content file; `kind` may be a folder path such as `removed/needs`."""
    path = root / kind / f"{entry_id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(fields, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def text(fi: str, sv: str | None = None) -> dict[str, str]:
    return {"fi": fi, "sv": sv if sv is not None else f"{fi} (sv)"}


def school(
    root: Path, entry_id: str = "koulu", language: str = "fi", district: str = "suur-tapiola"
) -> None:
    write_entry(
        root,
        "organisations",
        entry_id,
        {
            "kind": "school",
            "name": text(f"Koulu {entry_id}", f"Skola {entry_id}"),
            "instruction_language": language,
            "district": district,
        },
    )


def company(root: Path, entry_id: str = "yritys") -> None:
    write_entry(
        root,
        "organisations",
        entry_id,
        {"kind": "company", "name": text("Yritys Oy", "Företag Ab"), "business_id": "0101263-6"},
    )


def need(root: Path, entry_id: str, title: str, **fields: Any) -> None:
    data: dict[str, Any] = {
        "title": text(title),
        "summary": text(f"Tiivistelmä {entry_id}"),
        "description": text("Kuvaus."),
        "status": "open",
        "published": "2026-01-01",
        "levels": ["perusopetus-1-6"],
        "school": "koulu",
        "contact": {"email": "kanslia@example.fi"},
    }
    data.update(fields)
    write_entry(root, "needs", entry_id, data)


def idea(root: Path, entry_id: str, title: str, **fields: Any) -> None:
    data: dict[str, Any] = {
        "title": text(title),
        "summary": text(f"Tiivistelmä {entry_id}"),
        "description": text("Kuvaus."),
        "status": "open",
        "published": "2026-01-01",
        "company": "yritys",
        "stage": "concept",
        "seeks": {"levels": []},
    }
    data.update(fields)
    write_entry(root, "ideas", entry_id, data)


def product(root: Path, entry_id: str, title: str, **fields: Any) -> None:
    data: dict[str, Any] = {
        "title": text(title),
        "summary": text(f"Tiivistelmä {entry_id}"),
        "description": text("Kuvaus."),
        "status": "completed",
        "published": "2026-01-01",
        "company": "yritys",
    }
    data.update(fields)
    write_entry(root, "products", entry_id, data)


def load(root: Path, today: str = TODAY_TEXT) -> Catalogue:
    """Check the tree and return its catalogue; the tree must have no errors."""
    from datetime import date

    result = check(str(root), "content", today=date.fromisoformat(today))
    errors = [problem for problem in result.problems if problem.severity == "error"]
    assert errors == [], errors
    return result.catalogue
