"""Korean particles chosen by how the preceding word is read aloud.

Whether a word ends in a final consonant (받침) decides 을/를, 이/가, 은/는, 과/와, and a final
ㄹ or vowel takes 로 where other consonants take 으로. Numbers are read the way Koreans say them
(480 is 사백팔십 and ends in ㅂ), Latin letters and a few symbols by their usual Korean reading.

Latin words are read as Koreans say them: known names from resources/korean/latin_readings.json
(Facebook = 페이스북, so "Facebook을"), acronyms letter by letter (ROI = 알오아이, "ROI는"), other
words by the usual loanword ending (…m = ㅁ, …n = ㄴ, …ng = ㅇ, a vowel then k/p/t/b = ㄱ/ㅂ/ㅅ/ㅂ).
A bracket after a word explains it and is not read into the particle: "'ROI(투자 수익률)'은" is
wrong, "'ROI(투자 수익률)'는" right; the particle follows the word before the bracket.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

from .resources import resource_path

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # index of ㄹ among the final consonants

# Final consonant index (0 = none, 8 = ㄹ, other = another consonant) of each digit's reading.
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
# 십 (ㅂ), 백 (ㄱ), 천 (ㄴ), 만 (ㄴ), 억 (ㄱ), 조 (none): what a round number ends in.
_POWER_FINAL = [(12, 0), (8, 1), (4, 4), (3, 4), (2, 1), (1, 17)]
# Readings of Latin letters as Koreans say them: which end in a final consonant or ㄹ.
_LATIN_FINAL = {
    "l": 8, "m": 16, "n": 4, "r": 8,  # 엘, 엠, 엔, 알
}
_SYMBOL_FINAL = {"%": 0, "+": 0, "°": 0}  # 퍼센트, 플러스, 도


_TRAILING = re.compile(r"[\s\"'’”.,!?~·…-]+$")
_BRACKET = re.compile(r"\s*[(\[{（][^()\[\]{}（）]*[)\]}）]$")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*$")
_KO = {"ㄱ": 1, "ㄴ": 4, "ㄹ": 8, "ㅁ": 16, "ㅂ": 17, "ㅅ": 19, "ㅇ": 21}


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    data = json.loads(resource_path("korean", "latin_readings.json").read_text(encoding="utf-8"))
    return {k.lower(): v for k, v in data["readings"].items()}


def _hangul_final(syllable: str) -> int:
    return (ord(syllable) - _HANGUL_FIRST) % 28


def _latin_word_final(word: str) -> int:
    """The final consonant of a Latin word as Koreans read it (see the module docstring)."""
    reading = _readings().get(word.lower())
    if reading:
        return _hangul_final(reading[-1])
    letters = word.replace("-", "")
    if len(letters) == 1 or (letters.isupper() and len(letters) <= 6):  # an acronym: letter by letter
        return _LATIN_FINAL.get(letters[-1].lower(), 0)
    w = letters.lower()
    vowels = "aeiou"
    if w.endswith("ng"):
        return _KO["ㅇ"]
    last, before = w[-1], w[-2]  # one letter was read as a letter above: at least two here
    if w.endswith("le"):
        return _KO["ㄹ"]  # Google 구글, table 테이블, sale 세일, mobile 모바일
    if last == "e" and before in "mn" and len(w) > 2 and w[-3] in vowels:
        # A silent e after one consonant and a vowel: time 타임, home 홈, phone 폰, online 온라인
        return _KO["ㅁ"] if before == "m" else _KO["ㄴ"]
    if last == "m":
        return _KO["ㅁ"]
    if last == "n":
        return _KO["ㄴ"]
    if last == "l":
        return _KO["ㄹ"]
    if w.endswith("ck") or (last == "k" and before in vowels):
        return _KO["ㄱ"]  # 클릭, 북
    if last in ("p", "b") and before in vowels:
        return _KO["ㅂ"]  # 숍, 웹
    if last == "t" and before in vowels and not w.endswith("et") or w.endswith("net"):
        return _KO["ㅅ"]  # 챗, 인터넷
    return 0  # vowels, -r, -s, -x, -e and consonant clusters end in a vowel sound (…스, …트, …터)


def final_consonant(word: str) -> int | None:
    """Index of the final consonant of ``word``'s last readable sound; None if unknown.

    Full-width and other compatibility forms are read as their plain letters and digits (NFKC:
    "１００" is 100, "①" is 1, "m²" is m2), so a number typed with a Korean keyboard's full-width
    digits, a circled number or a square metre takes its particle instead of failing."""
    stripped = _TRAILING.sub("", unicodedata.normalize("NFKC", word))
    # A bracket explains the word before it; the particle follows that word.
    while True:
        inner = _BRACKET.search(stripped)
        if not inner or inner.start() == 0:
            break
        stripped = _TRAILING.sub("", stripped[: inner.start()])
    stripped = re.sub(r"[\s\)\]\}\"'’”.,!?~·…-]+$", "", stripped)
    if not stripped:
        return None
    last = stripped[-1]
    code = ord(last)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return (code - _HANGUL_FIRST) % 28
    if last.isdecimal() and last.isascii():
        number = re.search(r"[0-9,]*\.?[0-9]+$", stripped)
        assert number is not None  # the text ends in a digit
        return _number_final(number.group(0).replace(",", ""))
    if last in _SYMBOL_FINAL:
        return _SYMBOL_FINAL[last]
    if last.isalpha() and last.isascii():
        latin = _LATIN_WORD.search(stripped)
        assert latin is not None  # the text ends in a Latin letter
        return _latin_word_final(latin.group(0))
    return None


def _number_final(digits: str) -> int:
    """The final consonant of a number written without thousands separators ("480", "2.5")."""
    if "." in digits:  # read digit by digit after the point
        return _DIGIT_FINAL[digits[-1]]
    number = int(digits)
    if number == 0:
        return _DIGIT_FINAL["0"]
    if number % 10:
        return _DIGIT_FINAL[str(number % 10)]
    # the largest power of ten that divides it names the last sound; 10 always does by here
    return next(final for power, final in _POWER_FINAL if number % (10**power) == 0)


def _pick(word: str, with_final: str, without_final: str) -> str:
    final = final_consonant(word)
    if final is None:
        return f"{with_final}({without_final})"
    return with_final if final else without_final


def quoted(value: object) -> str:
    """A name in single quotes, for a particle to follow: eul(quoted(name)) -> "'카페봄'을"."""
    return f"'{value}'"


def eul(word: str) -> str:
    """Object particle: 을 after a consonant, 를 after a vowel."""
    return word + _pick(word, "을", "를")


def i_ga(word: str) -> str:
    return word + _pick(word, "이", "가")


def eun(word: str) -> str:
    return word + _pick(word, "은", "는")


def euro(word: str) -> str:
    """Direction/means particle: 로 after a vowel or ㄹ, 으로 after another consonant."""
    final = final_consonant(word)
    if final is None:
        return word + "(으)로"
    return word + ("로" if final in (0, _RIEUL) else "으로")
