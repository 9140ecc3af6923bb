"""Runs an export off the UI thread and reports back in the user's language.

The exporters (openpyxl, reportlab, icalendar) are imported here, inside the worker, the first
time the user asks for one: the app starts without them. Whatever goes wrong reaches the user as
one message (the core's ``UserError`` text when there is one), never as a crash.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kpiwizard.core.enums import Lang
from kpiwizard.core.errors import UserError
from kpiwizard.core.models import Project
from kpiwizard.core.text import Text, t

from .qt import QObject, QRunnable, QThreadPool, Signal


@dataclass(frozen=True)
class ExportKind:
    key: str
    module: str
    function: str
    suffix: str
    name: Text
    filter: Text


KINDS: dict[str, ExportKind] = {
    k.key: k
    for k in (
        ExportKind("xlsx", "kpiwizard.export.tracker", "export_tracker", ".xlsx",
                   t("Excel 추적표", "Excel tracker"), t("Excel 통합 문서 (*.xlsx)", "Excel workbook (*.xlsx)")),
        ExportKind("pdf", "kpiwizard.export.plan", "export_plan", ".pdf",
                   t("PDF 계획서", "PDF plan"), t("PDF 문서 (*.pdf)", "PDF document (*.pdf)")),
        ExportKind("ics", "kpiwizard.export.calendar", "export_calendar", ".ics",
                   t("점검 일정 캘린더 (.ics)", "Review calendar (.ics)"),
                   t("캘린더 파일 (*.ics)", "Calendar file (*.ics)")),
        ExportKind("monthly", "kpiwizard.export.monthly_report", "export_monthly_report", ".pdf",
                   t("월간 보고서 PDF", "Monthly report PDF"), t("PDF 문서 (*.pdf)", "PDF document (*.pdf)")),
    )
}

NOT_AVAILABLE = t(
    "이 내보내기 기능을 불러올 수 없습니다({detail}). 프로그램을 다시 설치해 보세요.",
    "This export is not available ({detail}). Try reinstalling the program.",
)
UNEXPECTED = t(
    "내보내는 중 예기치 않은 오류가 발생했습니다: {detail}. 계획 파일은 그대로입니다.",
    "The export failed unexpectedly: {detail}. Your plan is unchanged.",
)


def run_export(kind: ExportKind, project: Project, path: Path, lang: Lang, paper: str = "a4",
               month: str | None = None) -> None:
    """The export itself, synchronous: what the worker runs (and what a test may call).
    ``month`` ("YYYY-MM") is the monthly report's month."""
    try:
        module = importlib.import_module(kind.module)
        function = getattr(module, kind.function)
    except (ImportError, AttributeError) as e:
        raise UserError(NOT_AVAILABLE.format(detail=f"{kind.module}.{kind.function}: {type(e).__name__}")) from None
    if kind.key == "pdf":
        function(project, path, lang, paper)
    elif kind.key == "monthly":
        function(project, month, path, lang, paper)
    else:
        function(project, path, lang)


class _Signals(QObject):
    done = Signal(str, object, object)  # kind, path, error message (str) or None


class _Job(QRunnable):
    def __init__(self, kind: ExportKind, project: Project, path: Path, lang: Lang, paper: str, signals: _Signals,
                 month: str | None = None):
        super().__init__()
        self.kind, self.project, self.path, self.lang, self.paper = kind, project, path, lang, paper
        self.month = month
        self.signals = signals

    def run(self) -> None:
        error: str | None = None
        try:
            run_export(self.kind, self.project, self.path, self.lang, self.paper, self.month)
        except UserError as e:
            error = e.message(self.lang)
        except Exception as e:  # noqa: BLE001 - the last line of defence: report, never crash
            error = UNEXPECTED.format(detail=f"{type(e).__name__}: {e}").get(self.lang)
        self.signals.done.emit(self.kind.key, self.path, error)


class ExportRunner(QObject):
    """One export at a time per kind; ``started``/``finished``/``failed`` drive the page's UI."""

    started = Signal(str)  # kind
    finished = Signal(str, object)  # kind, Path written
    failed = Signal(str, str)  # kind, message in the user's language

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: dict[str, tuple[_Signals, _Job]] = {}

    def start(self, key: str, project: Project, path: Path, lang: Lang, paper: str = "a4",
              month: str | None = None) -> bool:
        """Start exporting; False when an export of this kind is already running."""
        if key in self._running:
            return False
        signals = _Signals(self)
        signals.done.connect(self._on_done)
        job = _Job(KINDS[key], project.model_copy(deep=True), Path(path), Lang(lang), paper, signals, month)
        job.setAutoDelete(False)
        self._running[key] = (signals, job)
        self.started.emit(key)
        self._pool.start(job)
        return True

    def _on_done(self, key: str, path: Path, error: str | None) -> None:
        signals, _job = self._running.pop(key, (None, None))
        if signals is not None:
            signals.deleteLater()
        if error is None:
            self.finished.emit(key, path)
        else:
            self.failed.emit(key, error)


# -- reading files in the background (the platform import's preview) ---------------------------------


class _TaskSignals(QObject):
    done = Signal(int, object, object)  # ticket, result, error message (str) or None


class _Task(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], object], lang: Lang, signals: _TaskSignals):
        super().__init__()
        self.ticket, self.work, self.lang, self.signals = ticket, work, lang, signals

    def run(self) -> None:
        result: object = None
        error: str | None = None
        try:
            result = self.work()
        except UserError as e:
            error = e.message(self.lang)
        except Exception as e:  # noqa: BLE001 - the last line of defence: report, never crash
            error = UNEXPECTED_READ.format(detail=f"{type(e).__name__}: {e}").get(self.lang)
        self.signals.done.emit(self.ticket, result, error)


UNEXPECTED_READ = t(
    "파일을 읽는 중 예기치 않은 오류가 발생했습니다: {detail}. 계획은 그대로입니다.",
    "Reading the files failed unexpectedly: {detail}. Your plan is unchanged.",
)


class TaskRunner(QObject):
    """Runs one piece of work (reading files) off the UI thread, one at a time.

    ``finished(result)`` or ``failed(message)`` arrive on the UI thread. The work must not touch
    widgets nor the live plan: give it a copy.
    """

    started = Signal()
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ticket = 0
        self._running: tuple[_TaskSignals, _Task] | None = None

    @property
    def busy(self) -> bool:
        return self._running is not None

    def start(self, work: Callable[[], object], lang: Lang) -> bool:
        """Start ``work``; False when a piece of work is already running."""
        if self._running is not None:
            return False
        self._ticket += 1
        signals = _TaskSignals(self)
        signals.done.connect(self._on_done)
        task = _Task(self._ticket, work, Lang(lang), signals)
        task.setAutoDelete(False)
        self._running = (signals, task)
        self.started.emit()
        self._pool.start(task)
        return True

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def _on_done(self, ticket: int, result: object, error: str | None) -> None:
        if self._running is not None:
            self._running[0].deleteLater()
        self._running = None
        if error is None:
            self.finished.emit(result)
        else:
            self.failed.emit(error)
