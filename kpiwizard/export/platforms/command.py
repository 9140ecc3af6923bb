"""``kpiwizard import`` and ``kpiwizard campaign-links``: the command-line faces of the importer.

``import`` prints the preview, then (unless ``--dry-run``) writes the project atomically. Any file
that cannot be read stops everything before the project is touched; a failed save leaves the old
file as it was (``projectfile.save_project``).
"""

from __future__ import annotations

import argparse
import sys

from kpiwizard.core.enums import Lang
from kpiwizard.core.errors import UserError
from kpiwizard.core.korean import eun
from kpiwizard.core.text import t

from .common import quote


def add_arguments(imp: argparse.ArgumentParser, links: argparse.ArgumentParser) -> None:
    from pathlib import Path

    imp.add_argument("project", type=Path)
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="show the preview, write nothing")
    imp.add_argument("--map", action="append", default=[], metavar="COLUMN=KPI",
                     help="feed a column (its key as the preview lists it) to a KPI of the plan; remembered")
    links.add_argument("project", type=Path)
    links.add_argument("base_url", metavar="URL", nargs="?", default=None,
                       help="the page the links open, e.g. https://cafe.example/menu (default: the plan's website)")
    links.add_argument("--medium", default=None, help="utm_medium (default: social)")


def _parse_maps(items: list[str], project) -> dict[str, str]:
    ids = {k.id for k in project.kpis}
    out: dict[str, str] = {}
    for item in items:
        key, sep, kpi = item.rpartition("=")
        key, kpi = key.strip(), kpi.strip()
        if not sep or not key or ":" not in key:
            raise UserError(t(f"--map '{item}': '열 키=지표 ID' 형식으로 적으세요(열 키는 미리보기에 나온 그대로, 예: meta_posts:views).",
                              f"--map '{item}': write 'column key=KPI id' (the key as the preview lists it, e.g. meta_posts:views)."))
        if kpi not in ids:
            raise UserError(t(f"--map '{item}': {eun(quote(kpi))} 이 계획의 지표가 아닙니다. 있는 지표: {', '.join(sorted(ids))}",
                              f"--map '{item}': '{kpi}' is not a KPI of this plan. KPIs: {', '.join(sorted(ids))}"))
        platform, _, header = key.partition(":")
        from .common import norm

        out[f"{platform.strip().casefold()}:{norm(header)}"] = kpi
    return out


def run_import(args: argparse.Namespace, lang: Lang) -> int:
    from kpiwizard.core.projectfile import load_project, save_project

    from . import apply_import, plan_import
    from .mappings import load_mappings, save_mappings

    project = load_project(args.project).project
    new_maps = _parse_maps(args.map, project)
    mappings = {**load_mappings(), **new_maps}
    preview = plan_import(project, args.files, lang, mappings)
    print(preview.render(lang))
    changes = preview.changes
    if args.dry_run:
        print(t("미리보기만 했습니다(--dry-run): 프로젝트 파일은 바뀌지 않았습니다.",
                "Dry run: the project file was not changed.").get(lang))
        return 0
    if changes:
        save_project(args.project, apply_import(project, preview))
        print(t(f"'{args.project.name}'에 저장했습니다.", f"Saved to '{args.project.name}'.").get(lang))
    else:
        print(t("바뀐 값이 없어 저장하지 않았습니다.", "Nothing changed; nothing was written.").get(lang))
    if new_maps:
        try:
            save_mappings(new_maps)
        except OSError as e:
            print(t(f"열 연결을 기억하지 못했습니다({e.strerror or e}). 다음에 --map을 다시 주세요.",
                    f"Could not remember the column mapping ({e.strerror or e}); give --map again next time.").get(lang),
                  file=sys.stderr)
    return 0


def run_links(args: argparse.Namespace, lang: Lang) -> int:
    from kpiwizard.core.projectfile import load_project
    from kpiwizard.core.utm import campaign_links

    project = load_project(args.project).project
    links = campaign_links(project, args.base_url, args.medium)
    if not links:
        print(t("계획에 활동이 없습니다.", "The plan has no actions.").get(lang))
    for i, action, url in links:
        print(f"{i + 1}. {action.tactic.splitlines()[0][:60]}\n   {url}")
    return 0
