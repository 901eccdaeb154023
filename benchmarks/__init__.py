"""Benchmarks: scripts that print figures; ``python -m benchmarks`` (``make bench``) runs them all.

Results are written up in ``docs/benchmarks.md``. Generated databases and other
scratch files go to ``benchmarks/out/`` (git-ignored).
"""

from pathlib import Path

OUT = Path(__file__).with_name("out")
