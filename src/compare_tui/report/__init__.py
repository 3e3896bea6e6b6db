"""Renderings of a Comparison as text files: JSON and Markdown."""
