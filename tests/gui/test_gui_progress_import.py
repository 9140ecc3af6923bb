"""Progress view, platform imports (issue 14): files chosen with the button or dropped on the view
are read in the background, previewed in a dialog the owner drives, and written only on confirm —
in one undoable step. Unknown columns can be connected to a KPI and are remembered."""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from gui_keyboard import give_focus, press
from gui_pages_helpers import open_example, open_project

from kpiwizard.core.enums import Lang
from kpiwizard.core.models import CustomKpi, KpiSelection
from kpiwizard.export.platforms import apply_import, plan_import
from kpiwizard.export.platforms.mappings import load_mappings
from kpiwizard.gui.import_dialog import ImportDialog
from kpiwizard.gui.progress_view import ProgressView

MON = date(2026, 3, 2)  # a Monday in the café plan's third month
DOWNLOADED = date(2026, 3, 20)


@pytest.fixture(autouse=True)
def own_mappings(tmp_path, monkeypatch):
    """Column connections are remembered in the test's own folder, never the user's."""
    monkeypatch.setenv("KPIWIZARD_CONFIG_DIR", str(tmp_path / "config"))


def write(folder, name: str, data: bytes, downloaded: date = DOWNLOADED):
    path = folder / name
    path.write_bytes(data)
    stamp = datetime(downloaded.year, downloaded.month, downloaded.day, 12).timestamp()
    os.utime(path, (stamp, stamp))  # the download day is the file's modification day
    return path


def instagram_posts(n: int = 6) -> bytes:
    """Meta Business Suite's Instagram post export (UTF-8 with BOM), synthetic."""
    header = ["Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)",
              "Publish time", "Permalink", "Post type", "Data comment", "Date", "Views", "Reach", "Likes",
              "Shares", "Follows", "Comments", "Saves"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for i in range(n):
        day = MON + timedelta(days=2 * i)
        w.writerow([f"17900000000{i:04d}", "1784140000", "cafe.bom", "카페 봄", "스콘 나왔어요", "",
                    f"{day.month:02d}/{day.day:02d}/{day.year} 09:08", f"https://www.instagram.com/p/X{i}/",
                    "IG image", "", "Lifetime", f"{1200 + i:,}", "900", 50, 3, 1, 5, 7])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def meta_daily(metric: str, days: int = 14, per_day: int = 3) -> bytes:
    """A Meta daily insight file: UTF-16 LE with BOM, sep=, the metric's name, Date/Primary rows."""
    lines = ["sep=,", f'"{metric}"', '"Date","Primary"']
    lines += [f'"{(MON + timedelta(i)).isoformat()}T00:00:00","{per_day}"' for i in range(days)]
    return b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le")


def drop(view, paths) -> None:
    """Drag the files over the view and let go, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = view.status_table.geometry().center()
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, enter)
    assert enter.isAccepted(), "the view refused the dragged files"
    event = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, event)
    assert event.isAccepted()


def wait_read(qtbot, view) -> None:
    qtbot.waitUntil(lambda: not view.reader.busy, timeout=20_000)


def tree_lines(dialog: ImportDialog) -> list[str]:
    out = []
    for i in range(dialog.files.topLevelItemCount()):
        top = dialog.files.topLevelItem(i)
        out.append(top.text(0))
        out += [top.child(j).text(0) for j in range(top.childCount())]
    return out


def test_files_chosen_with_the_button_are_previewed_then_imported_in_one_undoable_step(qtbot, tmp_path, fake_dialogs):
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    posts = write(tmp_path, "posts.csv", instagram_posts())
    follows = write(tmp_path, "Instagram follows.csv", meta_daily("Instagram follows"))
    expected = plan_import(before, [posts, follows], Lang.KO)
    assert expected.values, "the fixture should feed the café's KPIs"
    seen = {}

    def confirm(dialog):
        seen["files"] = tree_lines(dialog)
        seen["rows"] = [[dialog.values.item(r, c).text() for c in range(dialog.values.columnCount())]
                        for r in range(dialog.values.rowCount())]
        seen["summary"] = dialog.summary.text()
        dialog.apply_button.click()

    fake_dialogs.script([str(posts), str(follows)], confirm)
    view.platform_button.click()
    wait_read(qtbot, view)
    # the preview showed what the core computed: files recognised, columns → KPIs, values per period
    assert any("posts.csv" in line and "Meta" in line for line in seen["files"])
    assert any(line.startswith("Reach → ") and "참여율" in line for line in seen["files"])
    assert any(line.startswith("제외") or "연결된 KPI 없음" in line for line in seen["files"])
    assert len(seen["rows"]) == len(expected.values)
    states = {"new": "새 값", "changed": "바뀜", "same": "같음"}
    for row, v in zip(seen["rows"], expected.values, strict=True):
        assert row[1] == f"{v.period.start.isoformat()} – {v.period.end.isoformat()}"
        assert row[3] == states[v.state]
    assert seen["summary"] == expected.summary(Lang.KO)
    # confirmed: the plan holds exactly what the core's apply gives, and one Undo takes it all back
    assert doc.project.actuals == apply_import(before, expected).actuals
    assert doc.project != before
    assert "posts.csv" in view.import_result.text()
    # the statuses and forecasts shown are the core's for the imported plan
    from kpiwizard.core.formatting import format_percent
    from kpiwizard.core.progress import evaluate

    results = evaluate(doc.project)
    for kpi_id in {v.kpi_id for v in expected.values}:
        view.select(kpi_id)
        row = view.status_table.currentRow()
        assert view.status_table.item(row, 2).text() == format_percent(results[kpi_id].progress)
        assert view.chart.data().actuals == [(pt.period.end, pt.value) for pt in results[kpi_id].points]
    doc.undo_stack.undo()
    assert doc.project == before


def test_files_dropped_on_the_view_are_previewed_and_cancel_changes_nothing(qtbot, tmp_path, fake_dialogs):
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    posts = write(tmp_path, "posts.csv", instagram_posts())
    shown = []
    fake_dialogs.script(lambda dialog: (shown.append(dialog.values.rowCount()), dialog.cancel_button.click()))
    drop(view, [posts])
    wait_read(qtbot, view)
    assert shown and shown[0] > 0
    assert doc.project == before and not doc.undo_stack.canUndo()
    assert "취소" in view.import_result.text()
    # Esc closes the preview the same way
    fake_dialogs.script(lambda dialog: (give_focus(dialog.values), press(Qt.Key.Key_Escape)))
    drop(view, [posts])
    wait_read(qtbot, view)
    assert doc.project == before and not doc.undo_stack.canUndo()


def test_a_file_that_cannot_be_read_is_named_and_the_plan_is_untouched(qtbot, tmp_path, fake_dialogs):
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    bad = write(tmp_path, "매출.csv", "날짜,매출\n2026-03-02,12000\n".encode("utf-8"))
    drop(view, [bad])
    wait_read(qtbot, view)
    assert "매출.csv" in view.import_error.text() and not view.import_error.isHidden()
    assert fake_dialogs.dialogs == []  # no preview for a file that was not read
    assert doc.project == before
    assert view.platform_button.isEnabled()
    # a cut-off zip is refused the same way, in English too
    _doc, language, view = open_example(qtbot, ProgressView, "cafe", Lang.EN)
    cut = write(tmp_path, "youtube.zip", b"PK\x03\x04" + b"\x00" * 40)
    drop(view, [cut])
    wait_read(qtbot, view)
    assert "youtube.zip" in view.import_error.text()


def test_an_unknown_column_connected_to_a_kpi_feeds_it_and_is_remembered(qtbot, tmp_path, fake_dialogs):
    _doc, _language, _view = open_example(qtbot, ProgressView)
    project = _doc.project.model_copy(deep=True)
    project.kpis.append(KpiSelection(id="reels", custom=CustomKpi(name="릴스 재생"), frequency="weekly"))
    doc, _language, view = open_project(qtbot, ProgressView, project)
    before = doc.project
    reels = write(tmp_path, "reels.csv", meta_daily("Reels plays", days=14, per_day=2))
    looks = []

    def connect(dialog):
        looks.append(dialog)
        keys = [key for key, _combo in dialog.map_rows]
        assert "meta_daily:reelsplays" in keys
        combo = dict(dialog.map_rows)["meta_daily:reelsplays"]
        assert not dialog.remap_button.isEnabled()
        dialog.activateWindow()
        combo.setFocus(Qt.FocusReason.TabFocusReason)  # tabbed to: a click would open the list
        qtbot.waitUntil(lambda: QApplication.focusWidget() is combo)
        while combo.currentData() != "reels":  # the arrow keys walk the closed list
            press(Qt.Key.Key_Down)
        # what would be imported is what is shown: a changed connection must be looked at first
        assert dialog.remap_button.isEnabled() and not dialog.apply_button.isEnabled()
        assert dialog.remap_hint.isVisibleTo(dialog)
        dialog.remap_button.click()

    def confirm(dialog):
        looks.append(dialog)
        rows = [[dialog.values.item(r, c).text() for c in range(3)] for r in range(dialog.values.rowCount())]
        assert ["릴스 재생", "2026-03-02 – 2026-03-08", "14"] in rows
        assert any("릴스 재생" in line for line in tree_lines(dialog))
        dialog.apply_button.click()

    fake_dialogs.script(connect, confirm)
    drop(view, [reels])
    wait_read(qtbot, view)
    qtbot.waitUntil(lambda: len(looks) == 2 and not view.reader.busy, timeout=20_000)
    assert load_mappings() == {"meta_daily:reelsplays": "reels"}
    assert doc.project.actuals["reels"] == {MON: 14.0, MON + timedelta(7): 14.0}
    doc.undo_stack.undo()
    assert doc.project == before
    # next time the connection is already there
    fake_dialogs.script(lambda dialog: (looks.append(dict(dialog.map_rows)["meta_daily:reelsplays"].currentData()),
                                        dialog.cancel_button.click()))
    drop(view, [reels])
    wait_read(qtbot, view)
    assert looks[-1] == "reels"


def test_the_apps_own_tracker_dropped_on_the_view_is_read_as_a_tracker(qtbot, tmp_path):
    from kpiwizard.export.tracker import export_tracker

    doc, _language, view = open_example(qtbot, ProgressView)
    path = tmp_path / "tracker.xlsx"
    export_tracker(doc.project, path)
    drop(view, [path])
    assert view.import_result.text().startswith("tracker.xlsx:")


def test_the_drop_refuses_what_is_not_a_file(qtbot):
    _doc, _language, view = open_example(qtbot, ProgressView)
    mime = QMimeData()
    mime.setText("hello")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, enter)
    assert not enter.isAccepted()


def test_a_preview_read_for_a_plan_closed_meanwhile_is_not_applied_to_the_next_one(qtbot, tmp_path, fake_dialogs):
    from kpiwizard.core.examples import find_example

    doc, _language, view = open_example(qtbot, ProgressView)
    posts = write(tmp_path, "posts.csv", instagram_posts())
    assert view.import_platform_files([posts])
    other = find_example("b2b-ebook").load()
    doc.replace(other, None)  # the owner opens another plan before the files are read
    wait_read(qtbot, view)
    assert fake_dialogs.dialogs == [] and doc.project == other
    assert "다른 계획" in view.import_result.text()


def test_the_buttons_follow_the_language_with_their_own_alt_keys(qtbot):
    _doc, language, view = open_example(qtbot, ProgressView)
    texts = [view.import_button.text(), view.platform_button.text(), view.checkin_button.text(),
             view.month_label.text(), view.report_button.text()]
    assert texts == ["추적표 가져오기(&I)…", "플랫폼 파일 가져오기(&P)…", "이번 달 점검(&M)…", "달(&N)", "월간 보고서 PDF(&R)…"]
    language.set(Lang.EN)
    texts = [view.import_button.text(), view.platform_button.text(), view.checkin_button.text(),
             view.month_label.text(), view.report_button.text()]
    assert texts == ["&Import tracker…", "Import &platform files…", "&Monthly check-in…", "Mo&nth", "Monthly &report PDF…"]
    for widget in (view.platform_button, view.checkin_button, view.month, view.report_button, view.status_detail):
        assert widget.accessibleName() and widget.toolTip()


def _fixtures():
    """The importer's own synthetic downloads (tests/imports/platform_fixtures.py), loaded by path."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parent.parent / "imports" / "platform_fixtures.py"
    spec = importlib.util.spec_from_file_location("platform_fixtures_for_gui", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cafe_owner_drops_a_post_export_two_korean_daily_files_and_a_youtube_zip(qtbot, tmp_path, fake_dialogs):
    """Issue 14's 'done when', in the app: the preview matches the files, confirm fills the plan."""
    pf = _fixtures()
    doc, _language, view = open_example(qtbot, ProgressView)
    before = doc.project
    days = {MON + timedelta(i): {"subs": 2, "views": 40 + i} for i in range(14)}
    files = [
        write(tmp_path, "posts.csv", instagram_posts()),
        write(tmp_path, "instagram 팔로우.csv", meta_daily("Instagram 팔로우")),
        write(tmp_path, "instagram 조회수.csv", meta_daily("조회수", per_day=120)),
        write(tmp_path, "youtube.zip", pf.youtube_zip(days, [{"day": MON + timedelta(3), "views": 300}])),
    ]
    expected = plan_import(before, files, Lang.KO)
    assert len({f.name.split("/")[0] for f in expected.files}) == 4
    seen = {}

    def confirm(dialog):
        seen["files"] = [dialog.files.topLevelItem(i).text(0) for i in range(dialog.files.topLevelItemCount())]
        seen["values"] = dialog.values.rowCount()
        dialog.apply_button.click()

    fake_dialogs.script(confirm)
    drop(view, files)
    wait_read(qtbot, view)
    assert [line.split(": ")[0] for line in seen["files"]] == [f.name for f in expected.files]
    assert any(line.startswith("youtube.zip/") for line in seen["files"])
    assert seen["values"] == len(expected.values) > 0
    assert doc.project.actuals == apply_import(before, expected).actuals
    doc.undo_stack.undo()
    assert doc.project == before


@pytest.mark.parametrize("lang", [Lang.KO, Lang.EN])
def test_every_control_of_the_preview_has_a_name_and_help_in_the_language(qtbot, tmp_path, fake_dialogs, lang):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QTableWidget, QTreeWidget

    _doc, _language, view = open_example(qtbot, ProgressView, "cafe", lang)
    files = [write(tmp_path, "posts.csv", instagram_posts()), write(tmp_path, "reels.csv", meta_daily("Reels plays"))]
    missing, titles = [], []

    def check(dialog):
        titles.append(dialog.windowTitle())
        for w in dialog.findChildren(QWidget):
            if isinstance(w, (QAbstractButton, QComboBox, QTableWidget, QTreeWidget)) and w.isVisibleTo(dialog) \
                    and not isinstance(w.parent(), (QComboBox, QTableWidget)) and w.parent() is not None \
                    and not type(w).__name__.startswith("QTableCornerButton"):
                if not w.accessibleName() or not w.toolTip():
                    missing.append(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}")
                titles.append(type(w).__name__)
        dialog.cancel_button.click()

    from PySide6.QtWidgets import QWidget

    fake_dialogs.script(check)
    drop(view, files)
    wait_read(qtbot, view)
    assert titles[0] == ("플랫폼 파일 미리보기" if lang is Lang.KO else "Platform files: preview")
    assert {"QComboBox", "QPushButton", "QTableWidget", "QTreeWidget"} <= set(titles[1:])
    assert missing == []


def test_instagram_dropped_one_day_and_youtube_the_next_add_up_and_undo_takes_back_only_the_second(
        qtbot, tmp_path, fake_dialogs):
    """A KPI fed by two channels: the second import adds its channel, the preview says which is kept."""
    pf = _fixtures()
    doc, _language, view = open_example(qtbot, ProgressView)
    posts = write(tmp_path, "posts.csv", instagram_posts())
    youtube = write(tmp_path, "youtube.zip", pf.youtube_zip({MON + timedelta(i): {"subs": 1, "views": 30}
                                                             for i in range(14)},
                                                            [{"day": MON + timedelta(3), "views": 300}]))
    fake_dialogs.script(lambda dialog: dialog.apply_button.click())
    drop(view, [posts])
    wait_read(qtbot, view)
    after_instagram = doc.project
    notes = {}

    def confirm(dialog):
        for r in range(dialog.values.rowCount()):
            notes[(dialog.values.item(r, 0).text(), dialog.values.item(r, 1).text()[:10])] = \
                dialog.values.item(r, dialog.values.columnCount() - 1).text()
        dialog.apply_button.click()

    fake_dialogs.script(confirm)
    drop(view, [youtube])
    wait_read(qtbot, view)
    together = apply_import(after_instagram, plan_import(after_instagram, [posts, youtube], Lang.KO))
    week = MON.isoformat()
    # The café's post count: four Instagram posts in the first week plus the YouTube video, as one
    # import of both files would give.
    assert doc.project.actuals == together.actuals
    assert doc.project.actuals["posts_per_period"][MON] == 5
    assert any(key[1] == week and "Instagram: 지난번에 가져온 값" in note for key, note in notes.items())
    doc.undo_stack.undo()
    assert doc.project == after_instagram
