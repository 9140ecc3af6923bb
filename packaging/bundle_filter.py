"""What the frozen bundle leaves out, as one list, so the spec and the tests agree on it.

The app uses QtCore, QtGui and QtWidgets. PyInstaller's Qt hooks still collect every plugin of
those modules, and the plugins drag in more Qt libraries (the virtual keyboard pulls Qt Quick and
QML, the PDF image plugin pulls Qt Pdf, Wayland pulls its client libraries). Paths are the
destinations inside the bundle, with forward slashes on every platform.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable

# Qt libraries the app never needs (matched against the file name, any platform's spelling).
_QT_LIBS_OUT = re.compile(
    r"Qt6?(Quick|Qml|Pdf|VirtualKeyboard|Network|OpenGL(?!32)|Svg|WebEngine|Designer|Help|Sql|Test|"
    r"Multimedia|3D|Labs|Lottie|Wayland|WlShell|EglFS|EglFs|Concurrent|PrintSupport|Xml|UiTools|"
    r"ShaderTools|Positioning)",
)
# Plugin folders worth keeping, and within them the plugins worth keeping.
_PLUGINS_KEPT = {
    "platforms": re.compile(r"(qxcb|qoffscreen|qwindows|qcocoa)\."),
    # Not the GTK theme: it would load the system's GTK into the bundle's own GLib and friends.
    "platformthemes": re.compile(r"qxdgdesktopportal"),
    "imageformats": re.compile(r"(qico|qjpeg|qgif)"),
    "xcbglintegrations": re.compile(r"qxcb-glx"),
    "iconengines": re.compile(r"$^"),  # only the SVG engine is there, and it needs QtSvg
    "styles": re.compile(r"(qmodernwindowsstyle|qwindowsvistastyle|qmacstyle)"),
    "platforminputcontexts": re.compile(r"(composeplatforminputcontext|ibusplatforminputcontext)"),
    "generic": re.compile(r"$^"),
}
# System libraries every Linux desktop has. Bundling them does harm: an older bundled libstdc++
# breaks the system's OpenGL drivers, an older fontconfig misreads the system's font settings.
# The same list as AppImage's exclusion list for these; D-Bus goes with the desktop session.
_LINUX_SYSTEM_LIBS = re.compile(
    r"^lib(stdc\+\+|gcc_s|z|expat|X11|X11-xcb|xcb|fontconfig|freetype|dbus-1|GL|EGL|OpenGL|GLX)\.so"
)
# Qt's own dialogs (file, message box) in the app's two languages; every other language goes.
_TRANSLATIONS_KEPT = re.compile(r"qtbase_(ko|en)\.qm$")


def _name(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def keep_binary(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    plugin = re.search(r"/plugins/([^/]+)/([^/]+)$", dest)
    if plugin:
        folder, name = plugin.groups()
        kept = _PLUGINS_KEPT.get(folder)
        return bool(kept and kept.search(name))
    if _QT_LIBS_OUT.search(_name(dest)) and ("PySide6" in dest or "Qt" in _name(dest)):
        return False
    return "/" in dest or not _LINUX_SYSTEM_LIBS.match(dest)


def keep_data(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    if "/translations/" in dest and dest.endswith(".qm"):
        return bool(_TRANSLATIONS_KEPT.search(dest))
    if "/plugins/" in dest:
        return keep_binary(dest)
    if "__pycache__" in dest or dest.endswith((".pyc", ".pyi")):
        return False
    return not re.search(r"(^|/)(tests?|testing)/", dest)


Entry = tuple[str, str, str]  # PyInstaller's TOC entry: destination, source, type code


def _is_linux_dependency(dest: str) -> bool:
    """A shared library PyInstaller pulled in only because something links to it."""
    dest = dest.replace("\\", "/")
    folder = dest.rpartition("/")[0]
    # Top level, Qt's own lib folder, or a wheel's vendored libraries (pillow.libs/ and the like).
    shared = folder in ("", "PySide6/Qt/lib") or folder.endswith(".libs")
    return shared and ".so" in dest and not dest.startswith("libpython")


def prune_unlinked(binaries: list[Entry], imports: Callable[[str], Iterable[str]]) -> list[Entry]:
    """Drops Linux libraries nothing kept links to any more (those of the plugins left out).

    ``imports(source_path)`` gives the names a binary links to directly (``elf_needed``).
    """
    deps = {_name(dest): src for dest, src, _ in binaries if _is_linux_dependency(dest)}
    reached: set[str] = set()
    todo = [src for dest, src, _ in binaries if not _is_linux_dependency(dest)]
    while todo:
        for name in map(_name, imports(todo.pop())):
            if name in deps and name not in reached:
                reached.add(name)
                todo.append(deps[name])
    return [e for e in binaries if not _is_linux_dependency(e[0]) or _name(e[0]) in reached]


def drop_dangling_symlinks(datas: list[Entry], binaries: list[Entry]) -> list[Entry]:
    """PyInstaller lists a top-level link per Qt library; a link to a library left out goes too."""
    kept = {dest.replace("\\", "/") for dest, _, _ in binaries}
    return [e for e in datas if e[2] != "SYMLINK" or e[1].replace("\\", "/") in kept]


def elf_needed(path: str) -> list[str]:
    """The libraries a Linux binary links to directly (``ldd`` would list the whole closure).

    Uses objdump, which PyInstaller itself needs on Linux (binutils).
    """
    dump = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=True).stdout
    return re.findall(r"^\s*NEEDED\s+(\S+)", dump, flags=re.MULTILINE)
