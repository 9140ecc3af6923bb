"""The SMART goal written out as one sentence in Korean and in English.

The sentence updates as the owner types, so it must read well with any part still missing: the
parts that are known are said, the rest left out, never a placeholder.
"""

from __future__ import annotations

from .enums import Direction, Lang
from .formatting import format_date, format_number, format_value
from .korean import eul, euro
from .models import SmartGoal
from .text import Text


def _moves_down(goal: SmartGoal) -> bool:
    """The verb follows the numbers typed, not the direction chosen: 120 → 30 is a cut even if the
    goal says 'higher' (the audit flags that mismatch; the sentence must not contradict itself)."""
    if goal.baseline is not None and goal.target is not None and goal.target != goal.baseline:
        return goal.target < goal.baseline
    return goal.direction is Direction.LOWER


def _change(goal: SmartGoal) -> float | None:
    """The change in percent of the baseline; None when there is none to state (a target equal to the
    baseline would read 'reduce ... (0% increase)')."""
    if goal.baseline in (None, 0) or goal.target is None or goal.target == goal.baseline:
        return None
    return (goal.target - goal.baseline) / abs(goal.baseline) * 100


def _korean(goal: SmartGoal) -> str:
    what = goal.what.strip() or "목표 지표"
    parts: list[str] = []
    if goal.deadline:
        parts.append(f"{format_date(goal.deadline, Lang.KO)}까지")
    if goal.resources.strip():
        parts.append(f"{eul(goal.resources.strip())} 활용해")
    parts.append(eul(what))
    value = lambda v: format_value(v, goal.unit, Lang.KO)  # noqa: E731
    if goal.direction is Direction.RANGE:
        if goal.target is not None:
            parts.append(f"{euro(value(goal.target))} 유지합니다")
        else:
            parts.append("목표 범위 안에서 유지합니다")
        return " ".join(parts) + "."
    if goal.baseline is not None:
        parts.append(f"{value(goal.baseline)}에서")
    if goal.target is not None:
        parts.append(euro(value(goal.target)))
    down = _moves_down(goal)
    change = _change(goal)
    sentence = " ".join(parts + ["줄입니다" if down else "늘립니다"])
    if change is not None:  # its sign is the verb's: both follow the numbers typed
        sentence += f"({format_number(abs(change), 1)}% {'감소' if down else '증가'})"
    return sentence + "."


def _english(goal: SmartGoal) -> str:
    what = goal.what.strip() or "the goal metric"
    value = lambda v: format_value(v, goal.unit, Lang.EN)  # noqa: E731
    if goal.direction is Direction.RANGE:
        text = f"Keep {what}"
        text += f" at {value(goal.target)}" if goal.target is not None else " within its target band"
    else:
        down = _moves_down(goal)
        text = f"{'Reduce' if down else 'Increase'} {what}"
        if goal.baseline is not None:
            text += f" from {value(goal.baseline)}"
        if goal.target is not None:
            text += f" to {value(goal.target)}"
        change = _change(goal)
        if change is not None:
            text += f" ({'−' if down else '+'}{format_number(abs(change), 1)}%)"
    if goal.deadline:
        text += f" by {format_date(goal.deadline, Lang.EN)}"
    if goal.resources.strip():
        text += f", using {goal.resources.strip()}"
    return text + "."


def smart_sentence(goal: SmartGoal) -> Text:
    return Text(ko=_korean(goal), en=_english(goal))
