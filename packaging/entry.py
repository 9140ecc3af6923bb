"""PyInstaller's entry script: the installed ``kpiwizard.cli:main``, nothing else.

A separate file (not ``kpiwizard/cli.py`` itself) so the frozen program imports the package as
``kpiwizard.cli`` exactly as the console script does, instead of running it as ``__main__``.
"""

from kpiwizard.cli import main

raise SystemExit(main())
