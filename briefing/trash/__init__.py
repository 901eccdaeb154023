"""The Trash: what was deleted, restored whole or emptied for good."""
