"""Particles after Latin words the reading table does not list: each rule of the guess, both sides.

Mutation testing (docs/mutation.md) found the rules of ``korean._latin_word_final`` untested
beyond the listed words. The words below are made up, so only the rules decide: a word read with a
final consonant takes 을, one read ending in a vowel sound takes 를.
"""

from __future__ import annotations

import pytest

from kpiwizard.core.korean import eul, final_consonant


@pytest.mark.parametrize("word, particle", [
    ("Zing", "을"),  # -ng: ㅇ (…잉)
    ("Bingle", "을"),  # -gle: ㄹ (…글), although it ends in e
    ("Blapple", "을"),  # -le after any consonant: ㄹ (…플), as table 테이블
    ("Bloale", "을"),  # -le after a vowel: ㄹ (…일), as sale 세일
    ("time", "을"),  # a silent e after m and a vowel: ㅁ (타임)
    ("Blone", "을"),  # after n and a vowel: ㄴ (…론), as phone 폰
    ("Blomne", "를"),  # after two consonants the e is sounded (…니)
    ("Blape", "를"),  # a silent e after p: …프 (셰이프), not ㅂ
    ("me", "를"),  # two letters: no silent e (미)
    ("Bingo", "를"),
    ("Flam", "을"),  # ㅁ
    ("Blan", "을"),  # ㄴ
    ("Fral", "을"),  # ㄹ
    ("Flick", "을"),  # -ck: ㄱ (…릭)
    ("Blok", "을"),  # k after a vowel: ㄱ (…록)
    ("Blark", "를"),  # k after a consonant: …크
    ("Grop", "을"),  # p after a vowel: ㅂ (…롭)
    ("Grob", "을"),  # b after a vowel: ㅂ
    ("Gramp", "를"),  # p after a consonant: …프
    ("Blot", "을"),  # t after a vowel: ㅅ (…롯)
    ("Blight", "를"),  # -ght: …트
    ("Blet", "를"),  # -et: …트
    ("Splanet", "을"),  # -net: ㅅ (…넷), as in 인터넷
    ("Blora", "를"),  # a vowel
    ("Blors", "를"),  # -s: …스
    ("Blo-ck", "을"),  # a hyphen inside the word is not read
    ("ok", "을"),  # a two-letter word: k after a vowel
])
def test_latin_words_not_in_the_table_follow_their_last_sound(word, particle):
    assert eul(word) == word + particle


@pytest.mark.parametrize("word, particle", [
    ("KPM", "을"),  # letter by letter: …엠
    ("KPN", "을"),  # …엔
    ("KPL", "을"),  # …엘
    ("KPR", "을"),  # …알
    ("KPC", "를"),  # …씨
    ("M", "을"),  # one letter is read as a letter too: 엠
    ("r", "을"),  # …알, where the word rule would say …르
    ("ABCDER", "을"),  # six capitals: still letter by letter, …알
    ("ABCDEFR", "를"),  # seven: read as a word, and a final r is not sounded
    ("ABC-DER", "을"),  # the hyphen is not a letter: six capitals
])
def test_acronyms_are_read_letter_by_letter_up_to_six_capitals(word, particle):
    assert eul(word) == word + particle


def test_the_reading_table_comes_before_the_guess():
    assert eul("KakaoTalk") == "KakaoTalk을"  # 카카오톡, where the guess (…크) would say 를
    assert eul("CAC") == "CAC을"  # 캑, not 씨에이씨


# Final consonants by their index in a Hangul syllable: none 0, ㄱ 1, ㄴ 4, ㄹ 8, ㅁ 16, ㅂ 17,
# ㅇ 21, ㅎ 27.
@pytest.mark.parametrize("text, final", [
    ("10", 17),  # 십
    ("100", 1),  # 백
    ("1,000", 4),  # 천
    ("0", 21),  # 영
    ("12", 0),  # 십이
    ("17", 8),  # 십칠
    ("3.5", 0),  # 삼 점 오
    ("가", 0),  # the first Hangul syllable
    ("힣", 27),  # the last
    ("인스타그램)", 16),  # a closing bracket is not read
    ("인스타그램 (Instagram)", 16),  # the bracket explains the word before it
    ("메모*", None),  # a sign that is neither a letter nor a known symbol: unknown, not "no final"
])
def test_final_consonants_of_numbers_and_syllables(text, final):
    assert final_consonant(text) == final
