"""A real Chromium (Debian's chromium and chromium-driver, installed by .ci/run), driven by Selenium.

Used to click what a person clicks: the tests never type where a button is
meant to be pressed. Each wait polls the page for the event it expects; no
fixed sleeps.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from typing import TypeVar
from collections.abc import Callable, Iterator

import pytest

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
T = TypeVar("T")

needs_chromium = pytest.mark.skipif(
    (CHROMIUM is None or CHROMEDRIVER is None) and not os.environ.get("CI"),
    reason="Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does)")


@contextmanager
def chromium() -> Iterator[WebDriver]:  # noqa: F821 - selenium is a test dependency, imported lazily
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    assert CHROMIUM and CHROMEDRIVER, "Chromium is required in CI: .ci/run installs chromium and chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Service(path) keeps Selenium Manager from looking for a driver on the network.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver, condition: Callable[[object], T], seconds: float = 30, message: str = "") -> T:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=0.1).until(condition, message)


def script_errors(driver) -> list[str]:
    """JavaScript errors the page logged (not the fonts and icons it cannot fetch offline)."""
    return [e["message"] for e in driver.get_log("browser")
            if e.get("source") == "javascript" and "cdn.office.net" not in e["message"]]
