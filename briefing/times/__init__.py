"""Times as a delegation meets them: zones (and cities), dates people type, and their names.

Everything here is independent of the machine's locale and zone: day and month names are
English in the book and the window whatever the user's language, and "today" is passed in.
"""
