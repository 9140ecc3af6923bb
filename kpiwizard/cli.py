"""The ``kpiwizard`` command: the app with no arguments, headless work with a subcommand.

Exit codes are a contract scripts rely on: 0 success, 2 bad input or usage (including a plan that
fails the SMART audit in ``check``), 1 anything unexpected. A traceback is printed only with
``--debug``; otherwise the user sees one message in their language.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from kpiwizard import __version__
from kpiwizard.core.enums import Lang

if TYPE_CHECKING:
    from datetime import date

# json, locale, traceback and datetime are imported where they are used: opening the app (the
# command with no arguments) waits for nothing it does not need before its first window.

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT = 0, 1, 2


def system_language() -> Lang:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return Lang.KO if value.lower().startswith("ko") else Lang.EN
    try:
        import locale

        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return Lang.KO if code.lower().startswith("ko") else Lang.EN


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 2, like every bad input
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"kpiwizard: {message}\n")


def _review_date(text: str) -> date:
    try:
        from datetime import date

        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}': 날짜는 2026-03-31처럼 적으세요 / write the date as YYYY-MM-DD, e.g. 2026-03-31"
        ) from None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command's parser; given the arguments, it leaves out what they cannot need."""
    p = _Parser(prog="kpiwizard", description="KPI Wizard — social-media goals and KPIs for small businesses.")
    p.add_argument("--version", action="version", version=f"kpiwizard {__version__}")
    # Accepted before or after the subcommand; SUPPRESS keeps a subcommand from resetting them.
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="print a traceback on unexpected errors")
    common.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS,
                        help="language of messages and exports")
    p.add_argument("--debug", action="store_true", help="print a traceback on unexpected errors")
    p.add_argument("--lang", choices=["ko", "en"], help="language of messages and exports")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    def add(name: str, **kw) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], **kw)

    add("examples", help="list the example plans")
    ex = add("example", help="write an example plan to FILE")
    ex.add_argument("name")
    ex.add_argument("file", type=Path)

    va = add("validate", help="check that FILE is a valid project file")
    va.add_argument("file", type=Path)

    ch = add("check", help="SMART audit and KPI review of a project")
    ch.add_argument("file", type=Path)
    ch.add_argument("--json", action="store_true", help="machine-readable output")
    ch.add_argument("--on", type=_review_date, metavar="DATE", default=None,
                    help="judge each KPI as of this review date, YYYY-MM-DD (default: today)")

    add("schema", help="print the project file's JSON Schema")

    exp = add("export", help="write the tracker, PDF plan or review calendar")
    exp.add_argument("file", type=Path)
    exp.add_argument("--xlsx", type=Path, metavar="OUT")
    exp.add_argument("--pdf", type=Path, metavar="OUT")
    exp.add_argument("--ics", type=Path, metavar="OUT")
    exp.add_argument("--paper", choices=["a4", "letter"], default="a4")

    imp = add("import-actuals", help="read a filled-in tracker's actuals into the project")
    imp.add_argument("project", type=Path)
    imp.add_argument("tracker", type=Path)

    imp_platforms = add("import", help="read platform downloads (Meta, YouTube, GA4, TikTok, LinkedIn) into the plan")
    links = add("campaign-links", help="print each action's campaign link (UTM)")
    # Their arguments come from kpiwizard.export.platforms, whose package loads pydantic models and
    # the readers: only when one of the two commands may be asked for, so opening the app stays quick.
    if argv is None or {"import", "campaign-links"} & set(argv):
        from kpiwizard.export.platforms.command import add_arguments as _import_arguments

        _import_arguments(imp_platforms, links)

    rep = add("report", help="write the one-page monthly report (PDF) of a month of the plan")
    rep.add_argument("project", type=Path)
    rep.add_argument("--month", required=True, metavar="YYYY-MM", help="a month of the plan, e.g. 2026-03")
    rep.add_argument("--pdf", type=Path, required=True, metavar="OUT")
    rep.add_argument("--paper", choices=["a4", "letter"], default="a4")

    gui = add("gui", help="open the app (same as no command)")
    # The desktop entry, Windows' and macOS' file associations open a plan with `kpiwizard gui FILE`;
    # the app shell reads the file from sys.argv itself.
    gui.add_argument("file", nargs="?", type=Path, help="a plan (.kpiwiz) to open")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    whole_process = argv is None  # run as the program, not called from Python (the tests)
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    args.whole_process = whole_process
    lang = Lang(args.lang) if args.lang else system_language()
    try:
        code = _dispatch(args, lang)
        sys.stdout.flush()  # a reader that went away shows here, not as a noise at interpreter exit
        return code
    except BrokenPipeError:
        return _stdout_closed()
    except KeyboardInterrupt:
        return 130
    except Exception as e:
        # Imported only now: it brings pydantic, which the app must not wait for before its window.
        from kpiwizard.core.errors import UserError

        if isinstance(e, UserError):
            print(f"kpiwizard: {e.message(lang)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        # the last line of defence: a bug, reported without a traceback
        if args.debug:
            import traceback

            traceback.print_exc()
        else:
            msg = (
                f"예기치 않은 오류가 발생했습니다: {type(e).__name__}: {e}\n--debug 옵션으로 자세한 내용을 볼 수 있습니다."
                if lang is Lang.KO
                else f"unexpected error: {type(e).__name__}: {e}\nRun with --debug for details."
            )
            print(f"kpiwizard: {msg}", file=sys.stderr)
        return EXIT_UNEXPECTED


def _stdout_closed() -> int:
    """The reader of our output left (``kpiwizard examples | head -1``): not an error of ours.

    Python would flush stdout again at exit and report the broken pipe with exit code 120, so
    stdout is pointed at the null device first, as the Python documentation recommends.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout without a file descriptor (captured in tests)
        pass
    return EXIT_OK


def _dispatch(args: argparse.Namespace, lang: Lang) -> int:
    command = args.command
    if command in (None, "gui"):
        return _gui(lang)
    if command == "examples":
        from kpiwizard.core.examples import examples

        for e in examples():
            print(f"{e.name}\t{e.description.get(lang)}")
        return EXIT_OK
    if command == "example":
        return _example(args, lang)
    if command == "schema":
        from kpiwizard.core.schema import project_schema, schema_text

        sys.stdout.write(schema_text(project_schema()))
        return EXIT_OK
    if command == "validate":
        from kpiwizard.core.projectfile import load_project

        loaded = load_project(args.file)
        note = ""
        if loaded.migrated_from is not None:
            note = (
                f" (형식 {loaded.migrated_from} → 저장 시 새 형식으로 바뀝니다)"
                if lang is Lang.KO
                else f" (format {loaded.migrated_from}; saving will upgrade it)"
            )
        print(("유효한 프로젝트 파일입니다" if lang is Lang.KO else "valid project file") + note)
        return EXIT_OK
    if command == "check":
        from kpiwizard.core.projectfile import load_project
        from kpiwizard.core.report import check_report, check_report_json

        project = load_project(args.file).project
        if args.json:
            data = check_report_json(project, lang, on=args.on)
            import json

            print(json.dumps(data, indent=2, ensure_ascii=False))
            return EXIT_OK if data["passed"] else EXIT_BAD_INPUT
        text, passed = check_report(project, lang, on=args.on)
        print(text)
        return EXIT_OK if passed else EXIT_BAD_INPUT
    if command == "export":
        return _export(args, lang)
    if command == "import-actuals":
        return _import_actuals(args, lang)
    if command in ("import", "campaign-links"):
        from kpiwizard.export.platforms import command as platform_command

        return (platform_command.run_import if command == "import" else platform_command.run_links)(args, lang)
    if command == "report":
        return _report(args)
    raise AssertionError(command)  # argparse only gives the commands above


def _example(args: argparse.Namespace, lang: Lang) -> int:
    from kpiwizard.core.examples import examples, find_example
    from kpiwizard.core.projectfile import save_project

    example = find_example(args.name)
    if example is None:
        names = ", ".join(e.name for e in examples())
        print(
            f"kpiwizard: '{args.name}' 예제가 없습니다. 있는 예제: {names}"
            if lang is Lang.KO
            else f"kpiwizard: no example named '{args.name}'. Examples: {names}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    save_project(args.file, example.load())
    return EXIT_OK


def _export(args: argparse.Namespace, lang: Lang) -> int:
    if not (args.xlsx or args.pdf or args.ics):
        print(
            "kpiwizard: --xlsx, --pdf, --ics 중 하나 이상을 지정하세요."
            if lang is Lang.KO
            else "kpiwizard: give at least one of --xlsx, --pdf, --ics.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    # The modules an export loads (pydantic's schemas, reportlab: some 150,000 objects) live until
    # the command exits. The garbage collector walked them again and again as they loaded, and once
    # more at exit: about 80 ms of a 450 ms export. Run as the program, they load with the collector
    # paused and are then frozen out of its way; what the export itself makes is collected as usual.
    pause = getattr(args, "whole_process", False) and gc.isenabled()
    if pause:
        gc.disable()
    try:
        from kpiwizard.core.projectfile import load_project

        if args.ics:
            from kpiwizard.export.calendar import export_calendar
        if args.xlsx:
            from kpiwizard.export.tracker import export_tracker
        if args.pdf:
            from kpiwizard.export.plan import export_plan
    finally:
        if pause:
            gc.freeze()
            gc.enable()
    project = load_project(args.file).project
    export_lang = Lang(args.lang) if args.lang else project.language
    if args.ics:
        export_calendar(project, args.ics, export_lang)
    if args.xlsx:
        export_tracker(project, args.xlsx, export_lang)
    if args.pdf:
        export_plan(project, args.pdf, export_lang, paper=args.paper)
    return EXIT_OK


def _import_actuals(args: argparse.Namespace, lang: Lang) -> int:
    from kpiwizard.core.projectfile import load_project, save_project
    from kpiwizard.export.tracker_import import import_actuals

    project = load_project(args.project).project
    result = import_actuals(project, args.tracker)
    save_project(args.project, result.project)
    print(result.summary(lang))
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from kpiwizard.core.projectfile import load_project
    from kpiwizard.export.monthly_report import export_monthly_report

    project = load_project(args.project).project
    export_lang = Lang(args.lang) if args.lang else project.language
    export_monthly_report(project, args.month, args.pdf, export_lang, paper=args.paper)
    return EXIT_OK


def _gui(lang: Lang) -> int:
    try:
        from kpiwizard.gui.app import run
    except ImportError as e:
        print(
            f"kpiwizard: 앱을 열 수 없습니다 ({e}). 명령 목록은 'kpiwizard --help'를 보세요."
            if lang is Lang.KO
            else f"kpiwizard: the app cannot open ({e}). See 'kpiwizard --help' for commands.",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
    return run()


if __name__ == "__main__":
    raise SystemExit(main())
