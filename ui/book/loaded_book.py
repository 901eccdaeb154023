"""``load_book``: a built book read into a ``QPdfDocument`` in the worker thread, ready to show.

``QPdfView.setDocument`` lays out every page: it asks each page's size, and
PDFium reads a page's dictionary and resources the first time its size is
asked (about 0.3-0.6 ms a page: ~0.1-0.2 s for a 356-page book, which the GUI
thread spent on every swap). A document keeps what it has read, so the
worker that built the book reads it and asks every size once; the GUI thread
then only lays out sizes already known.

Qt's thread rules: the document (and the ``QBuffer`` it reads from, its
child) is made in the worker thread and pushed to the GUI thread with
``moveToThread`` from the thread it lives in, before the worker lets go of
it; the worker never touches it after that. QtPdf serialises every PDFium
call behind one lock, so reading one document here while the view renders
another is safe (QtPdf's own page renderer works from threads the same way).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtPdf import QPdfDocument


def read_book(data: bytes) -> QPdfDocument | None:
    """The PDF ``data`` as a ``QPdfDocument`` (reading from a ``QBuffer`` it owns); None when
    QtPdf cannot read it. The document lives in the calling thread and has no parent."""
    document = QPdfDocument()
    buffer = QBuffer(document)  # the document reads from it for as long as it lives
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        return None  # no parent: Python deletes it here, in the thread it lives in
    return document


def load_book(data: bytes) -> QPdfDocument | None:
    """In a worker thread: ``data`` read, every page's size asked once (what the view's layout
    asks), and the document handed to the GUI thread. None when it cannot be read.

    The caller gives the document to ``BookPreview.show_book``, which adopts it, or calls its
    ``deleteLater()``; it must not use it in the worker thread any more."""
    document = read_book(data)
    if document is None:
        return None
    for page in range(document.pageCount()):
        document.pagePointSize(page)
    app = QCoreApplication.instance()
    if app is not None:
        document.moveToThread(app.thread())
    return document
