"""The Textual app; imported only when the interactive view is asked for."""
