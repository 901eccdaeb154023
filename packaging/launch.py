"""The bundled app's entry point (PyInstaller runs this as ``__main__``): ``main.main()``.

``freeze_support()`` lets a frozen executable serve as a ``multiprocessing`` child
where processes are spawned rather than forked (Windows); the book's parallel
layout forks (``briefing/pdf/parallel.py``) and so never needs it, but a spawned
child of a frozen app would otherwise start a second copy of the app.
"""

import multiprocessing
import sys

from main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
