"""The Positions tab: where each issue of the meeting stands, edited in place; one issue's timeline."""
