"""Files in, an AES-256 encrypted package out, with a fresh password.

7z (the default): AES-256 with the header encrypted, so even the inner file
names need the password. py7zr writes one coder chain per block, so files
that are already compressed (docx, pdf, jpg ...) go in a block of their own,
stored (so is any file whose first 256 KB do not shrink), and the others in an LZMA2 block (preset 0: fast, and text still
shrinks to about a third).

ZIP (the protocol appendix's format, for recipients whose tools need it):
WinZip AES-256 (AE-2), stored or deflated file by file. ZIP leaves the
inner names readable, which is why every inner name is neutral.

Nothing here logs, and no exception message names a file or the password.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import stat
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator, Sequence

import py7zr
import pyzipper

from knowledge.errors import EXIT_PACKAGE, SafeShareError

from . import kdf
from .names import archive_name, display_name, inner_name, is_compressed, looks_incompressible
from .password import new_password

log = logging.getLogger(__name__)

FORMATS = ("7z", "zip")
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
MAX_FILES = 20
_AES = {"id": py7zr.FILTER_CRYPTO_AES256_SHA256}
_STORED_7Z = [{"id": py7zr.FILTER_COPY}, _AES]
_COMPRESSED_7Z = [{"id": py7zr.FILTER_LZMA2, "preset": 0}, _AES]


class PackageError(SafeShareError, ValueError):
    """Why a package cannot be made, in words for the sender (no file names, no password)."""

    exit_code = EXIT_PACKAGE


@dataclass(frozen=True)
class Source:
    """A file to package: where it is now, and the name its sender knows it by."""

    path: Path
    name: str


@dataclass(frozen=True)
class PackedFile:
    original: str  # the sender's name for it, cleaned for display
    inner: str  # its name inside the package
    size: int
    stored: bool  # already compressed, so stored as it is
    renamed_for_display: bool = False


@dataclass(frozen=True)
class Package:
    path: Path
    name: str
    format: str
    files: tuple[PackedFile, ...]
    size: int
    password: str = field(repr=False)

    @property
    def mapping(self) -> dict[str, str]:
        """Original name → inner name; a repeated original gets ' (2)', ' (3)' ..."""
        out: dict[str, str] = {}
        for f in self.files:
            key, n = f.original, 1
            while key in out:
                n += 1
                key = f"{f.original} ({n})"
            out[key] = f.inner
        return out


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    size = n / 1024
    for unit in ("KB", "MB"):
        if size < 1024:
            return f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def over_limit(what: str, max_bytes: int, size: int | None = None) -> str:
    """'File 2 is 101.0 MB, over the 100.0 MB limit.' (or without the size when it is not known)."""
    stated = f" is {human_size(size)}," if size is not None else " is"
    return f"{what}{stated} over the {human_size(max_bytes)} limit."


@contextlib.contextmanager
def private_dir(parent: Path | None = None) -> Iterator[Path]:
    """A directory only this user can open (0700), removed with everything in it on the way out."""
    path = Path(tempfile.mkdtemp(prefix="safeshare-", dir=parent))
    try:
        os.chmod(path, stat.S_IRWXU)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def check_sources(sources: Sequence[Source], max_bytes: int) -> list[int]:
    """Each source's size, or PackageError saying what is wrong (by position, never by name)."""
    if not sources:
        raise PackageError("There is no file to package.")
    if len(sources) > MAX_FILES:
        raise PackageError(f"A package can hold at most {MAX_FILES} files; split them over several packages.")
    sizes = []
    for position, source in enumerate(sources, 1):
        try:
            info = source.path.stat()
        except FileNotFoundError:
            raise PackageError(f"File {position} does not exist (check the path).") from None
        except OSError:
            raise PackageError(f"File {position} cannot be read.") from None
        if not stat.S_ISREG(info.st_mode):
            raise PackageError(f"File {position} is not a regular file (a folder or a device?).")
        if info.st_size == 0:
            raise PackageError(f"File {position} is empty: there is nothing to protect.")
        if info.st_size > max_bytes:
            raise PackageError(over_limit(f"File {position}", max_bytes, info.st_size))
        sizes.append(info.st_size)
    if sum(sizes) > max_bytes:
        raise PackageError(f"Together the files are {human_size(sum(sizes))}, over the {human_size(max_bytes)} "
                           "limit; split them over several packages.")
    return sizes


def build(sources: Sequence[Source], dest_dir: Path, *, fmt: str = "zip", max_bytes: int = DEFAULT_MAX_BYTES,
          today: dt.date | None = None) -> Package:
    """Package `sources` into `dest_dir` (which should be private) with a new password."""
    if fmt not in FORMATS:
        raise PackageError(f"Choose a format: {' or '.join(FORMATS)}.")
    sizes = check_sources(sources, max_bytes)
    password = new_password()
    name = archive_name(fmt, today)
    target = Path(dest_dir) / name
    files = []
    for position, (source, size) in enumerate(zip(sources, sizes, strict=True), 1):
        original, changed = display_name(source.name)
        try:
            stored = is_compressed(source.name) or looks_incompressible(source.path)
        except OSError:
            raise PackageError(f"File {position} cannot be read.") from None
        files.append(PackedFile(original, inner_name(position, source.name), size, stored, changed))
    work = target.with_name(f".{name}.partial")
    try:
        if fmt == "7z":
            with kdf.session():
                _write_7z(work, password, sources, files)
        else:
            _write_zip(work, password, sources, files)
        os.chmod(work, stat.S_IRUSR | stat.S_IWUSR)  # 0600, like every other file SafeShare writes for you
        os.replace(work, target)
    except PackageError:
        raise
    except (OSError, py7zr.exceptions.ArchiveError, zlib.error, ValueError, TypeError) as error:
        # The message may quote a path: log and raise the type only.
        log.error("package.failed", extra={"error": type(error).__name__})
        raise PackageError("The package could not be written (reading a file or writing the package failed). "
                           "Nothing was kept; please try again.") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            work.unlink()
    return Package(target, name, fmt, tuple(files), target.stat().st_size, password)


def _write_7z(path: Path, password: str, sources: Sequence[Source], files: list[PackedFile]) -> None:
    compressed = [(s, f) for s, f in zip(sources, files, strict=True) if not f.stored]
    stored = [(s, f) for s, f in zip(sources, files, strict=True) if f.stored]
    groups = sorted([(_COMPRESSED_7Z, compressed), (_STORED_7Z, stored)], key=lambda g: -len(g[1]))
    # py7zr gives each writing session one block with its own coders, so a
    # second method means a second session, appending. py7zr 1.1 writes a
    # broken block when one append holds two files or more (7-Zip reports a
    # CRC error; pinned in tests/test_packager.py), so the larger group is
    # written first and every appended file has a session of its own.
    sessions = [(groups[0][0], groups[0][1])] + [(groups[1][0], [member]) for member in groups[1][1]]
    mode = "w"
    for filters, members in sessions:
        if not members:
            continue
        with py7zr.SevenZipFile(path, mode, password=password, header_encryption=True, filters=filters) as archive:
            for source, packed in members:
                archive.write(source.path, packed.inner)
        mode = "a"


def _write_zip(path: Path, password: str, sources: Sequence[Source], files: list[PackedFile]) -> None:
    with pyzipper.AESZipFile(path, "w", compression=pyzipper.ZIP_DEFLATED) as archive:
        archive.setpassword(password.encode())
        archive.setencryption(pyzipper.WZ_AES, nbits=256, force_wz_aes_version=2)
        for source, packed in zip(sources, files, strict=True):
            if packed.stored:  # in 1 MB steps: zipfile's own write() copies 8 KB at a time
                info = archive.zipinfo_cls.from_file(source.path, packed.inner)
                info.compress_type = pyzipper.ZIP_STORED
                with open(source.path, "rb") as src, archive.open(info, "w") as dest:
                    shutil.copyfileobj(src, dest, 1024 * 1024)
            else:
                archive.write(source.path, packed.inner, compress_type=pyzipper.ZIP_DEFLATED, compresslevel=1)
