"""The Q&A bank (issue 13): defensive questions with their answers and press lines, shared across
meetings, each tagged with an issue and a status; notes pull entries in by reference."""
