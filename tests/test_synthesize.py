"""The benchmark's synthetic catalogue: valid for `kyky check`, linked every way, repeatable."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalogue import check
from tests.benchmarks.synthesize import synthesize
from tests.conftest import run_kyky

ENTRIES = 60


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("synthetic") / "content"
    synthesize(ENTRIES, content)
    return content


def test_synthetic_tree_passes_check(synthetic: Path) -> None:
    result = run_kyky("check", "--lang", "en", "--content", str(synthetic))
    assert result.stdout == "60 files checked: no errors, 0 warnings.\n"
    assert result.returncode == 0


def test_synthetic_tree_counts_per_kind(synthetic: Path) -> None:
    counts = {folder.name: len(list(folder.glob("*.yml"))) for folder in synthetic.iterdir()}
    assert counts == {"organisations": 6, "needs": 24, "ideas": 21, "products": 9}


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
