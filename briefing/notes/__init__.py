"""Issue notes: one issue as prepared for one meeting, in sections, with sources."""
