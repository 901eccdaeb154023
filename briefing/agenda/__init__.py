"""A meeting's agenda: its items, their order and their computed times."""
