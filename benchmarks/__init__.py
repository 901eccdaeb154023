"""Scripts that measure Briefbook and print figures (``make bench``); docs/benchmarks.md records them.

Generated databases and other scratch files go to ``benchmarks/out/`` (git-ignored).
"""

from pathlib import Path

OUT = Path(__file__).with_name("out")
