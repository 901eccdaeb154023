"""Rounds of a negotiation: carry forward, an issue's timeline, changes since the last round."""
