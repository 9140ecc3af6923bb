"""Reading and writing project files (JSON, UTF-8, with ``schema_version``).

Reading never changes the file, whatever it holds: every failure becomes a ``ProjectFileError``
whose message names the problem, and the field where there is one, in both languages. Writing goes
through the atomic helper; saving over a file of an older schema keeps a backup of it first.
"""

from __future__ import annotations

import errno
import json
import math
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .atomic import atomic_write_bytes, atomic_write_text
from .errors import ProjectFileError, UserError
from .migrations import legacy_plan_id, migrate
from .models import SCHEMA_VERSION, Project
from .schema import check_json_types
from .text import Text, t
from .validation_messages import describe_validation_error
from .korean import eul, eun, quoted

EXTENSION = ".kpiwiz"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_NUMBER_DIGITS = 40


@dataclass(frozen=True)
class Loaded:
    project: Project
    migrated_from: int | None  # schema version the file had, when older than the current one


def _reject_constant(_name: str) -> Any:
    raise ValueError  # NaN, Infinity, -Infinity: worded by decode


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError  # worded by decode
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError  # 1e400: worded by decode
    return value


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise ProjectFileError(t(f"{eun(quoted(p))} 파일이 아니라 폴더입니다.", f"'{p}' is a folder, not a file."))
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
            raise ProjectFileError(t(f"{eun(quoted(p))} 일반 파일이 아닙니다(파이프나 장치).",
                                     f"'{p}' is not a regular file (a pipe or a device)."))
        if info.st_size > MAX_FILE_BYTES:
            raise ProjectFileError(t(
                f"'{p.name}' 파일이 너무 큽니다({info.st_size // 1_048_576} MB). 프로젝트 파일이 아닌 것 같습니다.",
                f"'{p.name}' is too large ({info.st_size // 1_048_576} MB) to be a project file."))
        return p.read_bytes()
    except FileNotFoundError:
        raise ProjectFileError(t(f"'{p}' 파일을 찾을 수 없습니다.", f"The file '{p}' does not exist.")) from None
    except PermissionError:
        raise ProjectFileError(t(f"'{p}' 파일을 읽을 권한이 없습니다.", f"No permission to read '{p}'.")) from None
    except OSError as e:
        raise ProjectFileError(t(f"'{p}' 파일을 읽을 수 없습니다: {e.strerror or e}",
                                 f"Cannot read '{p}': {e.strerror or e}")) from None


def decode(data: bytes, name: str = "") -> Any:
    """Bytes to JSON data, refusing what is not UTF-8 JSON with a message that says which."""
    label = f"'{name}' " if name else ""
    if not data.strip():
        raise ProjectFileError(t(f"{label}파일이 비어 있습니다.", f"The file {label}is empty."))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 BOM, as Windows Notepad writes: harmless
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4]:
        raise ProjectFileError(t(
            f"{label}파일이 UTF-16으로 저장되어 있습니다. UTF-8로 저장해 주세요.",
            f"The file {label}is saved as UTF-16; save it as UTF-8."))
    try:
        text = data.decode()  # UTF-8
    except UnicodeDecodeError as e:
        raise ProjectFileError(t(
            f"{label}파일이 UTF-8 문자열이 아닙니다({e.start}번째 바이트). 프로젝트 파일이 아니거나 손상되었습니다.",
            f"The file {label}is not UTF-8 text (byte {e.start}); it is not a project file or it is damaged.")) from None
    try:
        return json.loads(
            text, parse_constant=_reject_constant, parse_int=_parse_int, parse_float=_parse_float
        )
    except json.JSONDecodeError as e:
        raise ProjectFileError(t(
            f"{label}파일이 올바른 JSON이 아닙니다({e.lineno}행 {e.colno}열: 잘렸거나 손상되었습니다).",
            f"The file {label}is not valid JSON (line {e.lineno}, column {e.colno}: truncated or damaged).")) from None
    except ValueError:
        raise ProjectFileError(t(
            f"{label}파일에 NaN, 무한대 또는 너무 큰 숫자가 있습니다.",
            f"The file {label}holds NaN, Infinity or a number too large to be real.")) from None
    except RecursionError:
        raise ProjectFileError(t(
            f"{label}파일의 중첩이 너무 깊습니다. 프로젝트 파일이 아닙니다.",
            f"The file {label}is nested too deeply to be a project file.")) from None


def parse(data: Any) -> Loaded:
    """JSON data to a validated project, migrating older schema versions forward."""
    if not isinstance(data, dict):
        raise ProjectFileError(t(
            "프로젝트 파일은 JSON 객체({ ... })여야 합니다.",
            "A project file must hold a JSON object ({ ... })."))
    version = data.get("schema_version")
    if isinstance(version, float) and version.is_integer():  # 2.0 is the number 2 in JSON
        version = int(version)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectFileError(t(
            "'schema_version' 필드가 없거나 정수가 아닙니다. KPI 마법사 프로젝트 파일이 아닙니다.",
            "The field 'schema_version' is missing or not a whole number: this is not a KPI Wizard project file."))
    if version > SCHEMA_VERSION:
        raise ProjectFileError(t(
            f"이 파일은 더 새 버전의 KPI 마법사(파일 형식 {version})로 저장되었습니다. 이 프로그램은 형식 {SCHEMA_VERSION}까지 읽습니다. 프로그램을 업데이트하세요.",
            f"This file was saved by a newer KPI Wizard (file format {version}); this program reads up to format {SCHEMA_VERSION}. Update the program."))
    if version < 1:
        raise ProjectFileError(t(
            f"'schema_version' {eun(str(version))} 알 수 없는 형식입니다.",
            f"'schema_version' {version} is not a known format."))
    try:
        migrated = migrate(data)  # a current file is returned as it is
        # Types as the published JSON Schema states them ("10" or true is not a number, 0 not a
        # date), then the models' own checks; pydantic alone would convert such values.
        check_json_types(migrated)
        project = Project.model_validate(migrated)
        if "id" not in migrated:  # saved before plans had an id: derive it, it is written on save
            project.id = legacy_plan_id(project)
    except ValidationError as e:
        raise ProjectFileError(describe_validation_error(e)) from None
    except UserError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        raise ProjectFileError(t(
            f"형식 {version}의 파일을 변환할 수 없습니다. 파일 구조가 손상되었습니다.",
            f"The format {version} file cannot be converted; its structure is damaged.")) from None
    return Loaded(project, version if version < SCHEMA_VERSION else None)


def load_project(path: str | os.PathLike[str]) -> Loaded:
    name = Path(path).name
    return parse(decode(read_bytes(path), name))


def loads_project(text: str | bytes) -> Project:
    data = text.encode() if isinstance(text, str) else text  # UTF-8
    return parse(decode(data)).project


def dumps_project(project: Project) -> str:
    return project.model_dump_json(indent=2) + "\n"  # every field, null ones too


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def save_project(path: str | os.PathLike[str], project: Project) -> Path | None:
    """Write the project atomically. Returns the backup made of an older-format file, if any."""
    target = Path(path)
    backup = _backup_older_format(target)
    write_file(target, dumps_project(project))
    return backup


def _backup_older_format(target: Path) -> Path | None:
    try:
        data = json.loads(target.read_bytes().decode("utf-8-sig"))
        version = data.get("schema_version") if isinstance(data, dict) else None
    except (OSError, ValueError, RecursionError):
        return None
    if isinstance(version, int) and not isinstance(version, bool) and 1 <= version < SCHEMA_VERSION:
        backup = backup_path(target, version)
        if not backup.exists():
            shutil.copy2(target, backup)
        return backup
    return None


def write_file(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Atomic write with the failure turned into a message the user can act on."""
    p = Path(path)
    try:
        if isinstance(content, str):
            atomic_write_text(p, content)
        else:
            atomic_write_bytes(p, content)
    except OSError as e:
        raise ProjectFileError(write_failure(p, e)) from None


def write_failure(p: Path, e: OSError) -> Text:
    if e.errno == errno.ENOSPC:
        return t(f"디스크 공간이 부족해 {eul(quoted(p.name))} 저장하지 못했습니다. 기존 파일은 그대로입니다.",
                 f"The disk is full: '{p.name}' was not saved. The existing file is unchanged.")
    if isinstance(e, PermissionError) or e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t(f"'{p.parent}' 폴더에 쓸 권한이 없어 저장하지 못했습니다. 다른 폴더를 고르세요.",
                 f"No permission to write in '{p.parent}'. Choose another folder.")
    if isinstance(e, FileNotFoundError):
        return t(f"'{p.parent}' 폴더가 없습니다. 다른 위치에 저장하세요.",
                 f"The folder '{p.parent}' does not exist. Save somewhere else.")
    return t(f"{eul(quoted(p.name))} 저장하지 못했습니다: {e.strerror or e}. 기존 파일은 그대로입니다.",
             f"Could not save '{p.name}': {e.strerror or e}. The existing file is unchanged.")
