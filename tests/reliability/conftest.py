"""Reports how many hostile cases the reliability suite ran (docs/reliability.md quotes it)."""

from reliability_kit import COUNTS


def pytest_terminal_summary(terminalreporter):
    if COUNTS:
        total = sum(n for kind, n in COUNTS.items() if kind not in ("exports", "schema-accepted"))
        parts = ", ".join(f"{kind} {n}" for kind, n in sorted(COUNTS.items()))
        terminalreporter.write_line(f"reliability: {total} hostile cases handled ({parts})")
