"""The user's settings (language, recent files, window geometry) in one QSettings wrapper.

Every read names its type: QSettings hands back strings from INI files and lists of one item as a
plain string, so an untyped read is a bug waiting for the second platform.
"""

from __future__ import annotations

from pathlib import Path

from kpiwizard.core.enums import Lang

from .qt import QSettings

MAX_RECENT = 8


class Settings:
    def __init__(self, store: QSettings | None = None):
        self._s = store if store is not None else QSettings()

    def value(self, key: str, default, type=str):  # noqa: A002 - mirrors QSettings
        try:
            return self._s.value(key, default, type=type)
        except (TypeError, ValueError):  # a hand-edited or foreign value: fall back quietly
            return default

    def set(self, key: str, value) -> None:
        self._s.setValue(key, value)

    def sync(self) -> None:
        self._s.sync()

    # -- language -----------------------------------------------------------------------------

    def language(self) -> Lang | None:
        code = self.value("ui/language", "", str)
        return Lang(code) if code in ("ko", "en") else None

    def set_language(self, lang: Lang) -> None:
        self.set("ui/language", Lang(lang).value)

    # -- recent files -------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        raw = self.value("files/recent", [], list) or []
        if isinstance(raw, str):
            raw = [raw]
        paths = [Path(p) for p in raw if isinstance(p, str) and p]
        return paths[:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        rest = [p for p in self.recent_files() if p != path]
        self.set("files/recent", [str(p) for p in [path, *rest][:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        self.set("files/recent", [str(p) for p in self.recent_files() if p != Path(path)])

    def last_folder(self) -> str:
        return self.value("files/last_folder", "", str)

    def set_last_folder(self, folder: Path) -> None:
        self.set("files/last_folder", str(folder))
