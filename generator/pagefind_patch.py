"""A fix to Pagefind's search script: a search without words loads no word index.

Pagefind 1.5.2 loads every chunk of its word index for a search whose term is empty.
The search page runs such a search to list entries by filter alone, and at 5,000
entries the chunks come to about 3 MB, where a search for one word loads one or two
chunks of 10 to 20 KB. A search without words needs none of them, because it takes
its pages from the metadata and the filter data. Pagefind merged a fix in September
2026, after 1.5.2 ("Don't request index chunks for an empty search term",
https://github.com/Pagefind/pagefind/pull/1317). Until a release has it, the build
rewrites the one statement in the scripts that the site loads.
"""

from __future__ import annotations

from pathlib import Path

# TODO: drop this module once the Pagefind release that pyproject.toml requires has
# the upstream fix; the build then stops here, because the statement has changed.
SCRIPTS = ("pagefind.js", "pagefind-worker.js")
REQUEST = "let index_resp=this.backend.request_indexes(ptr,term);"
REQUEST_WITH_WORDS = 'let index_resp=term?this.backend.request_indexes(ptr,term):"[]";'


def skip_index_without_words(bundle: Path) -> None:
    """Rewrite the bundle's scripts so that a search without words loads no index chunk.

    Raises RuntimeError if a script does not contain the statement exactly once.
    """
    for name in SCRIPTS:
        script = bundle / name
        text = script.read_text("utf-8")
        if text.count(REQUEST) != 1:
            raise RuntimeError(
                f"{script}: Pagefind's script changed, so generator/pagefind_patch.py"
                " no longer applies; check whether the Pagefind release fixes the"
                " loading of index chunks for an empty search term, and drop or adapt it"
            )
        script.write_text(text.replace(REQUEST, REQUEST_WITH_WORDS), "utf-8")
