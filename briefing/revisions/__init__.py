"""Revisions of issue notes: every saved state, word diffs between versions, restore."""
