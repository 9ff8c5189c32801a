"""Turns per second of SafeShare's guided check over HTTP, beside its ceiling and its peer.

Three bots, each in its own process on 127.0.0.1, measured in the same run
against the same stand-in Bot Framework connector (also its own process):

- bare:      an aiohttp handler that parses the activity JSON and posts one
             reply to the connector (the ceiling for any bot in Python);
- echo:      the stock botbuilder 4.17.1 CloudAdapter echo bot (the peer);
- safeshare: `bot.app.create_app`, driven through guided checks
             (check → no harm → email → mental health → GP, then again).

For each, N conversations run at once for a fixed time, each sending its
next turn as soon as the last one was answered (a turn is answered when
the bot has posted its replies and returned 200). Prints turns/s, p50 and
p99 per turn, and the ratios SafeShare/bare and SafeShare/echo.

Run: .venv/bin/python benchmarks/bench_turns.py [--seconds 4] [--concurrency 1 16 64]

`--packaging`: instead, another person's `help` while six people package
90 MB files at once, SafeShare in anonymous mode beside SafeShare with an app
id (inbound tokens signed by a local OpenID endpoint, reply tokens from a
local token endpoint, the connector and a stand-in SharePoint over TLS, all
on 127.0.0.1). Prints `help` latency idle and during the packaging, and
how long the six packages took.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GUIDED_CHECK = ("check", "no", "email", "mental health", "GP")


# --- the servers, each run as `bench_turns.py --serve KIND` -----------------

def connector_app():
    from aiohttp import web

    async def post(request):
        await request.read()
        return web.json_response({"id": "1"})

    app = web.Application()
    app.router.add_post("/v3/conversations/{cid}/activities", post)
    app.router.add_post("/v3/conversations/{cid}/activities/{aid}", post)
    return app


def bare_app():
    import json

    import aiohttp
    from aiohttp import web

    async def on_startup(app):
        app["session"] = aiohttp.ClientSession()

    async def on_cleanup(app):
        await app["session"].close()

    async def messages(request):
        activity = json.loads(await request.read())
        reply = {"type": "message", "text": "You said " + str(activity.get("text")),
                 "conversation": activity["conversation"], "replyToId": activity["id"],
                 "from": activity["recipient"], "recipient": activity["from"]}
        url = f"{activity['serviceUrl']}/v3/conversations/{activity['conversation']['id']}/activities/{activity['id']}"
        async with request.app["session"].post(url, json=reply) as resp:
            await resp.read()
        return web.Response(status=200)

    app = web.Application()
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    app.router.add_post("/api/messages", messages)
    return app


def echo_app():
    from aiohttp import web
    from botbuilder.core import ActivityHandler, MessageFactory
    from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

    from bot.config import Config

    class EchoBot(ActivityHandler):
        async def on_message_activity(self, turn_context):
            await turn_context.send_activity(MessageFactory.text(f"You said {turn_context.activity.text}"))

    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(Config()))
    bot = EchoBot()

    async def messages(request):
        return await adapter.process(request, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    return app


def safeshare_app():
    import logging

    from bot.app import create_app
    from bot.config import Config
    from knowledge.loader import load_policy

    logging.disable(logging.WARNING)
    state = Path(tempfile.mkdtemp(prefix="bench-state-")) / "state.sqlite3"  # the default store, out of the way
    return create_app(Config(STATE_FILE=str(state)), load_policy())


def packaging_app(authenticated: bool):
    import json
    import logging
    import ssl

    from bot.app import create_app
    from bot.config import Config
    from bot.files import FileTransfer
    from knowledge.loader import load_policy

    logging.disable(logging.WARNING)
    state = Path(tempfile.mkdtemp(prefix="bench-state-")) / "state.sqlite3"
    options = json.loads(os.environ["BENCH_AUTH"]) if authenticated else {}
    transfer = FileTransfer(("localhost",), 100 * 1024 * 1024,
                            ssl_context=ssl.create_default_context(cafile=os.environ["BENCH_CA"]))
    return create_app(Config(STATE_FILE=str(state), **options), load_policy(), transfer=transfer)


APPS = {"connector": connector_app, "bare": bare_app, "echo": echo_app, "safeshare": safeshare_app,
        "safeshare-anonymous": lambda: packaging_app(False), "safeshare-authenticated": lambda: packaging_app(True)}


def serve(kind: str) -> None:
    from aiohttp import web

    async def main():
        runner = web.AppRunner(APPS[kind](), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        print(site._server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


def start(kind: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, __file__, "--serve", kind], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    port = proc.stdout.readline().strip()
    if not port:
        raise SystemExit(f"the {kind} server did not start")
    return proc, f"http://127.0.0.1:{port}"


# --- the load ------------------------------------------------------------------

async def load(url: str, connector: str, kind: str, concurrency: int, seconds: float) -> tuple[float, float, float]:
    import aiohttp

    ids = itertools.count()
    latencies: list[float] = []
    deadline_holder = {"warm": 0.0, "end": 0.0}

    async def conversation(n: int, session):
        script = itertools.cycle(GUIDED_CHECK if kind == "safeshare" else ("hello",))
        cid = f"{kind}-{concurrency}-{n}-{os.getpid()}"
        while True:
            now = time.perf_counter()
            if now >= deadline_holder["end"]:
                return
            body = {"type": "message", "id": f"a{next(ids)}", "channelId": "msteams", "serviceUrl": connector,
                    "from": {"id": f"user-{n}"}, "recipient": {"id": "bot"}, "text": next(script),
                    "conversation": {"id": cid, "conversationType": "personal"}}
            async with session.post(url + "/api/messages", json=body) as resp:
                await resp.read()
                if resp.status not in (200, 201, 202):
                    raise SystemExit(f"{kind}: HTTP {resp.status}")
            done = time.perf_counter()
            if now >= deadline_holder["warm"]:
                latencies.append((done - now) * 1000)

    connector_limit = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector_limit) as session:
        begin = time.perf_counter()
        deadline_holder["warm"] = begin + min(1.0, seconds / 4)
        deadline_holder["end"] = deadline_holder["warm"] + seconds
        await asyncio.gather(*(conversation(n, session) for n in range(concurrency)))
    latencies.sort()
    rate = len(latencies) / seconds
    return rate, statistics.median(latencies), latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]


# --- help while others package ---------------------------------------------------

PACKAGERS = 6
PACKAGE_MB = 90


async def help_while_packaging(url: str, connector: str, files_url: str, openid) -> tuple[list[float], list[float], float, int]:
    """(help latencies idle, help latencies while packaging, seconds for all packages, packages told to wait)."""
    import aiohttp

    def headers():
        return {"Authorization": f"Bearer {openid.token(connector)}"} if openid else {}

    def body(user: str, conversation: str, text: str = "", attachments=None) -> dict:
        out = {"type": "message", "id": f"a{time.perf_counter_ns()}", "channelId": "msteams", "serviceUrl": connector,
               "from": {"id": user}, "recipient": {"id": "bot"}, "text": text,
               "conversation": {"id": conversation, "conversationType": "personal", "tenantId": TENANT},
               "channelData": {"tenant": {"id": TENANT}}}
        if attachments:
            out["attachments"] = attachments
        return out

    async def post(session, activity) -> float:
        started = time.perf_counter()
        async with session.post(url + "/api/messages", json=activity, headers=headers()) as resp:
            await resp.read()
            if resp.status != 200:
                raise SystemExit(f"HTTP {resp.status}")
        return time.perf_counter() - started

    timeout = aiohttp.ClientTimeout(total=600)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        idle = [await post(session, body("helper", "help-idle", "help")) for _ in range(5)]
        attachment = [{"contentType": "application/vnd.microsoft.teams.file.download.info", "name": "big.pdf",
                       "content": {"downloadUrl": f"{files_url}/files/big.pdf", "fileType": "pdf"}}]
        started = time.perf_counter()
        packaging = [asyncio.ensure_future(post(session, body(f"user-{n}", f"pack-{n}", attachments=attachment)))
                     for n in range(PACKAGERS)]
        busy = []
        while not all(p.done() for p in packaging):
            busy.append(await post(session, body("helper", "help-busy", "help")))
        await asyncio.gather(*packaging)
        took = time.perf_counter() - started
    return idle, busy, took, 0


TENANT = "9f3c1a52-0d6e-4f3b-8a61-2b7c5e4d9a10"


def packaging_main() -> None:
    import json

    from tests.filehosts import FileHost, tls_contexts
    from tests.test_auth import APP_ID, ISSUER, OpenIdEndpoint
    from tests.tokenendpoint import TokenEndpoint

    folder = Path(tempfile.mkdtemp(prefix="bench-tls-"))
    server_tls, _ = tls_contexts(folder)
    procs = []
    results = {}

    async def run_all():
        host = FileHost(server_tls)
        host.files["big.pdf"] = os.urandom(PACKAGE_MB * 1024 * 1024)
        await host.start()
        openid = OpenIdEndpoint()
        await openid.start()
        tokens = await TokenEndpoint(APP_ID, "bench-secret").start()
        metadata = f"{openid.url}/.well-known/openid-configuration"
        auth = dict(APP_ID=APP_ID, APP_PASSWORD="bench-secret", ALLOWED_TENANTS=TENANT,
                    TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=ISSUER, TO_CHANNEL_FROM_BOT_LOGIN_URL=tokens.login_url,
                    TO_CHANNEL_FROM_BOT_OAUTH_SCOPE="https://api.botframework.com",
                    OAUTH_URL="https://api.botframework.com", CALLER_ID="urn:botframework:azure",
                    TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=metadata, TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL=metadata)
        env = {"BENCH_CA": str(folder / "host.pem"), "BENCH_AUTH": json.dumps(auth)}
        connector_proc, connector = await asyncio.to_thread(start, "connector")
        procs.append(connector_proc)
        for mode in ("anonymous", "authenticated"):
            proc, url = await asyncio.to_thread(start, f"safeshare-{mode}", env)
            procs.append(proc)
            results[mode] = await help_while_packaging(url, connector, host.url,
                                                       openid if mode == "authenticated" else None)
        results["token fetches"] = len(tokens.issued)
        await host.stop()
        await tokens.stop()
        await openid.runner.cleanup()

    try:
        asyncio.run(run_all())
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait()
    print(f"{os.cpu_count()} CPUs; `help` from a seventh person while {PACKAGERS} people each package a "
          f"{PACKAGE_MB} MB file (default BUILD_WORKERS/BUILD_QUEUE); times in ms\n")
    print("| mode | help idle p50 | help while packaging: n | p50 | max | all packages made in (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for mode in ("anonymous", "authenticated"):
        idle, busy, took, _ = results[mode]
        print(f"| {mode} | {statistics.median(idle) * 1000:.1f} | {len(busy)} | "
              f"{statistics.median(busy) * 1000:.1f} | {max(busy) * 1000:.1f} | {took:.1f} |")
    print(f"\nreply tokens fetched from the token endpoint in the authenticated run: {results['token fetches']}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", choices=sorted(APPS))
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 16, 64])
    parser.add_argument("--packaging", action="store_true", help="help latency while others package large files")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if args.packaging:
        packaging_main()
        return
    procs = []
    try:
        connector_proc, connector = start("connector")
        procs.append(connector_proc)
        servers = {}
        for kind in ("bare", "echo", "safeshare"):
            proc, url = start(kind)
            procs.append(proc)
            servers[kind] = url
        results = {}
        for concurrency in args.concurrency:
            for kind, url in servers.items():
                results[kind, concurrency] = asyncio.run(load(url, connector, kind, concurrency, args.seconds))
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait()
    print(f"{os.cpu_count()} CPUs; {args.seconds:g} s per cell; each server one process; times in ms\n")
    print("| concurrent | bot | turns/s | p50 | p99 | SafeShare ÷ this (turns/s) |")
    print("|---:|---|---:|---:|---:|---:|")
    for concurrency in args.concurrency:
        ours = results["safeshare", concurrency][0]
        for kind in ("bare", "echo", "safeshare"):
            rate, p50, p99 = results[kind, concurrency]
            ratio = "" if kind == "safeshare" else f"{ours / rate:.2f}"
            name = {"bare": "bare aiohttp (ceiling)", "echo": "stock botbuilder echo", "safeshare": "SafeShare guided check"}[kind]
            print(f"| {concurrency} | {name} | {rate:,.0f} | {p50:.1f} | {p99:.1f} | {ratio} |")


if __name__ == "__main__":
    main()
