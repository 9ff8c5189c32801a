"""7-Zip's AES key derivation, exact and fast enough for a chat turn.

7-Zip derives the AES-256 key by hashing (salt + password + an 8-byte
little-endian counter) 2**19 times with SHA-256. py7zr builds each round's
bytes in a Python loop (about 0.15 s per key, and it derives two: one for
the data, one for the encrypted header). Here the same byte stream is laid
out with strided slice assignments (one per byte position of a round) and
hashed in large blocks: the same key in a few milliseconds.
tests/test_packager.py checks it against py7zr's own function.

py7zr offers no way to hand its AES coders a key or a derivation: they
call the `calculate_key` name of py7zr.compressor. So while one of our
sessions is open (and only then) that name points at a dispatcher, which
uses this derivation in a thread inside a session and py7zr's own in any
other thread; the last session to close puts py7zr's function back. Nothing
changes at import, and code that uses py7zr for itself gets py7zr's code.
"""
from __future__ import annotations

import contextlib
import hashlib
import sys
import threading
from array import array
from collections.abc import Callable, Iterator

_BLOCK_ROUNDS = 1 << 16
_local = threading.local()
_Derivation = Callable[[bytes, int, bytes, str], bytes]
_installed = threading.Lock()  # guards the two below
_sessions = 0  # sessions open in all threads
_py7zr_own: _Derivation | None = None  # py7zr.compressor's calculate_key while ours stands in for it


@contextlib.contextmanager
def session() -> Iterator[None]:
    """Within one package, derive each key once, fast.

    py7zr derives the same key (same password, no salt) for every coder it
    opens: the data block, the encrypted header, and again when appending.
    The keys live only in this thread's session and are dropped when it ends.
    """
    if getattr(_local, "keys", None) is not None:
        raise RuntimeError("a key derivation session is already open in this thread")
    _open()
    _local.keys = {}
    try:
        yield
    finally:
        _local.keys = None
        _close()


def _open() -> None:
    global _sessions, _py7zr_own
    from py7zr import compressor

    with _installed:
        if _sessions == 0:  # py7zr imports the name from py7zr.helpers and lists no __all__: hence the ignores
            _py7zr_own = compressor.calculate_key  # type: ignore[attr-defined]
            compressor.calculate_key = _dispatch  # type: ignore[attr-defined]
        _sessions += 1


def _close() -> None:
    global _sessions, _py7zr_own
    from py7zr import compressor

    with _installed:
        _sessions -= 1
        if _sessions == 0 and _py7zr_own is not None:
            compressor.calculate_key = _py7zr_own  # type: ignore[attr-defined, assignment]  # a function name, rebound
            _py7zr_own = None


def _dispatch(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    """What py7zr's coders call while a session is open somewhere: ours in a session, py7zr's elsewhere."""
    if getattr(_local, "keys", None) is not None:
        return calculate_key(password, cycles, salt, digest)
    own = _py7zr_own  # another thread's py7zr work, not ours
    return own(password, cycles, salt, digest) if own is not None else _original(password, cycles, salt, digest)


def calculate_key(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    keys: dict[tuple[bytes, int, bytes, str], bytes] | None = getattr(_local, "keys", None)
    if keys is not None:
        cache_key = (password, cycles, salt, digest)
        if cache_key not in keys:
            keys[cache_key] = _derive(password, cycles, salt, digest)
        return keys[cache_key]
    return _derive(password, cycles, salt, digest)


def _derive(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    if digest != "sha256" or cycles >= 0x3F:
        return _original(password, cycles, salt, digest)
    prefix = salt + password
    stride = len(prefix) + 8
    rounds = 1 << cycles
    sha = hashlib.sha256()
    block = min(rounds, _BLOCK_ROUNDS)
    buf = bytearray(block * stride)
    for pos, byte in enumerate(prefix):  # the constant part of every round
        buf[pos::stride] = bytes((byte,)) * block
    for start in range(0, rounds, block):
        counters = array("Q", range(start, start + block))
        if sys.byteorder != "little":
            counters.byteswap()
        raw = counters.tobytes()
        for j in range(8):
            buf[len(prefix) + j::stride] = raw[j::8]
        sha.update(buf)
    return sha.digest()[:32]


def _original(password: bytes, cycles: int, salt: bytes, digest: str) -> bytes:
    from py7zr import helpers

    return helpers.calculate_key(password, cycles, salt, digest)
