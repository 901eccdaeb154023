"""Benchmarks: scripts that print figures (``make bench`` = ``python -m benchmarks``).

The figures are recorded by hand in ``docs/benchmarks.md``; nothing here is a test.
"""
