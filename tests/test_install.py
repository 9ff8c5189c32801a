"""The package as `pip install .` leaves it: built into a wheel, installed in a new venv, run elsewhere.

Offline: the wheel is built without build isolation (setuptools from the dev
extras) and installed with --no-deps --no-index; the new venv finds the
dependencies through a .pth line naming this venv's site-packages, which adds
that folder without running its .pth files (so not this checkout's editable
install). Every command runs from an empty folder, so nothing can come from
the source tree.
"""
from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import aiohttp
import pytest

from .test_production import Serve

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "manifest", "bot", "dialogs", "knowledge", "packager")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a new venv with the SafeShare wheel installed in it."""
    base = tmp_path_factory.mktemp("install")
    source = base / "source"  # a copy, so the build leaves no build/ or egg-info in the checkout
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                            "--no-index", "-w", str(base / "dist"), str(source)],
                           capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    wheel = next((base / "dist").glob("safeshare-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert {"bot/teamsapp/manifest.json", "bot/teamsapp/color.png", "bot/teamsapp/outline.png",
            "knowledge/data/rules.yaml", "bot/static/webchat.html", "bot/static/webchat-page.js",
            "bot/static/webchat.js", "bot/static/webchat.LICENSE.txt", "bot/static/webchat.js.LICENSE.txt",
            "bot/static/SOURCE.md"} <= set(names)
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "safeshare-test-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                           "--no-index", str(wheel)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    where = subprocess.run([python, "-c", "import bot, knowledge; print(bot.__file__, knowledge.__file__)"],
                           capture_output=True, text=True, cwd=base, check=True).stdout
    assert str(ROOT) not in where and where.count(site) == 2, where  # the installed copy, not this checkout
    return venv / "bin"


URLS = ("--privacy-url", "https://council.gov.uk/safeshare/privacy",
        "--terms-url", "https://council.gov.uk/safeshare/terms")


def run(bin_: Path, cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([bin_ / "safeshare", *args], cwd=cwd, input=stdin, capture_output=True, text=True,
                          timeout=60)


def test_installed_ask_check_and_manifest_work_from_another_folder(installed, tmp_path):
    asked = run(installed, tmp_path, "ask", "--json", stdin="can I text the foster carer the new address?\n")
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["verdict"] == "not_allowed"
    checked = run(installed, tmp_path, "check")
    assert checked.returncode == 0 and "protocol items" in checked.stdout, checked.stderr
    made = run(installed, tmp_path, "manifest", "--app-id", "11111111-2222-4333-8444-555555555555",
               "--out", "app.zip", *URLS)
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(tmp_path / "app.zip") as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        assert archive.read("color.png").startswith(b"\x89PNG")


def test_purge_and_manifest_do_not_need_the_knowledge_files(installed, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    env = ("--knowledge", str(broken))
    assert run(installed, tmp_path, *env, "ask", "hello").returncode == 3  # the protocol is needed here
    made = run(installed, tmp_path, *env, "manifest", "--app-id", "11111111-2222-4333-8444-555555555555", *URLS)
    assert made.returncode == 0, made.stderr
    purged = run(installed, tmp_path, *env, "purge")
    assert purged.returncode == 0 and purged.stdout.startswith("removed 0 "), purged.stderr


async def test_installed_serve_answers_from_another_folder(installed, tmp_path, connector):
    from .botharness import activity

    serve = Serve({"SAFESHARE_STATE_FILE": str(tmp_path / "state.sqlite3"), "PYTHONPATH": ""}, tmp_path,
                  command=(str(installed / "safeshare"),))
    try:
        async with aiohttp.ClientSession() as session:
            await serve.ready(session)
            body = activity(connector.url, "installed", "can I fax this to the GP?")
            async with session.post(serve.url + "/api/messages", json=body) as resp:
                assert resp.status == 200
            await asyncio.wait_for(connector.events["installed"].wait(), 10)
            # The browser chat comes from the wheel too: the page, Web Chat and its licence.
            for path, expected in (("/", b"<title>SafeShare</title>"), ("/webchat.js", b"WebChat"),
                                   ("/webchat.LICENSE.txt", b"MIT License")):
                async with session.get(serve.url + path) as resp:
                    assert resp.status == 200 and expected in await resp.read(), path
            async with session.post(serve.url + "/v3/directline/tokens/generate") as resp:
                assert resp.status == 200 and "token" in await resp.json()
    finally:
        code, output = serve.stop()
    assert code == 0 and "Traceback" not in output, output
