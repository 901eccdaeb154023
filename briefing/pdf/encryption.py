"""Password protection of an exported book: AES-256, revision 6 (PDF 2.0), written by pikepdf.

ReportLab writes only the deprecated revision 5, so the book is laid out
unencrypted in memory and encrypted as it is saved. The owner password is
random and never shown: the user's password opens the book but does not
grant the owner's rights, so the permissions mean something. Every encrypted
file is opened again with the user's password before it is written: a file
no one can open is never reported as written.
"""

from __future__ import annotations

import secrets
from io import BytesIO

from briefing.errors import BriefbookError
from briefing.pdf.options import check_password


def encrypt(data: bytes, password: str) -> bytes:
    """``data`` encrypted with AES-256, revision 6 (PDF 2.0 / ISO 32000-2), opened by ``password``."""
    import pikepdf

    with pikepdf.open(BytesIO(data)) as pdf:
        out = BytesIO()
        pdf.save(out, encryption=aes256(password))
    encrypted = out.getvalue()
    check_opens(encrypted, password)
    return encrypted


def aes256(password: str):
    """pikepdf's encryption settings: AES-256, revision 6, ``password`` to open, a random owner's."""
    import pikepdf

    check_password(password)  # a longer one makes a file that readers cannot open
    return pikepdf.Encryption(user=password, owner=secrets.token_urlsafe(32), R=6, aes=True)


def check_opens(data: bytes, password: str) -> None:
    """A ``BriefbookError`` unless ``password`` opens the encrypted ``data`` (as its user)."""
    import pikepdf

    try:
        with pikepdf.open(BytesIO(data), password=password) as pdf:
            if pdf.user_password_matched:
                return
    except (pikepdf.PasswordError, pikepdf.PdfError):
        pass
    raise BriefbookError("the password could not be set: the book was not written")
