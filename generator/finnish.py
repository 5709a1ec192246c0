"""Finnish word forms for the search index, found with Voikko.

Pagefind stems each word with a Snowball stemmer, which neither splits compound
words nor undoes consonant gradation: "kaupungissa" stems to "kaupung", while
"kaupunki" stems to "kaupunk". So for every Finnish word of an entry the index also
gets, from Voikko's morphological analysis:

- the base form: välituntiliikuntaa → välituntiliikunta, kaupungissa → kaupunki;
- the base form of each part of a compound: väli, tunti, liikunta;
- a few case forms of each nominal base form, so that a query in another case finds
  a text that contains only the base form: the genitive singular, whose stem most
  case forms share (kaupunki → kaupungin, for "kaupungissa"), the partitive singular
  (liikunta → liikuntaa), and the partitive and inessive plural (peli → pelejä,
  peleissä; koti → kodeissa).

Why the partitive and the plural forms: Pagefind finds an indexed word when the
Snowball stem of the query word is the start of the indexed word's stem. The stemmer
cuts "liikunta" and "liikunnan" to "liikun" but "liikuntaa" only to "liikunt", and
"pelejä" to "pelej" while "peli" becomes "pel", so without these forms in the index
the queries "liikuntaa" and "pelejä" would miss texts that say "liikunta" and "peli".

Voikko does not generate word forms, so the forms are guessed from a few
consonant-gradation and ending rules and each guess is kept only if Voikko analyses
it as that case of the same base form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, Protocol

from generator.messages import message

# Word classes (Voikko's CLASS) that inflect in case and so have a genitive.
NOMINAL_CLASSES = frozenset(
    {"nimisana", "laatusana", "nimi_laatusana", "paikannimi", "etunimi", "sukunimi", "nimi"}
)
# The case forms (Voikko's SIJAMUOTO and NUMBER) that the index gets for a nominal base form.
INDEXED_CASES = frozenset(
    {
        ("omanto", "singular"),
        ("osanto", "singular"),
        ("osanto", "plural"),
        ("sisaolento", "plural"),
    }
)
VOWELS = "aeiouyäö"
# Voikko's MOOD of a verb's noun in -minen ("lukeminen", "lukemisen"), its stem in a
# written form, and the endings of the cases that the index gets.
MINEN_MOOD = "MINEN-infinitive"
MINEN_STEM = re.compile(r"^(.+)mi[sn]")
MINEN_ENDINGS = {"nimento": "minen", "omanto": "misen", "osanto": "mista"}
WORD = re.compile(r"[^\W\d_]+")
# The consonants between the last two vowel groups, where gradation happens.
LAST_CLUSTER = re.compile(rf"^(.*[{VOWELS}])([^{VOWELS}]+)([{VOWELS}]+[^{VOWELS}]*)$")
# Consonant gradation, strong grade → weak grade. Words such as "hammas" and
# "tavoite" have the weak grade in the base form and the strong one in the genitive,
# so the table is applied in both directions.
GRADATION: dict[str, tuple[str, ...]] = {
    "kk": ("k",),
    "pp": ("p",),
    "tt": ("t",),
    "nk": ("ng",),
    "mp": ("mm",),
    "lt": ("ll",),
    "nt": ("nn",),
    "rt": ("rr",),
    "ht": ("hd",),
    "lk": ("l", "lj"),
    "rk": ("r", "rj"),
    "lp": ("lv",),
    "rp": ("rv",),
    "k": ("", "v", "j"),
    "p": ("v",),
    "t": ("d",),
}


class Analyser(Protocol):
    """The part of `libvoikko.Voikko` that this module uses."""

    def analyze(self, word: str) -> list[dict[str, Any]]: ...


class VoikkoMissingError(RuntimeError):
    """Voikko or its Finnish dictionary is not installed, so the index cannot be built."""

    def __init__(self, cause: str) -> None:
        super().__init__(message("voikko_missing", "en", cause=cause))
        self.cause = cause


def open_analyser() -> Analyser:
    """Open Voikko's Finnish dictionary, or raise `VoikkoMissingError` saying what is missing."""
    try:
        import libvoikko
    except ImportError as error:
        raise VoikkoMissingError(f"Python: {error}") from error
    try:
        return libvoikko.Voikko("fi")
    except (OSError, libvoikko.VoikkoException) as error:
        raise VoikkoMissingError(str(error)) from error


def words(text: str) -> list[str]:
    """Split a text into words of letters; digits and punctuation separate words."""
    return WORD.findall(text)


class WordForms:
    """Word forms of Finnish words, cached per word, for one Voikko instance."""

    def __init__(self, analyser: Analyser) -> None:
        self.analyse: Callable[[str], list[dict[str, Any]]] = cache(analyser.analyze)
        self.genitives: Callable[[str], frozenset[str]] = cache(self._genitives)
        self.case_forms: Callable[[str], frozenset[str]] = cache(self._case_forms)
        self.word_forms: Callable[[str], frozenset[str]] = cache(
            lambda word: frozenset(self.forms(word))
        )

    def expand(self, text: str) -> list[str]:
        """Return the forms of the words of `text` that the text does not contain, sorted."""
        present = {word.casefold() for word in words(text)}
        found: set[str] = set()
        for word in present:
            found |= self.word_forms(word)
        return sorted(found - present)

    def forms(self, word: str) -> set[str]:
        """Return the base forms, compound parts and genitives of one word, in lowercase."""
        found: set[str] = set()
        for analysis in self.analyse(word):
            base = analysis.get("BASEFORM")
            if not base:
                continue
            found |= self.base_forms(base, analysis.get("CLASS", ""))
            if analysis.get("MOOD") == MINEN_MOOD:
                found |= self.minen_forms(word, base)
            for part in compound_parts(word, analysis):
                found |= self.part_forms(part)
        return found

    def minen_forms(self, word: str, verb: str) -> set[str]:
        """Return the nominative, genitive and partitive of a verb's noun in -minen.

        Voikko gives the verb as the base form of "lukemisen", so without these the query
        "lukeminen" would miss a text that contains "lukemisen" or "lukemista".
        """
        match = MINEN_STEM.match(word.casefold())
        if match is None:
            return set()
        candidates = {case: match.group(1) + ending for case, ending in MINEN_ENDINGS.items()}
        return {
            candidate
            for case, candidate in candidates.items()
            if any(
                analysis.get("BASEFORM") == verb
                and analysis.get("MOOD") == MINEN_MOOD
                and analysis.get("SIJAMUOTO") == case
                for analysis in self.analyse(candidate)
            )
        }

    def base_forms(self, base: str, word_class: str) -> set[str]:
        forms = {base.casefold()}
        if word_class in NOMINAL_CLASSES:
            forms |= self.case_forms(base)
        return forms

    def part_forms(self, part: str) -> set[str]:
        """Return the forms of a compound part, or the part itself if Voikko does not know it."""
        analyses = self.analyse(part)
        if not analyses:
            return {part.casefold()}
        found: set[str] = set()
        for analysis in analyses:
            base = analysis.get("BASEFORM") or part
            found |= self.base_forms(base, analysis.get("CLASS", ""))
        return found

    def _genitives(self, base: str) -> frozenset[str]:
        return frozenset(
            candidate.casefold()
            for candidate in genitive_candidates(base)
            if self.is_genitive_of(candidate, base)
        )

    def _case_forms(self, base: str) -> frozenset[str]:
        """Return the genitive, the partitives and the inessive plural of a base form."""
        genitives = self.genitives(base)
        return genitives | frozenset(
            candidate.casefold()
            for candidate in case_candidates(base, genitives)
            if self.is_case_of(candidate, base, INDEXED_CASES)
        )

    def is_genitive_of(self, candidate: str, base: str) -> bool:
        return self.is_case_of(candidate, base, {("omanto", "singular")})

    def is_case_of(self, candidate: str, base: str, cases: Iterable[tuple[str, str]]) -> bool:
        accepted = set(cases)
        return any(
            analysis.get("BASEFORM") == base
            and (analysis.get("SIJAMUOTO"), analysis.get("NUMBER")) in accepted
            for analysis in self.analyse(candidate)
        )


def compound_parts(word: str, analysis: dict[str, Any]) -> list[str]:
    """Return the parts of a compound word, the last one in its base form; [] if not a compound.

    Voikko's STRUCTURE has one character per letter of the word and `=` before each
    part: "välituntiliikuntaa" has "=pppp=ppppp=ppppppppp". The parts before the last
    keep their written form, and callers analyse them again on their own. The last
    part's base form is the end of BASEFORM after them.
    """
    surfaces = split_by_structure(word, analysis.get("STRUCTURE", ""))
    if len(surfaces) < 2:
        return []
    head = "".join(surfaces[:-1])
    base = analysis.get("BASEFORM", "")
    if base.casefold().startswith(head.casefold()) and len(base) > len(head):
        return [*surfaces[:-1], base[len(head) :]]
    return surfaces


def split_by_structure(word: str, structure: str) -> list[str]:
    parts: list[str] = []
    current = ""
    position = 0
    for mark in structure:
        if mark == "=":
            if current:
                parts.append(current)
            current = ""
        elif position < len(word):
            current += word[position]
            position += 1
    if current:
        parts.append(current)
    return parts if position == len(word) else [word]


def gradation_variants(base: str) -> set[str]:
    """Return `base` with its last consonant cluster changed by gradation, both ways."""
    match = LAST_CLUSTER.match(base)
    if match is None:
        return set()
    start, cluster, end = match.groups()
    variants: set[str] = set()
    for strong, weak_forms in GRADATION.items():
        for weak in weak_forms:
            if cluster.endswith(strong):
                variants.add(start + cluster[: -len(strong)] + weak + end)
            if weak and cluster.endswith(weak):
                variants.add(start + cluster[: -len(weak)] + strong + end)
    return variants


def genitive_candidates(base: str) -> list[str]:
    """Guess genitive singulars of a base form; most guesses are wrong and get discarded."""
    candidates: set[str] = set()
    for stem in {base} | gradation_variants(base):
        candidates |= set(genitive_endings(stem))
    return sorted(candidates)


def genitive_endings(stem: str) -> Iterable[str]:
    yield stem + "n"  # koulu → koulun, kaupungi → kaupungin
    if stem.endswith("e"):
        yield stem + "en"  # tavoitte → tavoitteen
    if stem.endswith("i"):
        yield stem[:-1] + "en"  # järvi → järven
    if stem.endswith("si"):
        yield stem[:-2] + "den"  # vesi → veden
    if stem.endswith("nen"):
        yield stem[:-3] + "sen"  # nainen → naisen
    if stem.endswith("in"):
        yield stem[:-1] + "men"  # puhelin → puhelimen
    if len(stem) > 2 and stem.endswith("s") and stem[-2] in VOWELS:
        yield stem[:-1] + stem[-2] + "n"  # hampas → hampaan
        yield stem[:-1] + "ksen"  # innostus → innostuksen
        yield stem[:-1] + "den"  # rakkaus → rakkauden


def case_candidates(base: str, genitives: Iterable[str]) -> list[str]:
    """Guess partitives and inessive plurals of a base form; most guesses get discarded.

    The stems are the base form, its gradation variants and the genitives without
    their "n" (hammas → hampaa-, tavoite → tavoitte-).
    """
    stems = {base} | gradation_variants(base) | {genitive[:-1] for genitive in genitives}
    candidates: set[str] = set()
    for stem in stems:
        candidates |= set(partitive_endings(stem))
        for plural in plural_stems(stem):
            candidates |= set(plural_endings(plural))
    return sorted(candidates)


def partitive_endings(stem: str) -> Iterable[str]:
    for vowel in "aä":
        yield stem + vowel  # liikunta → liikuntaa, koulu → koulua
        yield stem + "t" + vowel  # maa → maata, hammas → hammasta
        yield stem + "tt" + vowel  # tavoite → tavoitetta
        if stem.endswith("i"):
            yield stem[:-1] + "e" + vowel  # järvi → järveä
        if stem.endswith("nen"):
            yield stem[:-3] + "st" + vowel  # nainen → naista
        if stem.endswith("si"):
            yield stem[:-2] + "tt" + vowel  # uusi → uutta, vesi → vettä
        if len(stem) > 2 and stem.endswith("s") and stem[-2] in VOWELS:
            yield stem[:-1] + "tt" + vowel  # kosteus → kosteutta, osuus → osuutta


def plural_stems(stem: str) -> Iterable[str]:
    """Guess the plural stems of a stem that ends in a vowel: the plural's "i" replaces
    or follows the last vowel, which may change first."""
    if not stem or stem[-1] not in VOWELS:
        return
    head = stem[:-1]
    yield stem + "i"  # koulu → koului-, tavoitte → tavoittei-
    yield head + "i"  # hampaa → hampai-, lapsi → lapsi-
    yield head + "oi"  # piha → pihoi-
    yield head + "öi"  # kännykkä → kännyköi-
    yield head + "ei"  # peli → pelei-, kodi → kodei-


def plural_endings(plural: str) -> Iterable[str]:
    for vowel in "aä":
        yield plural[:-1] + "j" + vowel  # pihoi- → pihoja, pelei- → pelejä
        yield plural + "t" + vowel  # hampai- → hampaita
        yield plural + vowel  # lapsi- → lapsia
        yield plural + "ss" + vowel  # pihoi- → pihoissa, kodei- → kodeissa
