"""Reading a filled-in tracker's actuals back into the project.

All or nothing: the workbook is checked completely (right plan, sheets and KPI columns where the
export put them, every input cell a plain number in range) before a new project is built, and any
problem stops the import with a message naming the sheet and cell. The caller saves the returned
project; the original is never modified.
"""

from __future__ import annotations

import math
import os
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import ValidationError

from kpiwizard.core.enums import Lang
from kpiwizard.core.errors import TrackerImportError
from kpiwizard.core.kpiview import KpiView, view_kpis
from kpiwizard.core.models import Project
from kpiwizard.core.text import Text, t

from .tracker_layout import (
    FIRST_KPI_COL,
    FIRST_ROW,
    FORMAT,
    ID_ROW,
    META_SHEET,
    ActualsSheet,
    build_layout,
    fingerprint,
    input_bounds,
    period_index,
)

_EXPORT_AGAIN = t(" 계획에서 추적표를 다시 내보내고 실적을 옮겨 적으세요.",
                  " Export a new tracker from the plan and copy the actuals into it.")


@dataclass(frozen=True)
class ImportResult:
    project: Project
    new: int
    changed: int
    cleared: int

    def summary(self, lang: Lang | str) -> str:
        if not (self.new or self.changed or self.cleared):
            return t("바뀐 실적이 없습니다.", "No changes.").get(lang)
        return t(
            f"새 값 {self.new}개, 바뀐 값 {self.changed}개, 지운 값 {self.cleared}개",
            f"{self.new} new, {self.changed} changed, {self.cleared} cleared",
        ).get(lang)


def _where(sheet: str, coordinate: str) -> Text:
    return t(f"'{sheet}' 시트의 {coordinate} 셀", f"sheet '{sheet}', cell {coordinate}")


def _fail(where: Text, ko: str, en: str) -> TrackerImportError:
    return TrackerImportError(t(f"{where.ko}: {ko}", f"{where.en[:1].upper()}{where.en[1:]}: {en}"))


def import_actuals(project: Project, tracker_path: str | os.PathLike[str]) -> ImportResult:
    path = Path(tracker_path)
    wb = _open(path)
    try:
        lang = _check_meta(wb, project, path)
        layout = build_layout(project, lang)
        names = {v.id: v for v in view_kpis(project, Lang.KO)}
        names_en = {v.id: v.name for v in view_kpis(project, Lang.EN)}
        columns: dict[str, list[float | None]] = {}
        for sheet in layout.actuals:
            if sheet.title not in wb.sheetnames:
                raise TrackerImportError(t(
                    f"'{sheet.title}' 시트가 없습니다. 시트를 지우거나 이름을 바꾸면 실적을 읽을 수 없습니다." + _EXPORT_AGAIN.ko,
                    f"The sheet '{sheet.title}' is missing: a deleted or renamed sheet cannot be read." + _EXPORT_AGAIN.en))
            columns.update(_read_sheet(wb[sheet.title], sheet, project, names, names_en))
    finally:
        wb.close()
    return _merge(project, layout, columns)


def _open(path: Path):
    name = path.name
    if path.is_dir() or not path.exists():
        raise TrackerImportError(t(f"'{path}' 파일을 찾을 수 없습니다.", f"The file '{path}' does not exist."))
    try:
        return load_workbook(path, read_only=True, data_only=False)
    except PermissionError:
        raise TrackerImportError(t(f"'{name}' 파일을 읽을 권한이 없습니다.", f"No permission to read '{name}'.")) from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError, EOFError):
        raise TrackerImportError(t(
            f"'{name}'은(는) 엑셀 통합 문서(.xlsx)가 아니거나 손상되었습니다.",
            f"'{name}' is not an Excel workbook (.xlsx) or it is damaged.")) from None


def _check_meta(wb, project: Project, path: Path) -> Lang:
    if META_SHEET not in wb.sheetnames:
        raise TrackerImportError(t(
            f"'{path.name}'은(는) KPI 마법사가 만든 추적표가 아닙니다(숨은 정보 시트 '{META_SHEET}'가 없습니다).",
            f"'{path.name}' is not a tracker exported by KPI Wizard (its hidden sheet '{META_SHEET}' is missing)."))
    meta = {}
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
        if row and row[0] is not None:
            meta[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
    if meta.get("fingerprint") != fingerprint(project):
        raise TrackerImportError(t(
            f"'{path.name}'은(는) 이 계획의 추적표가 아닙니다. 다른 계획의 파일이거나, 내보낸 뒤 계획의 제목·기간·KPI가 바뀌었습니다."
            + _EXPORT_AGAIN.ko,
            f"'{path.name}' is not this plan's tracker: it belongs to another plan, or the plan's title, "
            "dates or KPIs changed since it was exported." + _EXPORT_AGAIN.en))
    if meta.get("format") != str(FORMAT) or meta.get("lang") not in ("ko", "en"):
        raise TrackerImportError(t(
            f"'{path.name}'의 추적표 형식을 읽을 수 없습니다(더 새 버전의 KPI 마법사가 만들었거나 손상되었습니다).",
            f"The tracker format of '{path.name}' is unknown (made by a newer KPI Wizard, or damaged)."))
    return Lang(meta["lang"])


def _read_sheet(ws, sheet: ActualsSheet, project: Project, names: dict[str, KpiView],
                names_en: dict[str, str]) -> dict[str, list[float | None]]:
    last_col = FIRST_KPI_COL + len(sheet.kpi_ids) - 1
    rows = list(ws.iter_rows(min_row=ID_ROW, max_row=sheet.last_row, min_col=1, max_col=last_col))
    rows += [()] * (sheet.last_row - ID_ROW + 1 - len(rows))

    def cell(row: int, col: int):
        r = rows[row - ID_ROW]
        return r[col - 1] if col - 1 < len(r) else None

    for kpi_id in sheet.kpi_ids:
        col = sheet.column(kpi_id)
        c = cell(ID_ROW, col)
        if c is None or c.value != kpi_id:
            where = _where(sheet.title, f"{get_column_letter(col)}{ID_ROW}")
            raise _fail(where,
                        f"KPI '{names[kpi_id].name}'의 열이 옮겨졌거나 지워졌습니다. 열을 옮기거나 지우면 실적을 읽을 수 없습니다." + _EXPORT_AGAIN.ko,
                        f"the column of the KPI '{names_en[kpi_id]}' was moved or deleted, so its actuals cannot be read." + _EXPORT_AGAIN.en)
    for i, period in enumerate(sheet.periods):
        c = cell(FIRST_ROW + i, 2)
        value = c.value if c is not None else None
        day = value.date() if isinstance(value, datetime) else value
        if day != period.start:
            raise _fail(_where(sheet.title, f"B{FIRST_ROW + i}"),
                        f"기간 시작일이 {period.start.isoformat()}이어야 하는데 다릅니다. 행을 옮기거나 지우거나 정렬하지 마세요." + _EXPORT_AGAIN.ko,
                        f"the period should start on {period.start.isoformat()}; rows were moved, deleted or sorted." + _EXPORT_AGAIN.en)
    out: dict[str, list[float | None]] = {}
    for kpi_id in sheet.kpi_ids:
        col = sheet.column(kpi_id)
        low, high = input_bounds(names[kpi_id], project.actuals.get(kpi_id, {}).values())
        out[kpi_id] = [
            _number(cell(FIRST_ROW + i, col), sheet.title, f"{get_column_letter(col)}{FIRST_ROW + i}",
                    low, high, names[kpi_id].name, names_en[kpi_id])
            for i in range(len(sheet.periods))
        ]
    return out


def _number(c, sheet: str, coordinate: str, low: float, high: float, name_ko: str, name_en: str) -> float | None:
    """One input cell as a number, or None when blank; anything else stops the import."""
    value = None if c is None else c.value
    where = _where(sheet, coordinate)
    if value is None:
        return None
    if getattr(c, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("=")):
        raise _fail(where, f"수식이 들어 있습니다({str(value)[:40]}). '{name_ko}' 칸에는 숫자만 적으세요.",
                    f"holds a formula ({str(value)[:40]}); type only numbers in the '{name_en}' cells.")
    if isinstance(value, str):
        if not value.strip():
            return None
        raise _fail(where, f"숫자가 아니라 글자입니다('{value[:40]}'). '{name_ko}' 칸에는 숫자만 적으세요.",
                    f"holds text ('{value[:40]}'), not a number; type only numbers in the '{name_en}' cells.")
    if isinstance(value, (datetime, date, time, timedelta)):
        raise _fail(where, f"숫자가 아니라 날짜나 시간입니다. '{name_ko}' 칸에는 숫자만 적으세요.",
                    f"holds a date or time, not a number; type only numbers in the '{name_en}' cells.")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(where, f"숫자가 아닙니다. '{name_ko}' 칸에는 숫자만 적으세요.",
                    f"is not a number; type only numbers in the '{name_en}' cells.")
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high:
        if low == 0 and high == 100:
            rule = t("0에서 100 사이의 퍼센트", "a percentage from 0 to 100")
        elif low == 0:
            rule = t("0 이상의 숫자", "a number of 0 or more")
        else:
            rule = t("현실적인 크기의 숫자", "a number of realistic size")
        raise _fail(where, f"{value}은(는) 받을 수 없습니다. '{name_ko}'에는 {rule.ko}를 적으세요.",
                    f"{value} is not accepted; '{name_en}' takes {rule.en}.")
    return number


def _merge(project: Project, layout, columns: dict[str, list[float | None]]) -> ImportResult:
    """The project with each KPI's tracker column applied; values outside the plan's periods stay."""
    new = changed = cleared = 0
    actuals = {k: dict(v) for k, v in project.actuals.items()}
    for sheet in layout.actuals:
        for kpi_id in sheet.kpi_ids:
            series = actuals.get(kpi_id, {})
            recorded: dict[int, list[date]] = {}
            for day in series:
                i = period_index(sheet, day)
                if i is not None:
                    recorded.setdefault(i, []).append(day)
            for i, value in enumerate(columns[kpi_id]):
                days = recorded.get(i, [])
                if value is None:
                    if days:
                        cleared += 1
                        for day in days:
                            del series[day]
                elif not days:
                    series[sheet.periods[i].start] = value
                    new += 1
                else:
                    last = max(days)  # the value the tracker showed for the period
                    if not math.isclose(series[last], value, rel_tol=1e-12, abs_tol=1e-12):
                        series[last] = value
                        changed += 1
            if series:
                actuals[kpi_id] = dict(sorted(series.items()))
            else:
                actuals.pop(kpi_id, None)
    try:
        updated = Project.model_validate({**project.model_dump(), "actuals": actuals})
    except ValidationError as e:  # cannot happen after the checks above; said plainly if it does
        raise TrackerImportError(t(f"가져온 실적이 계획에 맞지 않습니다: {e.errors()[0]['msg']}",
                                   f"The imported actuals do not fit the plan: {e.errors()[0]['msg']}")) from None
    return ImportResult(updated, new, changed, cleared)
