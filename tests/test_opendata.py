"""Open data against its published schemas, one status everywhere, Open Graph and JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import feedparser
import pytest
from jsonschema import Draft202012Validator

from generator.export import export_site
from tests.conftest import CONTENT, read_page, run_kyky
from tests.small_catalogue import company, load, need, school, text

KINDS = ("needs", "ideas", "products", "organisations")
HOSTILE = '</script><script>alert(1)</script> & "lainaus" <!--'


def build(content: Path, target: Path) -> Path:
    os.environ["KYKY_TODAY"] = "2026-12-04"
    try:
        result = run_kyky("build", "--content", str(content), "--site-dir", str(target))
    finally:
        del os.environ["KYKY_TODAY"]
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(CONTENT, tmp_path_factory.mktemp("opendata") / "site")


def validator(site: Path, name: str) -> Draft202012Validator:
    schema = json.loads((site / "schemas" / name).read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(validator: Draft202012Validator, instance: object) -> list[str]:
    return [error.message for error in validator.iter_errors(instance)]


def read_csv(site: Path, kind: str) -> list[dict[str, str]]:
    raw = (site / f"{kind}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_catalogue_json_matches_schema(site: Path) -> None:
    data = json.loads((site / "catalogue.json").read_text("utf-8"))
    assert errors(validator(site, "catalogue.schema.json"), data) == []
    assert data["today"] == "2026-12-04"
    assert len(data["entries"]) == len(list(CONTENT.glob("*/*.yml")))


def test_schema_rejects_wrong_status(site: Path) -> None:
    data = json.loads((site / "catalogue.json").read_text("utf-8"))
    data["entries"][0]["status"] = "avoin"
    assert errors(validator(site, "catalogue.schema.json"), data) != []


def test_entry_files_match_schema(site: Path) -> None:
    checker = validator(site, "entry.schema.json")
    files = sorted(site.glob("*/*/index.json")) + sorted(site.glob("sv/*/*/index.json"))
    assert len(files) == 2 * len(list(CONTENT.glob("*/*.yml")))
    for path in files:
        assert errors(checker, json.loads(path.read_text("utf-8"))) == [], path


def test_entry_file_content(site: Path) -> None:
    data = json.loads((site / "sv/behov/valitunnin-liikuntaleikit/index.json").read_text("utf-8"))
    assert data["kind"] == "needs"
    assert data["id"] == "valitunnin-liikuntaleikit"
    assert data["status"] == "piloting"
    assert data["urls"] == {
        "fi": "https://kyky-tori.github.io/tarpeet/valitunnin-liikuntaleikit/",
        "sv": "https://kyky-tori.github.io/sv/behov/valitunnin-liikuntaleikit/",
    }
    assert data["entry"]["grades"] == [3, 4]


@pytest.mark.parametrize("kind", KINDS)
def test_csv_rows_match_schema(site: Path, kind: str) -> None:
    checker = validator(site, f"{kind}-csv.schema.json")
    rows = read_csv(site, kind)
    assert len(rows) == len(list((CONTENT / kind).glob("*.yml")))
    for row in rows:
        assert errors(checker, row) == [], row["id"]


def test_needs_csv_row(site: Path) -> None:
    rows = {row["id"]: row for row in read_csv(site, "needs")}
    row = rows["valitunnin-liikuntaleikit"]
    assert row["title_fi"] == "Välituntiliikuntaa myös niille, jotka eivät pelaa jalkapalloa"
    assert row["competences"] == "L2;L3;L7"
    assert row["themes_fi"] == "välituntiliikunta;pihaleikit;liikkuva koulupäivä;koulupiha"
    assert row["offer_period_start"] == "2025-10-01"
    assert row["contact_email"] == "kanslia.kuusikallio@example.fi"
    assert row["shown_status"] == "piloting"


def test_expired_status_agrees_everywhere(site: Path) -> None:
    """An open idea past its valid_until shows as expired on every surface."""
    entry_id = "kertotaulujuoksu"
    data = json.loads((site / "catalogue.json").read_text("utf-8"))
    record = next(item for item in data["entries"] if item["id"] == entry_id)
    assert (record["status"], record["entry"]["status"]) == ("expired", "open")
    assert {row["id"]: row for row in read_csv(site, "ideas")}[entry_id]["shown_status"] == (
        "expired"
    )
    feed = feedparser.parse((site / "ideat.xml").read_bytes())
    entry = next(item for item in feed.entries if item.link.endswith(f"/{entry_id}/"))
    assert entry.tags[0].term == "expired"
    page = read_page(site, f"ideat/{entry_id}/")
    assert page.select_one(".kyky-badges .kyky-status").get_text(strip=True) == "Vanhentunut"
    listing = read_page(site, "ideat/")
    card = next(
        item
        for item in listing.select("li.kyky-card")
        if item.select_one("a")["href"] == f"{entry_id}/"
    )
    assert card.select_one(".kyky-status").get_text(strip=True) == "Vanhentunut"


def test_listing_sorted_newest_first(site: Path) -> None:
    listing = read_page(site, "tarpeet/")
    dates = [time["datetime"] for time in listing.select("li.kyky-card time")]
    assert len(dates) == len(list((CONTENT / "needs").glob("*.yml")))
    assert dates == sorted(dates, reverse=True)


def test_open_graph_tags(site: Path) -> None:
    page = read_page(site, "sv/behov/valitunnin-liikuntaleikit/")
    tags = {tag["property"]: tag["content"] for tag in page.select("meta[property]")}
    assert tags == {
        "og:type": "website",
        "og:site_name": "KYKY-torget",
        "og:title": "Rörelse på rasten också för dem som inte spelar fotboll",
        "og:description": (
            "Vår skolgård är stor, men många elever i årskurs 3–4 står still under rasterna. "
            "Vi söker lekar som fungerar utan att en vuxen leder dem, också när det regnar."
        ),
        "og:url": "https://kyky-tori.github.io/sv/behov/valitunnin-liikuntaleikit/",
        "og:locale": "sv_FI",
        "og:locale:alternate": "fi_FI",
    }


def test_json_ld(site: Path) -> None:
    page = read_page(site, "tarpeet/valitunnin-liikuntaleikit/")
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    assert json.loads(scripts[0].string) == {
        "@context": "https://schema.org",
        "@type": "Demand",
        "identifier": "valitunnin-liikuntaleikit",
        "name": "Välituntiliikuntaa myös niille, jotka eivät pelaa jalkapalloa",
        "description": (
            "Koulupihamme on iso, mutta moni 3.–4.-luokkalainen seisoskelee välitunnit. "
            "Etsimme leikkejä ja pelejä, jotka toimivat ilman jatkuvaa aikuisen ohjausta "
            "myös sateella ja talvella."
        ),
        "validThrough": "2027-05-31",
    }


def test_hostile_title_in_head(tmp_path: Path) -> None:
    content = tmp_path / "content"
    school(content)
    company(content)
    need(content, "vaarallinen", HOSTILE, summary=text(HOSTILE))
    site = build(content, tmp_path / "site")
    raw = (site / "tarpeet/vaarallinen/index.html").read_text("utf-8")
    assert "<script>alert(1)" not in raw
    page = read_page(site, "tarpeet/vaarallinen/")
    assert page.select_one('meta[property="og:title"]')["content"] == HOSTILE
    assert page.select_one('meta[property="og:description"]')["content"] == HOSTILE
    script = page.select_one('script[type="application/ld+json"]').string
    assert "<" not in script
    assert "&" not in script
    assert json.loads(script)["name"] == HOSTILE


def test_csv_formula_is_defused(tmp_path: Path) -> None:
    content = tmp_path / "content"
    school(content)
    company(content)
    need(content, "kaava", '=HYPERLINK("https://evil.example","klikkaa")')
    site = tmp_path / "site"
    export_site(load(content), site, "https://kyky.example/")
    row = read_csv(site, "needs")[0]
    assert row["title_fi"] == '\'=HYPERLINK("https://evil.example","klikkaa")'
