"""Widgets that render parts of a Comparison."""
