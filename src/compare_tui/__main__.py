"""``python -m compare_tui``."""

from compare_tui.cli import main

raise SystemExit(main())
