"""``python -m glossari``: the same as the ``glossari`` command."""

from glossari.cli import main

raise SystemExit(main())
