"""Passwords to read over the phone: new every time, no look-alike characters."""
from __future__ import annotations

import secrets

# No 0/O, 1/l/I: lower-case letters without i, l, o and digits without 0, 1.
LETTERS = "abcdefghjkmnpqrstuvwxyz"
DIGITS = "23456789"
ALPHABET = LETTERS + DIGITS
GROUPS, GROUP_SIZE = 4, 4  # "k7qm-3xta-9prw-h4ze": 16 symbols, about 79 bits

NATO = {
    "a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
    "h": "hotel", "j": "juliett", "k": "kilo", "m": "mike", "n": "november", "p": "papa", "q": "quebec",
    "r": "romeo", "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
    "y": "yankee", "z": "zulu", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
    "8": "eight", "9": "nine", "-": "dash",
}


def new_password() -> str:
    """A fresh password from `secrets`, with at least two letters and two digits."""
    while True:
        symbols = [secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_SIZE)]
        if sum(s in DIGITS for s in symbols) >= 2 and sum(s in LETTERS for s in symbols) >= 2:
            return "-".join("".join(symbols[i:i + GROUP_SIZE]) for i in range(0, len(symbols), GROUP_SIZE))


def phonetic(password: str) -> str:
    """The password spelt for dictation: 'kilo seven quebec mike, dash, ...'."""
    groups = password.split("-")
    return ", dash, ".join(" ".join(NATO.get(c, c) for c in group) for group in groups)
