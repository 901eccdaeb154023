"""A shared corpus of hostile text: what users paste into Briefbook and nothing may break on.

``HOSTILE_STRINGS`` is a list of ``(id, text)``; the PDF tests put every string
into a book, the reliability tests put them through save, reload and export.
Markup must print as characters, nothing may be fetched, nothing silently lost.
"""

from __future__ import annotations

#: One 100-page paste: a long report pasted into one note section (about 300,000 characters
#: in paragraphs of one sentence per line, as text copied from a PDF or a web page comes).
LONG_PASTE = "\n".join(
    f"Line {n}: the parties reviewed tariff schedule {n % 97} and agreed to revert on item {n}."
    for n in range(1, 4001)
)

HOSTILE_STRINGS: list[tuple[str, str]] = [
    ("less-than", "a < b and c > d, <<double>>"),
    ("ampersand", "AT&T & Co; Procter&Gamble &amp; &lt;not an entity&gt; &#65; &nbsp;"),
    ("unclosed-bold", "<b>opened and never closed"),
    ("para-tag", "<para>a paragraph tag</para> and a stray </para>"),
    ("font-tag", '<font name="Helvetica" size="200">huge?</font>'),
    ("img-http", '<img src="http://example.invalid/tracker.png" width="100" height="100"/>'),
    ("img-file", '<img src="/etc/passwd"/>'),
    ("markdown-image", "![the password file](/etc/passwd) and ![a remote one](http://example.invalid/a.png)"),
    ("a-tag", '<a href="file:///etc/passwd">a link</a> <a name="x"/>'),
    ("script", "<script>alert('x')</script><!-- a comment -->"),
    ("control-characters", "bell\x07 escape\x1b backspace\x08 vertical-tab\x0b form-feed\x0c delete\x7f end"),
    ("c1-control", "next-line\x85 end"),
    ("emoji", "thumbs 👍 grin 😀 flag 🇯🇵 family 👨‍👩‍👧 heart ❤️"),
    ("hebrew", "שלום עולם"),
    ("arabic", "مرحبا بالعالم"),
    ("mixed-direction", "The minister said שלום to everyone"),
    ("japanese", "萩生田光一と林芳正は東京で会談した。"),
    ("accents", "Zürich, Ñandú, Łódź, Ærøskøbing, São Paulo, İstanbul"),
    ("korean", "한국 무역협회"),
    ("long-word", "x" * 5000),
    ("long-url", "https://example.invalid/" + "a/" * 800),
    ("markdown-soup", "**bold *nested _mixed** unclosed` code [link](javascript:alert(1))"),
    ("deep-list", "\n".join("  " * depth + "- level " + str(depth) for depth in range(40))),
    ("deep-quote", "> " * 70 + "the bottom of a very deep quote"),
    ("ragged-table", "| a | b |\n|---|---|\n| 1 | 2 | 3 | 4 |\n| only |"),
    ("zero-width", "zero\u200bwidth\u200djoiner\ufeffbom"),
    ("combining", "e\u0301te\u0301 and a\u0308"),
    ("format-strings", "100% %s %(name)s {0} {{}} $HOME `ls`"),
    ("backslashes", "C:\\Users\\delegate\\n \\<b\\>"),
    ("only-whitespace", "   \n\t\n   "),
    ("empty", ""),
    ("long-paste", LONG_PASTE),
]
