"""The Issue notes tab: the meeting's notes on the left, the selected note's sections on the right."""
