"""The program checks every file it opens against the JSON Schema it ships
(resources/schema/project.schema.json) instead of generating it at each start. That file must be
exactly what the models generate today, or a file would be held to an old schema: a changed model,
limit, pattern or description without the regenerated file fails here."""

from __future__ import annotations

import json

from kpiwizard.core.resources import resource_path
from kpiwizard.core.schema import SHIPPED, _schema, project_schema, schema_text

REGENERATE = "regenerate it: .venv/bin/kpiwizard schema > resources/schema/project.schema.json"


def test_shipped_schema_is_the_generated_one_byte_for_byte() -> None:
    shipped = resource_path(*SHIPPED).read_text(encoding="utf-8")
    assert shipped == schema_text(project_schema()), REGENERATE


def test_the_program_checks_files_against_the_shipped_schema() -> None:
    shipped = json.loads(resource_path(*SHIPPED).read_text(encoding="utf-8"))
    assert _schema() == shipped
    assert _schema()["$id"].endswith(f"project-v{shipped['properties']['schema_version']['const']}.json")


def test_schema_command_prints_the_shipped_file(capsys) -> None:
    from kpiwizard.cli import main

    assert main(["schema"]) == 0
    assert capsys.readouterr().out == resource_path(*SHIPPED).read_text(encoding="utf-8")
