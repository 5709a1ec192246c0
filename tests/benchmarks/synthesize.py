"""Write a synthetic KYKY-tori content tree of N entries, for benchmarks.

    .venv/bin/python tests/benchmarks/synthesize.py 5000 /tmp/bench-5000

writes /tmp/bench-5000/content/{needs,ideas,products,organisations}/*.yml. The
tree is deterministic for a given N and seed, and `kyky check` finds no errors in
it. About a tenth of the entries are organisations (schools, day-care centres,
companies, communities, research institutes); the rest are needs of the schools,
ideas of the companies (most answer one or two needs, the others seek a partner)
and products that came out of an idea or a need.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

if __package__ in (None, ""):  # run as a script: make `tests.benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.files import suggest_id
from generator.vocabularies import vocabularies
from tests.benchmarks import words
from tests.benchmarks.words import Tool, Topic

DEFAULT_SEED = 2026
FIRST_DAY = date(2023, 1, 9)
LAST_DAY = date(2026, 10, 30)
ORGANISATION_SHARE = 0.10
PRODUCT_SHARE = 0.15
IDEA_SHARE = 0.35
# One slot per organisation, repeated: 9 schools, 2 day-care centres, 7 companies,
# a community and a research institute in every 20.
ORGANISATION_PATTERN = (
    *("school", "company", "school", "company", "school", "daycare", "company"),
    *("school", "company", "school", "company", "community", "school", "company"),
    *("school", "daycare", "company", "school", "company", "research"),
)
HEADER = "# yaml-language-server: $schema=https://kyky-tori.github.io/schemas/{}.schema.json\n"
# Levels whose core curricula define the transversal competences L1–L7.
COMPETENCE_LEVELS = frozenset({"esiopetus", "perusopetus-1-6", "perusopetus-7-9"})
PLAIN_SCALAR = re.compile(r"[^\W_][\w .,–()/-]*[\w.)]|[^\W_]")


class LiteralBlock(str):
    """A text written as a YAML literal block (`|`): Markdown keeps its lines."""


class FoldedBlock(str):
    """A text written as a folded YAML block (`>-`): one paragraph over short lines."""


@dataclass
class Organisation:
    """A generated organisation and the word forms that sentences about it need."""

    id: str
    kind: str
    name_fi: str
    name_sv: str
    fi_inessive: str
    fi_genitive: str
    language: str = "fi"
    levels: list[str] = field(default_factory=list)
    district: str = ""


@dataclass
class Entry:
    """A generated need, idea or product, with what later entries refer to."""

    id: str
    data: dict[str, Any]
    topic: Topic
    published: date
    owner: Organisation
    answers: list[Entry] = field(default_factory=list)


# Writing YAML the way contributors do: block scalars for texts, plain scalars elsewhere.


def to_yaml(data: dict[str, Any], indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(to_yaml(value, indent + 2))
        elif isinstance(value, list):
            if not value:
                continue  # an empty list is left out, as a contributor would
            lines.append(f"{pad}{key}:")
            lines.extend(f"{pad}  - {scalar(item)}" for item in value)
        elif isinstance(value, LiteralBlock):
            lines.append(f"{pad}{key}: |")
            lines.extend(f"{pad}  {line}" if line else "" for line in value.splitlines())
        elif isinstance(value, FoldedBlock):
            lines.append(f"{pad}{key}: >-")
            lines.extend(f"{pad}  {line}" for line in wrap(value, 76 - indent))
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return str(value)
    text = str(value)
    return text if PLAIN_SCALAR.fullmatch(text) else json.dumps(text, ensure_ascii=False)


def wrap(text: str, width: int = 76, indent: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


# Sentences.


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def grade_words(grades: list[int]) -> dict[str, str]:
    """Return the grade phrases that the templates use, empty for a group with no grades."""
    if not grades:
        return {"grade_fi": "", "grade_sv": "", "grade_fi_title": "", "grade_sv_title": ""}
    if len(grades) == 1:
        fi, sv = f"{grades[0]}.", f"{grades[0]}"
    else:
        fi, sv = f"{grades[0]}.–{grades[-1]}.", f"{grades[0]}–{grades[-1]}"
    return {
        "grade_fi": f"{fi}-luokan ",
        "grade_sv": f" i årskurs {sv}",
        "grade_fi_title": f"{fi} luokalle",
        "grade_sv_title": f"i årskurs {sv}",
    }


def fill(template: str, **values: Any) -> str:
    """Fill a template and tidy the spaces that an empty phrase leaves."""
    return re.sub(r" +", " ", template.format(**values)).strip()


def scene(topic: Topic, school: Organisation, grades: list[int], **more: Any) -> dict[str, Any]:
    """Collect every value a template of `words` may name."""
    return {
        "topic": topic,
        "school_fi_inessive": school.fi_inessive,
        "school_fi_inessive_lower": school.fi_inessive,
        "school_fi_genitive": school.fi_genitive,
        "school_sv": school.name_sv,
        "fi_genitive_capitalised": capitalised(topic.fi_genitive),
        "fi_nominative_capitalised": capitalised(topic.fi_nominative),
        "sv_definite_capitalised": capitalised(topic.sv_definite),
        **grade_words(grades),
        **more,
    }


def sentences(rng: Random, templates: tuple[str, ...], count: int, values: dict[str, Any]) -> str:
    chosen = rng.sample(templates, min(count, len(templates)))
    return " ".join(fill(template, **values) for template in chosen)


def markdown(
    rng: Random, paragraphs: list[str], intro: str, items: tuple[str, ...]
) -> LiteralBlock:
    """Build a Markdown description: paragraphs, an introduced bullet list, wrapped lines."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(wrap(paragraph))
        lines.append("")
    lines.extend(wrap(intro))
    lines.append("")
    for item in rng.sample(items, rng.randint(2, 4)):
        lines.extend(wrap(f"- {item}", indent="  "))
    return LiteralBlock("\n".join(lines) + "\n")


def labels(vocabulary: str, codes: list[str], language: str) -> str:
    """Join the labels of codes as a list in running text: 'a, b ja c'."""
    names = [vocabularies()[vocabulary][code][language] for code in codes]
    names = [
        name if code.startswith("L") else name.lower()
        for code, name in zip(codes, names, strict=True)
    ]
    conjunction = " ja " if language == "fi" else " och "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + conjunction + names[-1]


def themes(rng: Random, topic: Topic) -> dict[str, list[str]]:
    return {
        "fi": rng.sample(topic.fi_keywords, rng.randint(1, len(topic.fi_keywords))),
        "sv": rng.sample(topic.sv_keywords, rng.randint(1, len(topic.sv_keywords))),
    }


def curriculum(rng: Random, topic: Topic, levels: list[str]) -> dict[str, Any]:
    """Return subjects and competences, and the sentences that name them in both languages.

    Competences are chosen only for pre-primary and basic education, whose core
    curricula define L1–L7; `kyky check` warns about them at other levels.
    """
    subjects = list(topic.subjects[: rng.randint(1, len(topic.subjects))])
    competences: list[str] = []
    if COMPETENCE_LEVELS.intersection(levels):
        competences = sorted(
            rng.sample([f"L{number}" for number in range(1, 8)], rng.randint(1, 3))
        )
    fi_subjects, sv_subjects = (
        ("Oppiaineena on", "Ämnet som berörs är")
        if len(subjects) == 1
        else ("Oppiaineista mukana ovat", "Ämnen som berörs är")
    )
    fi = f"{fi_subjects} {labels('subject', subjects, 'fi')}."
    sv = f"{sv_subjects} {labels('subject', subjects, 'sv')}."
    if competences:
        fi += f" Kokeilu tukee laaja-alaista osaamista: {labels('competence', competences, 'fi')}."
        sv += f" Försöket stöder mångsidig kompetens: {labels('competence', competences, 'sv')}."
    return {"subjects": subjects, "competences": competences, "fi": fi, "sv": sv}


# Dates, ids and codes.


def day_between(rng: Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def entry_id(title: str, index: int) -> str:
    return f"{suggest_id(title)[:60].rstrip('-')}-{index}"


def business_id(rng: Random) -> str:
    """Return a random business ID with a valid check digit."""
    weights = (7, 9, 10, 5, 8, 4, 2)
    while True:
        digits = f"{rng.randint(1000000, 3299999):07d}"
        remainder = (
            sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=True)) % 11
        )
        if remainder != 1:
            return f"{digits}-{0 if remainder == 0 else 11 - remainder}"


def dated(rng: Random, published: date, status: str) -> dict[str, date]:
    """Return publication dates in order: updated and valid-until never before published."""
    dates = {"published": published}
    if rng.random() < 0.6:
        dates["updated"] = day_between(rng, published, min(published + timedelta(200), LAST_DAY))
    if status != "completed" or rng.random() < 0.5:
        dates["valid_until"] = published + timedelta(days=rng.randint(60, 400))
    return dates


# Organisations.


def make_organisations(rng: Random, count: int) -> list[Organisation]:
    kinds = [ORGANISATION_PATTERN[index % len(ORGANISATION_PATTERN)] for index in range(count)]
    return [make_organisation(rng, kind, index) for index, kind in enumerate(kinds)]


def make_organisation(rng: Random, kind: str, index: int) -> Organisation:
    if kind in ("school", "daycare"):
        return make_school(rng, kind, index)
    first, second = rng.choice(words.COMPANY_FIRST), rng.choice(words.COMPANY_SECOND)
    if kind == "company":
        name = f"{first}{second} Oy"
        names = (name, name)
    elif kind == "community":
        names = (f"{first}{second}n ystävät ry", f"{first}{second}s vänner rf")
    else:
        names = (f"{first}{second}-tutkimuslaitos", f"Forskningsinstitutet {first}{second}")
    return Organisation(entry_id(names[0], index), kind, names[0], names[1], names[0], names[0])


def make_school(rng: Random, kind: str, index: int) -> Organisation:
    district = rng.choice(list(vocabularies()["district"]))
    if kind == "daycare":
        place = rng.choice(words.FI_PLACE_FIRST) + rng.choice(words.FI_PLACE_SECOND)
        levels = ["varhaiskasvatus", "esiopetus"][: rng.randint(1, 2)]
        name = f"{place} päiväkoti"
        return Organisation(
            entry_id(name, index),
            kind,
            name,
            name,
            f"{place} päiväkodissa",
            f"{place} päiväkodin",
            "fi",
            levels,
            district,
        )
    levels = rng.choice(
        [["perusopetus-1-6"]] * 4
        + [["perusopetus-7-9"]] * 2
        + [["perusopetus-1-6", "perusopetus-7-9"], ["lukio"]]
    )
    if rng.random() < 0.15:
        place = rng.choice(words.SV_PLACE_FIRST) + rng.choice(words.SV_PLACE_SECOND)
        noun, inessive, genitive = (
            ("gymnasium", "gymnasiumissa", "gymnasiumin")
            if levels == ["lukio"]
            else ("skola", "skolassa", "skolan")
        )
        name = f"{place} {noun}"
        return Organisation(
            entry_id(name, index),
            kind,
            name,
            name,
            f"{place} {inessive}",
            f"{place} {genitive}",
            "sv",
            levels,
            district,
        )
    place = rng.choice(words.FI_PLACE_FIRST) + rng.choice(words.FI_PLACE_SECOND)
    noun, inessive, genitive = (
        ("lukio", "lukiossa", "lukion") if levels == ["lukio"] else ("koulu", "koulussa", "koulun")
    )
    name = f"{place} {noun}"
    return Organisation(
        entry_id(name, index),
        kind,
        name,
        name,
        f"{place} {inessive}",
        f"{place} {genitive}",
        "fi",
        levels,
        district,
    )


def organisation_data(rng: Random, organisation: Organisation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": organisation.kind,
        "name": {"fi": organisation.name_fi, "sv": organisation.name_sv},
        "description": organisation_description(rng, organisation),
    }
    if organisation.kind == "company":
        data["business_id"] = business_id(rng)
    if organisation.kind in ("school", "daycare"):
        data["instruction_language"] = organisation.language
        data["levels"] = organisation.levels
        data["district"] = organisation.district
    data["website"] = f"https://example.fi/{organisation.id}"
    return data


def organisation_description(rng: Random, organisation: Organisation) -> dict[str, FoldedBlock]:
    district = vocabularies()["district"].get(organisation.district)
    if organisation.kind in ("school", "daycare"):
        pupils = rng.randrange(60, 900, 10)
        fi = (
            f"{organisation.name_fi} on noin {pupils} oppilaan yksikkö alueella "
            f"{district['fi']}. Opetus kattaa: {labels('level', organisation.levels, 'fi')}. "
            "Olemme mukana KYKY-toiminnassa, koska haluamme ratkoa arjen pulmia yhdessä "
            "yritysten kanssa ja näyttää oppilaille, miten tuotteita kehitetään."
        )
        sv = (
            f"{organisation.name_sv} har cirka {pupils} elever i området {district['sv']}. "
            f"Undervisningen omfattar {labels('level', organisation.levels, 'sv')}. "
            "Vi deltar i KYKY-samarbetet med företag."
        )
    else:
        year = rng.randint(1998, 2025)
        topic = rng.choice(words.TOPICS)
        fi = (
            f"{organisation.name_fi} on vuonna {year} perustettu espoolainen toimija, joka "
            f"kehittää oppimisen välineitä {topic.fi_genitive} tueksi. Tiimissä on entisiä "
            "opettajia, muotoilijoita ja ohjelmistokehittäjiä."
        )
        sv = (
            f"{organisation.name_sv} grundades år {year} i Esbo och utvecklar läromedel "
            f"för {topic.sv_indefinite}. I teamet finns före detta lärare, formgivare och "
            "programutvecklare."
        )
    return {"fi": FoldedBlock(fi), "sv": FoldedBlock(sv)}


# Needs.


def grades_for(rng: Random, levels: list[str]) -> list[int]:
    choices = []
    if "perusopetus-1-6" in levels:
        choices.extend(range(1, 7))
    if "perusopetus-7-9" in levels:
        choices.extend(range(7, 10))
    if not choices:
        return []
    first = rng.choice(choices)
    return [first] if rng.random() < 0.6 or first + 1 not in choices else [first, first + 1]


def make_need(rng: Random, index: int, schools: list[Organisation]) -> Entry:
    school = rng.choice(schools)
    topic = rng.choice(words.TOPICS)
    levels = rng.sample(school.levels, rng.randint(1, len(school.levels)))
    grades = grades_for(rng, levels)
    values = scene(topic, school, grades)
    title_fi = fill(rng.choice(words.FI_NEED_TITLES), **values)
    title_sv = fill(rng.choice(words.SV_NEED_TITLES), **values)
    taught = curriculum(rng, topic, levels)
    status = rng.choice(["open"] * 4 + ["matched", "in-co-development", "piloting", "completed"])
    published = day_between(rng, FIRST_DAY, LAST_DAY)
    data = {
        "title": {"fi": title_fi, "sv": title_sv},
        "summary": need_summary(rng, values),
        "description": need_description(rng, values, taught),
        "status": status,
        **dated(rng, published, status),
        "levels": levels,
        **({"grades": grades} if grades else {}),
        "subjects": taught["subjects"],
        "competences": taught["competences"],
        "themes": themes(rng, topic),
        "school": school.id,
        "offer": offer(rng, published),
        "contact": contact(school.id),
    }
    return Entry(entry_id(title_fi, index), data, topic, published, school)


def need_summary(rng: Random, values: dict[str, Any]) -> dict[str, FoldedBlock]:
    tool = rng.choice(words.TOOLS)
    clause = rng.randrange(len(words.FI_CLAUSES))
    fi = sentences(rng, words.FI_PROBLEMS, 1, values)
    sv = sentences(rng, words.SV_PROBLEMS, 1, values)
    fi += f" Etsimme {tool.fi_partitive}, joka {fill(words.FI_CLAUSES[clause], **values)}."
    sv += f" Vi söker {tool.sv_with_article} som {fill(words.SV_CLAUSES[clause], **values)}."
    return {"fi": FoldedBlock(fi), "sv": FoldedBlock(sv)}


def need_description(
    rng: Random, values: dict[str, Any], taught: dict[str, Any]
) -> dict[str, LiteralBlock]:
    fi = [sentences(rng, words.FI_PROBLEMS, rng.randint(2, 4), values), taught["fi"]]
    sv = [sentences(rng, words.SV_PROBLEMS, rng.randint(1, 3), values), taught["sv"]]
    return {
        "fi": markdown(rng, fi, "Kaipaamme välinettä, joka", words.FI_WISHES),
        "sv": markdown(rng, sv, "Vi söker ett verktyg som", words.SV_WISHES),
    }


def offer(rng: Random, published: date) -> dict[str, Any]:
    classes = rng.randint(1, 4)
    pupils = classes * rng.randint(16, 26)
    start = published + timedelta(days=rng.randint(20, 120))
    if classes == 1:
        group = {"fi": f"yksi luokka, {pupils} oppilasta", "sv": f"en klass, {pupils} elever"}
    else:
        group = {
            "fi": f"{classes} luokkaa, yhteensä {pupils} oppilasta",
            "sv": f"{classes} klasser, sammanlagt {pupils} elever",
        }
    return {
        "group": group,
        "group_size": pupils,
        "period": {"start": start, "end": start + timedelta(days=rng.randint(60, 300))},
    }


def contact(owner_id: str) -> dict[str, Any]:
    """Return a role address: `kyky.` marks it as a role, not a person's name."""
    mailbox = owner_id.replace("-", "")[:24]
    return {
        "email": f"kyky.{mailbox}@example.fi",
        "role": {"fi": "KYKY-yhteyshenkilö", "sv": "kontaktperson för KYKY"},
    }


# Ideas.


def make_idea(rng: Random, index: int, partners: list[Organisation], needs: list[Entry]) -> Entry:
    company = rng.choice(partners)
    answered = rng.sample(needs, rng.randint(1, 2)) if rng.random() < 0.7 else []
    topic = answered[0].topic if answered else rng.choice(words.TOPICS)
    tool = rng.choice(words.TOOLS)
    school = answered[0].owner if answered else Organisation("", "", "", "", "", "")
    values = scene(topic, school, [], **tool_words(tool, company))
    title_fi = fill(rng.choice(words.FI_IDEA_TITLES), **values)
    levels = sorted({level for need in answered for level in need.data["levels"]})
    taught = curriculum(rng, topic, levels or ["perusopetus-1-6"])
    status = rng.choice(["open"] * 3 + ["matched", "in-co-development", "piloting", "completed"])
    earliest = max((need.published for need in answered), default=FIRST_DAY)
    published = day_between(rng, earliest, LAST_DAY)
    data: dict[str, Any] = {
        "title": {"fi": title_fi, "sv": fill(rng.choice(words.SV_IDEA_TITLES), **values)},
        "summary": idea_summary(rng, values),
        "description": idea_description(rng, values, taught),
        "status": status,
        **dated(rng, published, status),
        "levels": levels or ["perusopetus-1-6"],
        "subjects": taught["subjects"],
        "competences": taught["competences"],
        "themes": themes(rng, topic),
        "company": company.id,
    }
    if answered:
        data["answers"] = [need.id for need in answered]
    else:
        data["seeks"] = seeks(rng, taught["subjects"])
    data["stage"] = rng.choice(list(vocabularies()["stage"]))
    data["contact"] = contact(company.id)
    idea = Entry(entry_id(title_fi, index), data, topic, published, company, answered)
    return idea


def tool_words(tool: Tool, company: Organisation) -> dict[str, Any]:
    return {
        "tool": tool,
        "company": company.name_fi,
        "tool_fi_capitalised": capitalised(tool.fi_nominative),
        "tool_sv_capitalised": capitalised(tool.sv_indefinite),
    }


def idea_summary(rng: Random, values: dict[str, Any]) -> dict[str, FoldedBlock]:
    clause = rng.randrange(len(words.FI_CLAUSES))
    clause_fi = fill(words.FI_CLAUSES[clause], **values)
    clause_sv = fill(words.SV_CLAUSES[clause], **values)
    return {
        "fi": FoldedBlock(fill(words.FI_IDEA_SENTENCES[0], clause_fi=clause_fi, **values)),
        "sv": FoldedBlock(fill(words.SV_IDEA_SENTENCES[0], clause_sv=clause_sv, **values)),
    }


def idea_description(
    rng: Random, values: dict[str, Any], taught: dict[str, Any]
) -> dict[str, LiteralBlock]:
    clause = rng.randrange(len(words.FI_CLAUSES))
    values = {
        **values,
        "clause_fi": fill(words.FI_CLAUSES[clause], **values),
        "clause_sv": fill(words.SV_CLAUSES[clause], **values),
    }
    fi = [sentences(rng, words.FI_IDEA_SENTENCES, rng.randint(2, 4), values), taught["fi"]]
    sv = [sentences(rng, words.SV_IDEA_SENTENCES, rng.randint(1, 3), values), taught["sv"]]
    return {
        "fi": markdown(rng, fi, "Tarjoamme kouluille välineen, joka", words.FI_WISHES),
        "sv": markdown(rng, sv, "Vi erbjuder skolorna ett verktyg som", words.SV_WISHES),
    }


def seeks(rng: Random, subjects: list[str]) -> dict[str, Any]:
    return {
        "levels": [rng.choice(["perusopetus-1-6", "perusopetus-7-9", "lukio"])],
        "subjects": subjects,
        "instruction_languages": rng.choice([["fi"], ["sv"], ["fi", "sv"]]),
        "districts": rng.sample(list(vocabularies()["district"]), rng.randint(1, 2)),
        "description": {
            "fi": "Etsimme luokkaa, joka haluaa kokeilla välinettä lukuvuoden ajan.",
            "sv": "Vi söker en klass som vill pröva verktyget under ett läsår.",
        },
    }


# Products.


def make_product(
    rng: Random,
    index: int,
    ideas: list[Entry],
    needs: list[Entry],
    partners: list[Organisation],
) -> Entry:
    idea = rng.choice(ideas) if ideas and rng.random() < 0.7 else None
    if idea is not None:
        company, came_from = idea.owner, idea.answers
    else:
        company = rng.choice(partners)
        came_from = rng.sample(needs, 1) if needs and rng.random() < 0.5 else []
    if idea:
        topic = idea.topic
    elif came_from:
        topic = came_from[0].topic
    else:
        topic = rng.choice(words.TOPICS)
    schools = list({need.owner.id: need.owner for need in came_from}.values())
    tool = rng.choice(words.TOOLS)
    brand = company.name_fi.removesuffix(" Oy")
    title_fi = f"{brand} – {tool.fi_nominative} {topic.fi_genitive} tueksi"
    title_sv = f"{brand} – {tool.sv_indefinite} för {topic.sv_indefinite}"
    published = day_between(rng, idea.published if idea else FIRST_DAY, LAST_DAY)
    school = schools[0] if schools else Organisation("", "", "", "", "", "", "fi")
    year = published.year - 1
    values = scene(topic, school, [], title=title_fi, year=year, next_year=year + 1)
    levels = sorted({level for school in schools for level in school.levels})
    taught = curriculum(rng, topic, levels or ["perusopetus-1-6"])
    data: dict[str, Any] = {
        "title": {"fi": title_fi, "sv": title_sv},
        "summary": idea_summary(rng, {**values, **tool_words(tool, company)}),
        "description": product_description(rng, values, taught, title_sv, bool(schools)),
        "status": "completed",
        **dated(rng, published, "completed"),
        "levels": levels or ["perusopetus-1-6"],
        "subjects": taught["subjects"],
        "competences": taught["competences"],
        "themes": themes(rng, topic),
        "company": company.id,
    }
    data.update(product_links(schools, came_from, idea))
    data["pilot"] = {"start": published - timedelta(300), "end": published - timedelta(30)}
    data["languages"] = rng.choice([["fi"], ["fi", "sv"], ["fi", "sv", "en"]])
    data["availability"] = rng.sample(list(vocabularies()["availability"]), rng.randint(1, 2))
    data["website"] = f"https://example.com/{suggest_id(brand)}"
    if schools and rng.random() < 0.4:
        data["label_granted"] = published + timedelta(days=rng.randint(1, 60))
    return Entry(entry_id(title_fi, index), data, topic, published, company)


def product_links(
    schools: list[Organisation], needs: list[Entry], idea: Entry | None
) -> dict[str, list[str]]:
    links = {
        "schools": [school.id for school in schools],
        "needs": [need.id for need in needs],
        "ideas": [idea.id] if idea else [],
    }
    return {name: ids for name, ids in links.items() if ids}


def product_description(
    rng: Random, values: dict[str, Any], taught: dict[str, Any], title_sv: str, school: bool
) -> dict[str, LiteralBlock]:
    fi_templates = words.FI_PRODUCT_SENTENCES if school else words.FI_PRODUCT_SENTENCES[1:]
    sv_templates = words.SV_PRODUCT_SENTENCES if school else words.SV_PRODUCT_SENTENCES[1:]
    sv_values = {**values, "title": title_sv}
    fi = [sentences(rng, fi_templates, rng.randint(2, 4), values), taught["fi"]]
    sv = [sentences(rng, sv_templates, rng.randint(1, 3), sv_values), taught["sv"]]
    return {
        "fi": markdown(rng, fi, "Valmis tuote", words.FI_WISHES),
        "sv": markdown(rng, sv, "Den färdiga produkten", words.SV_WISHES),
    }


# The whole tree.


def plan(count: int) -> dict[str, int]:
    """Split `count` entries between the four kinds; at least 2 organisations of each side."""
    organisations = max(4, round(count * ORGANISATION_SHARE))
    products = round(count * PRODUCT_SHARE)
    ideas = round(count * IDEA_SHARE)
    needs = max(1, count - organisations - products - ideas)
    return {"organisations": organisations, "needs": needs, "ideas": ideas, "products": products}


def synthesize(count: int, content_root: Path, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Write a content tree of about `count` entries and return the number of each kind."""
    rng = Random(seed)
    sizes = plan(count)
    organisations = make_organisations(rng, sizes["organisations"])
    schools = [item for item in organisations if item.kind in ("school", "daycare")]
    partners = [item for item in organisations if item.kind not in ("school", "daycare")]
    needs = [make_need(rng, index, schools) for index in range(sizes["needs"])]
    ideas = [make_idea(rng, index, partners, needs) for index in range(sizes["ideas"])]
    products = [
        make_product(rng, index, ideas, needs, partners) for index in range(sizes["products"])
    ]

    write_kind(
        content_root,
        "organisations",
        "organisation",
        {item.id: organisation_data(rng, item) for item in organisations},
    )
    write_kind(content_root, "needs", "need", {entry.id: entry.data for entry in needs})
    write_kind(content_root, "ideas", "idea", {entry.id: entry.data for entry in ideas})
    write_kind(content_root, "products", "product", {entry.id: entry.data for entry in products})
    return sizes


def write_kind(content_root: Path, folder: str, schema: str, entries: dict[str, Any]) -> None:
    target = content_root / folder
    target.mkdir(parents=True, exist_ok=True)
    for identifier, data in entries.items():
        text = HEADER.format(schema) + "\n".join(to_yaml(data)) + "\n"
        (target / f"{identifier}.yml").write_text(text, "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic KYKY-tori content tree.")
    parser.add_argument("count", type=int, help="number of entries of all four kinds")
    parser.add_argument("outdir", type=Path, help="folder to write content/ into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    arguments = parser.parse_args(argv)
    content_root = arguments.outdir / "content"
    if content_root.exists():
        parser.error(f"{content_root} already exists; choose an empty folder")
    sizes = synthesize(arguments.count, content_root, arguments.seed)
    counts = ", ".join(f"{count} {kind}" for kind, count in sizes.items())
    print(f"{content_root}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
