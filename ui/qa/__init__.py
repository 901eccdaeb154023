"""The Q&A bank in the window (issue 13): Edit → Q&A bank…, and a note's entries in its editor."""
