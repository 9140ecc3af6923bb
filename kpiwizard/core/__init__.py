"""The pure-Python domain of KPI Wizard: models, rules and files. Nothing here imports Qt."""
