"""Small reusable widgets: field errors, empty states, Markdown editors, time-zone pickers."""
