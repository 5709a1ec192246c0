"""Rules that compare fields of one entry, and references between entries."""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import stat
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

from generator.catalogue import Catalogue, Link, Record
from generator.files import (
    FORMAT_SUFFIXES,
    IMAGE_FORMATS,
    IMAGE_HEAD_LENGTH,
    IMAGE_SUFFIXES,
    image_format_of,
    suggest_id,
)
from generator.messages import Ref
from generator.models import Idea, Need, Organisation, Period, Product
from generator.problems import FieldPath, Problem, Severity
from generator.vocabularies import load_data

# Lengths of a title or an organisation's name, in characters. Listings, feeds and
# search results show the whole title, so a longer one is a warning and a far longer
# one an error.
TITLE_WARNING_LENGTH = 120
TITLE_MAX_LENGTH = 300
SCHOOL_KINDS = ("school", "daycare")
BASIC_EDUCATION_LEVELS = frozenset({"esiopetus", "perusopetus-1-6", "perusopetus-7-9"})
PARTNER_KINDS = ("company", "community", "research")
PERSONAL_EMAIL = re.compile(r"^([^\W\d_]{2,})\.([^\W\d_]{2,})@", re.UNICODE)
# Words that make `word.organisation@` a role address rather than `first.last@`.
ROLE_WORDS = frozenset(
    {
        "kanslia", "kansli", "kirjaamo", "registrator", "info", "kyky", "myynti", "sales",
        "johtaja", "rehtori", "rektor", "office", "toimisto", "projekti", "projekt", "hanke",
        "asiakaspalvelu", "kundtjanst", "support", "tuki", "yhteistyo", "samarbete", "kokeilut",
        "pilotit", "pilot", "paivakoti", "daghem", "koulu", "skola", "kontakt", "yhteys", "posti",
        "post", "hello", "hei", "hej", "contact", "admin", "opettajat", "larare", "oppilashuolto",
        "elevvard", "kehitys", "utveckling", "tutkimus", "forskning", "koulut", "skolor",
        "schools",
    }
)  # fmt: skip


def problem(
    record: Record, field_path: FieldPath, key: str, severity: Severity = "error", **params: object
) -> Problem:
    position = record.document.position(field_path)
    return Problem(record.path, position.line, position.column, severity, key, params, field_path)


def check_entry_rules(record: Record, content_root: str, today: date) -> list[Problem]:
    """Check the rules that compare fields within one entry.

    `today` is the catalogue's date, which a publication date must not pass.
    """
    entry = record.entry
    problems = list(_date_order(record))
    problems.extend(_future_publication(record, today))
    problems.extend(_title_length(record))
    texts = _texts(record.document.data)
    problems.extend(_pupil_names(record, texts))
    problems.extend(_phone_in_texts(record, texts))
    problems.extend(_markdown_links(record, texts))
    if isinstance(entry, (Need, Idea)) and entry.contact is not None:
        problems.extend(_contact(record, entry.contact.email))
        problems.extend(_phone_in_role(record))
    if isinstance(entry, Idea) and not entry.answers and entry.seeks is None:
        problems.append(problem(record, (), "idea_without_target"))
    problems.extend(_competences_need_basic_education(record))
    if isinstance(entry, Product):
        problems.extend(_product(record, entry, content_root))
    if isinstance(entry, Organisation):
        problems.extend(_organisation(record, entry))
    return problems


def _competences_need_basic_education(record: Record) -> Iterator[Problem]:
    """Warn when L1–L7 are given for levels whose curricula define other competences.

    The seven transversal competences belong to the core curricula of pre-primary and
    basic education (2014). Early childhood education and general upper secondary
    education (2019) define sets of their own.
    """
    levels = getattr(record.entry, "levels", [])
    competences = getattr(record.entry, "competences", [])
    if competences and levels and not BASIC_EDUCATION_LEVELS.intersection(levels):
        yield problem(record, ("competences",), "competences_outside_basic", "warning")


def _future_publication(record: Record, today: date) -> Iterator[Problem]:
    published = getattr(record.entry, "published", None)
    if published is not None and published > today:
        yield problem(
            record,
            ("published",),
            "published_future",
            "warning",
            value=published.isoformat(),
            today=today.isoformat(),
        )


def _title_length(record: Record) -> Iterator[Problem]:
    name = "name" if isinstance(record.entry, Organisation) else "title"
    title = getattr(record.entry, name)
    for language in ("fi", "sv"):
        length = len(title.get(language) or "")
        path = (name, language)
        if length > TITLE_MAX_LENGTH:
            yield problem(record, path, "title_too_long", length=length, limit=TITLE_MAX_LENGTH)
        elif length > TITLE_WARNING_LENGTH:
            limit = TITLE_WARNING_LENGTH
            yield problem(record, path, "title_long", "warning", length=length, limit=limit)


def _date_order(record: Record) -> Iterator[Problem]:
    entry = record.entry
    published = getattr(entry, "published", None)
    for name in ("updated", "valid_until"):
        value = getattr(entry, name, None)
        if published and value and value < published:
            yield _order_problem(record, (name,), value, "published", published)
    periods: list[tuple[FieldPath, Period | None]] = []
    if isinstance(entry, Need) and entry.offer is not None:
        periods.append((("offer", "period"), entry.offer.period))
    if isinstance(entry, Product):
        periods.append((("pilot",), entry.pilot))
    for path, period in periods:
        if period and period.start and period.end and period.end < period.start:
            yield _order_problem(record, (*path, "end"), period.end, "start", period.start)


def _order_problem(
    record: Record, path: FieldPath, value: date, other: str, other_value: date
) -> Problem:
    return problem(
        record,
        path,
        "date_order",
        value=value.isoformat(),
        other=other,
        other_value=other_value.isoformat(),
    )


# Free e-mail services, whose addresses belong to persons rather than to organisations.
FREE_MAIL_DOMAINS = frozenset(
    {"gmail.com", "hotmail.com", "outlook.com", "live.com", "yahoo.com", "icloud.com"}
    | {"luukku.com", "suomi24.fi", "kolumbus.fi", "elisanet.fi", "hotmail.fi", "msn.com"}
)


def _contact(record: Record, email: str) -> Iterator[Problem]:
    match = PERSONAL_EMAIL.match(email)
    free_mail = email.rpartition("@")[2].casefold() in FREE_MAIL_DOMAINS
    if free_mail or (
        match and not ROLE_WORDS.intersection(part.casefold() for part in match.groups())
    ):
        yield problem(record, ("contact", "email"), "personal_email", "warning", value=email)


# A pupil's name, by heuristic: a common given name followed by a capitalised word
# ("Matti Virtanen"), or a word for a pupil followed by a common given name
# ("oppilas Matti", "eleven Emma"). Names outside data/given_names.yaml are missed.
# A given name followed by a place name is reported too, so the rule only warns and
# the reviewer decides.
PUPIL_WORDS = (
    "oppilas|oppilaat|oppilaan|oppilaamme|oppilaalle|oppilaiden|koululainen|lapsi|lapsen|"
    "tyttö|poika|elev|eleven|eleverna|elevens|barnet|flickan|pojken|pupil|student"
)
CAPITALISED_WORD = r"[A-ZÅÄÖÜ][a-zåäöüé]+(?:-[A-ZÅÄÖÜ][a-zåäöüé]+)?"
# A run of at least seven digits, possibly with +, spaces, hyphens, slashes or brackets.
PHONE_NUMBER = re.compile(r"\+?\(?\d[\d ()/-]{5,}\d")
# The address of a Markdown link or image, `[text](address)`, with one level of
# brackets inside it as in `javascript:alert(1)`, and the schemes that
# generator/markup.py keeps; a tag such as <b> or <script>, which the page shows as text.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)")
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
RAW_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")
# In other texts: a number that starts with + or 0, as Finnish phone numbers do.
TEXT_PHONE_NUMBER = re.compile(r"(?<![\w/.,-])(?:\+\d|0)[\d ()-]{5,}\d")
PHONE_START = re.compile(r"[\s(:][+0]\d")


@cache
def _given_names() -> frozenset[str]:
    lists = load_data("given_names.yaml")
    return frozenset({*lists["finnish"], *lists["swedish"]})


@cache
def _pupil_name_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(_given_names(), key=len, reverse=True))
    full_name = re.compile(rf"(?<![\w-])(?:{names})\s+{CAPITALISED_WORD}(?![\w-])")
    pupil_and_name = re.compile(rf"(?<![\w-])(?i:{PUPIL_WORDS})\s+(?:{names})(?![\w-])")
    return full_name, pupil_and_name


@cache
def _given_name_anywhere() -> re.Pattern[str]:
    """Match a given name anywhere, even inside a word.

    Most texts name no one, and this one pass over them costs a fraction of splitting
    them into words, so it is the first test.
    """
    return re.compile("|".join(sorted(_given_names(), key=len, reverse=True)))


LANGUAGE_KEYS = frozenset({"fi", "sv"})


def _texts(data: dict[str, Any]) -> list[tuple[FieldPath, str]]:
    """Return every text written in a language (under a `fi` or `sv` key) with its path.

    A text counts if its own key or its parent's key is `fi` or `sv`, so that each
    keyword of `themes: {fi: [...]}` counts too.
    """
    found: list[tuple[FieldPath, str]] = []
    _collect_texts(data, (), found)
    return found


def _collect_texts(
    data: dict[str, Any] | list[Any], path: FieldPath, found: list[tuple[FieldPath, str]]
) -> None:
    in_language = bool(path) and path[-1] in LANGUAGE_KEYS
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        if isinstance(value, str):
            if in_language or key in LANGUAGE_KEYS:
                found.append(((*path, key), value))
        elif isinstance(value, (dict, list)):
            _collect_texts(value, (*path, key), found)


def _pupil_names(record: Record, texts: list[tuple[FieldPath, str]]) -> Iterator[Problem]:
    for path, text in texts:
        if record.kind == "organisations" and path[0] == "name":
            continue
        if _given_name_anywhere().search(text) is None:
            continue  # the common case
        if _given_names().isdisjoint(re.findall(r"\w+", text)):
            continue  # a name only inside a longer word, such as Emma in Emmaus
        found: list[str] = []
        for pattern in _pupil_name_patterns():
            found += [match.group(0) for match in pattern.finditer(text)]
        # A contact's role names a role, so a name there is more likely a teacher's.
        key = "name_in_role" if path[:2] == ("contact", "role") else "pupil_name"
        for word in dict.fromkeys(found):
            yield problem(record, path, key, "warning", word=word)


def _markdown_links(record: Record, texts: list[tuple[FieldPath, str]]) -> Iterator[Problem]:
    """Warn about what the page leaves out or shows as text in a description: links
    that are not web or e-mail addresses, addresses without https://, and raw HTML."""
    for path, text in texts:
        if "description" not in path or ("](" not in text and "<" not in text):
            continue
        for match in MARKDOWN_LINK.finditer(text):
            address = match.group(1)
            scheme = address.split(":", 1)[0].lower() if ":" in address else ""
            if scheme in LINK_SCHEMES or address.startswith("#"):
                continue
            key = "link_scheme_removed" if scheme else "link_without_scheme"
            yield problem(record, path, key, "warning", value=address)
        html_tag = RAW_HTML.search(text)
        if html_tag is not None:
            yield problem(record, path, "raw_html_as_text", "warning", value=html_tag.group(0))


def _phone_in_texts(record: Record, texts: list[tuple[FieldPath, str]]) -> Iterator[Problem]:
    """Warn about a phone number in a text other than the contact's role, which is an
    error of its own. Only numbers that start with + or 0 count, so years and counts
    such as "2026-2027" do not."""
    for path, text in texts:
        if path[:2] == ("contact", "role"):
            continue
        if PHONE_START.search(text) is None and not text.startswith(("+", "0")):
            continue  # the common case, found faster than by the full pattern
        for number in _phone_numbers(TEXT_PHONE_NUMBER, text):
            yield problem(record, path, "phone_in_text", "warning", value=number)


def _phone_in_role(record: Record) -> Iterator[Problem]:
    role = record.document.data.get("contact", {}).get("role")
    if not isinstance(role, dict):
        return
    for language, text in role.items():
        for number in _phone_numbers(PHONE_NUMBER, str(text)):
            yield problem(record, ("contact", "role", language), "phone_in_contact", value=number)


def _phone_numbers(pattern: re.Pattern[str], text: str) -> Iterator[str]:
    """Yield the matches of `pattern` in `text` that have at least seven digits."""
    for match in pattern.finditer(text):
        if sum(char.isdigit() for char in match.group(0)) >= 7:
            yield match.group(0).strip()


def _product(record: Record, entry: Product, content_root: str) -> Iterator[Problem]:
    if entry.label_granted is not None and not entry.schools:
        yield problem(record, ("label_granted",), "label_without_school")
    if entry.image is None:
        return
    for name in ("image_alt", "image_privacy"):
        if getattr(entry, name) is None:
            yield problem(record, ("image",), "image_needs", field=name)
    yield from _image_file(record, entry.image, content_root)


def _image_file(record: Record, relative: str, content_root: str) -> Iterator[Problem]:
    if not relative.lower().endswith(IMAGE_SUFFIXES):
        yield problem(record, ("image",), "image_format", value=relative)
        return
    if not _regular_file_inside(content_root, relative):
        yield problem(record, ("image",), "image_missing", value=relative)
        return
    yield from _image_content(record, relative, content_root)


def _image_content(record: Record, relative: str, content_root: str) -> Iterator[Problem]:
    """Check that the file's first bytes are those of the format its suffix names.

    An HTML page saved as `x.png` would otherwise be published under an image's name.
    """
    stem, dot, suffix = relative.rpartition(".")
    expected = IMAGE_FORMATS[f"{dot}{suffix.lower()}"]
    # O_NOFOLLOW: the path was checked to be free of symlinks, and must stay so.
    descriptor = os.open(os.path.join(content_root, relative), os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(descriptor, "rb") as stream:
        actual = image_format_of(stream.read(IMAGE_HEAD_LENGTH))
    if actual is None:
        yield problem(
            record, ("image",), "image_content_invalid", value=relative, expected=expected
        )
    elif actual != expected:
        suggestion = f"{stem}{FORMAT_SUFFIXES[actual]}"
        params = {"value": relative, "expected": expected, "actual": actual}
        yield problem(record, ("image",), "image_content_mismatch", suggestion=suggestion, **params)


def _regular_file_inside(root: str, relative: str) -> bool:
    """Tell whether `relative` names a regular file under `root` reached through no symlink."""
    current = root
    for part in relative.split("/"):
        if part in ("", ".", ".."):
            return False
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except OSError:
            return False
        if stat.S_ISLNK(mode):
            return False
    return stat.S_ISREG(mode)


def _organisation(record: Record, entry: Organisation) -> Iterator[Problem]:
    required: tuple[str, ...] = ()
    if entry.kind == "company":
        required = ("business_id",)
    elif entry.kind in SCHOOL_KINDS:
        required = ("instruction_language", "district")
    for name in required:
        if getattr(entry, name) is None:
            yield problem(record, (), "organisation_field_required", kind=entry.kind, field=name)


def resolve_references(catalogue: Catalogue) -> list[Problem]:
    """Record every reference both ways and report those that do not resolve."""
    problems: list[Problem] = []
    for kind in ("needs", "ideas", "products"):
        for record in catalogue.all(kind):
            for path, target_kind, target_id, allowed in _references(record):
                if (target_kind, target_id) in catalogue.invalid:
                    continue  # that file's own errors are reported; one mistake, one error
                found = _resolve(catalogue, record, path, target_kind, target_id, allowed)
                if isinstance(found, Problem):
                    problems.append(found)
                    continue
                link = Link(kind, record.id, str(path[0]), target_kind, target_id)
                catalogue.links.append(link)
                catalogue.incoming[(target_kind, target_id)].append(link)
    return problems


def _references(
    record: Record,
) -> Iterator[tuple[FieldPath, str, str, tuple[str, ...]]]:
    entry = record.entry
    if isinstance(entry, Need):
        yield ("school",), "organisations", entry.school, SCHOOL_KINDS
    if isinstance(entry, Idea):
        yield ("company",), "organisations", entry.company, PARTNER_KINDS
        for index, need_id in enumerate(entry.answers):
            yield ("answers", index), "needs", need_id, ()
    if isinstance(entry, Product):
        yield ("company",), "organisations", entry.company, PARTNER_KINDS
        for index, school_id in enumerate(entry.schools):
            yield ("schools", index), "organisations", school_id, SCHOOL_KINDS
        for index, need_id in enumerate(entry.needs):
            yield ("needs", index), "needs", need_id, ()
        for index, idea_id in enumerate(entry.ideas):
            yield ("ideas", index), "ideas", idea_id, ()


def _resolve(
    catalogue: Catalogue,
    record: Record,
    path: FieldPath,
    target_kind: str,
    target_id: str,
    allowed: tuple[str, ...],
) -> Record | Problem:
    target = catalogue.get(target_kind, target_id)
    if target is None:
        nearest = nearest_id(catalogue, target_kind, target_id, allowed)
        hint = (
            Ref("reference_nearest", {"nearest": nearest})
            if nearest
            else Ref("reference_create", {"folder": target_kind, "value": target_id})
        )
        return problem(
            record, path, "reference_missing", value=target_id, folder=target_kind, hint=hint
        )
    if allowed and isinstance(target.entry, Organisation) and target.entry.kind not in allowed:
        return problem(
            record,
            path,
            "reference_wrong_kind",
            value=target_id,
            actual=target.entry.kind,
            expected=" / ".join(allowed),
        )
    return target


# The fields that refer to other entries, by the kind of the referring file: the folder
# of the target and, for organisations, the kinds of organisation the field accepts.
REFERENCE_FIELDS: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("needs", "school"): ("organisations", SCHOOL_KINDS),
    ("ideas", "company"): ("organisations", PARTNER_KINDS),
    ("ideas", "answers"): ("needs", ()),
    ("products", "company"): ("organisations", PARTNER_KINDS),
    ("products", "schools"): ("organisations", SCHOOL_KINDS),
    ("products", "needs"): ("needs", ()),
    ("products", "ideas"): ("ideas", ()),
}


def nearest_id(
    catalogue: Catalogue, target_kind: str, value: str, allowed: tuple[str, ...] = ()
) -> str | None:
    """Return the existing id nearest to `value`, preferring organisations of an allowed kind.

    The value is also compared in the form `suggest_id` gives it, so that
    `Routaniityn koulu` or `routaniityn-koulu-ä` finds `routaniityn-koulu`.
    """
    records = catalogue.all(target_kind)
    right_kind = [
        record.id
        for record in records
        if not allowed or not isinstance(record.entry, Organisation) or record.entry.kind in allowed
    ]
    for candidates in (right_kind, [record.id for record in records]):
        for word in dict.fromkeys((suggest_id(value), value)):
            nearest = difflib.get_close_matches(word, candidates, 1)
            if nearest:
                return nearest[0]
    return None


def suggest_existing_ids(
    problems: list[Problem], catalogue: Catalogue, folders: dict[str, str]
) -> list[Problem]:
    """Point a reference that breaks the id rules at the nearest existing entry.

    Validation checks one file at a time, so it can only suggest the id that the value
    would become (`routaniityn-koulu-ä` → `routaniityn-koulu-a`), which may not exist.
    `folders` gives the kind folder of each file by its displayed path.
    """
    return [
        _existing_id_hint(problem, catalogue, folders.get(problem.path)) for problem in problems
    ]


def _existing_id_hint(problem: Problem, catalogue: Catalogue, folder: str | None) -> Problem:
    if problem.key != "invalid_id" or not problem.field:
        return problem
    target = REFERENCE_FIELDS.get((folder or "", str(problem.field[0])))
    if target is None:
        return problem
    target_kind, allowed = target
    nearest = nearest_id(catalogue, target_kind, str(problem.params["value"]), allowed)
    if nearest is None:
        return problem
    params = {**problem.params, "suggestion": nearest, "folder": target_kind}
    return dataclasses.replace(problem, key="invalid_id_existing", params=params)
