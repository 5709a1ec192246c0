"""Suggested matches: the ideas and products that may fit a need, and the needs an idea may fit.

Suggestions are shown on the page of an open need and of an open idea that seeks a
school (`seeks`). They are computed, not chosen by anyone, so the page labels them as
suggestions and gives the reasons for each.

Score of a candidate, compared with the entry whose page shows it:

- 3 points for each shared school level and each shared subject,
- 2 points if the need's school has a language of instruction or a district that the
  idea seeks,
- 1 point for each shared grade and each shared transversal competence,
- 1 point for each shared word of the titles, summaries and themes in the page's
  language, at most 5.

An idea's levels, subjects and grades include those it seeks. Reasons list the shared
values, joined as `join_values` says. Words are compared by
their first six letters, so that inflected Finnish and Swedish forms meet
("välitunnit", "välituntiliikunta"); words shorter than four letters and words that
almost every entry uses do not count. A candidate needs MIN_SCORE points. The list
is sorted by score, then newest first, then by id, and cut at MAX_SUGGESTIONS.

Left out: entries already linked to the page's entry (they are shown as relations),
and entries whose status, as shown, is in INACTIVE.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.catalogue import Catalogue, Record
from generator.models import Idea, Need, Organisation
from generator.pages import choose, status_of, ui
from generator.vocabularies import label

MAX_SUGGESTIONS = 5
MIN_SCORE = 4
MAX_WORD_POINTS = 5
STEM_LENGTH = 6
MIN_WORD_LENGTH = 4

# Statuses, as shown, of entries that neither get nor make suggestions. A completed
# product is not inactive: for a product, completed means ready to use.
INACTIVE: dict[str, frozenset[str]] = {
    "needs": frozenset({"closed", "completed", "expired"}),
    "ideas": frozenset({"closed", "completed", "expired"}),
    "products": frozenset({"closed", "expired"}),
}

WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Suggestion:
    """A candidate entry with its score and the reasons, in the page's language."""

    record: Record
    score: int
    reasons: tuple[str, ...]

    @property
    def reason_text(self) -> str:
        return "; ".join(self.reasons)


def suggestions(catalogue: Catalogue, record: Record, language: str) -> list[Suggestion]:
    """Return the suggestions to show on the page of `record`, best first.

    Every candidate is scored from bit masks and sets made once per record; the
    reasons are written only for the suggestions kept.
    """
    if not _makes_suggestions(catalogue, record):
        return []
    linked = _linked(catalogue, record)
    page = _profile(catalogue, record)
    page_stems = stems_of(record, language) - COMMON_STEMS
    scored = []
    for candidate, profile, stems in _candidates(catalogue, record, language):
        need, other = (page, profile) if record.kind == "needs" else (profile, page)
        score = _facts_score(need, other) + min(len(page_stems & stems), MAX_WORD_POINTS)
        if score >= MIN_SCORE and (candidate.kind, candidate.id) not in linked:
            scored.append((score, candidate))
    best = heapq.nsmallest(
        MAX_SUGGESTIONS,
        scored,
        key=lambda pair: (-pair[0], -pair[1].entry.published.toordinal(), pair[1].id),
    )
    return [
        Suggestion(candidate, score, _reasons(catalogue, record, candidate, language))
        for score, candidate in best
    ]


def _facts_score(need: _Profile, other: _Profile) -> int:
    """Return the points for the facts that a need and a candidate share (see above)."""
    score = 3 * (
        (need.levels & other.levels).bit_count() + (need.subjects & other.subjects).bit_count()
    )
    score += (need.grades & other.grades).bit_count()
    score += (need.competences & other.competences).bit_count()
    if other.seeks_languages is not None and other.seeks_districts is not None:
        score += 2 if need.school_language in other.seeks_languages else 0
        score += 2 if need.school_district in other.seeks_districts else 0
    return score


@dataclass(frozen=True)
class _Profile:
    """The values of a record that scoring compares; lists of values as bit masks."""

    levels: int
    subjects: int
    grades: int
    competences: int
    # Set for a need whose school is in the catalogue and gives these values.
    school_language: object | None
    school_district: object | None
    # Set for an idea that seeks a school.
    seeks_languages: frozenset[object] | None
    seeks_districts: frozenset[object] | None


_BITS: dict[object, int] = {}


def _mask(values: Iterable[object]) -> int:
    """Return a bit mask with one bit for each value; every value keeps its bit."""
    mask = 0
    for value in values:
        if value is not None:
            mask |= 1 << _BITS.setdefault(value, len(_BITS))
    return mask


def _profile(catalogue: Catalogue, record: Record) -> _Profile:
    key = "match_profile"
    if key not in record.derived:
        record.derived[key] = _make_profile(catalogue, record)
    return record.derived[key]  # type: ignore[return-value]


def _make_profile(catalogue: Catalogue, record: Record) -> _Profile:
    entry = record.entry
    school_language = school_district = None
    if isinstance(entry, Need):
        school = catalogue.get("organisations", entry.school)
        if school is not None and isinstance(school.entry, Organisation):
            school_language = school.entry.instruction_language
            school_district = school.entry.district
    seeks = entry.seeks if isinstance(entry, Idea) else None
    return _Profile(
        levels=_mask(("level", value) for value in _sought(record, "levels")),
        subjects=_mask(("subject", value) for value in _sought(record, "subjects")),
        grades=_mask(("grade", value) for value in _sought(record, "grades")),
        competences=_mask(("competence", value) for value in getattr(entry, "competences", [])),
        school_language=school_language,
        school_district=school_district,
        seeks_languages=frozenset(seeks.instruction_languages) if seeks else None,
        seeks_districts=frozenset(seeks.districts) if seeks else None,
    )


def _makes_suggestions(catalogue: Catalogue, record: Record) -> bool:
    if status_of(record, catalogue.today) != "open":
        return False
    if isinstance(record.entry, Need):
        return True
    return isinstance(record.entry, Idea) and record.entry.seeks is not None


def _active(catalogue: Catalogue, record: Record) -> bool:
    return status_of(record, catalogue.today) not in INACTIVE[record.kind]


Candidate = tuple[Record, "_Profile", frozenset[str]]


def _candidates(catalogue: Catalogue, record: Record, language: str) -> list[Candidate]:
    """Return the active entries that may be suggested on the page of `record`, with
    their profiles and word stems, without `record` itself."""
    kinds = ("ideas", "products") if record.kind == "needs" else ("needs",)
    key = ("match_candidates", kinds, language)
    if key not in catalogue.derived:
        catalogue.derived[key] = [
            (candidate, _profile(catalogue, candidate), stems_of(candidate, language))
            for kind in kinds
            for candidate in catalogue.all(kind)
            if _active(catalogue, candidate)
        ]
    found: list[Candidate] = catalogue.derived[key]  # type: ignore[assignment]
    return [candidate for candidate in found if candidate[0] is not record]


def _linked(catalogue: Catalogue, record: Record) -> set[tuple[str, str]]:
    """Return (kind, id) of the entries that refer to `record` or that it refers to."""
    if "outgoing" not in catalogue.derived:
        outgoing: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for link in catalogue.links:
            source = (link.source_kind, link.source_id)
            outgoing.setdefault(source, set()).add((link.target_kind, link.target_id))
        catalogue.derived["outgoing"] = outgoing
    found = catalogue.derived["outgoing"].get((record.kind, record.id), set())  # type: ignore[attr-defined]
    linked = set(found)
    linked |= {
        (link.source_kind, link.source_id) for link in catalogue.incoming[(record.kind, record.id)]
    }
    return linked


def _reasons(
    catalogue: Catalogue, page: Record, candidate: Record, language: str
) -> tuple[str, ...]:
    """Return why a candidate fits the page's entry: the shared values, in the page's language."""
    need, other = (page, candidate) if page.kind == "needs" else (candidate, page)
    assert isinstance(need.entry, Need)
    school = catalogue.get("organisations", need.entry.school)
    parts = [
        ("level", _shared(need.entry.levels, _sought(other, "levels"))),
        ("subject", _shared(need.entry.subjects, _sought(other, "subjects"))),
        ("grade", _shared(need.entry.grades, _sought(other, "grades"))),
        ("competence", _shared(need.entry.competences, other.entry.competences)),
    ]
    seeks = other.entry.seeks if isinstance(other.entry, Idea) else None
    if seeks is not None and school is not None and isinstance(school.entry, Organisation):
        language_code = school.entry.instruction_language
        shared_language = _shared([language_code], seeks.instruction_languages)
        parts.append(("instruction_language", shared_language))
        parts.append(("district", _shared([school.entry.district], seeks.districts)))
    reasons = [_reason(kind, shared, language) for kind, shared in parts if shared]
    words = shared_words(page, candidate, language)
    if words:
        reasons.append(ui("match_words", language, values=", ".join(words[:MAX_WORD_POINTS])))
    return tuple(reasons)


def _sought(record: Record, name: str) -> list[object]:
    """Return an entry's levels, subjects or grades, with those an idea seeks."""
    values = list(getattr(record.entry, name, []))
    seeks = record.entry.seeks if isinstance(record.entry, Idea) else None
    if seeks is not None:
        values += [value for value in getattr(seeks, name) if value not in values]
    return values


def _shared(ours: Iterable[object], theirs: Iterable[object]) -> list[object]:
    """Return the values of `ours` found in `theirs`, in the order of `ours`."""
    wanted = set(theirs)
    return [value for value in ours if value is not None and value in wanted]


VOCABULARY_OF_REASON = {
    "level": "level",
    "subject": "subject",
    "instruction_language": "instruction_language",
    "district": "district",
}


def _reason(kind: str, shared: list[object], language: str) -> str:
    if kind in VOCABULARY_OF_REASON:
        values = [label(VOCABULARY_OF_REASON[kind], str(code), language) for code in shared]
    else:
        # Grades are numbers; competences are known by their codes L1 to L7.
        values = [str(value) for value in shared]
    return ui(f"match_{kind}", language, values=join_values(values, language))


def join_values(values: list[str], language: str) -> str:
    """Join values with commas, or with `ja`/`och` when a value has a comma of its own.

    School levels read "perusopetus, vuosiluokat 1–6", so two of them need the word.
    """
    if any("," in value for value in values):
        return ui("list_and", language).join(values)
    return ", ".join(values)


def shared_words(page: Record, candidate: Record, language: str) -> list[str]:
    """Return the words of the page's entry whose stems the candidate shares, in order."""
    theirs = stems_of(candidate, language)
    found: list[str] = []
    seen: set[str] = set()
    for word in words_of(page, language):
        key = stem(word)
        if key in theirs and key not in seen and key not in COMMON_STEMS:
            seen.add(key)
            found.append(word)
    return found


def stem(word: str) -> str:
    return word[:STEM_LENGTH]


# Words that almost every entry uses, in Finnish and Swedish.
COMMON_WORDS = """
    myös jotka joka jonka joita että kanssa eivät sekä tämä mutta kuin niin ovat olla
    ilman koko oppilaat koulu koulun koululle koulussa luokka luokan luokille opettaja
    opetus etsimme haluamme voimme kokeilu kehittää avulla joiden hyvin vielä paljon
    också eller utan inte från till även deras vara blir varje under eleven elever
    eleverna skolan skolor skola klasser lärare undervisning vill söker utveckla
"""
COMMON_STEMS = frozenset(stem(word) for word in COMMON_WORDS.split())


def stems_of(record: Record, language: str) -> frozenset[str]:
    key = ("stems", language)
    if key not in record.derived:
        record.derived[key] = frozenset(stem(word) for word in words_of(record, language))
    return record.derived[key]  # type: ignore[return-value]


def words_of(record: Record, language: str) -> list[str]:
    """Return the lower-case words of a record's title, summary and themes in `language`."""
    key = ("words", language)
    if key not in record.derived:
        record.derived[key] = _words_of(record, language)
    return record.derived[key]  # type: ignore[return-value]


def _words_of(record: Record, language: str) -> list[str]:
    entry = record.entry
    texts = [choose(getattr(entry, name, None), language) for name in ("title", "summary")]
    words: list[str] = []
    for chosen in texts:
        if chosen is not None:
            words += WORD.findall(chosen.text.casefold())
    themes = getattr(entry, "themes", None)
    if themes is not None:
        for theme in getattr(themes, language, []) or getattr(themes, _other(language), []):
            words += WORD.findall(theme.casefold())
    return [word for word in words if len(word) >= MIN_WORD_LENGTH]


def _other(language: str) -> str:
    return "sv" if language == "fi" else "fi"
