"""Cohort settings: the YAML file a trainer writes for one municipality's cohort.

``load_cohort_settings`` reads the file with PyYAML's *safe* loader only, validates it against the pydantic
models below and raises ``ConfigError`` naming file, line and field of every problem it finds, in Dutch.
``write_json_schema`` writes the JSON Schema of the models (``docs/cohort-settings.schema.json``).
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import json
import re
import types
import typing
import unicodedata
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

SCHEMA_VERSION = 1
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
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

    @model_validator(mode="after")
    def _check_references_and_fill_slug(self, info: Any) -> CohortSettings:
        if not (info.context or {}).get(_SKIP_REFERENCES):
            problems = reference_problems(self.model_dump())
            if problems:
                raise ValueError("; ".join(f"{_format_loc(loc)}: {msg}" for loc, msg in problems))
        if self.slug is None:
            self.slug = derive_slug(self.gemeente, self.naam)
        return self


@dataclasses.dataclass(frozen=True)
class Problem:
    """One problem in a settings file: 1-based line (None if unknown), field path and Dutch message."""

    line: int | None
    field: str
    message: str


class ConfigError(Exception):
    """The cohort settings file cannot be used; ``str(error)`` lists every problem with file and line."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = str(path)
        self.problems = problems
        lines = [
            f"{self.path}:{p.line if p.line is not None else '?'}: "
            + (f"{p.field}: " if p.field else "")
            + p.message
            for p in problems
        ]
        count = "1 fout" if len(problems) == 1 else f"{len(problems)} fouten"
        super().__init__(f"Het cohortbestand {self.path} bevat {count}:\n" + "\n".join(lines))


def derive_slug(gemeente: str, naam: str) -> str:
    """``gemeente-jaar``, the year taken from the cohort name ('Grip op Loslaten 2026'), else this year."""
    ascii_text = unicodedata.normalize("NFKD", gemeente).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "cohort"
    year_match = re.search(r"\b(20\d\d)\b", naam)
    year = year_match.group(1) if year_match else str(datetime.date.today().year)
    return f"{base}-{year}"


def reference_problems(data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """Cross-reference problems in raw (or dumped) settings data: unknown groups, duplicate names and users.

    Tolerates data of the wrong shape (that is reported by the models), so it can run next to validation.
    """
    problems: list[tuple[tuple[str | int, ...], str]] = []
    if not isinstance(data, dict):
        return problems

    def items(key: str) -> list[tuple[int, dict]]:
        value = data.get(key)
        if not isinstance(value, list):
            return []
        return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]

    def text(item: dict, key: str) -> str | None:
        value = item.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    group_names: list[str] = []
    for i, groep in items("groepen"):
        if (name := text(groep, "naam")) is None:
            continue
        if name.casefold() in (g.casefold() for g in group_names):
            problems.append((("groepen", i, "naam"), f"de groep '{name}' staat er al eerder in"))
        else:
            group_names.append(name)

    for i, deelnemer in items("deelnemers"):
        if (groep := text(deelnemer, "groep")) is not None and groep not in group_names:
            problems.append(
                (
                    ("deelnemers", i, "groep"),
                    f"groep '{groep}' bestaat niet (kies uit: {', '.join(group_names)})",
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
            if value.casefold() in seen:
                problems.append(
                    ((section, i, field), f"de {label} '{value}' komt al voor bij {seen[value.casefold()]}")
                )
            else:
                seen[value.casefold()] = where
    return problems


def load_cohort_settings(path: Path | str) -> CohortSettings:
    """Read and validate a cohort settings file; raise ``ConfigError`` listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(
            path, [Problem(None, "", f"het bestand kan niet gelezen worden ({error})")]
        ) from error
    return parse_cohort_settings(text, path)


def parse_cohort_settings(text: str, path: Path | str = "<tekst>") -> CohortSettings:
    """Validate cohort settings from YAML text; ``path`` is only used in error messages."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ConfigError(path, [Problem(1, "", "het bestand is leeg")])
        lines = _LineIndex()
        lines.index(node, ())
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise ConfigError(path, [_yaml_problem(error)]) from error
    except yaml.YAMLError as error:
        raise ConfigError(path, [Problem(None, "", f"ongeldige YAML: {error}")]) from error
    finally:
        loader.dispose()

    problems = list(lines.duplicates)
    problems += [Problem(lines.line_of(loc), _format_loc(loc), msg) for loc, msg in reference_problems(data)]
    settings = None
    try:
        settings = CohortSettings.model_validate(data, context={_SKIP_REFERENCES: True})
    except ValidationError as error:
        problems += [
            Problem(lines.line_of(err["loc"]), _format_loc(err["loc"]), _dutch_message(err))
            for err in error.errors(include_url=False)
        ]
    if problems or settings is None:
        problems.sort(key=lambda p: (p.line or 0, p.field))
        raise ConfigError(path, problems)
    return settings


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


class _LineIndex:
    """Line numbers of every key and value in a composed YAML node tree, by field path."""

    def __init__(self) -> None:
        self.lines: dict[tuple[str | int, ...], int] = {}
        self.duplicates: list[Problem] = []

    def index(self, node: yaml.Node, loc: tuple[str | int, ...]) -> None:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
                child = (*loc, key)
                if key in seen:
                    self.duplicates.append(
                        Problem(
                            key_node.start_mark.line + 1, _format_loc(child), "dit veld staat er twee keer"
                        )
                    )
                    continue
                seen.add(key)
                self.lines[child] = key_node.start_mark.line + 1
                self.index(value_node, child)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self.index(item, (*loc, i))

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        loc = tuple(loc)
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc)


def _yaml_problem(error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = error.problem or ""
    tag = re.search(r"constructor for the tag '([^']*)'", problem)
    if isinstance(error, yaml.constructor.ConstructorError) and tag:
        message = (
            f"de tag '{tag.group(1)}' is niet toegestaan; "
            "gebruik alleen gewone tekst, lijsten (- ...) en blokken (veld: waarde)"
        )
    else:
        context = error.context or ""
        if error.context_mark is not None and mark is not None and error.context_mark.line != mark.line:
            context += f", begonnen op regel {error.context_mark.line + 1}"
        if context and problem.startswith("but "):
            detail = f"{context}, {problem}"
        else:
            detail = f"{problem} ({context})" if context else problem
        message = f"ongeldige YAML: {detail}. Controleer inspringing, dubbele punten en aanhalingstekens"
    return Problem(line, "", message)


def _format_loc(loc: tuple[str | int, ...] | list[str | int]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _model_at(loc: tuple[str | int, ...]) -> Any:
    """The annotation at a field path, following lists and nested models (None when unknown)."""
    annotation: Any = CohortSettings
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(part, int) and typing.get_origin(annotation) is list:
            annotation = typing.get_args(annotation)[0]
        elif (
            isinstance(annotation, type)
            and issubclass(annotation, BaseModel)
            and part in annotation.model_fields
        ):
            annotation = annotation.model_fields[part].annotation
        else:
            return None
    return _unwrap(annotation)


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated wrappers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _dutch_message(err: Any) -> str:
    kind, loc, value, ctx = err["type"], tuple(err["loc"]), err.get("input"), err.get("ctx") or {}
    if kind == "missing":
        return "dit veld ontbreekt"
    if kind == "extra_forbidden":
        parent = _model_at(loc[:-1])
        allowed = (
            list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        )
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"; bedoel je '{close[0]}'?" if close else ""
        return f"onbekend veld (toegestaan: {', '.join(allowed)}){hint}"
    if kind == "literal_error":
        options = typing.get_args(_model_at(loc)) or ()
        if loc == ("schema_version",):
            return f"moet {SCHEMA_VERSION} zijn, niet {value!r}"
        return f"ongeldige waarde {value!r} (kies uit: {', '.join(map(str, options))})"
    if kind == "string_type":
        return f"moet tekst zijn, niet {value!r}; zet de waarde tussen aanhalingstekens als het om tekst gaat"
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind == "string_pattern_mismatch":
        example = "bijvoorbeeld 'demogemeente-2026'"
        return f"'{value}' mag alleen kleine letters, cijfers en streepjes bevatten, {example}"
    if kind == "list_type":
        return "moet een lijst zijn: elke regel begint met '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "moet een blok met velden zijn (veld: waarde)"
    if kind == "too_short":
        minimum = ctx.get("min_length", 1)
        return (
            "moet minstens één item bevatten" if minimum == 1 else f"moet minstens {minimum} items bevatten"
        )
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return err["msg"]
