"""Scripts that measure Briefbook and print figures (``make bench``); docs/benchmarks.md records them."""
