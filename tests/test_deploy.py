"""The container recipe keeps its promises (checked statically: CI has no Docker daemon)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_dockerfile_is_slim_non_root_with_a_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.1[1-9]-slim$", text, re.M)
    users = re.findall(r"^USER (\S+)$", text, re.M)
    assert users and users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in text and "/healthz" in text
    assert '"serve", "--host", "0.0.0.0", "--port", "3978"' in text
    assert "--allow-anonymous-remote" not in text  # credentials must come from the environment
    for package in ("manifest", "bot", "dialogs", "knowledge", "packager"):  # manifest/: bot/teamsapp links to it
        assert f"COPY {package} ./{package}" in text
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".env" in ignored and ".git" in ignored


def test_readme_deploy_section_is_in_order():
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## Deploy to Azure"):].lower()
    steps = ["azure bot", "messaging endpoint", "app registration", "azure_storage_connection_string", "manifest"]
    positions = [section.index(step) for step in steps]
    assert positions == sorted(positions)


def test_only_bot_imports_the_sdk_and_the_web_stack():
    """The layering the README promises: the host can be swapped without touching the rest."""
    import ast

    forbidden = ("botbuilder", "botframework", "msrest", "aiohttp", "azure")
    for package in ("knowledge", "dialogs", "packager"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(), filename=str(path))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                for name in names:
                    assert name.split(".")[0] not in forbidden, f"{path.relative_to(ROOT)} imports {name}"
                    assert not name.startswith("bot."), f"{path.relative_to(ROOT)} imports {name}"


def test_the_teams_app_template_is_the_top_level_manifest_folder():
    """manifest/ holds the Teams app template and icons; bot/teamsapp links to it, so the wheel carries them too."""
    assert {p.name for p in (ROOT / "manifest").iterdir()} >= {"manifest.json", "color.png", "outline.png"}
    assert (ROOT / "bot" / "teamsapp").resolve() == (ROOT / "manifest").resolve()
