"""Korean particles follow how the word before them is read aloud."""

import pytest

from kpiwizard.core.korean import eul, eun, euro, final_consonant, i_ga


@pytest.mark.parametrize(
    "word, expected",
    [
        ("팔로워", "팔로워를"), ("매출", "매출을"), ("응답 시간", "응답 시간을"),
        ("'도달'", "'도달'을"), ("480명", "480명을"), ("광고비", "광고비를"),
    ],
)
def test_object_particle(word, expected):
    assert eul(word) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("480명", "480명으로"),  # 명 ends in ㅇ
        ("30분", "30분으로"),
        ("5%", "5%로"),  # 퍼센트
        ("서울", "서울로"),  # ㄹ takes 로
        ("부산", "부산으로"),
        ("카페", "카페로"),
        ("480", "480으로"),  # 사백팔십: ㅂ
        ("1", "1로"),  # 일: ㄹ
        ("7", "7로"), ("8", "8로"),
        ("3", "3으로"),  # 삼
        ("6", "6으로"),  # 육
        ("2", "2로"), ("10", "10으로"),  # 십
        ("100", "100으로"),  # 백
        ("1,000", "1,000으로"),  # 천
        ("10,000", "10,000으로"),  # 만
        ("0", "0으로"),  # 영
        ("2.5", "2.5로"),  # 오
        ("Instagram", "Instagram으로"),  # 그램
    ],
)
def test_direction_particle(word, expected):
    assert euro(word) == expected


def test_subject_and_topic_particles():
    assert i_ga("목표") == "목표가"
    assert i_ga("기준선") == "기준선이"
    assert eun("+10,000") == "+10,000은"
    assert eun("참여율") == "참여율은"
    assert eun("도달") == "도달은"


def test_unknown_endings_fall_back_to_both_forms():
    assert final_consonant("🙂") is None
    assert eul("🙂") == "🙂을(를)"
    assert euro("") == "(으)로"


@pytest.mark.parametrize(
    "word, eul_form, eun_form",
    [
        ("Facebook", "Facebook을", "Facebook은"),  # 페이스북
        ("TikTok", "TikTok을", "TikTok은"),  # 틱톡
        ("YouTube", "YouTube를", "YouTube는"),  # 유튜브
        ("Instagram", "Instagram을", "Instagram은"),  # 인스타그램
        ("Naver", "Naver를", "Naver는"),  # 네이버
        ("LinkedIn", "LinkedIn을", "LinkedIn은"),  # 링크드인
        ("Google", "Google을", "Google은"),  # 구글 (ㄹ)
        ("ROI", "ROI를", "ROI는"),  # 알오아이
        ("KPI", "KPI를", "KPI는"),
        ("CPL", "CPL을", "CPL은"),  # 씨피엘
        ("ROAS", "ROAS를", "ROAS는"),  # 로아스
        ("'ROI(투자 수익률)'", "'ROI(투자 수익률)'를", "'ROI(투자 수익률)'는"),  # the word before the bracket
        ("리드(잠재 고객)", "리드(잠재 고객)를", "리드(잠재 고객)는"),
        ("480(명)", "480(명)을", "480(명)은"),  # 사백팔십
        ("(주)", "(주)를", "(주)는"),  # nothing before the bracket: read inside it
        ("Kakao Channel", "Kakao Channel을", "Kakao Channel은"),  # 채널
    ],
)
def test_particles_after_latin_words_and_brackets(word, eul_form, eun_form):
    assert eul(word) == eul_form
    assert eun(word) == eun_form


def test_latin_readings_are_data():
    import json

    from kpiwizard.core.resources import resource_path

    readings = json.loads(resource_path("korean", "latin_readings.json").read_text(encoding="utf-8"))["readings"]
    assert readings["facebook"] == "페이스북" and readings["tiktok"] == "틱톡"


def test_no_message_falls_back_to_both_particles():
    """'을(를)' reads like a form to fill in: every message picks the particle for its word."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "kpiwizard"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "korean.py":  # the one place that may fall back, for words it cannot read
            continue
        text = path.read_text(encoding="utf-8")
        for marker in ("은(는)", "을(를)", "이(가)", "(으)로", "와(과)"):
            if marker in text:
                offenders.append(f"{path.relative_to(root)}: {marker}")
    assert offenders == []
