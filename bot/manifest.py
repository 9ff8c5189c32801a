"""Build the Teams app package: manifest.json and the two icons, zipped.

The template and icons live in manifest/ at the top of the checkout. bot/teamsapp
is a link to it, so they are package data too, read through importlib.resources:
`safeshare manifest` works from an installed wheel as well as from a checkout (and
from a checkout where git made the link a plain file, as it may on Windows).
"""
from __future__ import annotations

import json
import re
import zipfile
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from dialogs.conversation import COMMAND_LIST
from knowledge.errors import EXIT_USAGE, SafeShareError

TEAMS_APP = files("bot") / "teamsapp"
if not (TEAMS_APP / "manifest.json").is_file():  # the link checked out as a plain file: the checkout's own folder
    TEAMS_APP = Path(__file__).resolve().parent.parent / "manifest"
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class ManifestError(SafeShareError):
    """The package cannot be built; the message says why (an argument to fix)."""

    exit_code = EXIT_USAGE


def _https(option: str, url: str | None) -> str:
    parts = urlsplit(url or "")
    if url is None or parts.scheme != "https" or not parts.hostname or "{" in url or "example." in parts.hostname:
        raise ManifestError(f"{option} must be the council's own https page (got {url!r}); Teams shows it to "
                            "every user")
    return url


def build_manifest(app_id: str, extra_domains=(), *, privacy_url: str | None = None, terms_url: str | None = None,
                   website_url: str | None = None) -> dict:
    """The manifest for a personal bot: no permissions, no domains, no tab, only what it needs.

    The privacy and terms pages are the council's own, so they are required rather than placeholders.
    """
    if not _GUID.match(app_id or ""):
        raise ManifestError(f"--app-id must be the bot's Microsoft App ID, a GUID such as "
                            f"00000000-0000-4000-8000-000000000000 (got {app_id!r})")
    privacy = _https("--privacy-url", privacy_url)
    terms = _https("--terms-url", terms_url)
    website = _https("--website-url", website_url) if website_url else privacy
    template = json.loads((TEAMS_APP / "manifest.json").read_text(encoding="utf-8"))
    manifest = json.loads(json.dumps(template).replace("{{APP_ID}}", app_id))
    manifest["developer"].update(websiteUrl=website, privacyUrl=privacy, termsOfUseUrl=terms)
    manifest["bots"][0]["commandLists"][0]["commands"] = [
        {"title": command.value, "description": description} for command, description in COMMAND_LIST]
    domains = list(dict.fromkeys(extra_domains))
    if domains:
        manifest["validDomains"] = domains
    else:
        del manifest["validDomains"]
    return manifest


def build_package(app_id: str, out: str | Path, extra_domains=(), **urls) -> Path:
    manifest = build_manifest(app_id, extra_domains, **urls)
    out = Path(out)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        for icon in ("color.png", "outline.png"):
            archive.writestr(icon, (TEAMS_APP / icon).read_bytes())
    return out
