"""Load a YAML file into a pydantic model, with errors that name the file, the line and the field.

Trainers edit the YAML files by hand, so a mistake must point at the exact spot: every problem is reported as
``path:line: field: what is wrong`` (one line per problem). Line numbers come from the node tree that
``yaml.SafeLoader`` composes before it builds Python objects.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import yaml
    from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound="BaseModel")

MAX_REPORTED_ERRORS = 10



class ContentError(Exception):
    """A YAML file that cannot be used; ``str(error)`` names file, line and field of every problem."""


def load_yaml_model(path: str | Path, model: type[M]) -> M:
    """Read ``path`` (UTF-8 YAML, one document) and validate it as ``model``; raise ContentError on any problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise ContentError(f"{path}: cannot read file ({exc.strerror})") from None
    from pydantic import ValidationError

    node, data = _compose_and_construct(path, text)
    if node is not None:
        _reject_duplicate_keys(path, node, ())
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ContentError(_describe(path, node, exc)) from None


def _compose_and_construct(path: Path, text: str) -> tuple[yaml.Node | None, object]:
    """The composed node tree (for line numbers) and the Python data built from it (with libyaml's safe loader
    when PyYAML was built with it: 10× faster, same marks and errors)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"{mark.line + 1}" if mark is not None else "?"
        problem = " ".join(part for part in (exc.context, exc.problem) if part)
        if exc.context_mark is not None and exc.context_mark is not mark:
            problem += f" (it began on line {exc.context_mark.line + 1})"
        raise ContentError(f"{path}:{line}: YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: YAML error: {exc}") from None
    finally:
        loader.dispose()
    return node, data


def _reject_duplicate_keys(path: Path, node: yaml.Node, loc: tuple[str | int, ...]) -> None:
    """YAML silently keeps the last of two equal keys; a hand-edited file almost always means a mistake."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                raise ContentError(
                    f"{path}:{key_node.start_mark.line + 1}: {_field_name((*loc, key))}: duplicate key"
                )
            seen.add(key)
            _reject_duplicate_keys(path, value_node, (*loc, key))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _reject_duplicate_keys(path, item, (*loc, index))


def _describe(path: Path, root: yaml.Node | None, exc: ValidationError) -> str:
    """One ``path:line: field: message`` line per validation error."""
    lines = []
    errors = exc.errors(include_url=False)
    for error in errors[:MAX_REPORTED_ERRORS]:
        loc = tuple(error["loc"])
        line = _line_of(root, loc)
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            message = "unknown field (check the spelling, or remove it)"
        elif error["type"] == "missing":
            message = "required field is missing"
        lines.append(f"{path}:{line}: {_field_name(loc)}: {message}")
    if len(errors) > MAX_REPORTED_ERRORS:
        lines.append(f"{path}: … and {len(errors) - MAX_REPORTED_ERRORS} more problems")
    return "\n".join(lines)


def _line_of(root: yaml.Node | None, loc: tuple[str | int, ...]) -> int:
    """1-based line of the deepest node on ``loc`` that exists (a missing field points at its parent)."""
    import yaml

    if root is None:
        return 1
    node, line = root, root.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if str(k.value) == str(part)), None)
            if match is None:
                continue  # a pydantic-internal step (e.g. a union member name) or a missing key
            node, line = match[1], match[0].start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
    return line


def _field_name(loc: tuple[str | int, ...]) -> str:
    """``exercises.hoofdvraag.examples[2].text`` style name; ``(top level)`` for the document itself."""
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(top level)"
