"""The search page's stylesheet: rules cut down to a page's elements. How the cut
stylesheet draws the real search page is tested in test_search.py."""

from __future__ import annotations

import pytest

from generator.stylesheet import used_rules

PAGE = (
    "<!doctype html><html lang=fi><body><main class=page>"
    "<ul class=list><li>One</li><template><li class=card>Two</li></template></ul>"
    "<details><summary>More</summary></details><input type=checkbox>"
    "</main></body></html>"
)


@pytest.mark.parametrize(
    ("css", "kept"),
    [
        (".list li{color:red}.admonition{color:blue}", ".list li{color:red}"),
        (".list,.tabbed{margin:0}", ".list{margin:0}"),
        ("[dir=rtl] .list{margin:0}", ""),
        ("#absent,main .list{margin:0}", "main .list{margin:0}"),
        (".list{margin:0!important}", ".list{margin:0!important}"),
    ],
)
def test_rules_of_absent_elements_dropped(css: str, kept: str) -> None:
    assert used_rules(css, PAGE) == kept


@pytest.mark.parametrize(
    ("css", "kept"),
    [
        (".list li:hover{color:red}.tabs li:hover{color:blue}", ".list li:hover{color:red}"),
        ("details:not([open])>summary{color:red}", "details:not([open])>summary{color:red}"),
        ("ul>:first-child{color:red}", "ul>:first-child{color:red}"),
        ("input::placeholder{color:red}", "input::placeholder{color:red}"),
        ("textarea::placeholder{color:red}", ""),
        (
            ":is(.list,.tabs) li{color:red}:is(.tabs,.nav) li{color:blue}",
            ":is(.list,.tabs) li{color:red}",
        ),
        ("main:has(>.list){color:red}", "main:has(>.list){color:red}"),
    ],
)
def test_state_pseudo_classes_widen(css: str, kept: str) -> None:
    """A state that a click or a script may change does not decide whether a rule stays."""
    assert used_rules(css, PAGE) == kept


def test_template_content_counts() -> None:
    assert used_rules(".list li.card{color:red}", PAGE) == ".list li.card{color:red}"


def test_media_blocks_keep_matching_rules() -> None:
    css = "@media screen{.list{margin:0}.tabs{margin:1px}}@media print{.tabs{margin:0}}"
    assert used_rules(css, PAGE) == "@media screen{.list{margin:0}}"


def test_keyframes_kept_whole() -> None:
    css = "@keyframes spin{from{opacity:0}to{opacity:1}}"
    assert used_rules(css, PAGE) == css


def test_unparsed_selector_kept() -> None:
    css = ".list:unknown-state(x){color:red}"
    assert used_rules(css, PAGE) == css


def test_unread_custom_properties_dropped() -> None:
    css = ":root{--used:1px;--unused:2px;--chain:var(--used)}.list{margin:var(--chain)}"
    assert (
        used_rules(css, PAGE) == ":root{--used:1px;--chain:var(--used)}.list{margin:var(--chain)}"
    )


def test_custom_properties_read_by_other_stylesheet_kept() -> None:
    css = ":root{--read:1px;--unread:2px}"
    assert used_rules(css, PAGE, [".kyky{margin:var(--read)}"]) == ":root{--read:1px}"
