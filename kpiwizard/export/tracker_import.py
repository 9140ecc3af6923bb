"""Reading a filled-in tracker back into the project: every yellow cell the tracker invites the owner
to change — the actuals, each action's status, the ROI and reverse-funnel inputs.

All or nothing: the workbook is checked completely (right plan, sheets and KPI columns where the
export put them, every input cell a plain number in range, every status one of the list) before a
new project is built, and any problem stops the import with a message naming the sheet and cell.
The caller saves the returned project; the original is never modified. What changed is reported
sheet by sheet.
"""

from __future__ import annotations

import math
import os
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import ValidationError

from kpiwizard.core.enums import ActionStatus, Lang
from kpiwizard.core.errors import TrackerImportError
from kpiwizard.core.formatting import format_number
from kpiwizard.core.kpiview import KpiView, view_kpis
from kpiwizard.core.models import Funnel, Project, RoiInputs
from kpiwizard.core.roi import compute_roi, project_roi
from kpiwizard.core.text import Text, t
from kpiwizard.core.vocab import ACTION_STATUS_NAMES

from .tracker_layout import (
    ACTION_STATUS_COL,
    ACTION_TACTIC_COL,
    FIRST_KPI_COL,
    FIRST_ROW,
    FORMAT,
    ID_ROW,
    META_SHEET,
    ActualsSheet,
    build_layout,
    fingerprint,
    from_fraction,
    input_bounds,
    is_percent,
    period_index,
    roi_rows,
)
from .tracker_text import ACTUALS_SHEETS, FUNNEL_INPUTS, ROI_INPUTS, SHEETS
from kpiwizard.core.korean import eun, euro, quoted

_EXPORT_AGAIN = t(" 계획에서 추적표를 다시 내보내고 실적을 옮겨 적으세요.",
                  " Export a new tracker from the plan and copy the actuals into it.")
_ROI_LABELS = {name: label for name, label, _ in ROI_INPUTS + FUNNEL_INPUTS}
_ROI_KINDS = {name: kind for name, _, kind in ROI_INPUTS + FUNNEL_INPUTS}


@dataclass(frozen=True)
class SheetChanges:
    """What one sheet changed in the plan, in words for the owner."""

    sheet: Text
    lines: tuple[Text, ...]


@dataclass(frozen=True)
class ImportResult:
    project: Project
    new: int  # actuals, over every actuals sheet
    changed: int
    cleared: int
    sheets: tuple[SheetChanges, ...] = field(default=())

    def summary(self, lang: Lang | str) -> str:
        """One line per sheet that changed something, e.g. "Actuals (weekly): 3 new, 1 changed"."""
        if not self.sheets:
            return t("바뀐 내용이 없습니다.", "No changes.").get(lang)
        return "\n".join(f"{s.sheet.get(lang)}: {'; '.join(line.get(lang) for line in s.lines)}"
                         for s in self.sheets)

    def apply_to(self, project: Project) -> None:
        """Put what the tracker changed (actuals, action statuses, ROI inputs) into ``project``
        in place — for an editor that records the change as one undoable step."""
        project.actuals = self.project.actuals
        project.actions = self.project.actions
        project.roi = self.project.roi


def _where(sheet: str, coordinate: str) -> Text:
    return t(f"'{sheet}' 시트의 {coordinate} 셀", f"sheet '{sheet}', cell {coordinate}")


def _fail(where: Text, ko: str, en: str) -> TrackerImportError:
    return TrackerImportError(t(f"{where.ko}: {ko}", f"{where.en[:1].upper()}{where.en[1:]}: {en}"))


def import_actuals(project: Project, tracker_path: str | os.PathLike[str]) -> ImportResult:
    """Everything the tracker's yellow cells hold, checked, merged into a copy of ``project``."""
    path = Path(tracker_path)
    with warnings.catch_warnings():  # a library's warning (e.g. about a Gnumeric-saved file) is not the owner's
        warnings.simplefilter("ignore")
        wb = _open(path)
        try:
            lang = _check_meta(wb, project, path)
            layout = build_layout(project, lang)
            names = {v.id: v for v in view_kpis(project, Lang.KO)}
            names_en = {v.id: v.name for v in view_kpis(project, Lang.EN)}
            expected = [s.title for s in layout.actuals]
            if project.actions:
                expected.append(SHEETS["actions"].get(lang))
            expected.append(SHEETS["roi"].get(lang))
            _check_sheets(wb, expected, lang)
            columns: dict[str, list[float | None]] = {}
            for sheet in layout.actuals:
                columns.update(_read_sheet(wb[sheet.title], sheet, project, names, names_en))
            statuses = _read_actions(wb[SHEETS["actions"].get(lang)], project, lang) if project.actions else []
            roi = _read_roi(wb[SHEETS["roi"].get(lang)], project)
        finally:
            wb.close()
    return _merge(project, layout, columns, statuses, roi)


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
            f"{eun(quoted(name))} 엑셀 통합 문서(.xlsx)가 아니거나 손상되었습니다.",
            f"'{name}' is not an Excel workbook (.xlsx) or it is damaged.")) from None


def _check_meta(wb, project: Project, path: Path) -> Lang:
    if META_SHEET not in wb.sheetnames:
        raise TrackerImportError(t(
            f"{eun(quoted(path.name))} KPI 마법사가 만든 추적표가 아닙니다(숨은 정보 시트 '{META_SHEET}'가 없습니다).",
            f"'{path.name}' is not a tracker exported by KPI Wizard (its hidden sheet '{META_SHEET}' is missing)."))
    meta = {}
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
        if row and row[0] is not None:
            meta[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
    if meta.get("fingerprint") != fingerprint(project):
        raise TrackerImportError(t(
            f"{eun(quoted(path.name))} 이 계획의 추적표가 아닙니다. 다른 계획의 파일이거나, 내보낸 뒤 계획의 제목·기간·KPI가 바뀌었습니다."
            + _EXPORT_AGAIN.ko,
            f"'{path.name}' is not this plan's tracker: it belongs to another plan, or the plan's title, "
            "dates or KPIs changed since it was exported." + _EXPORT_AGAIN.en))
    if meta.get("format") != str(FORMAT) or meta.get("lang") not in ("ko", "en"):
        raise TrackerImportError(t(
            f"'{path.name}'의 추적표 형식을 읽을 수 없습니다(더 새 버전의 KPI 마법사가 만들었거나 손상되었습니다).",
            f"The tracker format of '{path.name}' is unknown (made by a newer KPI Wizard, or damaged)."))
    return Lang(meta["lang"])


def _check_sheets(wb, expected: list[str], lang: Lang) -> None:
    """Every sheet the import reads is there; a missing one is named, with how to fix it."""
    missing = [title for title in expected if title not in wb.sheetnames]
    if not missing:
        return
    title = missing[0]
    known = {text.get(lang) for text in list(SHEETS.values()) + list(ACTUALS_SHEETS.values())} | {META_SHEET}
    strangers = [name for name in wb.sheetnames if name not in known]
    if len(missing) == 1 and len(strangers) == 1:
        other = strangers[0]
        raise TrackerImportError(t(
            f"'{title}' 시트가 없습니다. 이름이 {euro(quoted(other))} 바뀐 것 같습니다: 시트 이름을 {euro(quoted(title))} 되돌리고 "
            "저장한 뒤 다시 가져오세요.",
            f"The sheet '{title}' is missing; it seems to have been renamed to '{other}': rename it back to "
            f"'{title}', save, and import again."))
    raise TrackerImportError(t(
        f"'{title}' 시트가 없습니다. 시트를 지우거나 이름을 바꾸면 읽을 수 없습니다. 이름을 바꿨다면 {euro(quoted(title))} "
        "되돌리고, 지웠다면" + _EXPORT_AGAIN.ko,
        f"The sheet '{title}' is missing: a deleted or renamed sheet cannot be read. If it was renamed, "
        f"rename it back to '{title}'; if it was deleted, export a new tracker from the plan and copy the "
        "actuals into it."))


def _grid(ws, first_row: int, last_row: int, last_col: int):
    rows = list(ws.iter_rows(min_row=first_row, max_row=last_row, min_col=1, max_col=last_col))
    rows += [()] * (last_row - first_row + 1 - len(rows))

    def cell(row: int, col: int):
        r = rows[row - first_row]
        return r[col - 1] if col - 1 < len(r) else None

    return cell


def _read_sheet(ws, sheet: ActualsSheet, project: Project, names: dict[str, KpiView],
                names_en: dict[str, str]) -> dict[str, list[float | None]]:
    cell = _grid(ws, ID_ROW, sheet.last_row, FIRST_KPI_COL + len(sheet.kpi_ids) - 1)
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
        view = names[kpi_id]
        low, high = input_bounds(view, project.actuals.get(kpi_id, {}).values())
        percent = is_percent(view)
        out[kpi_id] = [
            _number(cell(FIRST_ROW + i, col), sheet.title, f"{get_column_letter(col)}{FIRST_ROW + i}",
                    low, high, view.name, names_en[kpi_id], percent)
            for i in range(len(sheet.periods))
        ]
    return out


_QUOTED = re.compile(r'"[^"]*"|\\.')


def percent_formatted(c) -> bool:
    """The cell shows its number as a percent (Excel, LibreOffice and Gnumeric store "4.6%" typed
    into a cell as 0.046 and give the cell a percent format)."""
    fmt = getattr(c, "number_format", None) or ""
    return "%" in _QUOTED.sub("", fmt)


def _number(c, sheet: str, coordinate: str, low: float, high: float, name_ko: str, name_en: str,
            percent: bool = False) -> float | None:
    """One input cell as a number, or None when blank; anything else stops the import.

    In a percent KPI a percent-formatted cell means what it shows: 0.046 shown as 4.6% is 4.6 (the
    trackers exported today hold every percent actual so). A cell in the General format is read as
    it is: trackers of earlier versions held the percent itself there (4.6)."""
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
    if percent and math.isfinite(number) and percent_formatted(c):
        number = from_fraction(number)  # 0.57 * 100 is 56.99999999999999: rounded as the workbook rounds
    if not math.isfinite(number) or not low <= number <= high:
        if low == 0 and high == 100:
            rule = t("0에서 100 사이의 퍼센트", "a percentage from 0 to 100")
        elif low == 0:
            rule = t("0 이상의 숫자", "a number of 0 or more")
        else:
            rule = t("현실적인 크기의 숫자", "a number of realistic size")
        shown = format_number(number) + ("%" if percent and percent_formatted(c) else "")
        raise _fail(where, f"{eun(str(shown))} 받을 수 없습니다. '{name_ko}'에는 {rule.ko}를 적으세요.",
                    f"{shown} is not accepted; '{name_en}' takes {rule.en}.")
    return number


def _read_actions(ws, project: Project, lang: Lang) -> list[ActionStatus | None]:
    """Each action's status from its drop-down cell; None for a row that no longer matches the
    plan's action (the plan's actions were edited after the export: that status is not imported)."""
    by_name = {text.get(lang): status for status, text in ACTION_STATUS_NAMES.items()}
    by_name.update({text.get(other): status for other in Lang for status, text in ACTION_STATUS_NAMES.items()})
    last = FIRST_ROW + len(project.actions) - 1
    cell = _grid(ws, FIRST_ROW, last, ACTION_STATUS_COL)
    out: list[ActionStatus | None] = []
    for i, action in enumerate(project.actions):
        row = FIRST_ROW + i
        tactic = cell(row, ACTION_TACTIC_COL)
        if tactic is None or not _same_text(tactic.value, action.tactic):
            out.append(None)
            continue
        c = cell(row, ACTION_STATUS_COL)
        value = None if c is None else c.value
        text = value.strip() if isinstance(value, str) else value
        if text not in by_name:
            allowed = ", ".join(f"'{name.get(lang)}'" for name in ACTION_STATUS_NAMES.values())
            shown = "" if value is None else str(value)[:40]
            raise _fail(_where(ws.title, f"{get_column_letter(ACTION_STATUS_COL)}{row}"),
                        f"상태 {eun(quoted(shown))} 목록에 없습니다. {allowed} 중 하나를 고르세요.",
                        f"the status '{shown}' is not in the list; pick one of {allowed}.")
        out.append(by_name[text])
    return out


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
CELL_TEXT_MAX = 32767  # characters a cell holds (XlsxWriter cuts longer text there)


def _plain(text: str) -> str:
    """Text as the owner typed it, whichever program wrote the cell: OOXML escapes (_x000D_)
    decoded, line breaks unified, outer spaces dropped."""
    text = _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _same_text(value, text: str) -> bool:
    """The cell holds ``text`` (or the start of it, when it was longer than a cell holds)."""
    if not isinstance(value, str):
        return False
    return _plain(value) in (_plain(text), _plain(text[:CELL_TEXT_MAX]))


def _read_roi(ws, project: Project) -> RoiInputs:
    """The ROI and funnel input cells as the plan's ``RoiInputs`` (a blank money or count cell is 0)."""
    rows = roi_rows()
    inputs = [name for name, *_ in ROI_INPUTS + FUNNEL_INPUTS]
    cell = _grid(ws, FIRST_ROW, max(rows[n] for n in inputs), 2)
    values: dict[str, float] = {}
    for name in inputs:
        c = cell(rows[name], 2)
        label = _ROI_LABELS[name]
        high = 1.0 if _ROI_KINDS[name] == "rate" else 1e13
        number = _number(c, ws.title, f"B{rows[name]}", 0.0, high, label.ko, label.en)
        if _ROI_KINDS[name] == "rate" and not number:
            raise _fail(_where(ws.title, f"B{rows[name]}"), f"'{label.ko}'에는 0%보다 크고 100% 이하인 비율을 적으세요.",
                        f"'{label.en}' takes a rate above 0% and at most 100%.")
        if _ROI_KINDS[name] == "count" and number is not None and not float(number).is_integer():
            raise _fail(_where(ws.title, f"B{rows[name]}"), f"'{label.ko}'에는 정수를 적으세요.",
                        f"'{label.en}' takes a whole number.")
        values[name] = number or 0.0
    fields: dict[str, float | None] = {name.removeprefix("roi_"): values[name] for name, *_ in ROI_INPUTS}
    for key in ("leads", "customers"):
        fields[key] = int(fields[key] or 0)
    if project.roi.gross_margin is None and fields.get("gross_margin") == project_roi(project).gross_margin:
        fields["gross_margin"] = None  # the industry default the sheet showed, not a figure the owner typed
    funnel = {name.removeprefix("funnel_"): values[name] for name, *_ in FUNNEL_INPUTS}
    try:
        return project.roi.model_copy(update={
            **RoiInputs.model_validate({**project.roi.model_dump(), **fields}).model_dump(exclude={"funnel"}),
            "funnel": Funnel.model_validate({**project.roi.funnel.model_dump(), **funnel}),
        })
    except ValidationError as e:
        loc = e.errors()[0]["loc"]
        name = next((n for n in inputs if n.endswith("_" + str(loc[-1]))), inputs[0])
        label = _ROI_LABELS[name]
        raise _fail(_where(ws.title, f"B{rows[name]}"), f"'{label.ko}' 값이 너무 크거나 맞지 않습니다.",
                    f"the value of '{label.en}' is too large or not accepted.") from None


def _merge(project: Project, layout, columns: dict[str, list[float | None]],
           statuses: list[ActionStatus | None], roi: RoiInputs) -> ImportResult:
    """The project with the tracker's cells applied; actuals outside the plan's periods stay."""
    total = [0, 0, 0]
    report: list[SheetChanges] = []
    actuals = {k: dict(v) for k, v in project.actuals.items()}
    for sheet in layout.actuals:
        new = changed = cleared = 0
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
        if new or changed or cleared:
            report.append(SheetChanges(ACTUALS_SHEETS[sheet.frequency], (t(
                f"새 값 {new}개, 바뀐 값 {changed}개, 지운 값 {cleared}개",
                f"{new} new, {changed} changed, {cleared} cleared"),)))
        total = [total[0] + new, total[1] + changed, total[2] + cleared]

    actions = []
    action_lines: list[Text] = []
    for i, action in enumerate(project.actions):
        status = statuses[i] if i < len(statuses) else None
        if status is not None and status is not action.status:
            old, now = ACTION_STATUS_NAMES[action.status], ACTION_STATUS_NAMES[status]
            short = action.tactic if len(action.tactic) <= 30 else action.tactic[:29] + "…"
            action_lines.append(t(f"'{short}' {old.ko} → {now.ko}", f"'{short}' {old.en} → {now.en}"))
            action = action.model_copy(update={"status": status})
        actions.append(action)
    skipped = sum(1 for s in statuses if s is None)
    if skipped:
        action_lines.append(t(f"계획의 실행 항목과 맞지 않는 {skipped}개 행의 상태는 가져오지 않았습니다(내보낸 뒤 실행 계획이 바뀜)",
                              f"{skipped} row(s) no longer match the plan's actions (edited since the export): "
                              "their status was not imported"))
    if action_lines:
        report.append(SheetChanges(SHEETS["actions"], tuple(action_lines)))

    industry = project.business.industry
    before, after = _roi_values(project.roi, industry), _roi_values(roi, industry)
    shown = lambda n, v: format_number(v * 100) + "%" if _ROI_KINDS[n] == "rate" else format_number(v)  # noqa: E731
    roi_lines = [t(f"{_ROI_LABELS[n].ko} {shown(n, before[n])} → {shown(n, after[n])}",
                   f"{_ROI_LABELS[n].en} {shown(n, before[n])} → {shown(n, after[n])}")
                 for n in before if not math.isclose(before[n], after[n], rel_tol=1e-12, abs_tol=1e-12)]
    if roi_lines:
        report.append(SheetChanges(SHEETS["roi"], tuple(roi_lines)))
    try:
        updated = Project.model_validate({**project.model_dump(), "actuals": actuals,
                                          "actions": [a.model_dump() for a in actions],
                                          "roi": roi.model_dump()})
    except ValidationError as e:  # cannot happen after the checks above; said plainly if it does
        raise TrackerImportError(t(f"가져온 값이 계획에 맞지 않습니다: {e.errors()[0]['msg']}",
                                   f"The imported values do not fit the plan: {e.errors()[0]['msg']}")) from None
    return ImportResult(updated, new=total[0], changed=total[1], cleared=total[2], sheets=tuple(report))


def _roi_values(roi: RoiInputs, industry: str) -> dict[str, float]:
    """The ROI sheet's inputs as it shows them (the gross margin in use: the owner's or the default)."""
    out = {name: float(getattr(roi, name.removeprefix("roi_")) or 0) for name, *_ in ROI_INPUTS}
    out["roi_gross_margin"] = compute_roi(roi, industry).gross_margin
    out.update({name: float(getattr(roi.funnel, name.removeprefix("funnel_"))) for name, *_ in FUNNEL_INPUTS})
    return out
