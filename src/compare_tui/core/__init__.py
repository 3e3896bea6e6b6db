"""The pure comparison engine: no Textual, no Rich, no terminal."""
