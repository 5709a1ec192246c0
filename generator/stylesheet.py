"""A stylesheet cut down to the rules that can apply to one page.

The search page has to be light: every byte of it counts towards what a visitor
downloads before the first search result. mkdocs-material's stylesheets (146 KB in
9.8.2) style every feature of the theme, and the search page uses a few of them.
`used_rules` keeps the rules whose selectors match some element of the page and drops
the others, much as PurgeCSS or UnCSS do, and then drops the custom properties that
no kept declaration reads.

A selector is tested in a widened form, which matches at least every element that the
selector could match while the page runs. The widened form leaves out pseudo-elements
and state pseudo-classes (`:hover`, `:checked`, `:not(…)`, `:nth-child(…)` and the
like), because clicks, key presses and scripts change those states. So the page's
HTML must already contain every element that its scripts may add, as the search page
has its result card in a <template>. A selector that soupsieve cannot parse is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import soupsieve
import tinycss2
from bs4 import BeautifulSoup
from tinycss2.ast import (
    AtRule,
    Declaration,
    FunctionBlock,
    HashToken,
    IdentToken,
    LiteralToken,
    Node,
    QualifiedRule,
    WhitespaceToken,
)

# Pseudo-classes that stay in a widened selector: `:root` does not change while the page
# runs, and the others take selectors, which are widened in turn.
KEPT_PSEUDO_CLASSES = frozenset({"root"})
SELECTOR_PSEUDO_CLASSES = frozenset({"is", "where", "has"})
# At-rules whose block holds rules that are kept or dropped one by one; the blocks of
# other at-rules (@font-face, @keyframes, @page) are kept whole.
GROUPING_AT_RULES = frozenset({"media", "supports"})
COMBINATORS = frozenset({">", "+", "~"})


def used_rules(css: str, html: str, readers: Iterable[str] = ()) -> str:
    """Return the rules of `css` that can apply to the page `html`, minified.

    Custom properties stay only if a kept declaration, or one of the stylesheets in
    `readers` (which the page also loads), reads them with var().
    """
    document = page_elements(html)
    names = PageNames.of(document)
    matches = cache(lambda selector: selector_matches(selector, document, names))
    rules = list(kept_rules(parse_rules(css), matches))
    needed = needed_properties(rules, readers)
    return "".join(serialize_rule(rule, needed) for rule in rules)


def page_elements(html: str) -> BeautifulSoup:
    """Parse a page, with the content of each <template> in the template's place.

    soupsieve, like a browser, does not match inside a <template>, but what a script
    clones from one ends up in the page.
    """
    document = BeautifulSoup(html, "html.parser")
    for template in document.find_all("template"):
        template.unwrap()
    return document


# Rules.


def parse_rules(css: str | list[Node]) -> list[Node]:
    return tinycss2.parse_rule_list(css, skip_comments=True, skip_whitespace=True)


def kept_rules(
    rules: list[Node], matches: Callable[[str], bool]
) -> Iterator[QualifiedRule | AtRule]:
    """Yield the rules that can apply, each style rule with its matching selectors only."""
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [part for part in split_list(rule.prelude) if matches(serialize(part))]
            if selectors:
                yield QualifiedRule(
                    rule.source_line,
                    rule.source_column,
                    join_list(selectors),
                    rule.content,
                )
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in GROUPING_AT_RULES:
            inner = list(kept_rules(parse_rules(rule.content or []), matches))
            if inner:
                yield AtRule(
                    rule.source_line,
                    rule.source_column,
                    rule.at_keyword,
                    rule.lower_at_keyword,
                    rule.prelude,
                    inner,
                )
        elif isinstance(rule, AtRule):
            yield rule


def split_list(tokens: list[Node]) -> list[list[Node]]:
    """Split a comma-separated list of tokens (selectors, arguments) into its items."""
    items: list[list[Node]] = [[]]
    for token in tokens:
        if isinstance(token, LiteralToken) and token.value == ",":
            items.append([])
        else:
            items[-1].append(token)
    return [strip(item) for item in items]


def join_list(items: list[list[Node]]) -> list[Node]:
    joined: list[Node] = []
    for index, item in enumerate(items):
        if index:
            joined.append(LiteralToken(0, 0, ","))
        joined.extend(item)
    return joined


def strip(tokens: list[Node]) -> list[Node]:
    start, end = 0, len(tokens)
    while start < end and isinstance(tokens[start], WhitespaceToken):
        start += 1
    while end > start and isinstance(tokens[end - 1], WhitespaceToken):
        end -= 1
    return tokens[start:end]


def serialize(tokens: list[Node]) -> str:
    return tinycss2.serialize(tokens)


# Selectors.


@dataclass(frozen=True)
class PageNames:
    """The element names, classes and ids that occur in a page."""

    tags: frozenset[str]
    classes: frozenset[str]
    ids: frozenset[str]

    @classmethod
    def of(cls, document: BeautifulSoup) -> PageNames:
        elements = document.find_all(True)
        return cls(
            frozenset(element.name for element in elements),
            frozenset(name for element in elements for name in element.get("class", [])),
            frozenset(element["id"] for element in elements if element.get("id")),
        )


def selector_matches(selector: str, document: BeautifulSoup, names: PageNames) -> bool:
    """Tell whether the widened `selector` matches an element; True if it cannot be parsed."""
    widened = widen(tinycss2.parse_component_value_list(selector))
    if not names_occur(widened, names):
        return False
    try:
        return soupsieve.select_one(serialize(widened), document) is not None
    except (soupsieve.SelectorSyntaxError, NotImplementedError):
        return True


def names_occur(tokens: list[Node], names: PageNames) -> bool:
    """Tell whether every element name, class and id that a selector requires occurs in
    the page, which rules out most selectors faster than matching them.

    The names inside :is(), :where() and :has() are alternatives or relative, so they
    are left to soupsieve, as are selectors with a namespace (`svg|a`).
    """
    if any(isinstance(token, LiteralToken) and token.value == "|" for token in tokens):
        return True
    previous: Node | None = None
    for token in tokens:
        if isinstance(token, HashToken) and token.value not in names.ids:
            return False
        if isinstance(token, IdentToken):
            if isinstance(previous, LiteralToken) and previous.value == ".":
                if token.value not in names.classes:
                    return False
            elif not is_colon(previous) and token.lower_value not in names.tags:
                return False
        previous = token
    return True


def widen(tokens: list[Node]) -> list[Node]:
    """Remove the pseudo-elements and state pseudo-classes of a selector's tokens.

    A removed pseudo-class that was a whole compound selector, as in `ul>:first-child`,
    becomes `*`.
    """
    widened: list[Node] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not is_colon(token) or index + 1 >= len(tokens):
            widened.append(token)
            index += 1
            continue
        element = is_colon(tokens[index + 1])
        name_token = tokens[index + 2] if element else tokens[index + 1]
        index += 3 if element else 2
        kept = None if element else kept_pseudo_class(name_token)
        if kept is not None:
            widened += [LiteralToken(0, 0, ":"), kept]
        elif starts_compound(widened) and ends_compound(tokens, index):
            widened.append(LiteralToken(0, 0, "*"))
    return widened


def kept_pseudo_class(token: Node) -> Node | None:
    """Return the pseudo-class named by `token` as it stays in a widened selector, or None."""
    if isinstance(token, IdentToken) and token.lower_value in KEPT_PSEUDO_CLASSES:
        return token
    if isinstance(token, FunctionBlock) and token.lower_name in SELECTOR_PSEUDO_CLASSES:
        arguments = [widen(argument) for argument in split_list(token.arguments)]
        return FunctionBlock(0, 0, token.name, join_list(arguments))
    return None


def is_colon(token: Node | None) -> bool:
    return isinstance(token, LiteralToken) and token.value == ":"


def starts_compound(before: list[Node]) -> bool:
    return not before or is_separator(before[-1])


def ends_compound(tokens: list[Node], index: int) -> bool:
    return index >= len(tokens) or is_separator(tokens[index])


def is_separator(token: Node) -> bool:
    return isinstance(token, WhitespaceToken) or (
        isinstance(token, LiteralToken) and token.value in COMBINATORS
    )


# Custom properties.


def needed_properties(rules: list[QualifiedRule | AtRule], readers: Iterable[str]) -> set[str]:
    """Return the custom properties that the kept rules or `readers` read, directly or
    through other custom properties."""
    reads: dict[str, set[str]] = {}
    roots: set[str] = set()
    for declaration in declarations(rules):
        names = var_names(declaration.value)
        if declaration.name.startswith("--"):
            reads.setdefault(declaration.name, set()).update(names)
        else:
            roots |= names
    for css in readers:
        roots |= var_names(tinycss2.parse_component_value_list(css))

    needed: set[str] = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name not in needed:
            needed.add(name)
            pending.extend(reads.get(name, ()))
    return needed


def declarations(rules: list[QualifiedRule | AtRule]) -> Iterator[Declaration]:
    """Yield the declarations of the rules; a block kept whole counts as one declaration."""
    for rule in rules:
        if isinstance(rule, AtRule) and rule.lower_at_keyword in GROUPING_AT_RULES:
            yield from declarations(rule.content)
        elif isinstance(rule, QualifiedRule) and (items := rule_declarations(rule)) is not None:
            yield from items
        else:
            yield Declaration(0, 0, "", "", rule.content or [], False)


def rule_declarations(rule: QualifiedRule) -> list[Declaration] | None:
    """Return a style rule's declarations, or None if its block holds anything else
    (nested rules), in which case the block is kept as it is."""
    items = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
    if all(isinstance(item, Declaration) for item in items):
        return items
    return None


def var_names(tokens: Iterable[Node]) -> set[str]:
    """Return the custom properties that var() reads anywhere in `tokens`."""
    names: set[str] = set()
    for token in tokens:
        if isinstance(token, FunctionBlock):
            if token.lower_name == "var":
                first = strip(token.arguments)[:1]
                if first and isinstance(first[0], IdentToken):
                    names.add(first[0].value)
            names |= var_names(token.arguments)
        elif hasattr(token, "content") and isinstance(token.content, list):
            names |= var_names(token.content)
    return names


# Output.


def serialize_rule(rule: QualifiedRule | AtRule, needed: set[str]) -> str:
    if isinstance(rule, QualifiedRule):
        return serialize_style_rule(rule, needed)
    if rule.lower_at_keyword in GROUPING_AT_RULES:
        inner = "".join(serialize_rule(item, needed) for item in rule.content)
        return f"@{rule.at_keyword}{serialize(rule.prelude)}{{{inner}}}" if inner else ""
    return serialize([rule])


def serialize_style_rule(rule: QualifiedRule, needed: set[str]) -> str:
    items = rule_declarations(rule)
    if items is None:
        body = serialize(rule.content).strip()
    else:
        body = ";".join(
            serialize_declaration(item)
            for item in items
            if not item.name.startswith("--") or item.name in needed
        )
    return f"{serialize(rule.prelude)}{{{body}}}" if body else ""


def serialize_declaration(declaration: Declaration) -> str:
    important = "!important" if declaration.important else ""
    return f"{declaration.name}:{serialize(strip(declaration.value))}{important}"


# The search page's stylesheet.

THEME_STYLESHEETS = ("main.*.min.css", "palette.*.min.css")
SEARCH_STYLESHEET = "assets/stylesheets/kyky-search.css"


def write_search_stylesheet(site: Path, search_path: str) -> None:
    """Write the search page's cut-down stylesheet into a language's built site.

    theme/main.html links it from the search page in place of the theme's stylesheets.
    """
    html = (site / search_path / "index.html").read_text("utf-8")
    css = "".join(path.read_text("utf-8") for path in theme_stylesheets(site))
    readers = [(site / "assets" / "kyky.css").read_text("utf-8")]
    (site / SEARCH_STYLESHEET).write_text(used_rules(css, html, readers), "utf-8")


def theme_stylesheets(site: Path) -> list[Path]:
    """Return mkdocs-material's stylesheets in the order its pages link them.

    Raises RuntimeError if the theme no longer has exactly one file of each name.
    """
    found = []
    for pattern in THEME_STYLESHEETS:
        paths = sorted((site / "assets" / "stylesheets").glob(pattern))
        if len(paths) != 1:
            raise RuntimeError(f"expected one theme stylesheet {pattern}, found {len(paths)}")
        found += paths
    return found
