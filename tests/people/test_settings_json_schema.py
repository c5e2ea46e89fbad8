"""The JSON Schema of the cohort settings, committed for editors and documentation."""

from __future__ import annotations

import json

from wijwerken_widgets.core import paths
from wijwerken_widgets.people.settings import json_schema_text, write_json_schema

SCHEMA_FILE = paths.PACKAGE_DIR.parent / "docs" / "cohort-settings.schema.json"


def test_is_the_committed_schema_file_the_one_the_models_generate():
    """Does the documentation match the models? Regenerate the file with write_json_schema after a change."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text()


def test_does_write_json_schema_write_a_schema_that_forbids_unknown_keys(tmp_path):
    target = tmp_path / "schema.json"
    write_json_schema(target)
    schema = json.loads(target.read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert all(definition["additionalProperties"] is False for definition in schema["$defs"].values())
    assert set(schema["required"]) >= {
        "schema_version",
        "gemeente",
        "naam",
        "vraagstukken",
        "groepen",
        "trainers",
    }
