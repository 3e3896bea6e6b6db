"""Modal screens: help, note editor, search prompt."""
