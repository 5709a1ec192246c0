"""The fix to Pagefind's script that keeps searches without words off the word index.
That the built site's search by filter alone loads no index chunk is tested in
test_search.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pagefind_patch import REQUEST, REQUEST_WITH_WORDS, skip_index_without_words


def test_patch_rewrites_pagefind_scripts(tmp_path: Path) -> None:
    for name in ("pagefind.js", "pagefind-worker.js"):
        (tmp_path / name).write_text(f"a();{REQUEST}b();", "utf-8")
    skip_index_without_words(tmp_path)
    for name in ("pagefind.js", "pagefind-worker.js"):
        assert (tmp_path / name).read_text("utf-8") == f"a();{REQUEST_WITH_WORDS}b();"


def test_patch_stops_at_changed_script(tmp_path: Path) -> None:
    (tmp_path / "pagefind.js").write_text("let index_resp=request(term);", "utf-8")
    with pytest.raises(RuntimeError) as raised:
        skip_index_without_words(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path / 'pagefind.js'}: Pagefind's script changed, so"
        " generator/pagefind_patch.py no longer applies; check whether the Pagefind release"
        " fixes the loading of index chunks for an empty search term, and drop or adapt it"
    )
