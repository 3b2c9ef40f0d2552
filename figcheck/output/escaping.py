"""Text from the ledger made safe to print, with no terminal or CI runner acting on it.

- `printable`: every control character (line breaks and tabs among them), Unicode's line and
  paragraph separators and the marks that override or isolate the direction of text, shown
  as Python writes them in a string (`\\n`, `\\x1b`, `\\u202e`): a value stays on its line
  and reads as what the ledger holds, and no escape sequence reaches a terminal.
- `CommandGuard`: a stream that lets no line begin with `::`, which GitHub Actions would read
  as a workflow command (`::error::`, `::add-mask::`, `::stop-commands::`) when the output is
  printed in a job's log, even after leading blanks. Only `--format github` writes
  commands, and only its own.

This module imports nothing heavy: the commands use it for their one-line errors.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# C0 and C1 control characters (line breaks and tabs among them), Unicode's line and
# paragraph separators, and the marks that override or isolate the direction of text.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` on one line, with nothing a terminal would act on: each control character
    written as Python writes it in a string (`\\n`, `\\x07`, `\\u202e`)."""
    return UNPRINTABLE.sub(_escape, text)


def escape_char(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def _escape(match: re.Match[str]) -> str:
    return escape_char(match.group())


# The first colon of '::' at the start of a line, after blanks: shown as an escape, so the
# line reads as what it holds and no runner takes it for a command.
_COMMAND = re.compile(r"(?m)^([ \t]*):(?=:)")


def line(text: str) -> str:
    """`text`, from the ledger or built with it, as lines to print: `printable` within each
    of its lines, and no line that begins with '::'."""
    return _COMMAND.sub(r"\1\\x3a", "\n".join(printable(part) for part in text.split("\n")))


class CommandGuard:
    """A text stream that writes through to `stream`, but never a line that begins (after
    blanks) with '::'. Lines may be written in any pieces."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._blank = True  # the line written so far holds only blanks
        self._held = ""  # a ':' at the start of a line, until what follows it is known

    def write(self, text: str) -> int:
        written = len(text)
        text = self._held + text
        self._held = ""
        if self._blank:  # the text starts a line (after blanks written before)
            text = _COMMAND.sub(r"\1\\x3a", text)
        elif (first_end := text.find("\n")) >= 0:
            text = text[: first_end + 1] + _COMMAND.sub(r"\1\\x3a", text[first_end + 1 :])
        last_start = text.rfind("\n") + 1
        if last_start or self._blank:  # the last line of the text starts a line
            tail = text[last_start:].lstrip(" \t")
            self._blank = tail in ("", ":")
            if tail == ":":  # whether it begins '::' is known with the next write
                text, self._held = text[:last_start], text[last_start:]
        self.stream.write(text)
        return written

    def flush(self) -> None:
        if self._held:
            self.stream.write(self._held)
            self._held = ""
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
