"""Table cells refreshed in place, so a refresh never deletes the item whose edit is being handled."""

from __future__ import annotations

from ..qt import Qt, QTableWidget, QTableWidgetItem


def set_cell(table: QTableWidget, row: int, col: int, text: str, editable: bool = True) -> QTableWidgetItem:
    item = table.item(row, col)
    if item is None:
        item = QTableWidgetItem()
        table.setItem(row, col, item)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if item.text() != text:
        item.setText(text)
    return item
