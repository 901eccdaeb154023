"""File → Import a Briefbook file… and File → Export everything…: the JSON interchange in the window."""
