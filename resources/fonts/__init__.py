"""The TrueType fonts of the briefing book (see README.md here)."""
