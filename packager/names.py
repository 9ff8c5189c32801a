"""Names that identify no one: the archive's, the files' inside it, and what the sender sees."""
from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import unicodedata

# Stored as they are: compressing them again costs time and saves nothing.
ALREADY_COMPRESSED = frozenset(
    "docx docm xlsx xlsm pptx pptm odt ods odp pdf jpg jpeg png gif webp heic heif tif tiff "
    "zip 7z gz tgz bz2 xz rar zst mp3 m4a aac ogg opus mp4 m4v mov avi mkv webm wmv".split())

_EXTENSION = re.compile(r"[a-z0-9]{1,10}")
_TAG = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
DISPLAY_LIMIT = 80


def extension(original: str) -> str:
    """The original's extension if it is a plain one ('.docx'), else ''."""
    base = re.split(r"[\\/]", original)[-1]
    stem, dot, ext = base.rpartition(".")
    ext = ext.lower()
    if not dot or not stem.strip(". ") or not _EXTENSION.fullmatch(ext):
        return ""
    return "." + ext


def is_compressed(original: str) -> bool:
    return extension(original)[1:] in ALREADY_COMPRESSED


def looks_incompressible(path: str | os.PathLike[str], sample: int = 256 * 1024) -> bool:
    """True when a sample from the start of the file does not shrink (encrypted, media, archives ...)."""
    import zlib

    with open(path, "rb") as f:
        head = f.read(sample)
    return len(head) >= 4096 and len(zlib.compress(head, 1)) > 0.95 * len(head)


def inner_name(position: int, original: str) -> str:
    """'document-1.docx': a neutral name that keeps the extension."""
    return f"document-{position}{extension(original)}"


def archive_name(fmt: str, today: dt.date | None = None) -> str:
    """'20261124-K7QM.7z': the date and a short random part."""
    today = today or dt.date.today()
    tag = "".join(secrets.choice(_TAG) for _ in range(4))
    return f"{today:%Y%m%d}-{tag}.{fmt}"


def display_name(original: str) -> tuple[str, bool]:
    """A file's name as safe to show back to its sender, and whether it had to change.

    The last path part only; control and format characters (NUL, bidi
    overrides) dropped; at most DISPLAY_LIMIT characters.
    """
    base = re.split(r"[\\/]", original)[-1]
    clean = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    if len(clean) > DISPLAY_LIMIT:
        clean = clean[:DISPLAY_LIMIT - 1] + "…"
    clean = clean or "(no name)"
    return clean, clean != original
