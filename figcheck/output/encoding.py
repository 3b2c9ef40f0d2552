"""What figcheck's output is encoded as, whatever the stream it is written to.

- Machine formats (json, sarif, junit, github, and `--format json` of extract and add) are
  always UTF-8 bytes, as they declare (`<?xml ... encoding="UTF-8"?>`, JSON's default): a
  program reading them must not depend on the locale of the CI runner (`PYTHONIOENCODING`,
  a redirected stream on Windows is cp1252).
- Everything people read degrades where the stream cannot hold a character: a stand-in
  (`"` for `“`, `~` for `≈`, `#` for a bar's `■`) or else an escape (`\\u2212`), never an
  exception. A byte of a file name that is not UTF-8 (a lone surrogate) is an escape too.
"""

from __future__ import annotations

import codecs
import contextlib
import io
from collections.abc import Iterator
from typing import TextIO

ERRORS = "figcheck-stand-ins"
MACHINE_FORMATS = frozenset({"json", "sarif", "junit", "github"})

STAND_INS = {
    **dict.fromkeys("“”„‟«»″", '"'),
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys("■█▉▊▋▌▍▎▏▐░▒▓", "#"),
    **dict.fromkeys("─━═", "-"),
    **dict.fromkeys("│┃║", "|"),
    "≈": "~",
    "…": "...",
    "·": ".",
    "•": "*",
    "→": "->",
    "←": "<-",
    "×": "x",
    "≤": "<=",
    "≥": ">=",
    "±": "+/-",
    "∞": "inf",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    replaced = []
    for char in error.object[error.start : error.end]:
        stand_in = STAND_INS.get(char)
        if stand_in is None:
            code = ord(char)
            stand_in = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
            if code > 0xFFFF:
                stand_in = f"\\U{code:08x}"
        replaced.append(stand_in)
    return "".join(replaced), error.end


codecs.register_error(ERRORS, _stand_in)


def degrade(stream: object) -> None:
    """Make a text stream write what it cannot encode as stand-ins and escapes."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            reconfigure(errors=ERRORS)


@contextlib.contextmanager
def utf8(stream: TextIO) -> Iterator[TextIO]:
    """`stream`, writing UTF-8 bytes whatever its own encoding (a lone surrogate as an
    escape). A stream without a byte buffer (a StringIO) is used as it is."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        yield stream
        return
    stream.flush()  # what was written before comes first
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", errors=ERRORS, write_through=True)
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()  # the stream keeps its buffer
