"""Cohort settings: the YAML file a trainer writes for one municipality's cohort.

``load_cohort_settings`` reads the file with PyYAML's *safe* loader only, validates it against the pydantic
models below and raises ``ContentError`` naming file, line and field of every problem it finds, in Dutch: the same
reporter as for the exercise content (``core/yaml_files.py``), plus the checks across fields (unknown groups,
names and usernames given twice).
``write_json_schema`` writes the JSON Schema of the models (``docs/cohort-settings.schema.json``).
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    ValidationInfo,
    model_serializer,
    model_validator,
)

from wijwerken_widgets.core.text import for_comparison, without_hidden
from wijwerken_widgets.core.yaml_files import (
    ContentError,
    CrossCheck,
    Loc,
    field_name,
    load_yaml_model,
    parse_yaml_model,
)

__all__ = [
    "Bewaren",
    "CohortSettings",
    "ContentError",
    "Deelnemer",
    "Groep",
    "Terugkomritme",
    "Trainer",
    "Vraagstuk",
    "Vraagstukken",
    "derive_slug",
    "json_schema_text",
    "load_cohort_settings",
    "parse_cohort_settings",
    "reference_problems",
    "write_json_schema",
]

SCHEMA_VERSION = 1
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
OFF_PATTERN = r"^[a-z0-9]+(\.[a-z0-9_]+)?$"
"""A page ('dag2') or one of its exercises ('dag4.vote') that a cohort turns off (``uit``)."""


def _visible(value: Any) -> Any:
    """A text without direction controls and zero-width spaces, as the store keeps what participants type: a name
    with U+202E would show the text after it reversed on every page (see ``core.text``)."""
    return without_hidden(value) if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_visible), StringConstraints(strip_whitespace=True, min_length=1)]
VraagstukSoort = Literal["extern", "intern"]
Functie = Literal["medewerker", "leidinggevende", "OR-lid"]

_SKIP_REFERENCES = "skip_reference_check"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Vraagstuk(_Model):
    """One vraagstuk as the municipality describes it at the start."""

    titel: Text = Field(description="Korte titel, bijvoorbeeld 'Bewonersinitiatieven die slagen'.")
    probleem: Text = Field(description="Wat is er aan de hand, en voor wie is het een probleem?")
    doel: Text = Field(description="Wat wil de gemeente bereiken?")
    hoofdvraag: Text = Field(description="De hoofdvraag waar de groep mee aan de slag gaat.")


class Vraagstukken(_Model):
    extern: Vraagstuk = Field(description="Van buiten naar binnen: een maatschappelijk vraagstuk.")
    intern: Vraagstuk = Field(description="De interne vraag: een vraagstuk binnen de eigen organisatie.")


class Groep(_Model):
    naam: Text = Field(description="Naam van de groep, uniek binnen het cohort.")
    vraagstuk: VraagstukSoort = Field(description="Aan welk vraagstuk de groep werkt: extern of intern.")


class Trainer(_Model):
    naam: Text
    gebruikersnaam: Text | None = Field(
        default=None, description="JupyterHub-gebruikersnaam; dan is geen code nodig om in te loggen."
    )


class Deelnemer(_Model):
    naam: Text
    functie: Functie
    groep: Text = Field(description="Naam van een groep uit 'groepen'.")
    gebruikersnaam: Text | None = Field(
        default=None, description="JupyterHub-gebruikersnaam; dan is geen code nodig om in te loggen."
    )


class Trainingsdag(_Model):
    """A day of the programme and its date: a training day (``dag``) or another step of the trajectory (``stap``,
    e.g. a coaching session; the steps are in ``exercises/trajecten.yaml``)."""

    dag: int | None = Field(default=None, ge=1, le=4, description="Welke trainingsdag: 1, 2, 3 of 4.")
    stap: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]{1,40}$")] | None = Field(
        default=None, description="Of een andere stap van het traject, zoals 'coaching1' (zie exercises/trajecten.yaml)."
    )
    datum: datetime.date = Field(description="De datum van die dag, bijvoorbeeld 2027-01-12.")

    @model_validator(mode="after")
    def _day_or_step(self) -> Trainingsdag:
        if (self.dag is None) == (self.stap is None):
            raise ValueError("noem 'dag' (een trainingsdag) of 'stap' (een andere stap van het traject), niet allebei")
        return self

    @model_serializer(mode="wrap")
    def _without_the_other(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Stored as written: ``{dag, datum}`` or ``{stap, datum}``."""
        return {key: value for key, value in handler(self).items() if value is not None}


class Terugkomritme(_Model):
    """The check-ins of the months after Dag 4: the first one, how often, and until when."""

    eerste: datetime.date = Field(description="De eerste terugkom- of coachingsdag na Dag 4, bijvoorbeeld 2027-03-02.")
    elke_dagen: int = Field(default=14, ge=1, le=90, description="Om de hoeveel dagen de groep terugkomt (14: elke "
                            "twee weken).")
    tot: datetime.date | None = Field(default=None, description="De laatste dag van de periode. Weggelaten: drie "
                                      "maanden na de eerste terugkomdag.")

    @model_validator(mode="after")
    def _ends_after_start(self) -> Terugkomritme:
        if self.tot is not None and self.tot < self.eerste:
            raise ValueError("'tot' ligt vóór 'eerste'")
        return self


class Bewaren(_Model):
    """How long the cohort's work is kept (AVG): read-only from ``archiveren``, wiped on ``verwijderen``
    (``wijwerken privacy retention``, see docs/privacy.md)."""

    archiveren: datetime.date | None = Field(
        default=None,
        description="Vanaf deze datum kan het werk van het cohort alleen nog worden gelezen en gedownload, niet meer "
        "gewijzigd. Weggelaten: een maand na de laatste stap van het programma.",
    )
    verwijderen: datetime.date | None = Field(
        default=None,
        description="Op deze datum wordt al het werk van het cohort gewist, met de namen en codes; alleen de "
        "auditregels (zonder inhoud) blijven. Weggelaten: twaalf maanden na het archiveren.",
    )

    @model_validator(mode="after")
    def _purge_after_archive(self) -> Bewaren:
        if self.archiveren is not None and self.verwijderen is not None and self.verwijderen < self.archiveren:
            raise ValueError("'verwijderen' ligt vóór 'archiveren'")
        return self


class CohortSettings(_Model):
    """Everything wijwerken needs to know about one cohort."""

    schema_version: Literal[1] = Field(description="Versie van dit bestandsformaat; altijd 1.")
    gemeente: Text
    naam: Text = Field(description="Naam van het cohort, bijvoorbeeld 'Grip op Loslaten 2026'.")
    slug: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)] | None = Field(
        default=None,
        description="Korte naam: kleine letters, cijfers, streepjes. Weggelaten: gemeente plus jaartal.",
    )
    vraagstukken: Vraagstukken
    groepen: list[Groep] = Field(min_length=1)
    trainers: list[Trainer] = Field(min_length=1)
    deelnemers: list[Deelnemer] = Field(default_factory=list)
    traject: Literal["standaard", "wij-werken-week"] = Field(
        default="standaard",
        description="Welk traject: 'standaard' (vier trainingsdagen, coaching, drie maanden toepassen, pecha kucha) of "
        "'wij-werken-week' (één week, vijf thema's, een vervolg na een maand). De stappen staan in "
        "exercises/trajecten.yaml.",
    )
    start: datetime.date | None = Field(
        default=None,
        description="De eerste dag van het traject. De andere data volgen uit het traject, behalve die in 'programma'. "
        "Weggelaten: gerekend vanaf de eerste datum in 'programma'.",
    )
    programma: list[Trainingsdag] = Field(
        default_factory=list,
        description="De trainingsdagen met hun datum. Op zo'n dag staan de pagina's van die dag al klaar voor de "
        "hele groep, zodat niemand hoeft te wachten.",
    )
    terugkomritme: Terugkomritme | None = Field(
        default=None,
        description="Hoe vaak de groep in de drie maanden na Dag 4 terugkomt om de acties te volgen. Weggelaten: "
        "elke twee weken vanaf twee weken na Dag 4.",
    )
    bewaren: Bewaren | None = Field(
        default=None,
        description="Hoe lang het werk van dit cohort bewaard blijft. Weggelaten: een maand na de laatste stap van "
        "het programma alleen nog lezen, twaalf maanden later alles wissen.",
    )
    # --- the municipality's variant (content/variants.py) -------------------------------------------------
    uit: list[Annotated[str, StringConstraints(pattern=OFF_PATTERN)]] = Field(
        default_factory=list,
        description="Wat dit cohort niet gebruikt: een hele pagina ('dag2') of één oefening ('dag4.vote', de naam "
        "onder 'exercises:' in exercises/dag4.yaml). Weggelaten: alles staat aan.",
    )

    @model_validator(mode="after")
    def _check_references_and_fill_slug(self, info: ValidationInfo) -> CohortSettings:
        if not (info.context or {}).get(_SKIP_REFERENCES):
            problems = reference_problems(self.model_dump())
            if problems:
                raise ValueError("; ".join(f"{field_name(loc)}: {msg}" for loc, msg in problems))
        if self.slug is None:
            self.slug = derive_slug(self.gemeente, self.naam)
        return self


def derive_slug(gemeente: str, naam: str) -> str:
    """``gemeente-jaar``, the year taken from the cohort name ('Grip op Loslaten 2026'), else this year."""
    ascii_text = unicodedata.normalize("NFKD", gemeente).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "cohort"
    year_match = re.search(r"\b(20\d\d)\b", naam)
    year = year_match.group(1) if year_match else str(datetime.date.today().year)
    return f"{base}-{year}"


def reference_problems(data: Any) -> list[tuple[Loc, str]]:
    """Cross-reference problems in raw (or dumped) settings data: unknown groups, duplicate names and users.

    Tolerates data of the wrong shape (that is reported by the models), so it can run next to validation.
    """
    problems: list[tuple[Loc, str]] = []
    if not isinstance(data, dict):
        return problems

    def items(key: str) -> list[tuple[int, dict[str, Any]]]:
        value = data.get(key)
        if not isinstance(value, list):
            return []
        return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]

    def text(item: dict[str, Any], key: str) -> str | None:
        """The value as the model keeps it (hidden characters removed, trimmed), or None."""
        value = item.get(key)
        return without_hidden(value).strip() or None if isinstance(value, str) else None

    def same(value: str) -> str:
        """What two names must not share: they differ only in case or in invisible characters."""
        return for_comparison(value).casefold()

    group_names: list[str] = []
    for i, groep in items("groepen"):
        if (name := text(groep, "naam")) is None:
            continue
        if same(name) in (same(g) for g in group_names):
            problems.append((("groepen", i, "naam"), f"de groep '{name}' staat er al eerder in"))
        else:
            group_names.append(name)

    for i, deelnemer in items("deelnemers"):
        if (group_name := text(deelnemer, "groep")) is not None and group_name not in group_names:
            problems.append(
                (
                    ("deelnemers", i, "groep"),
                    f"groep '{group_name}' bestaat niet (kies uit: {', '.join(group_names)})",
                )
            )

    people = [("trainers", i, p) for i, p in items("trainers")] + [
        ("deelnemers", i, p) for i, p in items("deelnemers")
    ]
    for field, label in (("naam", "naam"), ("gebruikersnaam", "gebruikersnaam")):
        seen: dict[str, str] = {}
        for section, i, person in people:
            if (value := text(person, field)) is None:
                continue
            where = f"{section}[{i}]"
            if same(value) in seen:
                problems.append(((section, i, field), f"de {label} '{value}' komt al voor bij {seen[same(value)]}"))
            else:
                seen[same(value)] = where
    return problems


def load_cohort_settings(path: Path | str, checks: Sequence[CrossCheck] = ()) -> CohortSettings:
    """Read and validate a cohort settings file; raise ``ContentError`` listing every problem (also those of the
    extra ``checks``, e.g. ``wijwerken check``'s names in ``uit``)."""
    return load_yaml_model(path, CohortSettings, checks=[reference_problems, *checks],
                           context={_SKIP_REFERENCES: True})


def parse_cohort_settings(text: str, path: Path | str = "<tekst>") -> CohortSettings:
    """Validate cohort settings from YAML text; ``path`` is only used in error messages."""
    return parse_yaml_model(text, path, CohortSettings, checks=[reference_problems], context={_SKIP_REFERENCES: True})


def json_schema_text() -> str:
    """The JSON Schema of the cohort settings file, as written to ``docs/cohort-settings.schema.json``."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **CohortSettings.model_json_schema(),
    }
    schema["title"] = "wijwerken cohortinstellingen"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_json_schema(path: Path | str) -> None:
    """Write the JSON Schema of the cohort settings (UTF-8) to ``path``."""
    Path(path).write_text(json_schema_text(), encoding="utf-8")
