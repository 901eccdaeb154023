"""Word in and out: the book and one note as .docx, a returned file's tracked changes reviewed
into the note, and a paper written in Word imported into a note (python-docx and lxml; no Qt)."""
