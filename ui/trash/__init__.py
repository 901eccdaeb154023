"""Edit → Trash: what was deleted, restored with everything that hung on it, or emptied for good."""
