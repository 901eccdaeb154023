"""Two writers: a write based on a stale version opens a dialog with both texts, and the user chooses."""
