"""An Assistant built once and kept between runs of `safeshare ask` (knowledge/cache.py).

A new `safeshare ask` process spends most of its time before the answer:
checking the knowledge files, then stemming and indexing their words for the
reader and the FAQ search. All of it depends on the files and the code only,
so it is kept, built before any question is read.
"""
from __future__ import annotations

from pathlib import Path

from knowledge.cache import load_kept

from .answer import Assistant


def kept_assistant(directory: str | Path | None = None) -> Assistant:
    """An Assistant for the knowledge in `directory` (the shipped protocol by default); KnowledgeError if broken."""
    return load_kept("assistant", directory, _fresh, Assistant, code=(Path(__file__).parent,))


def _fresh(folder: Path) -> Assistant:
    from knowledge.loader import load_policy  # noqa: PLC0415 - yaml and the checks, only when the files changed

    assistant = Assistant(load_policy(folder))
    # Built now, before it is kept: most questions search the looser FAQ wordings, and every cited answer
    # compares its words with the protocol's (a new process spent 17 ms of its 380 preparing them)
    _ = assistant.also_index, assistant.section_words
    return assistant
