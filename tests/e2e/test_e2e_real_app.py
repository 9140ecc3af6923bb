"""The real app, as a person at a keyboard uses it: start it, make a plan, type, save, read the file.

Issue 11: typed text did not survive ("Golmok Cafe" became "G", an ad budget of 150000 was stored
as 1) and the suite did not notice, because no test pressed a key the way a keyboard does. Here the
app is its own process on an X server (Xvfb), keys are real X key events (``xdotool`` through
XTEST, to whatever has the focus, as a keyboard sends them), the save goes through Qt's real save
dialog, and the test reads the saved ``.kpiwiz`` file. Screenshots of each step are kept in the
test's tmp folder (and one at the failure).

What a person does, in keys (no mouse): Alt+W "새 계획 만들기(&W)" on the start screen; Alt+T jumps
to the plan title; Tab moves on (each field has its "?" help button after it, one more Tab stop);
Alt+N "다음(&N)" goes a step on; on step 7 Alt+2 opens the "money in and out" tab and Tab walks to the
ad spend field (it has no Alt key of its own); Ctrl+S saves (the dialog proposes the business name
in Documents; the test types a full path instead); Ctrl+Q quits.

Hangul is typed as characters of a keyboard layout that produces syllables (each syllable one key
press: ``map_characters``); an input method's composition (pre-edit, then commit) is covered by
the offscreen tests in tests/gui, which can deliver it exactly.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from e2e_x11 import wait_until

pytestmark = pytest.mark.timeout(240)  # a test here can fail, never hang CI

STEPS_TO_ROI = 6  # Alt+N from step 1 (business) to step 7 (actions and ROI)

CASES = {
    "ko": dict(args=("--lang", "ko"), entry="module", window=" — KPI 마법사$", save_dialog="^다른 이름으로 저장$",
               title="봄 평일 손님 늘리기", name="골목카페 Golmok", industry="카페·디저트", region="서울 마포구 망원동",
               file="골목카페 계획.kpiwiz"),
    "en": dict(args=("--lang", "en"), entry="kpiwizard-app", window=" — KPI Wizard$", save_dialog="^Save as$",
               title="More weekday guests", name="Golmok Cafe", industry="Cafe & desserts", region="Mangwon-dong, Seoul",
               file="golmok-plan.kpiwiz"),
}


def quit_cleanly(real_app, failure: str) -> str:
    """Ctrl+Q, then the app must end with exit code 0 and no traceback; returns what it printed."""
    real_app.keyboard.key("ctrl+q")
    try:
        code = real_app.process.wait(30)
    except Exception:
        pytest.fail(failure)
    output = real_app.output()
    assert code == 0, output[-3000:]
    assert "Traceback" not in output and "TypeError" not in output, output[-3000:]
    return output


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_typed_plan_survives_a_save_through_the_real_dialog(real_app, lang):
    case = CASES[lang]
    kb = real_app.keyboard
    real_app.start(*case["args"], entry=case["entry"])
    # the loading frame is titled "KPI 마법사" too; the main window's title has the plan's name first
    window = kb.wait_window(case["window"], timeout=90)
    kb.focus(window)  # no window manager under Xvfb: give the new window the keyboard, as one would
    real_app.shot("start")

    kb.key("alt+w")  # 새 계획 만들기(&W) / Ne&w plan
    wait_until(lambda: "제목 없음" in kb.window_name(window) or "Untitled" in kb.window_name(window), 20,
               "the new plan did not open")
    kb.key("alt+t")  # 계획 이름(&T) / Plan &title
    kb.type(case["title"])
    for value in (case["name"], case["industry"], case["region"]):
        kb.key("Tab")  # the "?" help buttons take no Tab: one Tab is the next field
        kb.type(value)
    real_app.shot("business-typed")

    for _ in range(STEPS_TO_ROI):
        kb.key("alt+n")  # 다음(&N) / &Next
        time.sleep(0.3)
    kb.key("alt+2")  # 들인 돈과 번 돈(&2) / Money in and out (&2)
    kb.key("alt+a")  # 광고비(&A) / &Ad spend
    kb.key("ctrl+a")  # the field shows 0: replace it, as a person selecting it would
    kb.type("150000")
    kb.key("Tab")
    real_app.shot("ad-spend-typed")

    kb.key("ctrl+s")  # first save of an untitled plan: the save dialog
    dialog = kb.wait_window(case["save_dialog"], timeout=30)
    kb.focus(dialog)
    real_app.shot(f"save-dialog-{lang}")
    target = real_app.home / "Documents" / case["file"]
    kb.key("ctrl+a")  # the proposed name is selected in the file-name field; type a path over it
    kb.type(str(target))
    kb.key("Return")

    wait_until(target.exists, 20, f"the plan was not saved to {target}")
    wait_until(lambda: target.stem in kb.window_name(window), 10, "the window title does not name the saved file")
    real_app.shot("saved")
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["title"] == case["title"]
    assert saved["business"]["name"] == case["name"]
    assert saved["business"]["industry"] == case["industry"]
    assert saved["business"]["region"] == case["region"]
    assert saved["roi"]["ad_spend"] == 150000
    assert saved["business"]["language"] == lang

    # the dialog is gone; without a window manager nothing hands the keyboard back to the window
    kb.focus(window)
    quit_cleanly(real_app, "the app did not quit on Ctrl+Q after saving")  # saved: no question


def test_run_app_opens_the_real_app_on_a_display_and_quits_cleanly(real_app):
    """scripts/run-app.sh, the README's one command, with a desktop session: the window opens (its
    check for a display lets a real one through) and Ctrl+Q ends it with exit code 0."""
    root = Path(__file__).resolve().parents[2]
    assert (root / ".venv" / "bin" / "kpiwizard").exists(), "run-app.sh would set up first; run scripts/setup.sh"
    real_app.start_command(["bash", str(root / "scripts" / "run-app.sh"), "--lang", "en"])
    kb = real_app.keyboard
    window = kb.wait_window(CASES["en"]["window"], timeout=90)
    kb.focus(window)
    real_app.shot("run-app")
    output = quit_cleanly(real_app, "the app opened by run-app.sh did not quit on Ctrl+Q")
    assert "Opening KPI Wizard" in output
