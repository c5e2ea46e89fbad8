"""Exercise content that trainers edit without Python (``exercises/*.yaml``), loaded fast on every page.

Each file is validated against its pydantic schema (``content_models.py``, ``content_models_dag2.py``) with errors
that name file, line and field. Every page view starts a kernel, and building the schema classes would cost each
one about 0.2 s of CPU; so once a file has passed, the validated content is kept as JSON in the data folder, keyed by
a hash of the file and of the schema. A page then reads that JSON and gets the same content as plain records with
the same attributes, without importing pydantic. Any change to the file or the schema validates again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from . import paths

if TYPE_CHECKING:
    from .content_models import CoachingRules, Dag1Content, StartContent
    from .content_models_dag2 import Dag2Content
    from .content_models_dag3 import Dag3Content

log = logging.getLogger("wijwerken")

START_FILE = "start.yaml"
DAG1_FILE = "dag1.yaml"
DAG2_FILE = "dag2.yaml"
DAG3_FILE = "dag3.yaml"
COACHING_FILE = "coaching.yaml"
SCHEMAS = {
    START_FILE: ("content_models", "StartContent"),
    DAG1_FILE: ("content_models", "Dag1Content"),
    DAG2_FILE: ("content_models_dag2", "Dag2Content"),
    DAG3_FILE: ("content_models_dag3", "Dag3Content"),
    COACHING_FILE: ("content_models", "CoachingRules"),
}
CACHE_FOLDER = "content-cache"


class ContentError(Exception):
    """A YAML file that cannot be used; ``str(error)`` names file, line and field of every problem."""


class Record(SimpleNamespace):
    """Validated content: the fields of a schema model as attributes."""


@dataclass(frozen=True)
class TextField:
    """An input box made in code (e.g. one step of a chain), shaped like the schema's ``TextField``."""

    label: str
    placeholder: str = ""
    help: str = ""


def load_start(directory: str | Path | None = None) -> StartContent:
    """The start page content from ``directory`` (default ``paths.exercises_dir()``); raises ContentError."""
    return load(START_FILE, directory)


def load_dag1(directory: str | Path | None = None) -> Dag1Content:
    return load(DAG1_FILE, directory)


def load_dag2(directory: str | Path | None = None) -> Dag2Content:
    return load(DAG2_FILE, directory)


def load_dag3(directory: str | Path | None = None) -> Dag3Content:
    return load(DAG3_FILE, directory)


def load_coaching(directory: str | Path | None = None) -> CoachingRules:
    """The coaching word lists and messages; raises ContentError."""
    return load(COACHING_FILE, directory)


def load(name: str, directory: str | Path | None = None) -> Any:
    """The validated content of ``name`` (a key of :data:`SCHEMAS`), cached per file for the life of the process."""
    folder = Path(directory).resolve() if directory is not None else paths.exercises_dir()
    return load_file(folder / name, *SCHEMAS[name])


def load_file(path: Path, module: str, model: str) -> Any:
    """Any content file validated as ``model`` of ``wijwerken_widgets.<module>`` (e.g. one role-play scenario)."""
    return _load_cached(Path(path).resolve(), module, model)


def clear_cache() -> None:
    """Forget loaded content, so the next load reads the files again (after a trainer edited them)."""
    _load_cached.cache_clear()


@functools.cache
def _load_cached(path: Path, module: str, model: str) -> Any:
    try:
        raw = path.read_bytes()
    except OSError:
        raw = None  # the validator reports it in the trainer's words
    cached = None if raw is None else _cache_file(path, module, model, raw)
    if cached is not None:
        try:
            return _thaw(json.loads(cached.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            pass
    frozen = _freeze(_validate(path, module, model))
    if cached is not None:
        _write(cached, frozen)
    return _thaw(frozen)


def _validate(path: Path, module: str, model: str):
    import importlib

    from .yaml_models import load_yaml_model

    return load_yaml_model(path, getattr(importlib.import_module(f"{__package__}.{module}"), model))


@functools.cache
def _schema_digest(module: str) -> bytes:
    """Changes whenever a schema module changes (an upgrade), so old cached content is validated again.

    Schemas import each other and the stakeholder vocabularies, so every one of those files counts.
    """
    here = Path(__file__).parent
    sources = [here / f"{module}.py", *sorted(here.glob("content_models*.py")), here / "stakeholders" / "model.py"]
    return hashlib.sha256(b"\0".join(path.read_bytes() for path in sources)).digest()


def _cache_file(path: Path, module: str, model: str, raw: bytes) -> Path | None:
    key = hashlib.sha256(_schema_digest(module) + f"{module}.{model}".encode() + b"\0" + raw).hexdigest()[:24]
    return paths.data_dir() / CACHE_FOLDER / f"{path.stem}-{key}.json"


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
