from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dialogs.answer import Assistant
from knowledge.loader import DATA_DIR, load_policy

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _policy_cache(tmp_path_factory):
    """Run by the tests, SafeShare keeps what it builds and stores in the test's own folders, never in the
    user's ~/.cache or ~/.local/share."""
    os.environ["SAFESHARE_CACHE_DIR"] = str(tmp_path_factory.mktemp("policy-cache"))
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data-home"))


@pytest.fixture(scope="session")
def policy():
    return load_policy()


@pytest.fixture(scope="session")
def assistant(policy):
    return Assistant(policy)


def edit_knowledge(directory: Path, name: str, old: str, new: str, count: int = 1) -> Path:
    """Replace `old` (which must be there) in a copied knowledge file, as an officer's edit would."""
    path = directory / f"{name}.yaml"
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, count))
    return path


@pytest.fixture
def knowledge_copy(tmp_path):
    """A writable copy of the shipped knowledge files."""
    target = tmp_path / "knowledge"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture
async def connector():
    """A stand-in Bot Framework connector on 127.0.0.1 (tests/botharness.py)."""
    from .botharness import Connector

    stand_in = Connector()
    await stand_in.start()
    yield stand_in
    await stand_in.stop()


@pytest.fixture
def azurite(tmp_path):
    """A real Azurite (the Azure Storage emulator) for one test; .ci/run installs it."""
    from .azurite import Azurite

    if not shutil.which("azurite-blob") and not os.environ.get("CI"):
        pytest.skip("Azurite is not installed (npm install -g azurite)")
    server = Azurite(tmp_path / "azurite").start()
    yield server
    server.stop()
