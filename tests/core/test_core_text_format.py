"""Bilingual text with blanks filled in: the export runner's and the monthly report's messages."""

from kpiwizard.core.enums import Lang
from kpiwizard.core.text import Text, t


def test_format_fills_the_same_blanks_in_both_languages():
    saved = t("월간 보고서를 저장했습니다: {path}", "Monthly report saved: {path}").format(path="보고서.pdf")
    assert saved == Text(ko="월간 보고서를 저장했습니다: 보고서.pdf", en="Monthly report saved: 보고서.pdf")
    left = t("{n}개 남았습니다 ({kpi})", "{n} left ({kpi})").format(n=3, kpi="리뷰 수")
    assert (left.get(Lang.KO), left.get("en")) == ("3개 남았습니다 (리뷰 수)", "3 left (리뷰 수)")
