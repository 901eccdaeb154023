"""Password protection of an exported book: AES-256, revision 6 (PDF 2.0), written by pikepdf.

ReportLab writes only the deprecated revision 5, so the book is laid out
unencrypted in memory and encrypted as it is saved.
"""

from __future__ import annotations

from io import BytesIO


def encrypt(data: bytes, password: str) -> bytes:
    """``data`` encrypted with AES-256, revision 6 (PDF 2.0 / ISO 32000-2), opened by ``password``."""
    import pikepdf

    with pikepdf.open(BytesIO(data)) as pdf:
        out = BytesIO()
        pdf.save(out, encryption=aes256(password))
    return out.getvalue()


def aes256(password: str):
    """pikepdf's encryption settings for ``password``: AES-256, revision 6, one password for all."""
    import pikepdf

    return pikepdf.Encryption(user=password, owner=password, R=6, aes=True)
