"""pydantic's validation errors in the words of a trainer (Dutch), for ``core/yaml_files.py``.

Unknown fields list the allowed ones and suggest the closest; wrong choices list the choices (read from the
model's ``Literal`` or ``Enum`` annotation); numbers, lengths, lists and blocks say what is expected. Messages that
a schema's own validators raise are passed on as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from wijwerken_widgets.core.problems import KEY_STEP, Loc

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails


def dutch_message(model: type[BaseModel], error: ErrorDetails) -> str:
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
