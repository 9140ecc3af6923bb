"""Sort mutmut's results by module and tell wording survivors from the rest, with their diffs.

    python benchmarks/mutation_survivors.py build/mutation/tree build/mutation/selected.txt OUT.txt

A surviving mutant that changes only a string literal changes what a message says, not what the
program decides: the tests check messages for their figures and verdicts, not word for word, so
these are counted apart ("wording"). Every other survivor ("logic") is a missing test or an
equivalent change, to be looked at. The diffs come from mutmut's own mutants folder (each mutant is
a copy of its function there), which is much faster than ``mutmut show`` once per mutant.
"""

from __future__ import annotations

import ast
import collections
import difflib
import re
import sys
from pathlib import Path

TESTED = ("killed", "survived", "no tests", "timeout")


class _Blank(ast.NodeTransformer):
    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):
            return ast.copy_location(ast.Constant(value=""), node)
        return node


def _normal(node: ast.AST, blank: bool) -> str:
    copy = ast.parse(ast.unparse(node)).body[0]
    assert isinstance(copy, (ast.FunctionDef, ast.AsyncFunctionDef))
    copy.name = "f"
    return ast.dump(_Blank().visit(copy) if blank else copy)


def functions(tree: Path) -> dict[str, ast.AST]:
    found: dict[str, ast.AST] = {}
    for path in sorted((tree / "mutants" / "kpiwizard" / "core").glob("*.py")):
        module = f"kpiwizard.core.{path.stem}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and "__mutmut_" in node.name:
                found[f"{module}.{node.name}"] = node
    return found


def main(tree: Path, results: Path, out: Path) -> int:
    rows = [line.strip().rsplit(": ", 1) for line in results.read_text(encoding="utf-8").splitlines() if ": " in line]
    found = functions(tree)
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    diffs: list[str] = []
    for name, status in rows:
        module = ".".join(name.split(".")[:3])
        table[module][status] += 1
        if status != "survived":
            continue
        mutant, original = found.get(name), found.get(re.sub(r"__mutmut_\d+$", "__mutmut_orig", name))
        if mutant is None or original is None:
            kind = "logic"
        else:
            kind = "wording" if _normal(mutant, True) == _normal(original, True) else "logic"
        table[module][kind] += 1
        if mutant is not None and original is not None:
            diff = difflib.unified_diff(ast.unparse(original).splitlines(), ast.unparse(mutant).splitlines(),
                                        "original", name, lineterm="", n=1)
            diffs.append(f"# {kind}: {name}\n" + "\n".join(list(diff)[2:]) + "\n")
    out.write_text("\n".join(diffs), encoding="utf-8")
    total: collections.Counter = collections.Counter()
    print(f"{'module':36s} {'tested':>6s} {'killed':>6s} {'survived':>8s} {'wording':>7s} {'logic':>5s} {'no tests':>8s}")
    for module, c in sorted(table.items()):
        total.update(c)
        tested = sum(c[s] for s in TESTED)
        print(f"{module:36s} {tested:6d} {c['killed'] + c['timeout']:6d} {c['survived']:8d} {c['wording']:7d} "
              f"{c['logic']:5d} {c['no tests']:8d}")
    tested = sum(total[s] for s in TESTED)
    if tested:
        print(f"{'all':36s} {tested:6d} {total['killed'] + total['timeout']:6d} {total['survived']:8d} "
              f"{total['wording']:7d} {total['logic']:5d} {total['no tests']:8d}")
        print(f"survival rate {(total['survived'] + total['no tests']) / tested:.1%} of {tested} mutants tested; "
              f"without the wording-only ones {(total['logic'] + total['no tests']) / (tested - total['wording']):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
