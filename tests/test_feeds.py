"""Atom feeds: valid against RFC 4287's RELAX NG schema, parsed by feedparser, text escaped."""

from __future__ import annotations

import os
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from generator.export import export_site
from tests.conftest import CONTENT, read_page, run_kyky
from tests.small_catalogue import company, load, need, school, text

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
FEEDS = [
    "tarpeet.xml",
    "sv/behov.xml",
    "ideat.xml",
    "sv/ideer.xml",
    "tuotteet.xml",
    "sv/produkter.xml",
]
RELAX_NG = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "data" / "atom.rng")))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("feeds") / "site"
    os.environ["KYKY_TODAY"] = "2026-12-04"
    try:
        result = run_kyky("build", "--content", str(CONTENT), "--site-dir", str(target))
    finally:
        del os.environ["KYKY_TODAY"]
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def schema_errors(document: etree._ElementTree) -> list[str]:
    """Validate against the RELAX NG schema and the two rules that it states in schematron."""
    errors = [] if RELAX_NG.validate(document) else [str(RELAX_NG.error_log)]
    root = document.getroot()
    if not root.xpath("atom:author or not(atom:entry[not(atom:author)])", namespaces=ATOM):
        errors.append("a feed without an author has an entry without an author")
    for entry in root.xpath("atom:entry", namespaces=ATOM):
        if not entry.xpath("atom:link[@rel='alternate'] or atom:content", namespaces=ATOM):
            errors.append("an entry has no alternate link and no content")
    return errors


@pytest.mark.parametrize("path", FEEDS)
def test_feed_is_valid_atom(site: Path, path: str) -> None:
    assert schema_errors(etree.parse(str(site / path))) == []


@pytest.mark.parametrize("path", FEEDS)
def test_feedparser_reads_feed(site: Path, path: str) -> None:
    parsed = feedparser.parse((site / path).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"


def test_schema_rejects_broken_feed(site: Path) -> None:
    document = etree.parse(str(site / "tarpeet.xml"))
    document.getroot().remove(document.getroot().find("atom:id", ATOM))
    assert schema_errors(document) != []


def test_needs_feed_content(site: Path) -> None:
    parsed = feedparser.parse((site / "tarpeet.xml").read_bytes())
    assert parsed.feed.title == "KYKY-tori: avoimet kehittämistarpeet"
    assert parsed.feed.id == "tag:kyky-tori.github.io,2025:fi/needs"
    assert parsed.feed.updated == "2026-11-16T00:00:00+02:00"
    assert [entry.id for entry in parsed.entries] == [
        "tag:kyky-tori.github.io,2025:fi/needs/oppiaineiden-kasitteet-s2-oppilaille",
        "tag:kyky-tori.github.io,2025:fi/needs/tet-paikat-lahialueen-yrityksista",
        "tag:kyky-tori.github.io,2025:fi/needs/vardagsfinska-i-hogstadiet",
        "tag:kyky-tori.github.io,2025:fi/needs/ruokahavikin-vahentaminen-koulussa",
        "tag:kyky-tori.github.io,2025:fi/needs/ilmanlaatu-maantiedon-kurssilla",
    ]
    second = parsed.entries[1]
    assert second.link == "https://kyky-tori.github.io/tarpeet/tet-paikat-lahialueen-yrityksista/"
    assert second.published == "2026-10-12T00:00:00+03:00"
    assert second.tags[0].term == "open"
    assert second.tags[0].label == "Avoin"


def test_ideas_feed_shows_expired_status(site: Path) -> None:
    parsed = feedparser.parse((site / "sv/ideer.xml").read_bytes())
    statuses = {entry.link.rsplit("/", 2)[-2]: entry.tags[0].label for entry in parsed.entries}
    assert statuses["kertotaulujuoksu"] == "Utgången"
    assert statuses["havikkivaaka-kouluruokalaan"] == "Öppen"


def test_listing_announces_feed(site: Path) -> None:
    page = read_page(site, "sv/behov/")
    link = page.select_one('head link[rel="alternate"][type="application/atom+xml"]')
    assert link["href"] == "../behov.xml"
    assert link["title"] == "KYKY-torget: öppna utvecklingsbehov"
    assert page.select_one("p.kyky-feed a")["href"] == "../behov.xml"


def test_hostile_title_stays_text(tmp_path: Path) -> None:
    root = tmp_path / "content"
    school(root)
    company(root)
    hostile = '</title><script>alert("x")</script> & ]]> \x01'
    need(root, "vaarallinen", hostile, summary=text("<b>lihava</b>"))
    site = tmp_path / "site"
    export_site(load(root), site, "https://kyky.example/")
    raw = (site / "tarpeet.xml").read_bytes()
    assert b"<script>" not in raw
    document = etree.fromstring(raw)
    title = document.find("atom:entry/atom:title", ATOM)
    assert title.text == '</title><script>alert("x")</script> & ]]> '
    assert title.get("type") == "text"
    assert schema_errors(etree.ElementTree(document)) == []
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0
    assert parsed.entries[0].title == '</title><script>alert("x")</script> & ]]>'
    assert parsed.entries[0].summary == "<b>lihava</b>"
