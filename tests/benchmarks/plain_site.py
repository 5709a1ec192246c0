"""The baseline the benchmark compares `kyky build` with: a plain mkdocs-material site.

The same catalogue is written as ordinary Markdown files, the way a team would
run mkdocs-material by hand. Each entry gets one page with its summary, facts,
description and related entries. Each kind gets a listing page, and there is a home
page. Finnish pages go under docs/fi/ and Swedish ones under docs/sv/.
mkdocs-static-i18n builds both languages in one `mkdocs build`, and material's
built-in search plugin indexes every page. Only the home page and the four listings
are in the navigation, as on the KYKY-tori site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.catalogue import ENTRY_KINDS, KINDS, Catalogue, Record
from generator.models import LocalizedList
from generator.pages import choose, status_of, ui
from generator.urls import SECTIONS
from generator.vocabularies import SITE_LANGUAGES, label

# Reference fields of each kind: field name, folder of its targets, interface label key.
LINK_FIELDS = {
    "needs": (("school", "organisations", "school"),),
    "ideas": (("company", "organisations", "company"), ("answers", "needs", "answers_needs")),
    "products": (
        ("company", "organisations", "company"),
        ("schools", "organisations", "co_developed_with"),
        ("needs", "needs", "came_from"),
        ("ideas", "ideas", "came_from"),
    ),
}
LIST_FACTS = (("levels", "level"), ("subjects", "subject"), ("competences", "competence"))


def write_plain_site(catalogue: Catalogue, root: Path) -> int:
    """Write docs/ and mkdocs.yml of the baseline site into `root`; return the page count."""
    pages = 0
    for language in SITE_LANGUAGES:
        docs = root / "docs" / language
        pages += write_page(docs / "index.md", home(catalogue, language))
        for kind in KINDS:
            section = docs / SECTIONS[kind]["fi"]
            records = sorted_records(catalogue, kind)
            pages += write_page(section / "index.md", listing(records, kind, language))
            for record in records:
                text = entry(catalogue, record, language)
                pages += write_page(section / f"{record.id}.md", text)
    config = mkdocs_config(root)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return pages


def write_page(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return 1


def mkdocs_config(root: Path) -> dict[str, Any]:
    """Return a plain mkdocs-material configuration with i18n and the built-in search."""
    navigation = [{ui("home", "fi"): "index.md"}] + [
        {ui(f"kind_{kind}", "fi"): f"{SECTIONS[kind]['fi']}/index.md"} for kind in KINDS
    ]
    translations = {
        ui(key, "fi"): ui(key, "sv") for key in ("home", *(f"kind_{kind}" for kind in KINDS))
    }
    return {
        "site_name": ui("site_name", "fi"),
        "site_url": "https://kyky-tori.github.io/",
        "docs_dir": str(root / "docs"),
        "site_dir": str(root / "site"),
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "fi", "features": ["navigation.tabs"]},
        "nav": navigation,
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "folder",
                    "reconfigure_search": False,
                    "languages": [
                        {"locale": "fi", "name": "Suomi", "default": True, "build": True},
                        {
                            "locale": "sv",
                            "name": "Svenska",
                            "build": True,
                            "site_name": ui("site_name", "sv"),
                            "nav_translations": translations,
                        },
                    ],
                }
            },
        ],
        "validation": {"nav": {"omitted_files": "ignore"}},
    }


def sorted_records(catalogue: Catalogue, kind: str) -> list[Record]:
    records = sorted(catalogue.all(kind), key=lambda record: record.id)
    if kind != "organisations":
        records.sort(key=lambda record: record.entry.published, reverse=True)
    return records


def title(record: Record, language: str) -> str:
    value = record.entry.name if record.kind == "organisations" else record.entry.title
    chosen = choose(value, language)
    return chosen.text if chosen else record.id


def link(catalogue: Catalogue, kind: str, entry_id: str, language: str, section_from: str) -> str:
    """Return a Markdown link from a page in folder `section_from` to an entry's Markdown file."""
    record = catalogue.get(kind, entry_id)
    name = title(record, language) if record else entry_id
    section = SECTIONS[kind]["fi"]
    target = f"{entry_id}.md" if section == section_from else f"../{section}/{entry_id}.md"
    return f"[{name}]({target})"


def home(catalogue: Catalogue, language: str) -> str:
    lines = [f"# {ui('site_name', language)}", "", ui("site_tagline", language), ""]
    for kind in ENTRY_KINDS:
        lines += [f"## {ui(f'kind_{kind}', language)}", ""]
        for record in sorted_records(catalogue, kind)[:3]:
            target = f"{SECTIONS[kind]['fi']}/{record.id}.md"
            lines.append(f"- [{title(record, language)}]({target})")
        lines += ["", f"[{ui(f'kind_{kind}', language)}]({SECTIONS[kind]['fi']}/index.md)", ""]
    return "\n".join(lines)


def listing(records: list[Record], kind: str, language: str) -> str:
    lines = [f"# {ui(f'kind_{kind}', language)}", ""]
    for record in records:
        summary = choose(getattr(record.entry, "summary", None), language)
        line = f"- [{title(record, language)}]({record.id}.md)"
        lines.append(f"{line} – {summary.text}" if summary else line)
    return "\n".join(lines) + "\n"


def entry(catalogue: Catalogue, record: Record, language: str) -> str:
    """Render one entry as Markdown: the facts and texts that the KYKY-tori page shows."""
    section_from = SECTIONS[record.kind]["fi"]
    lines = [f"# {title(record, language)}", ""]
    for name in ("summary", "description"):
        text = choose(getattr(record.entry, name, None), language)
        if text is not None:
            lines += [text.text, ""]
    lines += [f"- **{fact}:** {value}" for fact, value in facts(catalogue, record, language)]
    lines.append("")
    for source_kind in ENTRY_KINDS:
        referrers = catalogue.referrers(record.kind, record.id, source_kind)
        if referrers:
            lines += [f"## {ui(f'kind_{source_kind}', language)}", ""]
            lines += [
                f"- {link(catalogue, source_kind, item.id, language, section_from)}"
                for item in referrers
            ]
            lines.append("")
    return "\n".join(lines)


def facts(catalogue: Catalogue, record: Record, language: str) -> list[tuple[str, str]]:
    entry = record.entry
    section_from = SECTIONS[record.kind]["fi"]
    found: list[tuple[str, str]] = []
    if record.kind == "organisations":
        found.append(
            (ui("organisation_kind", language), label("organisation_kind", entry.kind, language))
        )
    else:
        status = status_of(record, catalogue.today)
        status_label = (
            ui(status, language) if status == "expired" else label("status", status, language)
        )
        found.append((ui("status", language), status_label))
        found.append((ui("published", language), entry.published.isoformat()))
    for name, target_kind, key in LINK_FIELDS.get(record.kind, ()):
        value = getattr(entry, name)
        ids = value if isinstance(value, list) else [value]
        links = [link(catalogue, target_kind, item, language, section_from) for item in ids]
        if links:
            found.append((ui(key, language), ", ".join(links)))
    for name, vocabulary in LIST_FACTS:
        codes = getattr(entry, name, [])
        if codes:
            found.append(
                (ui(name, language), ", ".join(label(vocabulary, code, language) for code in codes))
            )
    themes = getattr(entry, "themes", None)
    if isinstance(themes, LocalizedList) and getattr(themes, language):
        found.append((ui("themes", language), ", ".join(getattr(themes, language))))
    contact = getattr(entry, "contact", None)
    if contact is not None:
        found.append((ui("contact", language), f"<{contact.email}>"))
    return found
