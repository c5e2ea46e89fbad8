"""Read a YAML file that a trainer edits into a pydantic model, and report every mistake in Dutch.

Trainers edit the exercise content (``exercises/*.yaml``) and the cohort settings (``exercises/cohorts/*.yaml``)
by hand, so a mistake must point at the exact spot, in their language. Every problem is one line
``path:line: field: wat er mis is`` (the field is left out for a YAML syntax error, the line when it is not known):

- YAML syntax errors, with the line and, where it helps, the line where the broken part began;
- tags such as ``!!python/object`` (refused: only the safe loader is used);
- keys that appear twice in one block (YAML would silently keep the last one);
- files over :data:`MAX_BYTES`, and values nested deeper than :data:`MAX_DEPTH` or, counting every use of an alias
  (``*naam``), more than :data:`MAX_VALUES` of them: refused before anything is built, so that an "alias bomb" of a
  few lines cannot take the server's memory;
- cross-field checks of the caller (e.g. a participant's group that does not exist);
- every validation error of the model: unknown fields with the allowed ones and a suggestion, missing fields
  (at the line of the block that should hold them), wrong values with the choices, and so on.

All problems of a file are reported at once, by line, as one :class:`ContentError` (``core/problems.py``; the
Dutch validation messages are in ``core/yaml_messages.py``). Line numbers come from the node tree that the YAML
loader composes before it builds Python objects.

Page kernels only read validated content from a cache and import ``core/problems.py`` alone; still, PyYAML,
pydantic and everything else that reporting needs is imported inside the functions, so that importing this module
stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from wijwerken_widgets.core.problems import ContentError, Loc, Problem, field_name

if TYPE_CHECKING:
    import yaml
    from pydantic import BaseModel

__all__ = [
    "ContentError",
    "CrossCheck",
    "Loc",
    "Problem",
    "field_name",
    "load_yaml_layers",
    "load_yaml_model",
    "parse_yaml_model",
    "read_yaml_text",
]

M = TypeVar("M", bound="BaseModel")

MAX_BYTES = 1_000_000
"""The largest YAML file read (the largest shipped content file is about 30 KB)."""
MAX_DEPTH = 40
"""The deepest nesting of blocks and lists."""
MAX_VALUES = 100_000
"""The most values (keys, texts, blocks, lists) in one file, every use of an alias counted again."""

CrossCheck = Callable[[Any], Iterable[tuple[Loc, str]]]
"""Checks across fields on the raw data: ``(field path, Dutch message)`` for every problem found."""


def read_yaml_text(path: str | Path) -> str:
    """The text of ``path`` (UTF-8); ContentError when it is missing or unreadable."""
    path = Path(path)
    try:
        if path.is_file() and (size := path.stat().st_size) > MAX_BYTES:  # refused before it is read
            problem = f"het bestand is te groot ({size // 1000} kB); het mag hoogstens {MAX_BYTES // 1000} kB zijn"
            raise ContentError.of(path, [Problem(None, "", problem)])
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

    from wijwerken_widgets.core.yaml_messages import dutch_message

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
            problems.append(Problem(_line_of(root, loc), field_name(loc), dutch_message(model, error)))
    if problems or result is None:
        problems.sort(key=lambda p: p.line or 0)
        raise ContentError.of(path, problems)
    return result


Merge = Callable[[Any, Any, Loc], tuple[Any, list[tuple[Loc, str]]]]
"""Merges an override's data over the data so far: ``(merged, problems)``, each problem a field path in the override
and a Dutch message (see ``content/variants.py``)."""


def load_yaml_layers(paths: Sequence[str | Path], model: type[M], merge: Merge) -> M:
    """The first file (a master) with every later file (a partial override) merged over it by ``merge``, validated
    as ``model``. Each file is checked on its own first (syntax, keys twice); a validation error of the merged data
    is reported in the last file that sets the field (the override when it wrote that part, else the master), with
    that file's line. ContentError listing every problem, each with its own file."""
    from pydantic import ValidationError

    from wijwerken_widgets.core.yaml_messages import dutch_message

    layers: list[tuple[Path, yaml.Node]] = []
    merged: Any = None
    for number, path in enumerate(paths):
        root, data = _compose_and_construct(read_yaml_text(path), path)
        if root is None:
            raise ContentError.of(path, [Problem(1, "", "het bestand is leeg")])
        if duplicates := _duplicate_keys(root, ()):
            raise ContentError.of(path, duplicates)
        if number == 0:
            merged = data
        else:
            merged, found = merge(merged, data, ())
            if found:
                raise ContentError.of(path, [Problem(_line_of(root, loc), field_name(loc), message)
                                             for loc, message in found])
        layers.append((Path(path), root))
    try:
        return model.model_validate(merged)
    except ValidationError as exc:
        located: list[tuple[Path, Problem]] = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            path, root = _layer_of(layers, loc)
            located.append((path, Problem(_line_of(root, loc), field_name(loc), dutch_message(model, error))))
    located.sort(key=lambda pair: (str(pair[0]), pair[1].line or 0))
    text = "\n".join(problem.describe(path) for path, problem in located)
    raise ContentError(text, path=located[-1][0], problems=[problem for _, problem in located])


def _layer_of(layers: Sequence[tuple[Path, yaml.Node]], loc: Loc) -> tuple[Path, yaml.Node]:
    """The last layer that writes the deepest part of ``loc`` (the master when no override writes any of it)."""
    best, best_depth = layers[0], _depth_of(layers[0][1], loc)
    for layer in layers[1:]:
        if (depth := _depth_of(layer[1], loc)) > 0 and depth >= best_depth:
            best, best_depth = layer, depth
    return best


def _depth_of(root: yaml.Node, loc: Loc) -> int:
    """How many steps of ``loc`` exist in the node tree ``root`` (0: none)."""
    import yaml

    node, depth = root, 0
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            matches = [value for key, value in node.value if str(key.value) == str(part)]
            if not matches:
                continue
            node = matches[-1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            continue
        depth += 1
    return depth


# --- YAML --------------------------------------------------------------------------------------------------


def _compose_and_construct(text: str, path: str | Path) -> tuple[yaml.Node | None, object]:
    """The composed node tree (for line numbers) and the Python data built from it (with libyaml's safe loader
    when PyYAML was built with it: 10× faster, same marks; its messages are translated alike)."""
    import yaml

    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        message = f"het bestand is te groot ({size // 1000} kB); het mag hoogstens {MAX_BYTES // 1000} kB zijn"
        raise ContentError.of(path, [Problem(None, "", message)])
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_size(node, path)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise ContentError.of(path, [_yaml_problem(exc, text)]) from None
    except yaml.YAMLError as exc:
        raise ContentError.of(path, [Problem(None, "", f"ongeldige YAML: {exc}")]) from None
    except ValueError:  # a value shaped like a date that is none, e.g. 2027-13-40
        raise ContentError.of(path, [Problem(_impossible_date_line(node), "", IMPOSSIBLE_DATE)]) from None
    finally:
        loader.dispose()
    return node, data


IMPOSSIBLE_DATE = "deze datum bestaat niet; schrijf een datum als jaar-maand-dag, bijvoorbeeld 2027-01-12"


def _impossible_date_line(root: yaml.Node | None) -> int | None:
    """The line of the first date-shaped value that is no date."""
    import datetime

    import yaml

    stack = [root] if root is not None else []
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
            try:
                datetime.date.fromisoformat(str(node.value)[:10])
            except ValueError:
                return int(node.start_mark.line) + 1
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _key, value in node.value)
    return None


def _check_size(root: yaml.Node, path: str | Path) -> None:
    """ContentError when the node tree, with every alias expanded, is deeper than MAX_DEPTH or has more than
    MAX_VALUES nodes; stops counting as soon as a limit is passed (an alias bomb expands to billions)."""
    import yaml

    count, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            message = f"de waarden zijn hier te diep genest (meer dan {MAX_DEPTH} niveaus)"
            raise ContentError.of(path, [Problem(line, "", message)])
        if count > MAX_VALUES:
            message = (f"het bestand bevat te veel waarden (meer dan {MAX_VALUES}, elke verwijzing met '*' "
                       "meegeteld); gebruik geen verwijzingen ('&naam' en '*naam') die elkaar vermenigvuldigen")
            raise ContentError.of(path, [Problem(line, "", message)])
        if isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


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
