"""Icons: the application icon (SVG)."""
