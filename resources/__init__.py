"""Files the app ships: fonts (with licences), icons, sample data, translations.

Read them with ``importlib.resources.files("resources")``.
"""
