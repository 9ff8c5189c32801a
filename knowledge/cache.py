"""What the knowledge files build, kept between runs of `safeshare ask`.

Reading and checking the knowledge files, then preparing them for reading
questions (stems, typo targets, the FAQ index), is most of what a new
`safeshare ask` process does before it answers. The result depends only on
the bytes of those files and of the code that builds it, so it is kept,
keyed by a digest of both, the way Python keeps a module's bytecode beside
its source: an edit to any knowledge file or to the code is a different
digest, and the files are checked again in full, with every problem reported
by file and line as before. A kept file that cannot be read is built again
and replaced; any failure to keep one only costs the next run its time.

What is kept is built from the protocol alone, before any question is read,
so it holds no question and no one's data. The folder is the user's own
(0700), and a kept file is read only if it is the user's and no one else can
write it, since unpickling runs code.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_CODE = Path(__file__).parent
DATA = _CODE / "data"


def cache_dir() -> Path | None:
    """Where built things are kept: SAFESHARE_CACHE_DIR ('off' keeps none), else the user's cache folder."""
    chosen = os.environ.get("SAFESHARE_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "safeshare"


def digest(directory: Path, code: Iterable[Path] = ()) -> str:
    """The folder, every file in it, the code that builds from it and the Python version, as one hex digest.

    Every file in the folder counts (the .yaml the policy reads, the .txt
    word lists, the learned model's .json), not only those the policy reads,
    and every .py file of the knowledge package and of `code`: a needless
    rebuild costs one run's time, a stale result would be wrong.
    """
    h = hashlib.sha256(f"{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}|{directory.resolve()}".encode())
    sources = [p for folder in (_CODE, *code) for p in folder.glob("*.py")]
    for path in sorted([*sources, *(p for p in directory.iterdir() if p.is_file())]):
        h.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def load_kept(name: str, directory: str | Path | None, build: Callable[[Path], T], kind: type[T],
              code: Iterable[Path] = ()) -> T:
    """`build(folder)`, or what it built for the same files and code, kept under `name`.

    `build` must be a pure function of the files (it raises KnowledgeError
    for a broken one, and then nothing is kept). `code`: the folders of
    Python, besides this package, whose change must rebuild.
    """
    folder = Path(directory) if directory else DATA
    where = cache_dir()
    if where is None:
        return build(folder)
    try:
        key = digest(folder, code)
    except OSError:
        return build(folder)
    kept = where / f"{name}-{key}.pickle"
    found = _read(kept, kind)
    if found is not None:
        return found
    built = build(folder)
    _write(where, name, kept, built)
    return built


def _read(path: Path, kind: type[T]) -> T | None:
    try:
        with path.open("rb") as f:
            info = os.fstat(f.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None  # someone else could have written it: build it instead
            found = pickle.load(f)  # noqa: S301 - our own file, in our own folder, checked above
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return found if isinstance(found, kind) else None


def _write(where: Path, name: str, kept: Path, built: object) -> None:
    import tempfile  # noqa: PLC0415 - only when the files changed: it costs a run that answers from the cache 10 ms

    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=f".{name}-", suffix=".tmp")  # 0600
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, kept)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in where.glob(f"{name}-*.pickle"):  # one kept copy of each is enough
            if old != kept:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass  # a read-only or full disk: the next run builds again, nothing else changes
