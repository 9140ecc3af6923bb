"""Writers that turn a project into files: calendar, Excel tracker, PDF plan.

Imported only when an export is asked for, never at GUI start-up.
"""
