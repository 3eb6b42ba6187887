"""Show untrusted text (keys, values, file names) in a message without it acting on a terminal.

A plan, or the name of a file, can hold characters that a terminal or a CI log obeys rather
than shows: an escape sequence that moves the cursor or erases a line (so a forged "valid"
line can be printed over a real error), a carriage return, or a bidi override that shows a
name backwards. Every message passes its text through :func:`shown`, which writes such a
character as an escape (``\\x1b``, ``\\u202e``). Thai text, and every other printable
character, passes unchanged.
"""

from __future__ import annotations

import re

# C0 controls (tab and newline too: a message is one line), DEL and the C1 controls; the
# bidi marks, embeddings, overrides and isolates; the Unicode line and paragraph separators;
# and lone surrogates, which is what an undecodable byte in a file name becomes.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def shown(text: str) -> str:
    """``text`` with every character that could act on a terminal written as an escape."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown_in_json(text: str) -> str:
    """JSON text with the same characters written as JSON escapes (``\\u001b``), which a
    program reading it decodes back to exactly the same data."""
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


# JSON escapes the C0 controls inside its strings itself; outside them, a line break is its
# layout.
_UNSAFE_IN_JSON = re.compile(_UNSAFE.pattern.replace("\x00-\x1f", "", 1))
