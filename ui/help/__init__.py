"""Help: the keyboard shortcuts window."""
