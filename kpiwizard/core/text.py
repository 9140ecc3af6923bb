"""Bilingual text: one value that carries its Korean and English wording together."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .enums import Lang


class Text(BaseModel):
    """A phrase in both product languages; ``text.get(lang)`` picks one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ko: str
    en: str

    def get(self, lang: Lang | str) -> str:
        return self.ko if Lang(lang) is Lang.KO else self.en

    def format(self, **values: object) -> "Text":
        return Text(ko=self.ko.format(**values), en=self.en.format(**values))


def t(ko: str, en: str) -> Text:
    """Shorthand used by the rule modules to write a message in both languages."""
    return Text(ko=ko, en=en)
