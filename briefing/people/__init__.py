"""People (a directory shared by all meetings) and their participation in meetings."""
