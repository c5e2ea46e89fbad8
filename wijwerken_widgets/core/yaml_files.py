"""Read a YAML file that a trainer edits into a pydantic model, and report every mistake in Dutch.

Trainers edit the exercise content (``exercises/*.yaml``) and the cohort settings (``exercises/cohorts/*.yaml``)
by hand, so a mistake must point at the exact spot, in their language. Every problem is one line
``path:line: field: wat er mis is`` (the field is left out for a YAML syntax error, the line when it is not known):

- YAML syntax errors, with the line and, where it helps, the line where the broken part began;
- tags such as ``!!python/object`` (refused: only the safe loader is used);
- keys that appear twice in one block (YAML would silently keep the last one);
- cross-field checks of the caller (e.g. a participant's group that does not exist);
- every validation error of the model: unknown fields with the allowed ones and a suggestion, missing fields
  (at the line of the block that should hold them), wrong values with the choices, and so on.

All problems of a file are reported at once, by line, as one :class:`ContentError`. Line numbers come from the
node tree that the YAML loader composes before it builds Python objects.

Page kernels import this module (for :class:`ContentError`) but only read validated content from a cache, so
PyYAML, pydantic and everything else that reporting needs is imported inside the functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import yaml
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

M = TypeVar("M", bound="BaseModel")
Loc = tuple[str | int, ...]
"""A field path as pydantic gives it: keys and list positions from the top of the document."""

CrossCheck = Callable[[Any], Iterable[tuple[Loc, str]]]
"""Checks across fields on the raw data: ``(field path, Dutch message)`` for every problem found."""

MAX_REPORTED_PROBLEMS = 15
KEY_STEP = "[key]"
"""The step pydantic adds to a field path when a mapping's key (not its value) is wrong."""


@dataclass(frozen=True)
class Problem:
    """One mistake in a file: 1-based line (None when unknown), field path (may be empty) and Dutch message."""

    line: int | None
    field: str
    message: str

    def describe(self, path: str | Path) -> str:
        """``path:line: field: message``, leaving out the line or field when there is none."""
        where = f"{path}:{self.line}" if self.line is not None else str(path)
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """A file a trainer edits cannot be used; ``str(error)`` has one ``path:line: field: message`` line per
    problem. ``path`` and ``problems`` are set when the error comes from :func:`load_yaml_model`."""

    def __init__(self, message: str, *, path: str | Path | None = None, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.path = None if path is None else str(path)
        self.problems = tuple(problems)

    @classmethod
    def of(cls, path: str | Path, problems: Sequence[Problem]) -> ContentError:
        """The error for ``problems`` in ``path`` (the first :data:`MAX_REPORTED_PROBLEMS` are listed)."""
        lines = [problem.describe(path) for problem in problems[:MAX_REPORTED_PROBLEMS]]
        if len(problems) > MAX_REPORTED_PROBLEMS:
            lines.append(f"{path}: … en nog {len(problems) - MAX_REPORTED_PROBLEMS} fouten")
        return cls("\n".join(lines), path=path, problems=problems)


def read_yaml_text(path: str | Path) -> str:
    """The text of ``path`` (UTF-8); ContentError when it is missing or unreadable."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problem = "bestand niet gevonden"
    except IsADirectoryError:
        problem = "dit is een map, geen bestand"
    except UnicodeDecodeError as exc:
        problem = f"dit is geen UTF-8-tekst (byte {exc.start}); sla het bestand op als UTF-8"
    except OSError as exc:
        problem = f"het bestand kan niet gelezen worden ({exc.strerror})"
    raise ContentError.of(path, [Problem(None, "", problem)]) from None


def load_yaml_model(
    path: str | Path,
    model: type[M],
    *,
    checks: Sequence[CrossCheck] = (),
    context: Mapping[str, Any] | None = None,
) -> M:
    """Read ``path`` (UTF-8 YAML, one document) and validate it as ``model``; ContentError listing every problem.

    ``checks`` run on the raw data next to validation (they must tolerate data of the wrong shape);
    ``context`` is passed to pydantic's validators.
    """
    return parse_yaml_model(read_yaml_text(path), path, model, checks=checks, context=context)


def parse_yaml_model(
    text: str,
    path: str | Path,
    model: type[M],
    *,
    checks: Sequence[CrossCheck] = (),
    context: Mapping[str, Any] | None = None,
) -> M:
    """Like :func:`load_yaml_model` for YAML ``text``; ``path`` only names the file in messages."""
    from pydantic import ValidationError

    root, data = _compose_and_construct(text, path)
    if root is None:
        raise ContentError.of(path, [Problem(1, "", "het bestand is leeg")])
    problems = _duplicate_keys(root, ())
    for check in checks:
        problems += [Problem(_line_of(root, loc), field_name(loc), message) for loc, message in check(data)]
    result = None
    try:
        result = model.model_validate(data, context=dict(context) if context is not None else None)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            problems.append(Problem(_line_of(root, loc), field_name(loc), _dutch_message(model, error)))
    if problems or result is None:
        problems.sort(key=lambda p: p.line or 0)
        raise ContentError.of(path, problems)
    return result


# --- YAML --------------------------------------------------------------------------------------------------


def _compose_and_construct(text: str, path: str | Path) -> tuple[yaml.Node | None, object]:
    """The composed node tree (for line numbers) and the Python data built from it (with libyaml's safe loader
    when PyYAML was built with it: 10× faster, same marks; its messages are translated alike)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise ContentError.of(path, [_yaml_problem(exc, text)]) from None
    except yaml.YAMLError as exc:
        raise ContentError.of(path, [Problem(None, "", f"ongeldige YAML: {exc}")]) from None
    finally:
        loader.dispose()
    return node, data


_SYNTAX_HINTS = (
    # (a piece of PyYAML's or libyaml's problem text, what a trainer reads)
    ("mapping values are not allowed", "hier mag geen ': ' staan. Zet tekst met een dubbele punt tussen "
     "aanhalingstekens, of controleer de inspringing"),
    ("expected ',' or '}'", "er ontbreekt een komma of een sluitaccolade '}'"),
    ("expected ',' or ']'", "er ontbreekt een komma of een sluithaak ']'"),
    ("expected the node content", "hier ontbreekt een waarde"),
    ("expected node content", "hier ontbreekt een waarde"),
    ("expected <block end>", "de inspringing klopt niet (of er ontbreekt een dubbele punt)"),
    ("did not find expected key", "de inspringing klopt niet (of er ontbreekt een dubbele punt)"),
    ("expected '-' indicator", "de inspringing klopt niet: een lijst en een blok staan door elkaar"),
    ("tab character", "gebruik spaties om in te springen, geen tab"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt (veld: waarde)"),
    ("undefined alias", "een waarde die met '*' begint moet tussen aanhalingstekens"),
    ("but found another document", "het bestand bevat meer dan één document; haal de tweede '---' weg"),
)  # fmt: skip


def _yaml_problem(error: yaml.MarkedYAMLError, text: str) -> Problem:
    """A Dutch :class:`Problem` for a YAML syntax error, at the line where a trainer should look."""
    import re

    import yaml

    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    began = error.context_mark.line + 1 if error.context_mark is not None else None
    problem = error.problem or ""
    context = error.context or ""
    tag = re.search(r"constructor for the tag '([^']*)'", problem)
    if isinstance(error, yaml.constructor.ConstructorError) and tag:
        message = (
            f"de tag '{tag.group(1)}' is niet toegestaan; "
            "gebruik alleen gewone tekst, lijsten (- ...) en blokken (veld: waarde)"
        )
        return Problem(line, "", message)
    if "quoted scalar" in context and began is not None:
        return Problem(began, "", "ongeldige YAML: het aanhalingsteken dat hier begint wordt nergens gesloten")
    if "cannot start any token" in problem and mark is not None:
        char = text[mark.index] if 0 <= mark.index < len(text) else ""
        if char == "\t":
            detail = "gebruik spaties om in te springen, geen tab"
        else:
            detail = f"een waarde mag niet beginnen met '{char}'; zet de tekst tussen aanhalingstekens"
    else:
        detail = next((dutch for english, dutch in _SYNTAX_HINTS if english in problem), "")
        if not detail:
            english = f"{problem} ({context})" if context else problem
            detail = f"{english}. Controleer inspringing, dubbele punten en aanhalingstekens"
    if began is not None and line is not None and began != line:
        detail += f" (begonnen op regel {began})"
    return Problem(line, "", f"ongeldige YAML: {detail}")


def _duplicate_keys(node: yaml.Node, loc: Loc) -> list[Problem]:
    """Keys written twice in one block: YAML silently keeps the last one, a trainer almost always made a mistake."""
    import yaml

    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            line = key_node.start_mark.line + 1
            if key in seen:
                message = f"dit veld staat er twee keer (ook op regel {seen[key]}); er mag er één blijven"
                problems.append(Problem(line, field_name((*loc, key)), message))
            else:
                seen[key] = line
            problems += _duplicate_keys(value_node, (*loc, key))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _duplicate_keys(item, (*loc, index))
    return problems


def _line_of(root: yaml.Node, loc: Loc) -> int:
    """1-based line of the deepest node on ``loc`` that exists: the key's line for a field, the item's line for a
    list item, the enclosing block's line for a missing field."""
    import yaml

    node, line = root, root.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            matches = [(k, v) for k, v in node.value if str(k.value) == str(part)]
            if not matches:
                continue  # a pydantic-internal step (a union member, "[key]") or a missing key
            key_node, node = matches[-1]  # the one YAML keeps
            line = key_node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
    return line


def field_name(loc: Loc) -> str:
    """``exercises.hoofdvraag.examples[2].text`` style name; empty for the document itself."""
    name = ""
    for part in loc:
        if part == KEY_STEP:
            continue
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


# --- validation errors in Dutch ----------------------------------------------------------------------------


def _dutch_message(model: type[BaseModel], error: ErrorDetails) -> str:
    """What a trainer reads for one pydantic error (pydantic's own English text only for rare kinds)."""
    kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "missing":
        return "dit veld ontbreekt"
    if kind == "extra_forbidden":
        return _unknown_field(model, loc)
    if kind in ("literal_error", "enum"):
        if loc and loc[-1] == KEY_STEP:
            options = _choices(_key_type(model, loc[:-2]), ctx)
            return f"onbekende naam '{value}'" + (f" (kies uit: {', '.join(options)})" if options else "")
        options = _choices(_annotation_at(model, loc), ctx)
        if len(options) == 1:
            return f"moet {options[0]} zijn, niet {value!r}"
        return f"ongeldige waarde {value!r}" + (f" (kies uit: {', '.join(options)})" if options else "")
    simple = _SIMPLE_MESSAGES.get(kind)
    if simple is not None:
        return simple(value, ctx)
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"]))
    return f"ongeldige waarde {value!r} ({error['msg']})"


def _plural(count: Any, one: str, more: str) -> str:
    return f"één {one}" if count == 1 else f"{count} {more}"


_SIMPLE_MESSAGES: dict[str, Callable[[Any, dict[str, Any]], str]] = {
    "string_type": lambda v, _: (
        f"moet tekst zijn, niet {v!r}; zet de waarde tussen aanhalingstekens als het om tekst gaat"
    ),
    "string_too_short": lambda _, c: (
        "mag niet leeg zijn" if c.get("min_length", 1) == 1 else f"moet minstens {c['min_length']} tekens lang zijn"
    ),
    "string_too_long": lambda _, c: f"mag hoogstens {c.get('max_length')} tekens lang zijn",
    "string_pattern_mismatch": lambda v, c: f"'{v}' {_pattern_in_words(str(c.get('pattern', '')))}",
    "int_type": lambda v, _: f"moet een heel getal zijn, niet {v!r}",
    "int_parsing": lambda v, _: f"moet een heel getal zijn, niet {v!r}",
    "int_from_float": lambda v, _: f"moet een heel getal zijn, niet {v!r}",
    "float_type": lambda v, _: f"moet een getal zijn, niet {v!r}",
    "float_parsing": lambda v, _: f"moet een getal zijn, niet {v!r}",
    "bool_type": lambda v, _: f"moet ja of nee zijn (true of false), niet {v!r}",
    "bool_parsing": lambda v, _: f"moet ja of nee zijn (true of false), niet {v!r}",
    "greater_than": lambda v, c: f"moet groter zijn dan {c.get('gt')}, niet {v!r}",
    "greater_than_equal": lambda v, c: f"moet minstens {c.get('ge')} zijn, niet {v!r}",
    "less_than": lambda v, c: f"moet kleiner zijn dan {c.get('lt')}, niet {v!r}",
    "less_than_equal": lambda v, c: f"mag hoogstens {c.get('le')} zijn, niet {v!r}",
    "too_short": lambda _, c: f"moet minstens {_plural(c.get('min_length', 1), 'item', 'items')} bevatten",
    "too_long": lambda _, c: f"mag hoogstens {_plural(c.get('max_length'), 'item', 'items')} bevatten",
    "list_type": lambda _, __: "moet een lijst zijn: elke regel begint met '- '",
    "tuple_type": lambda _, __: "moet een lijst zijn: elke regel begint met '- '",
    "set_type": lambda _, __: "moet een lijst zijn: elke regel begint met '- '",
    "frozen_set_type": lambda _, __: "moet een lijst zijn: elke regel begint met '- '",
    "dict_type": lambda _, __: "moet een blok met velden zijn (veld: waarde)",
    "model_type": lambda _, __: "moet een blok met velden zijn (veld: waarde)",
    "model_attributes_type": lambda _, __: "moet een blok met velden zijn (veld: waarde)",
    "dataclass_type": lambda _, __: "moet een blok met velden zijn (veld: waarde)",
    "none_required": lambda v, _: f"moet leeg blijven, niet {v!r}",
}


_CHARACTER_KINDS = (("a-z", "kleine letters"), ("A-Z", "hoofdletters"), ("0-9", "cijfers"), ("-", "streepjes"),
                    ("_", "liggende streepjes"), (" ", "spaties"), (".", "punten"))  # fmt: skip


def _pattern_in_words(pattern: str) -> str:
    """``mag alleen kleine letters, cijfers en streepjes bevatten`` for a pattern made of character classes."""
    import re

    classes = "".join(re.findall(r"\[([^\]^]*)\]", pattern))
    literals = re.sub(r"\[[^\]]*\]|\{\d+(,\d*)?\}|[\^$()+*?]", "", pattern)  # what stands outside the classes
    classes += "\\" if set(literals) & set("\\|.") else literals  # escapes, choices, any character: too hard
    kinds = []
    for chars, words in _CHARACTER_KINDS:
        if chars in classes:
            kinds.append(words)
            classes = classes.replace(chars, "")
    if not kinds or classes:
        return f"heeft niet de vorm die hier hoort (patroon: {pattern})"
    listed = kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} en {kinds[-1]}"
    return f"mag alleen {listed} bevatten"


def _unknown_field(model: type[BaseModel], loc: Loc) -> str:
    """``onbekend veld (toegestaan: …); bedoel je '…'?`` with the fields of the block it is in."""
    import difflib

    from pydantic import BaseModel

    parent = _annotation_at(model, loc[:-1])
    if not (isinstance(parent, type) and issubclass(parent, BaseModel)):
        return "onbekend veld; controleer de spelling, of haal het weg"
    allowed = list(parent.model_fields)
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    hint = f"; bedoel je '{close[0]}'?" if close else ""
    return f"onbekend veld (toegestaan: {', '.join(allowed)}){hint}"


def _choices(annotation: Any, ctx: Mapping[str, Any]) -> list[str]:
    """The allowed values of a Literal or Enum annotation, else those pydantic names in ``ctx``."""
    import enum
    import typing

    if typing.get_origin(annotation) is typing.Literal:
        return [str(option) for option in typing.get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    expected = str(ctx.get("expected", ""))
    return [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",") if part.strip()]


def _annotation_at(model: type[BaseModel], loc: Loc) -> Any:
    """The annotation at a field path, following nested models, lists and mappings (None when unknown)."""
    import typing

    from pydantic import BaseModel

    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if isinstance(part, int) and origin in (list, tuple, set, frozenset, Sequence) and args:
            annotation = args[0]
        elif isinstance(part, str) and origin in (dict, Mapping) and len(args) == 2:
            annotation = args[1]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and part in annotation.model_fields:
            annotation = annotation.model_fields[str(part)].annotation
        else:
            return None
    return _unwrap(annotation)


def _key_type(model: type[BaseModel], loc: Loc) -> Any:
    """The key annotation of the mapping at ``loc`` (None when it is not a mapping)."""
    import typing

    annotation = _annotation_at(model, loc)
    if typing.get_origin(annotation) in (dict, Mapping) and len(typing.get_args(annotation)) == 2:
        return _unwrap(typing.get_args(annotation)[0])
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``Optional`` wrappers."""
    import types
    import typing

    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation
