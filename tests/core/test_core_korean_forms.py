"""Particles after text as owners type it: full-width digits from a Korean keyboard, circled
numbers, a square metre, punctuation before an explaining bracket. None of these may fail: the
particle follows the sound, and an unreadable ending gets both forms."""

import pytest

from kpiwizard.core.korean import eul, eun, euro, final_consonant, i_ga


@pytest.mark.parametrize(("word", "expected"), [
    ("매장 면적 30m²", "매장 면적 30m²를"),  # 삼십 제곱미터: no final consonant (read as m2: 이)
    ("x²", "x²를"),
    ("１００", "１００을"),  # full-width digits: 백
    ("목표 １,０００명", "목표 １,０００명을"),
    ("①", "①을"),  # 일
    ("ＲＯＩ", "ＲＯＩ를"),  # full-width letters: 알오아이
    ("٣", "٣을(를)"),  # a digit of another script: not guessed
])
def test_compatibility_forms_are_read_as_their_plain_letters_and_never_fail(word, expected):
    assert eul(word) == expected


def test_a_number_of_another_script_gets_both_forms_of_every_particle():
    assert final_consonant("1.٣") is None
    assert (i_ga("٣"), eun("٣"), euro("٣")) == ("٣이(가)", "٣은(는)", "٣(으)로")


@pytest.mark.parametrize(("word", "expected"), [
    ("응답 시간 - (분)", "응답 시간 - (분)을"),  # the dash before the bracket is not read: 간
    ("매출, (부가세 포함)", "매출, (부가세 포함)을"),  # 출
    ("카페… (동네)", "카페… (동네)를"),
])
def test_punctuation_before_an_explaining_bracket_is_not_read(word, expected):
    assert eul(word) == expected
