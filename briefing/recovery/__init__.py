"""Crash recovery: the journal of edits typed but not yet saved, and what it kept."""
