"""A private X server and real key events for end-to-end tests of the real app process.

``Xvfb`` runs on a display number it picks itself (``-displayfd``: no clash with another server
on the machine, no guessing); ``xdotool`` presses keys through the XTEST extension, exactly as a
keyboard does (events are not marked as sent by a program, and they go to whatever window and
widget have the focus); ``import`` (ImageMagick) takes screenshots. Every call has a time limit,
so a test using this can fail but never hang.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

TOOLS = ("Xvfb", "xdotool", "import", "xdpyinfo")
SCREEN = "1280x900x24"
SETUP_HINT = "install them with: bash scripts/setup.sh --dev (packages xvfb xdotool imagemagick x11-utils)"


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class Xvfb:
    """One virtual screen; ``stop`` ends it (and is safe to call twice)."""

    def __init__(self, screen: str = SCREEN, log: Path | None = None, timeout: float = 30):
        read_end, write_end = os.pipe()
        self._log = open(log, "wb") if log is not None else subprocess.DEVNULL  # noqa: SIM115
        try:
            self.process = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp",
                 "-noreset"],
                pass_fds=(write_end,), stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log,
                start_new_session=True)
        finally:
            os.close(write_end)
        try:
            number = self._read_display(read_end, timeout)
        finally:
            os.close(read_end)
        self.display = f":{number}"
        self.env = {**os.environ, "DISPLAY": self.display}
        self.env.pop("WAYLAND_DISPLAY", None)
        wait_until(lambda: subprocess.run(["xdpyinfo"], env=self.env, capture_output=True,
                                          timeout=10).returncode == 0,
                   timeout, f"Xvfb {self.display} did not accept connections")

    def _read_display(self, fd: int, timeout: float) -> str:
        data = b""
        deadline = time.monotonic() + timeout
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(left, 0))
            if not ready:
                self.stop()
                raise RuntimeError(f"Xvfb did not report a display number within {timeout:.0f} s")
            chunk = os.read(fd, 64)
            if not chunk:
                self.stop()
                raise RuntimeError(f"Xvfb stopped at start-up (exit code {self.process.wait(5)})")
            data += chunk
        return data.decode().strip()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if not isinstance(self._log, int):
            self._log.close()


def wait_until(condition: Callable[[], object], timeout: float, message: str, every: float = 0.1):
    """Poll ``condition`` until it returns something true (returned) or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = condition()
        except subprocess.TimeoutExpired:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{message} (waited {timeout:.0f} s)")
        time.sleep(every)


class Keyboard:
    """Keys and text through XTEST to the focused window, as a person's keyboard sends them."""

    def __init__(self, env: dict[str, str], delay_ms: int = 40):
        self.env = env
        self.delay_ms = delay_ms

    def xdotool(self, *args: str, timeout: float = 20) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def key(self, *keys: str) -> None:
        """One or more key chords in xdotool's names: "Tab", "alt+w", "ctrl+s", "Return"."""
        self.xdotool("key", "--delay", str(self.delay_ms), *keys)
        time.sleep(0.15)  # the app handles the last key before the next action is judged

    def type(self, text: str) -> None:
        if any(ord(c) > 0x7E for c in text):
            map_characters(self.env["DISPLAY"], text)
        # a generous limit: xdotool types a key a delay apart
        self.xdotool("type", "--delay", str(self.delay_ms), "--", text,
                     timeout=20 + len(text) * self.delay_ms / 100)
        time.sleep(0.15)

    def windows(self, name_regex: str) -> list[str]:
        done = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name_regex], env=self.env,
                              capture_output=True, text=True, timeout=10, stdin=subprocess.DEVNULL)
        return done.stdout.split()

    def wait_window(self, name_regex: str, timeout: float = 60) -> str:
        """The id of a visible window whose title matches (polled: ``search --sync`` has no limit)."""
        found = wait_until(lambda: self.windows(name_regex), timeout,
                           f"no visible window titled like {name_regex!r}")
        return found[-1]

    def window_name(self, window: str) -> str:
        return self.xdotool("getwindowname", window)

    def focused_window(self) -> str:
        return self.xdotool("getwindowfocus", "-f")

    def focus(self, window: str) -> None:
        """Give a window the keyboard focus (there is no window manager to do it on a click)."""
        self.xdotool("windowfocus", "--sync", window)
        time.sleep(0.2)


def keysym(char: str) -> int:
    """X's keysym for a character: Latin-1 as itself, anything else as 0x1000000 + its code point."""
    code = ord(char)
    return code if 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xFF else 0x1000000 + code


def map_characters(display: str, text: str) -> None:
    """Put every character of ``text`` the keyboard map lacks (Hangul, "·") on a free key, for good.

    ``xdotool type`` types such a character by mapping a spare key for a moment and mapping it back;
    the app reloads the map asynchronously and now and then reads the key with the old map (a
    syllable lost: "카페·디저트" became "카·디트"). With the characters on keys of their own
    before typing, each is one plain key press, like a key of a Korean layout that produces
    syllables (the input method's pre-edit is what the offscreen tests cover).
    """
    lib = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XGetKeyboardMapping.restype = ctypes.POINTER(ctypes.c_ulong)
    lib.XGetKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_ubyte, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
    lib.XChangeKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                           ctypes.POINTER(ctypes.c_ulong), ctypes.c_int]
    lib.XDisplayKeycodes.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = lib.XOpenDisplay(display.encode())
    if not dpy:
        raise RuntimeError(f"cannot open display {display}")
    try:
        low, high = ctypes.c_int(), ctypes.c_int()
        lib.XDisplayKeycodes(dpy, ctypes.byref(low), ctypes.byref(high))
        count = high.value - low.value + 1
        per = ctypes.c_int()
        table = lib.XGetKeyboardMapping(dpy, low.value, count, ctypes.byref(per))
        rows = [[table[i * per.value + j] for j in range(per.value)] for i in range(count)]
        lib.XFree(table)
        present = {sym for row in rows for sym in row}
        wanted = sorted({keysym(c) for c in text if not c.isspace()} - present)
        needed = {keysym(c) for c in text}
        # keys nobody types here: empty ones, vendor keys (XF86...), F13-F35, characters mapped
        # for an earlier text
        free = [low.value + i for i, row in enumerate(rows)
                if not any(row) or (row[0] not in needed and (row[0] >= 0x1008FF00 or 0xFFCA <= row[0] <= 0xFFE0
                                                            or 0x1000100 <= row[0] < 0x1008FF00))]
        if len(wanted) > len(free):
            raise RuntimeError(f"{len(wanted)} characters to map, {len(free)} free keys")
        for sym in wanted:
            code = free.pop(0)
            syms = (ctypes.c_ulong * 2)(sym, sym)
            lib.XChangeKeyboardMapping(dpy, code, 2, syms, 1)
        lib.XSync(dpy, 0)
    finally:
        lib.XCloseDisplay(dpy)
    time.sleep(0.5)  # the app reloads its keyboard map


def screenshot(env: dict[str, str], path: Path, window: str = "root") -> Path | None:
    """A PNG of the screen (or of one window id); None if it could not be taken."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(["import", "-window", window, str(path)], env=env, capture_output=True,
                              timeout=30, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None
    return path if done.returncode == 0 and path.exists() else None


def stop_process(process: subprocess.Popen, timeout: float = 10) -> int:
    """End a process this test started (its whole session), politely first."""
    if process.poll() is None:
        process.terminate()
        try:
            return process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait(timeout)


def app_environment(display_env: dict[str, str], home: Path, extra: dict[str, str] | None = None,
                    drop: Sequence[str] = ()) -> dict[str, str]:
    """A first-run user's environment: a fresh HOME and XDG folders, the X display, real xcb."""
    env = dict(display_env)
    for var in ("QT_QPA_PLATFORM", "QT_IM_MODULE", "XMODIFIERS", "GTK_IM_MODULE", "QT_SCALE_FACTOR",
                "QT_SCREEN_SCALE_FACTORS", "QT_FONT_DPI", *drop):
        env.pop(var, None)
    folders = {"HOME": home, "XDG_CONFIG_HOME": home / ".config", "XDG_DATA_HOME": home / ".local/share",
               "XDG_CACHE_HOME": home / ".cache", "XDG_STATE_HOME": home / ".local/state",
               "XDG_RUNTIME_DIR": home / ".runtime"}
    for var, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True)
        env[var] = str(folder)
    (home / ".runtime").chmod(0o700)
    (home / "Documents").mkdir(exist_ok=True)
    env["QT_QPA_PLATFORM"] = "xcb"
    env.setdefault("LANG", "C.UTF-8")
    env.update(extra or {})
    return env
