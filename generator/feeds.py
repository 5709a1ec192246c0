"""Atom feeds (RFC 4287) of new open needs, new ideas and new products, per language.

Each feed lives in its language's root folder (`tarpeet.xml`, `sv/behov.xml`).
Ids are tag URIs (RFC 4151) made of the site's host, a fixed year and the entry's
language, kind and id, so they stay the same from build to build. Times are midnight
of the entry's date in Europe/Helsinki, with the offset; the feed's `updated` is the
newest entry's, so that an unchanged catalogue gives an unchanged feed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, time
from urllib.parse import urlsplit

from generator.catalogue import HELSINKI, Catalogue, Record
from generator.models import LocalizedText
from generator.pages import choose, status_of, ui
from generator.urls import entry_path, listing_path
from generator.vocabularies import label

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Elements are written without a namespace, inside a root that declares Atom's as the
# default, because ElementTree cannot give a default namespace to unprefixed attributes.
FEED_KINDS: tuple[str, ...] = ("needs", "ideas", "products")
MAX_FEED_ENTRIES = 50
# Characters that XML 1.0 forbids even as character references. YAML's double-quoted
# escapes ("\x01") can put them into a title.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The date part of every tag URI. It must never change, or every id would change.
TAG_DATE = "2025"


def feed_path(kind: str, language: str) -> str:
    """Return the site-root path of a feed, such as `sv/behov.xml`.

    The feed sits in the language's root folder because mkdocs-material's script
    fetches `sitemap.xml` from the folder of every `<link rel="alternate">` in a page,
    and only the root folders have one.
    """
    return listing_path(kind, language).rstrip("/") + ".xml"


def feed_records(catalogue: Catalogue, kind: str) -> list[Record]:
    """Return a feed's records, newest first: open needs only, every idea and product."""
    records = catalogue.all(kind)
    if kind == "needs":
        records = [record for record in records if status_of(record, catalogue.today) == "open"]
    records.sort(key=lambda record: record.id)
    records.sort(key=lambda record: record.entry.published, reverse=True)
    return records[:MAX_FEED_ENTRIES]


def atom_time(day: date) -> str:
    """Return midnight of a day in Helsinki as an RFC 3339 time: `2026-03-02T00:00:00+02:00`."""
    return datetime.combine(day, time(0), HELSINKI).isoformat()


def tag_uri(site_url: str, *parts: str) -> str:
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{TAG_DATE}:{'/'.join(parts)}"


def last_change(record: Record) -> date:
    return record.entry.updated or record.entry.published


def render_feed(catalogue: Catalogue, kind: str, language: str, site_url: str) -> bytes:
    """Return one feed as a UTF-8 Atom document."""
    records = feed_records(catalogue, kind)
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: language})
    _text(feed, "title", ui(f"feed_{kind}", language))
    _text(feed, "subtitle", ui("site_tagline", language))
    _text(feed, "id", tag_uri(site_url, language, kind))
    newest = max((last_change(record) for record in records), default=catalogue.today)
    _text(feed, "updated", atom_time(newest))
    _link(feed, site_url + feed_path(kind, language), "self", "application/atom+xml")
    _link(feed, site_url + listing_path(kind, language), "alternate", "text/html")
    author = ET.SubElement(feed, "author")
    _text(author, "name", ui("site_name", language))
    for record in records:
        feed.append(_entry(catalogue, record, language, site_url))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _entry(catalogue: Catalogue, record: Record, language: str, site_url: str) -> ET.Element:
    entry = ET.Element("entry")
    _localized(entry, "title", record.entry.title, language)
    _text(entry, "id", tag_uri(site_url, language, record.kind, record.id))
    _text(entry, "published", atom_time(record.entry.published))
    _text(entry, "updated", atom_time(last_change(record)))
    _link(entry, site_url + entry_path(record.kind, record.id, language), "alternate", "text/html")
    organisation = _organisation(catalogue, record)
    if organisation is not None:
        author = ET.SubElement(entry, "author")
        name = choose(organisation.entry.name, language)
        _text(author, "name", name.text if name else organisation.id)
        _text(author, "uri", site_url + entry_path("organisations", organisation.id, language))
    status = status_of(record, catalogue.today)
    status_label = (
        ui("expired", language) if status == "expired" else label("status", status, language)
    )
    ET.SubElement(entry, "category", {"term": status, "label": status_label})
    _localized(entry, "summary", record.entry.summary, language)
    return entry


def _organisation(catalogue: Catalogue, record: Record) -> Record | None:
    organisation_id = getattr(record.entry, "school", None) or getattr(
        record.entry, "company", None
    )
    return catalogue.get("organisations", organisation_id) if organisation_id else None


def _localized(parent: ET.Element, name: str, value: LocalizedText, language: str) -> None:
    """Add a text element in the feed's language, or in the other one, marked with xml:lang."""
    chosen = choose(value, language)
    element = _text(parent, name, chosen.text if chosen else "")
    element.set("type", "text")
    if chosen is not None and chosen.fallback:
        element.set(XML_LANG, chosen.language)


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = NOT_XML.sub("", text)
    return element


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": href})
