"""The project file's JSON Schema, generated from the models so it cannot drift from them."""

from __future__ import annotations

from typing import Any

from .models import SCHEMA_VERSION, Project


def project_schema() -> dict[str, Any]:
    schema = Project.model_json_schema(mode="validation")
    schema["properties"]["schema_version"] = {
        "const": SCHEMA_VERSION,
        "title": "Schema Version",
        "description": "Format version of the file; older versions are migrated on load.",
    }
    schema["required"] = sorted({*schema.get("required", []), "schema_version"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kpiwizard.invalid/schema/project-v{SCHEMA_VERSION}.json",
        **schema,
    }
