"""Files SafeShare hands back to the user: what each kind is called and what is said around its upload.

One delivery path (bot/handler.py `_deliver`: Teams file consent, the
terminal's folder, or inline) serves every kind; only these words differ.
A file is made in SafeShare's work folder, has a name that identifies no
one, and is gone once delivered, declined or expired.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FileKind:
    id: str  # kept with a held file (and in a held blob's metadata): "package", "fax-cover"
    noun: str  # "package", "cover sheet": in "The {noun} was deleted"
    offer: str  # the consent card's description; {minutes} is the hold time
    uploaded: tuple[str, str]  # the title and the line after the upload
    again: str  # how to get a new one, when this one is gone
    plaintext: bool  # personal data in the clear: held on this instance's disk only, never in a shared store


PACKAGE = FileKind(
    "package", "package",
    "Encrypted package (AES-256). Allow the upload within {minutes} minutes; the password is in the next message.",
    ("The package is in your OneDrive.",
     "Attach it to your email from there. Once it has been sent, delete the protected copy."),
    "Send the file again for a new package with a new password.", plaintext=False)
FAX_COVER = FileKind(
    "fax-cover", "cover sheet",
    "Fax cover sheet (PDF, one page). Allow the upload within {minutes} minutes; nothing is kept after that.",
    ("The cover sheet is in your OneDrive.",
     "Print it and put it on top of the pages. Once the fax has gone, delete it from OneDrive and log the fax: "
     "type fax log here."),
    "Make the cover sheet again: type fax.", plaintext=True)
KINDS = {kind.id: kind for kind in (PACKAGE, FAX_COVER)}


def kind_of(kind_id: str | None) -> FileKind:
    """The kind a held file was offered as; a package when unsaid (held before kinds existed)."""
    return KINDS.get(kind_id or "", PACKAGE)


@dataclass(frozen=True, slots=True)
class OutgoingFile:
    """A file made this turn, waiting to be delivered. Its name is neutral: never a person's."""

    path: Path
    name: str
    size: int
    media_type: str  # for the inline attachment where there is no Teams file consent
    kind: FileKind


def neutral_name(kind: FileKind, today: date, suffix: str) -> str:
    """fax-cover-20261201-3f9a1c.pdf: the date and a random part, nothing that identifies anyone."""
    return f"{kind.id}-{today:%Y%m%d}-{secrets.token_hex(3)}.{suffix}"
