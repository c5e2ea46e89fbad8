"""Exercise content that trainers edit without Python (``exercises/*.yaml``), loaded fast on every page.

Each file is validated against its pydantic schema (``pages/<page>/schema.py`` and the like) with errors
that name file, line and field. Every page view starts a kernel, and building the schema classes would cost each
one about 0.2 s of CPU; so once a file has passed, the validated content is kept as JSON in the data folder, keyed by
a hash of the file and of the schema. A page then reads that JSON and gets the same content as plain records with
the same attributes, without importing pydantic. Any change to the file or the schema validates again.

A municipality's variant (``content/variants.py``) is chosen once per process: a page kernel serves one person, so
``ui/page.py`` registers a resolver (:func:`set_variant_resolver`) that names the person's municipality (looked up
once, when content is first loaded, before the page's header); :func:`load` then merges ``exercises/<gemeente>/<name>`` over the master when it exists.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from wijwerken_widgets.core import paths
from wijwerken_widgets.core.problems import ContentError

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["ContentError", "Record", "TextField", "clear_cache", "load", "load_file", "load_variant",
           "set_variant_resolver", "use_variant", "variant_dir"]

log = logging.getLogger("wijwerken")

CACHE_FOLDER = "content-cache"

_variant: dict[str, str | None] = {}
"""The municipality whose variant this process shows (key "gemeente"), once known."""
_resolver: list[Callable[[], str | None]] = []


class Record(SimpleNamespace):
    """Validated content: the fields of a schema model as attributes."""


@dataclass(frozen=True)
class TextField:
    """An input box made in code (e.g. one step of a chain), shaped like the schema's ``TextField``."""

    label: str
    placeholder: str = ""
    help: str = ""


def load(name: str, schema: str, directory: str | Path | None = None) -> Any:
    """The content file ``name`` in ``directory`` (default ``paths.exercises_dir()``), validated by ``schema``
    (``"module:Model"``); cached per file for the life of the process. Raises ContentError."""
    if directory is not None:
        return load_file(Path(directory).resolve() / name, schema)
    master = paths.exercises_dir() / name
    variant = variant_dir()
    if variant is not None and (variant / name).is_file():
        return load_variant(master, variant / name, schema)
    return load_file(master, schema)


def load_variant(master: Path, override: Path, schema: str) -> Any:
    """The master content file with a municipality's partial ``override`` merged over it (``content/variants.py``);
    cached like :func:`load_file`. Raises ContentError naming the file that has the problem."""
    return _load_cached((Path(master).resolve(), Path(override).resolve()), schema)


def use_variant(gemeente: str | None) -> None:
    """Show ``gemeente``'s variant from now on in this process (None: the masters)."""
    _variant["gemeente"] = gemeente


def set_variant_resolver(resolver: Callable[[], str | None] | None) -> None:
    """Ask ``resolver`` which municipality's content to load (it is called on every load, so it caches itself)."""
    _resolver[:] = [resolver] if resolver is not None else []
    _variant.clear()


def variant_dir() -> Path | None:
    """The folder of the municipality's overrides this process shows, if it has one."""
    from wijwerken_widgets.content.variants import variant_folder

    gemeente = _variant.get("gemeente")
    if "gemeente" not in _variant and _resolver:
        try:
            gemeente = _resolver[0]()
        except Exception:  # the page reports a broken store itself; the content falls back to the masters
            log.warning("the municipality of this page could not be looked up", exc_info=True)
            _variant["gemeente"] = None
    return variant_folder(gemeente) if gemeente else None


def load_file(path: Path, schema: str) -> Any:
    """Any content file validated by ``schema`` (``"module:Model"``, e.g. one role-play scenario)."""
    return _load_cached(Path(path).resolve(), schema)


def clear_cache() -> None:
    """Forget loaded content, so the next load reads the files again (after a trainer edited them)."""
    _load_cached.cache_clear()


@functools.cache
def _load_cached(path: Path | tuple[Path, ...], schema: str) -> Any:
    files = path if isinstance(path, tuple) else (path,)
    try:
        raw: bytes | None = b"\0layer\0".join(file.read_bytes() for file in files)
    except OSError:
        raw = None  # the validator reports it in the trainer's words
    cached = None if raw is None else _cache_file(files[-1], schema, raw, variant=len(files) > 1)
    if cached is not None:
        try:
            return _thaw(json.loads(cached.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            pass
    frozen = _freeze(_validate(path, schema))
    if cached is not None:
        _write(cached, frozen)
    return _thaw(frozen)


def _validate(path: Path | tuple[Path, ...], schema: str) -> BaseModel:
    import importlib

    from pydantic import BaseModel

    from wijwerken_widgets.core.yaml_files import load_yaml_layers, load_yaml_model

    module, name = schema.split(":")
    model = getattr(importlib.import_module(module), name)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise TypeError(f"{schema} is not a pydantic model")
    if isinstance(path, tuple):
        from wijwerken_widgets.content.variants import merge

        return load_yaml_layers(path, model, merge)
    return load_yaml_model(path, model)


@functools.cache
def _schema_digest(module: str) -> bytes:
    """Changes whenever the schema module, or a package module it imports, changes (an upgrade), so old cached
    content is validated again. The imports are read from the source (nothing is imported)."""
    sources = sorted(_package_sources(module))
    return hashlib.sha256(b"\0".join(path.read_bytes() for path in sources)).digest()


def _package_sources(module: str) -> set[Path]:
    """The source files of ``module`` and of every ``wijwerken_widgets`` module it imports, transitively."""
    import ast

    package_dir = paths.PACKAGE_DIR
    seen: set[Path] = set()
    todo = [module]
    while todo:
        parts = todo.pop().split(".")[1:]
        path = package_dir.joinpath(*parts).with_suffix(".py")
        if not path.exists():
            path = package_dir.joinpath(*parts, "__init__.py")
        if path in seen or not path.exists():
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("wijwerken_widgets"):
                todo.append(node.module)
                todo.extend(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                todo.extend(a.name for a in node.names if a.name.startswith("wijwerken_widgets"))
    return seen


def _cache_file(path: Path, schema: str, raw: bytes, *, variant: bool = False) -> Path | None:
    key = hashlib.sha256(_schema_digest(schema.split(":")[0]) + schema.encode() + b"\0" + raw).hexdigest()[:24]
    if variant:  # a change to the merge rules validates again too
        key = hashlib.sha256(key.encode() + (paths.PACKAGE_DIR / "content" / "variants.py").read_bytes()).hexdigest()[:24]
    stem = f"{path.parent.name}-{path.stem}" if variant else path.stem
    return paths.data_dir() / CACHE_FOLDER / f"{stem}-{key}.json"


def _write(target: Path, frozen: Any) -> None:
    """Write atomically (kernels may read it at the same moment); a read-only data folder just means no cache."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(frozen, out, ensure_ascii=False)
        os.replace(temporary, target)
    except OSError:
        log.info("content cache not written to %s", target.parent, exc_info=True)


def _freeze(value: Any) -> Any:
    """Validated content as JSON that keeps models ("m") apart from mappings ("d") and lists ("l")."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return {"m": {field: _freeze(getattr(value, field)) for field in type(value).model_fields}}
    if isinstance(value, dict):
        return {"d": {str(k): _freeze(v) for k, v in value.items()}}
    if isinstance(value, (list, tuple)):
        return {"l": [_freeze(v) for v in value]}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"content value of type {type(value).__name__} cannot be cached")


def _thaw(value: Any) -> Any:
    if isinstance(value, dict):
        [(kind, inner)] = value.items()
        if kind == "m":
            return Record(**{k: _thaw(v) for k, v in inner.items()})
        if kind == "d":
            return {k: _thaw(v) for k, v in inner.items()}
        if kind == "l":
            return [_thaw(v) for v in inner]
        raise ValueError(f"unknown cached content kind {kind!r}")
    return value
