"""The benchmark's synthetic catalogue: valid for `kyky check`, linked every way, repeatable."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue import check
from tests.benchmarks.synthesize import synthesize
from tests.conftest import run_kyky

# Enough entries for every kind of organisation and every school level to occur.
ENTRIES = 200


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("synthetic") / "content"
    synthesize(ENTRIES, content)
    return content


def test_synthetic_tree_passes_check(synthetic: Path) -> None:
    result = run_kyky("check", "--lang", "en", "--content", str(synthetic))
    assert result.stdout == "200 files checked: no errors, 0 warnings.\n"
    assert result.returncode == 0


def test_synthetic_tree_counts_per_kind(synthetic: Path) -> None:
    counts = {folder.name: len(list(folder.glob("*.yml"))) for folder in synthetic.iterdir()}
    assert counts == {"organisations": 20, "needs": 80, "ideas": 70, "products": 30}


def test_synthetic_tree_uses_every_reference(synthetic: Path) -> None:
    links = check(str(synthetic)).catalogue.links
    fields = {(link.source_kind, link.field, link.target_kind) for link in links}
    assert fields == {
        ("needs", "school", "organisations"),
        ("ideas", "company", "organisations"),
        ("ideas", "answers", "needs"),
        ("products", "company", "organisations"),
        ("products", "schools", "organisations"),
        ("products", "needs", "needs"),
        ("products", "ideas", "ideas"),
    }


def test_synthetic_tree_covers_levels(synthetic: Path) -> None:
    levels = {
        level
        for folder in ("organisations", "needs")
        for record in check(str(synthetic)).catalogue.all(folder)
        for level in record.entry.levels
    }
    assert levels == {
        "varhaiskasvatus",
        "esiopetus",
        "perusopetus-1-6",
        "perusopetus-7-9",
        "lukio",
    }


def test_synthetic_tree_is_repeatable(synthetic: Path, tmp_path: Path) -> None:
    again = tmp_path / "content"
    synthesize(ENTRIES, again)
    first = {path.relative_to(synthetic): path.read_bytes() for path in synthetic.rglob("*.yml")}
    second = {path.relative_to(again): path.read_bytes() for path in again.rglob("*.yml")}
    assert first == second


def test_synthetic_seed_changes_tree(synthetic: Path, tmp_path: Path) -> None:
    other = tmp_path / "content"
    synthesize(ENTRIES, other, seed=7)
    first = sorted(path.name for path in synthetic.rglob("*.yml"))
    second = sorted(path.name for path in other.rglob("*.yml"))
    assert first != second
