from kpiwizard.cli import main

raise SystemExit(main())
