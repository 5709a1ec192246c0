"""Pydantic models of the four kinds of content file.

The models check types and single values. Rules that compare fields or entries (date
order, references, a school for the label) live in `rules.py`, so that each problem
can point at the field that breaks it. Every custom error raises a
`PydanticCustomError` whose type is a message key of `data/messages.yaml`.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Sequence
from datetime import date
from pathlib import PurePosixPath
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic.networks import validate_email
from pydantic_core import PydanticCustomError

from generator.vocabularies import codes

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Status = Literal[codes("status")]
Level = Literal[codes("level")]
Competence = Literal[codes("competence")]
Subject = Literal[codes("subject")]
District = Literal[codes("district")]
OrganisationKind = Literal[codes("organisation_kind")]
Stage = Literal[codes("stage")]
Availability = Literal[codes("availability")]
InstructionLanguage = Literal[codes("instruction_language")]
ImagePrivacy = Literal[codes("image_privacy")]

EntryId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
MIN_GRADE = 1
MAX_GRADE = 13
Grade = Annotated[int, Field(ge=MIN_GRADE, le=MAX_GRADE)]
PlainText = Annotated[str, StringConstraints(min_length=1, max_length=200)]


def _check_web_address(value: str) -> str:
    parts = urlsplit(value)
    if value != value.strip() or parts.scheme not in ("http", "https") or not parts.netloc:
        raise PydanticCustomError("web_address", "not an http or https address")
    return value


def _check_business_id(value: str) -> str:
    if not re.fullmatch(r"\d{7}-\d", value):
        raise PydanticCustomError("business_id_format", "not of the form 1234567-8")
    weights = (7, 9, 10, 5, 8, 4, 2)
    remainder = (
        sum(int(digit) * weight for digit, weight in zip(value[:7], weights, strict=True)) % 11
    )
    if remainder == 1:
        raise PydanticCustomError("business_id_check", "check digit can never be valid")
    expected = 0 if remainder == 0 else 11 - remainder
    if int(value[-1]) != expected:
        raise PydanticCustomError(
            "business_id_check", "check digit is wrong", {"expected": str(expected)}
        )
    return value


def _check_content_path(value: str) -> str:
    path = PurePosixPath(value)
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value) or ".." in path.parts:
        raise PydanticCustomError("path_outside", "path leaves the content folder")
    return value


@functools.lru_cache(maxsize=4096)
def _check_email(value: str) -> str:
    """Validate and normalise an address as pydantic's EmailStr does, once per address.

    The same few role addresses recur in many files, and email-validator's checks took
    over 40 % of the validation time of the synthetic catalogue's entries.
    """
    return validate_email(value)[1]


WebAddress = Annotated[str, AfterValidator(_check_web_address)]
EmailAddress = Annotated[
    str, AfterValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})
]
BusinessId = Annotated[str, AfterValidator(_check_business_id)]
ContentPath = Annotated[str, AfterValidator(_check_content_path)]


class StrictModel(BaseModel):
    """Base of every model: unknown keys are errors, and nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=True)


class LocalizedText(StrictModel):
    """A text in Finnish and Swedish. One language may be missing, which is a warning."""

    fi: str | None = Field(None, min_length=1, description="The text in Finnish.")
    sv: str | None = Field(None, min_length=1, description="The text in Swedish.")

    @model_validator(mode="after")
    def _require_one_language(self) -> LocalizedText:
        if self.fi is None and self.sv is None:
            raise PydanticCustomError("no_language", "neither fi nor sv is given")
        return self

    def get(self, language: str) -> str | None:
        if language == "fi":
            return self.fi
        if language == "sv":
            return self.sv
        return None


class LocalizedList(StrictModel):
    """Short keywords in Finnish and Swedish."""

    fi: list[PlainText] = Field(default_factory=list, description="Keywords in Finnish.")
    sv: list[PlainText] = Field(default_factory=list, description="Keywords in Swedish.")


class Period(StrictModel):
    """A span of days; either end may be open."""

    start: date | None = Field(None, description="First day, as YYYY-MM-DD.")
    end: date | None = Field(None, description="Last day, as YYYY-MM-DD.")


class Contact(StrictModel):
    """A work contact. A role address (a school office, a project mailbox) is preferred."""

    email: EmailAddress = Field(description="E-mail address, preferably a role address.")
    role: LocalizedText | None = Field(
        None, description="Who answers, as a role: 'rehtori', 'projektets kontaktperson'."
    )


class Offer(StrictModel):
    """The offer of a school to a co-development partner."""

    group: LocalizedText = Field(
        description="The group, described without names: 'a grade 5 class, 24 pupils'."
    )
    group_size: int | None = Field(None, ge=1, le=2000, description="Number of pupils.")
    period: Period | None = Field(None, description="When the school can take part.")


class Seeks(StrictModel):
    """The kind of school or class an idea looks for."""

    levels: list[Level] = Field(default_factory=list, description="School levels sought.")
    grades: list[Grade] = Field(default_factory=list, description="Grades sought, 1 to 13.")
    subjects: list[Subject] = Field(default_factory=list, description="Subjects sought.")
    instruction_languages: list[InstructionLanguage] = Field(
        default_factory=list, description="Languages of instruction sought: fi, sv or en."
    )
    districts: list[District] = Field(default_factory=list, description="Districts sought.")
    description: LocalizedText | None = Field(
        None, description="The partner sought, in a sentence or two."
    )


class Entry(StrictModel):
    """Fields common to needs, ideas and products."""

    title: LocalizedText = Field(description="Title, at most about 80 characters.")
    summary: LocalizedText = Field(description="One or two sentences shown on listing cards.")
    description: LocalizedText = Field(description="Full description, in Markdown.")
    status: Status = Field(description="Where the entry is in its lifecycle.")
    published: date = Field(description="Date of publication, as YYYY-MM-DD.")
    updated: date | None = Field(None, description="Date of the last real change.")
    valid_until: date | None = Field(
        None, description="Last day the entry is current; after it an open entry is expired."
    )
    levels: list[Level] = Field(default_factory=list, description="School levels.")
    subjects: list[Subject] = Field(default_factory=list, description="Subjects.")
    competences: list[Competence] = Field(
        default_factory=list, description="Transversal competences L1 to L7."
    )
    themes: LocalizedList | None = Field(None, description="Free keywords per language.")
    previous_ids: list[EntryId] = Field(
        default_factory=list, description="Earlier ids of a renamed entry; they redirect here."
    )
    example: bool = Field(False, description="True for the fictional starter entries.")


class Need(Entry):
    """A development need posted by a school, class or day-care unit."""

    school: EntryId = Field(description="Id of the school or day care in organisations/.")
    levels: list[Level] = Field(min_length=1, description="School levels of the group.")
    grades: list[Grade] = Field(default_factory=list, description="Grades, 1 to 13.")
    offer: Offer | None = Field(None, description="What the school offers a partner.")
    contact: Contact = Field(description="Work contact, preferably a role address.")


class Idea(Entry):
    """A company's development idea: an answer to needs, or a search for a partner."""

    company: EntryId = Field(description="Id of the company in organisations/.")
    answers: list[EntryId] = Field(
        default_factory=list, description="Ids of the needs this idea answers."
    )
    seeks: Seeks | None = Field(None, description="The kind of school or class sought.")
    stage: Stage = Field(description="How far the idea has come.")
    contact: Contact | None = Field(None, description="Work contact, preferably a role address.")


class Product(Entry):
    """A product or service that came out of co-development."""

    company: EntryId = Field(description="Id of the company in organisations/.")
    schools: list[EntryId] = Field(
        default_factory=list, description="Ids of the schools it was co-developed with."
    )
    needs: list[EntryId] = Field(default_factory=list, description="Ids of needs it came from.")
    ideas: list[EntryId] = Field(default_factory=list, description="Ids of ideas it came from.")
    pilot: Period | None = Field(None, description="The pilot period.")
    languages: list[LanguageCode] = Field(
        default_factory=list, description="Languages the product supports, as ISO 639-1 codes."
    )
    availability: list[Availability] = Field(
        default_factory=list, description="How it is available: free, paid, trial."
    )
    website: WebAddress | None = Field(None, description="The product's http(s) address.")
    image: ContentPath | None = Field(
        None, description="Image file, relative to content/, such as images/app.png."
    )
    image_alt: LocalizedText | None = Field(None, description="Text alternative of the image.")
    image_privacy: ImagePrivacy | None = Field(
        None, description="Why the image may be published: no-identifiable-pupils or consent."
    )
    label_granted: date | None = Field(
        None, description="Date the city granted the 'Kehitetty yhdessä' label, if it did."
    )


class Organisation(StrictModel):
    """A school, day care, company, community or research institute."""

    kind: OrganisationKind = Field(description="What kind of organisation it is.")
    name: LocalizedText = Field(description="Name in Finnish and Swedish.")
    description: LocalizedText | None = Field(None, description="A short presentation.")
    business_id: BusinessId | None = Field(
        None, description="Business ID (Y-tunnus, FO-nummer), such as 0101263-6."
    )
    instruction_language: InstructionLanguage | None = Field(
        None, description="A school's language of instruction: fi, sv or en."
    )
    levels: list[Level] = Field(default_factory=list, description="A school's levels.")
    district: District | None = Field(None, description="A school's major district.")
    website: WebAddress | None = Field(None, description="The http(s) address of its website.")
    previous_ids: list[EntryId] = Field(
        default_factory=list, description="Earlier ids of a renamed organisation."
    )
    example: bool = Field(False, description="True for the fictional starter organisations.")


class Replacement(StrictModel):
    """The entry that takes the place of a removed one."""

    kind: Literal["needs", "ideas", "products", "organisations"] = Field(
        description="Folder of the replacement entry: needs, ideas, products or organisations."
    )
    id: EntryId = Field(description="Id of the replacement entry.")


class Removed(StrictModel):
    """A tombstone: an entry taken off the catalogue, whose address still explains why."""

    reason: LocalizedText = Field(description="Why the entry was removed, in a sentence or two.")
    replacement: Replacement | None = Field(
        None, description="The entry to read instead, if there is one."
    )
    removed: date = Field(description="Date of removal, as YYYY-MM-DD.")


MODELS: dict[str, type[StrictModel]] = {
    "needs": Need,
    "ideas": Idea,
    "products": Product,
    "organisations": Organisation,
}


def fields_under(keys: Sequence[str]) -> frozenset[str]:
    """Return the field names that some kind of content file allows under `keys`.

    `fields_under([])` is every top-level field of any kind, and
    `fields_under(["contact", "role"])` is `fi` and `sv`.
    """
    names: set[str] = set()
    for model in (*MODELS.values(), Removed):
        current: type[BaseModel] | None = model
        for key in keys:
            field = current.model_fields.get(key) if current is not None else None
            current = _nested_model(field.annotation) if field is not None else None
        if current is not None:
            names.update(current.model_fields)
    return frozenset(names)


def _nested_model(annotation: object) -> type[BaseModel] | None:
    """Return the model in an annotation such as `Contact` or `LocalizedText | None`."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None
