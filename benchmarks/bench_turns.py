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


APPS = {"connector": connector_app, "bare": bare_app, "echo": echo_app, "safeshare": safeshare_app}


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


def start(kind: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, __file__, "--serve", kind], stdout=subprocess.PIPE, text=True)
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", choices=sorted(APPS))
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 16, 64])
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
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
