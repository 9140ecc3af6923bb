"""KPI Wizard: social-media goals, SMART targets and KPI tracking for small businesses."""

__version__ = "0.1.0"
