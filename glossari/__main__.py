"""``python -m glossari``: the same as the ``glossari`` command."""

from glossari._launch import main

raise SystemExit(main())
