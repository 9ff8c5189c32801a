"""Settings from the environment and an optional .env file.

The attribute names are the ones botbuilder's configuration classes read
(APP_ID, APP_PASSWORD, APP_TYPE, APP_TENANTID); the environment variables
are the ones Azure Bot documentation uses (MicrosoftAppId, ...).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import EXIT_CONFIG, SafeShareError

_ENV = {
    "APP_ID": "MicrosoftAppId",
    "APP_PASSWORD": "MicrosoftAppPassword",
    "APP_TYPE": "MicrosoftAppType",
    "APP_TENANTID": "MicrosoftAppTenantId",
    "FILE_HOSTS": "SAFESHARE_FILE_HOSTS",
    "MAX_PACKAGE_MB": "SAFESHARE_MAX_PACKAGE_MB",
    "PACKAGE_HOLD_SECONDS": "SAFESHARE_PACKAGE_HOLD_SECONDS",
    "STORAGE": "SAFESHARE_STORAGE",
    "STATE_FILE": "SAFESHARE_STATE_FILE",
    "STATE_CONTAINER": "SAFESHARE_STATE_CONTAINER",
    "STATE_MAX_AGE_HOURS": "SAFESHARE_STATE_MAX_AGE_HOURS",
    "AZURE_STORAGE_CONNECTION_STRING": "AZURE_STORAGE_CONNECTION_STRING",
    "LOG_SALT": "SAFESHARE_LOG_SALT",
    "ALLOWED_TENANTS": "SAFESHARE_ALLOWED_TENANTS",
    "WORK_DIR": "SAFESHARE_WORK_DIR",
    "BUILD_WORKERS": "SAFESHARE_BUILD_WORKERS",
    "BUILD_QUEUE": "SAFESHARE_BUILD_QUEUE",
    "TURN_SECONDS": "SAFESHARE_TURN_SECONDS",
}
_NUMBERS = ("MAX_PACKAGE_MB", "PACKAGE_HOLD_SECONDS", "STATE_MAX_AGE_HOURS", "BUILD_WORKERS", "BUILD_QUEUE",
            "TURN_SECONDS")


class ConfigError(SafeShareError, ValueError):
    """A setting has a value SafeShare cannot use (the message names the setting, not secrets)."""

    exit_code = EXIT_CONFIG


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; comments and blank lines ignored; quotes stripped."""
    values: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return values
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        values[key.strip()] = value.strip().strip("'\"")
    return values


@dataclass(frozen=True)
class Config:
    APP_ID: str = ""
    APP_PASSWORD: str = field(default="", repr=False)
    APP_TYPE: str = "MultiTenant"
    APP_TENANTID: str = ""
    # The largest activity SafeShare can legitimately get is the email-check card submitted with every
    # box at its limit (bot/cards.py: 100,000-character body, 8,000 of file names, 4,000 for each other
    # box): 145 KB with its quotes and dashes escaped.
    # Twenty attached files with SharePoint download URLs come to 42 KB (tests/test_bot_http.py).
    MAX_BODY_BYTES: int = 160 * 1024
    BODY_READ_SECONDS: float = 10.0  # a body still arriving after this gets 408 (a slow client holds nothing)
    # Where attached files may be downloaded from and uploaded to (comma-separated host patterns).
    FILE_HOSTS: str = "*.sharepoint.com,*.sharepoint.us,*.sharepoint-mil.us,*.sharepoint.cn"
    MAX_PACKAGE_MB: int = 100
    PACKAGE_HOLD_SECONDS: int = 900  # how long a package waits for the sender to accept the upload
    # Packages are built on BUILD_WORKERS threads of their own (CPU and disk: more than the cores helps
    # nobody); BUILD_QUEUE more package turns may wait for one. Past that, and for a second package from
    # the same person while the first is being made, the user is told to wait.
    BUILD_WORKERS: int = 2
    BUILD_QUEUE: int = 8
    # A turn still running after this is stopped, its files removed and the user told (bot/turns.py).
    # Below the 30 s between SIGTERM and SIGKILL that the README documents.
    TURN_SECONDS: int = 25
    # Conversation state: "file" (SQLite on local disk, the default) or "blob" (Azure Blob Storage).
    STORAGE: str = "file"
    STATE_FILE: str = ""  # "": state.sqlite3 in the user's data folder, beside the fax log and reports
    STATE_CONTAINER: str = "safeshare-state"
    STATE_MAX_AGE_HOURS: int = 24
    AZURE_STORAGE_CONNECTION_STRING: str = field(default="", repr=False)
    LOG_SALT: str = field(default="", repr=False)  # for the hashed conversation ids in logs
    # Microsoft Entra tenant ids whose users may talk to the bot (comma-separated). Required with an
    # app id: a valid Bot Framework token proves the message came through Teams, not from which council.
    # A SingleTenant bot defaults to its own tenant (APP_TENANTID).
    ALLOWED_TENANTS: str = ""
    # Where plaintext originals (for one turn) and packages waiting for consent are written; wiped of
    # dead processes' leftovers at start-up and every SWEEP_SECONDS. Default: <tmp>/safeshare-work-<uid>.
    WORK_DIR: str = ""
    # `serve --allow-anonymous-remote`: anonymous mode on purpose beyond this computer. Otherwise anonymous
    # mode answers only requests whose Host is loopback (a web page's DNS rebinding cannot reach it).
    ANONYMOUS_REMOTE: bool = False
    SWEEP_SECONDS: float = 60
    REMINDER_SECONDS: float = 30  # how often `serve` looks for Hub follow-up reminders that are due
    # botbuilder's "parameterized" cloud settings: all None means the public cloud's built-in values.
    # Setting any switches every one to what is given here (the tests use the public cloud's values
    # with a local OpenID metadata endpoint whose key signs their tokens).
    TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL: str | None = None
    TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL: str | None = None
    TO_BOT_FROM_CHANNEL_TOKEN_ISSUER: str | None = None
    TO_CHANNEL_FROM_BOT_LOGIN_URL: str | None = None
    TO_CHANNEL_FROM_BOT_OAUTH_SCOPE: str | None = None
    OAUTH_URL: str | None = None
    CALLER_ID: str | None = None

    def __post_init__(self):
        if self.APP_ID and not self.allowed_tenants:
            raise ConfigError("SAFESHARE_ALLOWED_TENANTS must list the Microsoft Entra tenant ids whose users may "
                              "use SafeShare (comma-separated), or set MicrosoftAppType=SingleTenant and "
                              "MicrosoftAppTenantId")

    @property
    def anonymous(self) -> bool:
        return not self.APP_ID

    @property
    def allowed_tenants(self) -> frozenset[str]:
        """Tenant ids allowed in; empty means no check (anonymous local mode only)."""
        listed = {t.strip().lower() for t in self.ALLOWED_TENANTS.split(",") if t.strip()}
        if not listed and self.APP_TYPE.lower() == "singletenant" and self.APP_TENANTID:
            listed = {self.APP_TENANTID.strip().lower()}
        return frozenset(listed)

    @property
    def file_hosts(self) -> tuple[str, ...]:
        return tuple(h.strip() for h in self.FILE_HOSTS.split(",") if h.strip())

    @classmethod
    def from_env(cls, environ=None, dotenv: Path | None = Path(".env")) -> Config:
        environ = dict(os.environ if environ is None else environ)
        file_values = read_dotenv(dotenv) if dotenv else {}
        values = {}
        for attr, name in _ENV.items():
            value = environ.get(name, file_values.get(name))
            if value:
                if attr in _NUMBERS:
                    try:
                        value = int(value)
                    except ValueError:
                        raise ConfigError(f"{name} must be a whole number") from None
                    if value <= 0:
                        raise ConfigError(f"{name} must be more than 0")
                values[attr] = value
        if values.get("STORAGE", "file") not in ("file", "blob"):
            raise ConfigError("SAFESHARE_STORAGE must be file or blob")
        return cls(**values)
