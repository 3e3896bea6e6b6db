"""compare-tui: compare how outlets covered one event."""

__version__ = "0.1.0"
