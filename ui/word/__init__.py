"""Word in and out in the window: the review of a returned file beside its note, a note exported
for clearance, the book as a Word file from the export dialog."""
