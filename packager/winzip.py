"""WinZip AES-256 ZIP writing: pyzipper, with its two hot loops done by OpenSSL.

pyzipper encrypts with pycryptodome's AES-CTR (about 0.5 GB/s here) and
authenticates with pycryptodome's HMAC-SHA1 (about 0.6 GB/s). OpenSSL does
both many times faster, but its CTR mode counts big-endian, while WinZip
AES counts little-endian from 1. LittleEndianCtr therefore builds the
counter blocks itself, 65,536 at a time (the low two bytes of every block
come from a fixed template, the next six are the window number), encrypts
them with OpenSSL's AES-ECB into a keystream and XORs it in with
pycryptodome's strxor. The keys are derived again from pyzipper's salt with
the same PBKDF2-HMAC-SHA1 (1,000 rounds). tests/test_packager.py checks the
output against pycryptodome's CTR for many chunkings, and reads every
archive back with pyzipper (which checks the HMAC) and 7-Zip.
"""
from __future__ import annotations

import hashlib
import hmac

import pyzipper
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from Cryptodome.Util.strxor import strxor

KEY_BYTES = 32  # AES-256
_WINDOW = 1 << 16  # counter blocks per keystream window (1 MiB)
_TEMPLATE = b"".join(i.to_bytes(2, "little") + bytes(14) for i in range(_WINDOW))


class LittleEndianCtr:
    """AES-CTR with a 128-bit little-endian counter starting at 1, as WinZip AES uses."""

    def __init__(self, key: bytes):
        self._ecb = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
        self._window = 0
        self._stream = b""
        self._used = 0
        self._refill()
        self._stream = self._stream[16:]  # counter 0 is never used: WinZip starts at 1

    def _refill(self) -> None:
        if self._window:
            high = (bytes(2) + self._window.to_bytes(6, "little") + bytes(8)) * _WINDOW
            blocks = strxor(_TEMPLATE, high)
        else:
            blocks = _TEMPLATE
        self._window += 1
        self._stream = self._stream[self._used:] + self._ecb.update(blocks)
        self._used = 0

    def encrypt(self, data: bytes) -> bytes:
        size = len(data)
        while len(self._stream) - self._used < size:
            self._refill()
        keystream = self._stream[self._used:self._used + size]
        self._used += size
        return strxor(bytes(data), keystream)


class AESZipFile(pyzipper.AESZipFile):
    """pyzipper's AESZipFile, AES-256 only, with LittleEndianCtr and hashlib's HMAC-SHA1."""

    def get_encrypter(self):
        encrypter = super().get_encrypter()
        if encrypter.salt is None or len(encrypter.salt) != 16:  # not AES-256: leave pyzipper's own
            return encrypter
        keys = hashlib.pbkdf2_hmac("sha1", self.pwd, encrypter.salt, 1000, 2 * KEY_BYTES + 2)
        if keys[2 * KEY_BYTES:] != encrypter.encpwdverify:  # must agree with what pyzipper derived
            raise RuntimeError("WinZip AES key derivation mismatch")
        encrypter.encrypter = LittleEndianCtr(keys[:KEY_BYTES])
        encrypter.hmac = hmac.new(keys[KEY_BYTES:2 * KEY_BYTES], digestmod="sha1")
        return encrypter
