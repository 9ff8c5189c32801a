from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dialogs.answer import Assistant
from knowledge.loader import DATA_DIR, load_policy

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def policy():
    return load_policy()


@pytest.fixture(scope="session")
def assistant(policy):
    return Assistant(policy)


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
