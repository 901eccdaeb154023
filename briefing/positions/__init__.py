"""Positions: where each issue of a meeting stands (ours, theirs, a state since a round); the
meeting record's proposed changes to them and to the action items."""
