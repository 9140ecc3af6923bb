"""The silent-e rule of ``korean._latin_word_final`` at its edges (see test_core_korean_latin.py).

A silent e after m or n and a vowel ends the word in ㅁ or ㄴ: the particle is the same for both,
but ``final_consonant`` names the sound, as it does for numbers.
"""

from __future__ import annotations

import pytest

from kpiwizard.core.korean import eul, euro, final_consonant


@pytest.mark.parametrize("word, final", [
    ("time", 16),  # 타임: ㅁ
    ("Blome", 16),  # …롬
    ("Blone", 4),  # …론: ㄴ
    ("Ime", 16),  # three letters: the e is silent too (임)
    ("Une", 4),  # 운
])
def test_a_silent_e_after_m_or_n_ends_in_that_consonant(word, final):
    assert final_consonant(word) == final
    assert eul(word) == word + "을"
    assert euro(word) == word + "으로"


def test_whole_sentences_with_a_silent_e():
    assert f"{eul('Ime')} 매주 올립니다." == "Ime을 매주 올립니다."
    assert f"{euro('Une')} 홍보합니다." == "Une으로 홍보합니다."
