"""Headless Chromium for tests that look at pages as a reader's browser runs them."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chromium() -> str:
    """The browser's path; skips the test where none is installed, fails in CI."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("CI needs Chromium (.ci/run installs Debian's chromium)")
    pytest.skip("Chromium is not installed")


def dump_dom(browser: str, url: str, profile: Path, budget_ms: int = 3000) -> str:
    """The page's DOM after it loaded and its scripts ran for *budget_ms* of virtual time."""
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--virtual-time-budget={budget_ms}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.stdout
