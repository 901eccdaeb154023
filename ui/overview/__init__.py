"""The Overview tab: the meeting's own fields."""
