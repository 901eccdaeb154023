"""Action items: what must be done after a meeting, by whom and when."""
