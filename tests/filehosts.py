"""Stand-ins for SharePoint (download) and OneDrive (chunked upload): real aiohttp servers over TLS on 127.0.0.1."""
from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
from pathlib import Path

from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID



def tls_contexts(folder: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A self-signed certificate for localhost: (server context, client context that trusts it)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(hours=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "host.pem", folder / "host.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cafile=str(cert_file))
    return server, client


class FileHost:
    """GET /files/{name} serves registered bytes; PUT /upload/{id} collects Content-Range chunks."""

    def __init__(self, server_ssl: ssl.SSLContext):
        self.ssl = server_ssl
        self.files: dict[str, bytes] = {}
        self.modes: dict[str, str] = {}  # name -> "normal" | "no-length" | "break" | "stall" | "redirect:URL"
        self.stalled = asyncio.Event()  # set when a "stall" download has sent its first half
        self.release = asyncio.Event()  # a stalled download sends the rest once this is set
        self.uploads: dict[str, bytearray] = {}
        self.ranges: dict[str, list[str]] = {}
        self.upload_mode = "normal"  # or "cut", or "redirect" (307 to another upload URL)
        self.requests = 0
        self.headers: list[dict] = []  # each request's headers, in order
        self.app = web.Application(client_max_size=200 * 1024 * 1024)
        self.app.router.add_get("/files/{name}", self._get)
        self.app.router.add_put("/upload/{id}", self._put)
        self.runner = None
        self.url = ""

    async def start(self):
        runner = web.AppRunner(self.app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=self.ssl)
        await site.start()
        self.runner = runner
        self.url = f"https://localhost:{site._server.sockets[0].getsockname()[1]}"

    async def stop(self):
        await self.runner.cleanup()

    async def _get(self, request: web.Request):
        self.requests += 1
        self.headers.append(dict(request.headers))
        name = request.match_info["name"]
        mode = self.modes.get(name, "normal")
        if mode.startswith("redirect:"):
            raise web.HTTPFound(mode.removeprefix("redirect:"))
        data = self.files.get(name)
        if data is None:
            raise web.HTTPNotFound()
        if mode == "normal":
            return web.Response(body=data, content_type="application/octet-stream")
        response = web.StreamResponse()
        if mode in ("break", "stall"):
            response.content_length = len(data)
        await response.prepare(request)
        half = len(data) // 2 if mode in ("break", "stall") else len(data)
        for start in range(0, half, 65536):
            await response.write(data[start:min(start + 65536, half)])
        if mode == "stall":  # half the file, then nothing until released (or the client gives up)
            self.stalled.set()
            await self.release.wait()
            await response.write(data[half:])
            await response.write_eof()
            return response
        if mode == "break":
            await asyncio.sleep(0.05)
            request.transport.close()  # the connection drops halfway
            return response
        await response.write_eof()
        return response

    async def _put(self, request: web.Request):
        self.requests += 1
        self.headers.append(dict(request.headers))
        upload = request.match_info["id"]
        if self.upload_mode == "redirect" and not upload.startswith("moved-"):
            raise web.HTTPTemporaryRedirect(f"/upload/moved-{upload}")
        content_range = request.headers.get("Content-Range", "")
        self.ranges.setdefault(upload, []).append(content_range)
        body = await request.read()
        if self.upload_mode == "cut" and len(self.ranges[upload]) >= 1:
            request.transport.close()
            return web.Response(status=500)
        start = int(content_range.split()[1].split("-")[0])
        buffer = self.uploads.setdefault(upload, bytearray())
        assert start == len(buffer), "chunks must arrive in order"
        buffer += body
        total = int(content_range.rsplit("/", 1)[1])
        return web.json_response({"id": upload}, status=201 if len(buffer) == total else 202)
