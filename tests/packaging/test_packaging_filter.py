"""The bundle keeps what the app needs on each platform and drops the Qt parts it never uses."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from bundle_filter import (
    drop_dangling_symlinks,
    elf_needed,
    keep_binary,
    keep_data,
    prune_unlinked,
)


def test_platform_plugins_for_x11_headless_windows_and_mac_stay():
    for dest in ("PySide6/Qt/plugins/platforms/libqxcb.so",
                 "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6\\plugins\\platforms\\qwindows.dll",
                 "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
                 "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
                 "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert keep_binary(dest), dest


def test_qt_core_gui_widgets_and_their_helpers_stay():
    for dest in ("PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
                 "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
                 "PySide6/Qt/lib/libQt6DBus.so.6", "PySide6/QtWidgets.abi3.so",
                 "PySide6\\Qt6Widgets.dll", "libxkbcommon.so.0", "libpython3.11.so.1.0",
                 "PIL/_imaging.cpython-311-x86_64-linux-gnu.so"):
        assert keep_binary(dest), dest


def test_quick_qml_pdf_virtual_keyboard_and_wayland_go():
    for dest in ("PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6",
                 "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
                 "PySide6/Qt/lib/libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6Network.so.6",
                 "PySide6\\Qt6Quick.dll",
                 "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
                 "PySide6/Qt/plugins/imageformats/libqpdf.so",
                 "PySide6/Qt/plugins/imageformats/libqsvg.so",
                 "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
                 "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so"):
        assert not keep_binary(dest), dest


def test_only_korean_and_english_qt_translations_stay():
    assert keep_data("PySide6/Qt/translations/qtbase_ko.qm")
    assert keep_data("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep_data("PySide6/Qt/translations/qtdeclarative_ko.qm")


def test_app_resources_stay_and_caches_and_tests_go():
    assert keep_data("kpiwizard/resources/fonts/NanumGothic.ttf")
    assert keep_data("kpiwizard/resources/catalog/catalog.json")
    assert keep_data("reportlab/fonts/Vera.ttf")
    assert not keep_data("kpiwizard/__pycache__/cli.cpython-311.pyc")
    assert not keep_data("openpyxl/tests/data/sample.xlsx")


def test_libraries_only_a_dropped_plugin_linked_to_go_and_their_links_with_them():
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/x/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/x/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
        ("libglib-2.0.so.0", "/usr/lib/libglib-2.0.so.0", "BINARY"),
        ("libpango-1.0.so.0", "/usr/lib/libpango-1.0.so.0", "BINARY"),  # only the GTK theme used it
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
    ]
    links = {
        "/x/QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
        "/x/libQt6Widgets.so.6": ["libQt6Core.so.6", "libc.so.6"],
        "/x/libQt6Core.so.6": ["/usr/lib/libglib-2.0.so.0"],
    }
    kept = prune_unlinked(binaries, lambda src: links.get(src, []))
    assert [dest for dest, _, _ in kept] == [
        "PySide6/QtWidgets.abi3.so", "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6", "libglib-2.0.so.0", "libpython3.11.so.1.0"]

    datas = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "SYMLINK"),
             ("kpiwizard/resources/catalog/catalog.json", "/r/catalog.json", "DATA")]
    assert [d for d, _, _ in drop_dangling_symlinks(datas, kept)] == [
        "libQt6Core.so.6", "kpiwizard/resources/catalog/catalog.json"]


def test_linux_system_libraries_are_left_to_the_system_and_rarer_xcb_helpers_stay():
    for dest in ("libstdc++.so.6", "libgcc_s.so.1", "libfontconfig.so.1", "libfreetype.so.6",
                 "libX11.so.6", "libxcb.so.1", "libdbus-1.so.3", "libz.so.1"):
        assert not keep_binary(dest), dest
    for dest in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4",
                 "libglib-2.0.so.0", "libicudata.so.73", "pillow.libs/libfreetype-57f805ba.so.6.20.6"):
        assert keep_binary(dest), dest


def test_a_wheels_vendored_library_goes_when_its_only_user_is_left_out():
    binaries = [("PIL/_imaging.so", "/p/_imaging.so", "EXTENSION"),
                ("pillow.libs/libjpeg-1.so.62", "/p/libjpeg-1.so.62", "BINARY"),
                ("pillow.libs/libavif-2.so.16", "/p/libavif-2.so.16", "BINARY")]
    kept = prune_unlinked(binaries, lambda src: ["libjpeg-1.so.62"] if src == "/p/_imaging.so" else [])
    assert [d for d, _, _ in kept] == ["PIL/_imaging.so", "pillow.libs/libjpeg-1.so.62"]


def test_direct_links_are_read_from_the_binary_itself():
    needed = elf_needed(str(Path(sys.executable).resolve()))  # Linux: the bundle builder's host
    assert any(name.startswith("libc.so") for name in needed)  # Python links the C library directly
