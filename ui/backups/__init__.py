"""File → Back up now and Restore from backup…: copies of the store, made and restored off the GUI thread."""
