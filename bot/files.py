"""Files in and out of a conversation: downloads, the Teams file consent upload, packages on hold.

Downloads come only from https hosts on an allowlist (SharePoint and
OneDrive by default): anything else is refused before any connection is
made, redirects included. The file count is checked before anything is
fetched, and the size cap applies to the running total while the bytes
stream in: a download stops as soon as the files together pass it.
Messages in FileRefused are for the user: files are named by position,
never by name or URL, so they are safe to log too.
"""
from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import fcntl
import fnmatch
import ipaddress
import logging
import os
import secrets
import shutil
import ssl
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterable, Mapping, Sequence
from urllib.parse import unquote, urljoin, urlsplit

import aiohttp

from knowledge.errors import EXIT_PACKAGE, SafeShareError

from packager.package import MAX_FILES, Source, human_size, over_limit, private_dir

log = logging.getLogger(__name__)

DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info"
FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO = "application/vnd.microsoft.teams.card.file.info"
LOCAL_FILE = "application/vnd.safeshare.local-file"  # the terminal chat only
DEFAULT_HOSTS = ("*.sharepoint.com", "*.sharepoint.us", "*.sharepoint-mil.us", "*.sharepoint.cn")
# Not files: the HTML copy of the message Teams attaches, and cards.
_NOT_FILES = ("text/html", "application/vnd.microsoft.card.", "application/vnd.microsoft.teams.card.")
UPLOAD_CHUNK = 320 * 1024 * 13  # OneDrive wants chunks in multiples of 320 KiB
_READ_CHUNK = 256 * 1024
_MAX_REDIRECTS = 3


class FileRefused(SafeShareError):
    """Why a file could not be taken or given back, in words for the user (no names, no URLs)."""

    exit_code = EXIT_PACKAGE


def host_allowed(host: str | None, patterns: Iterable[str]) -> bool:
    if not host:
        return False
    host = host.lower().rstrip(".")
    return any(fnmatch.fnmatchcase(host, p.lower()) for p in patterns)


def _valid_hostname(host: str) -> bool:
    """DNS rules (RFC 1035, 1123): labels of 1 to 63 letters, digits or hyphens, 253 characters in all."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.rstrip(".").split(".")
    return len(host) <= 253 and all(
        0 < len(label) <= 63 and label.isascii() and label.replace("-", "").isalnum()
        and not label.startswith("-") and not label.endswith("-") for label in labels)


def is_file(attachment: Mapping[str, Any]) -> bool:
    content_type = str(attachment.get("contentType") or "")
    if content_type in (DOWNLOAD_INFO, LOCAL_FILE):
        return True
    if content_type.startswith(_NOT_FILES):
        return False
    return bool(attachment.get("contentUrl"))


@dataclass(frozen=True)
class FileRequest:
    position: int
    name: str
    kind: str  # "download", "inline", "local", or "unsupported"
    url: str


def requests_from(attachments: Iterable[Mapping[str, Any]]) -> list[FileRequest]:
    """The files among an activity's attachments, in order."""
    out: list[FileRequest] = []
    for attachment in attachments:
        if not isinstance(attachment, Mapping) or not is_file(attachment):
            continue
        position = len(out) + 1
        raw_name, raw_content, raw_url = attachment.get("name"), attachment.get("content"), attachment.get("contentUrl")
        name = raw_name if isinstance(raw_name, str) else ""
        content_type = attachment.get("contentType")
        content: Mapping[str, Any] = raw_content if isinstance(raw_content, Mapping) else {}
        url = raw_url if isinstance(raw_url, str) else ""
        download = content.get("downloadUrl")
        if content_type == DOWNLOAD_INFO and isinstance(download, str):
            out.append(FileRequest(position, name, "download", download))
        elif content_type == LOCAL_FILE:
            out.append(FileRequest(position, name, "local", url))
        elif url.startswith("data:"):
            out.append(FileRequest(position, name, "inline", url))
        else:
            out.append(FileRequest(position, name, "unsupported", url))
    return out


class FileTransfer:
    """Fetches attached files into a private folder and uploads packages, within limits."""

    def __init__(self, allowed_hosts: Iterable[str] = DEFAULT_HOSTS, max_bytes: int = 100 * 1024 * 1024,
                 ssl_context: ssl.SSLContext | None = None, allow_local: bool = False, timeout: float = 300):
        self.allowed_hosts = tuple(allowed_hosts)
        self.max_bytes = max_bytes
        self.ssl_context = ssl_context
        self.allow_local = allow_local
        self.timeout = aiohttp.ClientTimeout(total=timeout, sock_read=60)
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(ssl=self.ssl_context) if self.ssl_context else None
            self._session = aiohttp.ClientSession(timeout=self.timeout, connector=connector)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def check_url(self, url: str, what: str) -> None:
        """Refuse, without connecting, anything but https to an allowed host."""
        try:
            parts = urlsplit(url)
            host = parts.hostname or ""
        except ValueError:
            raise FileRefused(f"{what}: the link is not a valid address.") from None
        if parts.scheme != "https":
            raise FileRefused(f"{what}: SafeShare only fetches files over https from SharePoint or OneDrive.")
        if host and not _valid_hostname(host):  # e.g. a label over 63 characters: the connection would fail oddly
            raise FileRefused(f"{what}: the link is not a valid address.")
        if parts.username or parts.password or not host_allowed(host, self.allowed_hosts):
            raise FileRefused(f"{what}: the file is not on SharePoint or OneDrive, so SafeShare did not fetch it. "
                              "Attach it from your OneDrive in this chat.")
        with contextlib.suppress(ValueError):  # a bare IP address must be listed as itself
            ipaddress.ip_address(host)
            if host not in self.allowed_hosts:
                raise FileRefused(f"{what}: SafeShare does not fetch files from a bare IP address.")

    async def fetch_all(self, requests: Sequence[FileRequest], folder: Path) -> list[Source]:
        """Fetch the files in order, or refuse as early as the limits allow.

        Too many files are refused before any is fetched; the size limit is on the files
        together, so each download gets what the ones before it left and stops on passing it.
        """
        if len(requests) > MAX_FILES:
            raise FileRefused(f"A package can hold at most {MAX_FILES} files; split them over several packages.")
        sources, used = [], 0
        for request in requests:
            source = await self.fetch(request, folder, self.max_bytes - used)
            sources.append(source)
            try:
                used += source.path.stat().st_size
            except OSError:
                pass  # a local file that cannot be read: the packager says so, by position
        return sources

    async def fetch(self, request: FileRequest, folder: Path, budget: int | None = None) -> Source:
        """Fetch one file, refusing it once it is over `budget` bytes (what the package has left)."""
        what = f"File {request.position}"
        budget = self.max_bytes if budget is None else budget
        target = folder / f"incoming-{request.position}"
        if request.kind == "download":
            await self._download(request.url, target, what, budget)
        elif request.kind == "inline":
            self._inline(request.url, target, what, budget)
        elif request.kind == "local" and self.allow_local:
            return Source(Path(unquote(urlsplit(request.url).path) if request.url.startswith("file:") else request.url),
                          request.name or Path(request.url).name)
        else:
            raise FileRefused(f"{what}: SafeShare cannot take a file sent this way. In Teams, attach it to a "
                              "message in this personal chat (the paperclip).")
        return Source(target, request.name)

    def _too_big(self, what: str, budget: int, size: int | None = None) -> FileRefused:
        if budget >= self.max_bytes:  # the first file, or the earlier ones were empty
            return FileRefused(over_limit(what, self.max_bytes, size))
        return FileRefused(f"Together the files are over the {human_size(self.max_bytes)} limit ({what} took them "
                           "past it); split them over several packages. Nothing was kept.")

    def _inline(self, url: str, target: Path, what: str, budget: int) -> None:
        header, comma, data = url.partition(",")
        if not comma or not header.endswith(";base64"):
            raise FileRefused(f"{what}: an inline file must be base64 data.")
        if len(data) * 3 // 4 > budget + 3:
            raise self._too_big(what, budget)
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise FileRefused(f"{what}: the inline data is not valid base64.") from None
        if len(raw) > budget:
            raise self._too_big(what, budget)
        target.write_bytes(raw)

    async def _download(self, url: str, target: Path, what: str, budget: int) -> None:
        self.check_url(url, what)
        try:
            for _ in range(_MAX_REDIRECTS + 1):
                # identity: the size cap counts the bytes stored, so no compressed body can expand past it.
                async with self._client().get(url, allow_redirects=False,
                                              headers={"Accept-Encoding": "identity"}) as resp:
                    if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
                        url = urljoin(url, resp.headers["Location"])
                        self.check_url(url, what)
                        continue
                    if resp.status != 200:
                        raise FileRefused(f"{what} could not be downloaded (the server answered {resp.status}). "
                                          "Nothing was kept.")
                    if resp.content_length is not None and resp.content_length > budget:
                        raise self._too_big(what, budget, resp.content_length)
                    received = 0
                    with open(target, "wb") as out:
                        async for chunk in resp.content.iter_chunked(_READ_CHUNK):
                            received += len(chunk)
                            if received > budget:
                                raise self._too_big(what, budget)
                            out.write(chunk)
                    if resp.content_length is not None and received != resp.content_length:
                        raise FileRefused(f"{what}: the download was cut off. Nothing was kept; please try again.")
                    return
            raise FileRefused(f"{what}: too many redirects. Nothing was kept.")
        except FileRefused:
            target.unlink(missing_ok=True)
            raise
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            target.unlink(missing_ok=True)
            log.warning("file.download_failed", extra={"error": type(error).__name__})
            raise FileRefused(f"{what}: the download was cut off. Nothing was kept; please try again.") from None

    async def upload(self, path: Path, upload_url: str) -> None:
        """PUT the file to a OneDrive upload session, in chunks with Content-Range."""
        self.check_url(upload_url, "The upload")
        size = path.stat().st_size
        try:
            with open(path, "rb") as source:
                offset = 0
                while offset < size:
                    chunk = source.read(UPLOAD_CHUNK)
                    end = offset + len(chunk) - 1
                    headers = {"Content-Range": f"bytes {offset}-{end}/{size}", "Content-Length": str(len(chunk))}
                    # No redirects: the consent's upload URL was checked; wherever a 307 points was not.
                    async with self._client().put(upload_url, data=chunk, headers=headers,
                                                  allow_redirects=False) as resp:
                        await resp.read()
                        if resp.status not in (200, 201, 202):
                            raise FileRefused(f"The upload to your OneDrive failed (it answered {resp.status}). "
                                              "Nothing was kept.")
                    offset = end + 1
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            log.warning("file.upload_failed", extra={"error": type(error).__name__})
            raise FileRefused("The upload to your OneDrive was cut off. Nothing was kept.") from None


def default_work_root() -> Path:
    """Where originals are written when SAFESHARE_WORK_DIR is not set: the user's runtime folder when the
    platform offers one (XDG_RUNTIME_DIR: a tmpfs on systemd Linux, private to the user, gone at reboot),
    else the system temporary folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        try:
            info = os.stat(runtime)
        except OSError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() \
                and stat.S_IMODE(info.st_mode) & 0o077 == 0:
            return Path(runtime) / "safeshare-work"
    return Path(tempfile.gettempdir()) / f"safeshare-work-{os.getuid()}"


class WorkFolder:
    """SafeShare's own folder on disk, the only place plaintext originals and held packages are written.

    <root>/<pid>-<random>/ for this process, 0700, the folder itself locked (flock) for as long as the process lives, so that
    a process's start-up can wipe the folders of processes that died mid-turn (no lock held) without
    touching those of live instances on the same machine. sweep(), on a timer, does the same and removes
    turn folders of this process older than `max_age` (a turn that somehow never cleaned up).
    """

    def __init__(self, root: str | Path | None = None, max_age: float = 3600):
        self.root = Path(root) if root else default_work_root()
        self.max_age = max_age
        self.path: Path | None = None
        self._lock: int | None = None

    def open(self) -> Path:
        """This process's folder, made (and every dead process's folder wiped) on first use."""
        if self.path is None:
            self.root.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
            info = self.root.lstat()
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
                raise OSError(f"the work folder {self.root} is not a folder of this user")
            self.root.chmod(stat.S_IRWXU)
            self.wipe_dead()
            path = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=self.root))
            lock = os.open(path, os.O_RDONLY | os.O_DIRECTORY)  # the folder itself is the lock
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self.path, self._lock = path, lock
        return self.path

    def turn(self):
        """A private folder for one turn's originals, removed with everything in it when the turn ends."""
        return private_dir(self.open())

    def wipe_dead(self) -> int:
        """Remove the folders of processes that are gone; returns how many."""
        removed = 0
        for child in self.root.iterdir() if self.root.is_dir() else ():
            if child == self.path or not child.is_dir() or child.is_symlink():
                continue
            try:
                lock = os.open(child, os.O_RDONLY | os.O_DIRECTORY)
            except OSError:
                continue
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # taken: nobody holds it, the owner is gone
            except BlockingIOError:
                continue  # a live process
            finally:
                os.close(lock)
            shutil.rmtree(child, ignore_errors=True)
            removed += 1
        return removed

    def sweep(self) -> int:
        removed = self.wipe_dead()
        if self.path is not None:
            cutoff = time.time() - self.max_age
            for child in self.path.glob("safeshare-*"):
                with contextlib.suppress(OSError):
                    if child.lstat().st_mtime < cutoff:
                        shutil.rmtree(child, ignore_errors=True)
                        removed += 1
        return removed

    def close(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            if self._lock is not None:
                os.close(self._lock)
            self.path, self._lock = None, None


@dataclass
class Held:
    path: Path
    name: str
    size: int
    conversation: str
    expires: float
    kind: str = "package"  # bot/outgoing.py: what it is called when it is uploaded, declined or gone


class PendingPackages:
    """Files waiting for the sender to accept the upload: encrypted packages, fax cover sheets.

    Never an original, never a password.

    In a private folder (0700) of this process, for `hold_seconds` at most;
    taken once (accept or decline), then deleted. With several instances use
    BlobPendingPackages, so the accept can reach any of them.
    """

    def __init__(self, hold_seconds: float = 900, work: WorkFolder | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.hold_seconds = hold_seconds
        self.work = work
        self.clock = clock  # a test moves it instead of waiting out the hold
        self.root: Path | None = None  # made on first use
        self._held: dict[str, Held] = {}

    def _folder(self) -> Path:
        if self.root is None:
            self.root = Path(tempfile.mkdtemp(prefix="safeshare-pending-", dir=self.work.open() if self.work else None))
            self.root.chmod(stat.S_IRWXU)
        return self.root

    async def sweep(self) -> None:
        """Delete every package whose hold has expired (on a timer, as well as on every hold and take)."""
        self._sweep()

    async def hold(self, package_path: Path, name: str, size: int, conversation: str, kind: str = "package",
                   local: bool = False) -> str:
        """Move the file into the hold; the token the consent card carries back. `local`: this process's
        disk only (always so here)."""
        self._sweep()
        token = secrets.token_urlsafe(18)
        target = self._folder() / token
        shutil.move(str(package_path), target)
        self._held[token] = Held(target, name, size, conversation, self.clock() + self.hold_seconds, kind)
        return token

    async def take(self, token: Any, conversation: str) -> Held | None:
        """The package for this token and conversation, no longer held; None if unknown or expired."""
        self._sweep()
        if not isinstance(token, str):
            return None
        held = self._held.get(token)
        if held is None or held.conversation != conversation:
            return None
        del self._held[token]
        return held

    async def discard(self, held: Held | None) -> None:
        if held is not None:
            held.path.unlink(missing_ok=True)

    def _sweep(self) -> None:
        now = self.clock()
        for token, held in list(self._held.items()):
            if held.expires <= now:
                del self._held[token]
                held.path.unlink(missing_ok=True)

    def __len__(self) -> int:
        return len(self._held)

    async def close(self) -> None:
        self._held.clear()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None


class BlobPendingPackages(PendingPackages):
    """The same, held in an Azure Blob Storage container, so any instance can take the accept.

    The blob is the encrypted package only (the password was never stored),
    named by the random token; its metadata holds a hash of the conversation
    id, the package's neutral name, its size and the expiry. Taking it
    downloads it to a private local file and deletes the blob, conditionally,
    so only one instance ever gets it. Expired blobs are removed on every hold.

    A file held `local` (a fax cover sheet: personal data in the clear) is
    never written to the container: it stays in this instance's work folder,
    and an accept that reaches another instance finds it gone ("make it again").
    """

    def __init__(self, connection_string: str, container: str = "safeshare-pending", hold_seconds: float = 900,
                 timeout: float = 30, work: WorkFolder | None = None):
        super().__init__(hold_seconds, work)
        from .storage import BlobContainer

        self._store = BlobContainer(connection_string, container, timeout, retries=2)
        self._container = self._store.client
        self._count = 0

    @staticmethod
    def _ref(conversation: str) -> str:
        import hashlib

        return hashlib.sha256(conversation.encode("utf-8", "replace")).hexdigest()

    async def hold(self, package_path: Path, name: str, size: int, conversation: str, kind: str = "package",
                   local: bool = False) -> str:
        if local:
            return await super().hold(package_path, name, size, conversation, kind)
        await self._store.ready()
        await self._sweep_blobs()
        token = secrets.token_urlsafe(18)
        metadata = {"conversation": self._ref(conversation), "name": name, "size": str(size), "kind": kind,
                    "expires": str(int(time.time() + self.hold_seconds))}
        try:
            with open(package_path, "rb") as data:
                await self._container.upload_blob(token, data, metadata=metadata, max_concurrency=1)
        finally:
            Path(package_path).unlink(missing_ok=True)
        self._count += 1
        return token

    async def take(self, token: Any, conversation: str) -> Held | None:
        from azure.core import MatchConditions
        from azure.core.exceptions import ResourceModifiedError, ResourceNotFoundError

        held = await super().take(token, conversation)  # held here, on this instance's disk
        if held is not None:
            return held
        if not isinstance(token, str) or not token.replace("-", "").replace("_", "").isalnum():
            return None
        await self._store.ready()
        blob = self._container.get_blob_client(token)
        try:
            props = await blob.get_blob_properties()
        except ResourceNotFoundError:
            return None
        meta = props.metadata or {}
        if meta.get("conversation") != self._ref(conversation):
            return None
        if int(meta.get("expires", "0")) <= time.time():
            await self._delete_quietly(token)
            return None
        target = self._folder() / token
        try:
            downloader = await blob.download_blob(etag=props.etag, match_condition=MatchConditions.IfNotModified)
            with open(target, "wb") as out:
                async for chunk in downloader.chunks():
                    out.write(chunk)
            await blob.delete_blob(etag=props.etag, match_condition=MatchConditions.IfNotModified)
        except (ResourceNotFoundError, ResourceModifiedError):  # another instance took it first
            target.unlink(missing_ok=True)
            return None
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return Held(target, meta.get("name", token), int(meta.get("size", "0")), conversation,
                    self.clock() + self.hold_seconds, meta.get("kind", "package"))

    async def _delete_quietly(self, token: str) -> None:
        from azure.core.exceptions import ResourceNotFoundError

        try:
            await self._container.delete_blob(token)
        except ResourceNotFoundError:
            pass

    async def _sweep_blobs(self) -> None:
        now = time.time()
        async for item in self._container.list_blobs(include=["metadata"]):
            if int((item.metadata or {}).get("expires", "0")) <= now:
                await self._delete_quietly(item.name)

    async def sweep(self) -> None:
        self._sweep()
        await self._store.ready()
        await self._sweep_blobs()

    def __len__(self) -> int:
        return self._count + len(self._held)

    async def close(self) -> None:
        await super().close()
        await self._store.close()
