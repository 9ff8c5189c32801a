"""1,000 simulated users each doing a complete guided check, against real `safeshare serve` processes.

Three set-ups in the same run, each server its own process:

- two `safeshare serve` processes sharing state in Azurite (Azure Blob
  Storage emulator); each user's turns alternate between the two;
- one `safeshare serve` process with the embedded SQLite store;
- the bare aiohttp handler from bench_turns.py (parse, post one reply): the
  ceiling for the same number of requests.

Users run `--concurrency` at a time; a user's check is complete when its
last reply is the advice card. Prints completed checks/s, turn p50/p99,
errors (a non-200 answer, or a check that did not end in the right advice)
and peak RSS per server process.

Run: .venv/bin/python benchmarks/bench_load.py [--users 1000] [--concurrency 100]
Needs Azurite (npm install -g azurite) for the first set-up.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_turns  # noqa: E402
from procstat import peak_rss_mb  # noqa: E402
from tests.azurite import Azurite, free_port  # noqa: E402
from tests.botharness import Connector, card_of  # noqa: E402

CHECK = ("check", "no", "email", "mental health", "GP")
DONE = "Allowed, with conditions"


def last_title(connector: Connector, conversation: str) -> str:
    """The first line of the last card the bot sent in a conversation ('' if none)."""
    try:
        return card_of(connector.sent[conversation][-1])["body"][0]["text"]
    except (IndexError, KeyError, TypeError):
        return ""


class Server:
    def __init__(self, env: dict, cwd: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--port", str(self.port)], cwd=cwd,
                                     env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    async def ready(self, session) -> None:
        for _ in range(300):
            try:
                async with session.get(self.url + "/readyz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
        raise SystemExit("a server did not start")

    def stop(self) -> float:
        """Peak RSS in MB (the process's own: see procstat.py)."""
        peak = peak_rss_mb(self.proc.pid)
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait()
        return peak


async def run_users(urls: list[str], connector: str, recorder: Connector | None, users: int, concurrency: int,
                    tag: str) -> dict:
    ids = itertools.count()
    latencies: list[float] = []
    errors = 0
    gate = asyncio.Semaphore(concurrency)

    async def user(n: int, session):
        nonlocal errors
        cid = f"{tag}-{n}"
        async with gate:
            for turn, text in enumerate(CHECK):
                url = urls[(n + turn) % len(urls)]
                body = {"type": "message", "id": f"a{next(ids)}", "channelId": "msteams", "serviceUrl": connector,
                        "from": {"id": f"user-{n}"}, "recipient": {"id": "bot"}, "text": text,
                        "conversation": {"id": cid, "conversationType": "personal"}}
                start = time.perf_counter()
                try:
                    async with session.post(url + "/api/messages", json=body) as resp:
                        await resp.read()
                        ok = resp.status == 200
                except aiohttp.ClientError:
                    ok = False
                latencies.append((time.perf_counter() - start) * 1000)
                if not ok:
                    errors += 1
                    return False
            if recorder is not None and last_title(recorder, cid) != DONE:
                errors += 1
                return False
            return True

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:
        started = time.perf_counter()
        done = await asyncio.gather(*(user(n, session) for n in range(users)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {"checks/s": sum(done) / elapsed, "p50": statistics.median(latencies),
            "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], "errors": errors,
            "completed": sum(done)}


async def main_async(args) -> list[tuple]:
    rows = []
    recorder = Connector()  # the tests' stand-in: it keeps every reply, so each check's last one can be read
    await recorder.start()
    connector = recorder.url
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        async with aiohttp.ClientSession() as session:
            if shutil.which("azurite-blob"):
                azurite = Azurite(tmp / "azurite").start()
                env = {"SAFESHARE_STORAGE": "blob", "AZURE_STORAGE_CONNECTION_STRING": azurite.connection_string}
                servers = [Server(env, tmp), Server(env, tmp)]
                for server in servers:
                    await server.ready(session)
                result = await run_users([s.url for s in servers], connector, recorder, args.users, args.concurrency,
                                         "azurite")
                rss = [server.stop() for server in servers]
                azurite.stop()
                rows.append(("2 × safeshare serve, state in Azurite", result, rss))
            else:
                print("Azurite not installed: skipping the two-process set-up (npm install -g azurite)")
            server = Server({"SAFESHARE_STATE_FILE": str(tmp / "state.sqlite3")}, tmp)
            await server.ready(session)
            result = await run_users([server.url], connector, recorder, args.users, args.concurrency, "sqlite")
            rows.append(("1 × safeshare serve, embedded SQLite", result, [server.stop()]))
        bare_proc, bare_url = bench_turns.start("bare")
        try:
            result = await run_users([bare_url], connector, None, args.users, args.concurrency, "bare")
        finally:
            bare_peak = peak_rss_mb(bare_proc.pid)
            bare_proc.terminate()
            bare_proc.wait()
        rows.append(("bare aiohttp handler (ceiling)", result, [bare_peak]))
    await recorder.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=100)
    args = parser.parse_args()
    rows = asyncio.run(main_async(args))
    print(f"{os.cpu_count()} CPUs; {args.users} users, {args.concurrency} at a time, "
          f"{len(CHECK)} turns each (a complete guided check); times in ms\n")
    print("| set-up | checks/s | turn p50 | turn p99 | errors | peak RSS per process (MB) |")
    print("|---|---:|---:|---:|---:|---|")
    for name, r, rss in rows:
        print(f"| {name} | {r['checks/s']:.1f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | "
              f"{', '.join(f'{m:.0f}' for m in rss)} |")


if __name__ == "__main__":
    main()
