"""Addresses of the site's pages. An entry's address depends only on its kind and id."""

from __future__ import annotations

LANGUAGE_ROOTS: dict[str, str] = {"fi": "", "sv": "sv/"}
SECTIONS: dict[str, dict[str, str]] = {
    "needs": {"fi": "tarpeet", "sv": "behov"},
    "ideas": {"fi": "ideat", "sv": "ideer"},
    "products": {"fi": "tuotteet", "sv": "produkter"},
    "organisations": {"fi": "organisaatiot", "sv": "organisationer"},
}
PAGES: dict[str, dict[str, str]] = {
    "home": {"fi": "", "sv": ""},
    "take_part": {"fi": "osallistu/", "sv": "delta/"},
    "accessibility_statement": {"fi": "saavutettavuusseloste/", "sv": "tillganglighetsutlatande/"},
    "privacy_notice": {"fi": "tietosuojaseloste/", "sv": "dataskyddsbeskrivning/"},
    "search": {"fi": "haku/", "sv": "sok/"},
}
# The folder of a kind's listings per filter value, such as `tarpeet/aste/lukio/`.
FACET_SEGMENTS: dict[str, dict[str, str]] = {
    "status": {"fi": "tila", "sv": "status"},
    "level": {"fi": "aste", "sv": "stadium"},
    "subject": {"fi": "oppiaine", "sv": "amne"},
    "competence": {"fi": "osaaminen", "sv": "kompetens"},
    "district": {"fi": "suuralue", "sv": "storomrade"},
    "language": {"fi": "opetuskieli", "sv": "undervisningssprak"},
}


def entry_path(kind: str, entry_id: str, language: str) -> str:
    """Return the site-root path of an entry page, such as `sv/behov/lasklubb/`."""
    return f"{LANGUAGE_ROOTS[language]}{SECTIONS[kind][language]}/{entry_id}/"


def listing_path(kind: str, language: str) -> str:
    return f"{LANGUAGE_ROOTS[language]}{SECTIONS[kind][language]}/"


def facet_path(kind: str, facet: str, code: str, language: str) -> str:
    """Return the path of a kind's listing per filter value, such as `tarpeet/aste/lukio/`.

    The last segment is the vocabulary code, not its label, so that rewording a label
    never changes an address.
    """
    segment = FACET_SEGMENTS[facet][language]
    return f"{listing_path(kind, language)}{segment}/{code.lower()}/"


def page_path(name: str, language: str) -> str:
    return f"{LANGUAGE_ROOTS[language]}{PAGES[name][language]}"


def relative_url(from_path: str, to_path: str) -> str:
    """Return the link from one page to another.

    Both are site-root paths. A page's path is a folder ending in `/`, or empty for
    the home page. The link is relative, so it works under any base address.
    """
    start = [segment for segment in from_path.split("/") if segment]
    target = [segment for segment in to_path.split("/") if segment]
    shared = 0
    for start_segment, target_segment in zip(start, target, strict=False):
        if start_segment != target_segment:
            break
        shared += 1
    relative = "/".join([".."] * (len(start) - shared) + target[shared:]) or "."
    if to_path and not to_path.endswith("/"):
        return relative
    return "./" if relative == "." else relative + "/"
