"""Screenshots of every screen of the real app, in Korean and English, for docs/screenshots/.

    .venv/bin/python scripts/screenshots.py                 both languages into docs/screenshots/
    .venv/bin/python scripts/screenshots.py --lang ko --out /tmp/shots

Needs Xvfb, xdotool and ImageMagick (``scripts/setup.sh --dev``). The app runs as its own process
on a private X server at its default window size (1100×780, a first-run user's settings), driven
by keys as a person would: the start screen, then the example plan opened with Ctrl+O through the
open dialog, steps 1–8 with Alt+N, and the Progress view with Ctrl+2. Fonts are limited to DejaVu
(no Korean system font), so Hangul shows only if the app's bundled NanumGothic is used — boxes in
a Korean screenshot mean the bundled font failed. Korean uses the café example, English the
pizzeria (both have a few weeks of actuals, so Progress shows figures).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))  # the X server and keyboard helpers of the e2e tests

from e2e_x11 import SETUP_HINT, Keyboard, Xvfb, app_environment, missing_tools, stop_process  # noqa: E402

PAGES = ["business", "business-goal", "smart-goal", "kpis", "targets", "strategy-map", "actions-roi", "review"]
EXAMPLE = {"ko": "cafe", "en": "pizzeria"}
TITLE = {"ko": " — KPI 마법사$", "en": " — KPI Wizard$"}
OPEN_DIALOG = {"ko": "^계획 열기$", "en": "^Open plan$"}
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{dejavu}</dir>
  <cachedir>{cache}</cachedir>
  <config><rescan><int>0</int></rescan></config>
</fontconfig>
"""


def dejavu_folder() -> Path:
    for folder in (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
                   Path("/usr/share/fonts/TTF")):
        if any(folder.glob("DejaVuSans*.ttf")):
            return folder
    raise SystemExit("DejaVu fonts not found (Debian/Ubuntu: apt-get install fonts-dejavu-core)")


def capture(env: dict[str, str], window: str, path: Path) -> None:
    time.sleep(1.0)  # let the page finish painting
    subprocess.run(["import", "-window", window, str(path)], env=env, check=True, timeout=30,
                   stdin=subprocess.DEVNULL)
    print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def shoot(lang: str, out: Path, server: Xvfb, work: Path) -> None:
    home = work / f"home-{lang}"
    plan = work / f"{EXAMPLE[lang]}.kpiwiz"
    subprocess.run([sys.executable, "-m", "kpiwizard", "example", EXAMPLE[lang], str(plan)], check=True,
                   timeout=120, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    fonts = work / "fonts"
    fonts.mkdir(exist_ok=True)
    (fonts / "fonts.conf").write_text(FONTS_CONF.format(dejavu=dejavu_folder(), cache=fonts / "cache"))
    env = app_environment(server.env, home, extra={"FONTCONFIG_FILE": str(fonts / "fonts.conf")})
    kb = Keyboard(server.env)
    kb.xdotool("mousemove", "1279", "899")  # no pointer over a widget: no tooltip in the pictures
    log = work / f"app-{lang}.log"
    with open(log, "wb") as output:
        app = subprocess.Popen([sys.executable, "-m", "kpiwizard", "gui", "--lang", lang], cwd=work, env=env,
                               stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        window = kb.wait_window(TITLE[lang], timeout=90)
        kb.focus(window)
        capture(server.env, window, out / f"app-start-{lang}.png")
        kb.key("ctrl+o")
        dialog = kb.wait_window(OPEN_DIALOG[lang], timeout=30)
        kb.focus(dialog)
        kb.key("ctrl+a")
        kb.type(str(plan))
        kb.key("Return")
        time.sleep(1.5)
        kb.focus(window)  # no window manager hands the keyboard back after the dialog
        for i, page in enumerate(PAGES):
            if i:
                kb.key("alt+n")
            capture(server.env, window, out / f"app-{page}-{lang}.png")
        kb.key("ctrl+2")
        capture(server.env, window, out / f"app-progress-{lang}.png")
    finally:
        stop_process(app)
    text = log.read_text(encoding="utf-8", errors="replace")
    if "Traceback" in text:
        print(f"the app reported an error ({log}):\n{text[-3000:]}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", nargs="+", choices=["ko", "en"], default=["ko", "en"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    missing = missing_tools()
    if missing:
        print(f"screenshots need {', '.join(missing)}: {SETUP_HINT}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kpiwizard-shots-"))
    server = Xvfb(log=work / "xvfb.log")
    try:
        for lang in args.lang:
            print(f"{lang}:")
            shoot(lang, args.out.resolve(), server, work)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
