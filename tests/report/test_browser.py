"""Render the hostile report in headless Chromium and check the DOM the browser built.

Needs Debian's Chromium at /usr/bin/chromium (`scripts/ensure-chromium` installs it). The
test skips without it, unless ARES_REQUIRE_BROWSER=1 makes the absence a failure. The
browser opens only the report's file:// URL, with networking features switched off.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ares.report import ReportPaths
from tests.report._dom import parse
from tests.report._run import SECTION_TITLES

CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT_SECONDS = 120
# A screenshot of the report is hundreds of KB, and a blank page only a few KB.
MIN_SCREENSHOT_BYTES = 50_000


def _require_chromium() -> None:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return
    message = f"{CHROMIUM} not found. Run scripts/ensure-chromium to install it."
    if os.environ.get("ARES_REQUIRE_BROWSER") == "1":
        pytest.fail(f"ARES_REQUIRE_BROWSER=1, but {message}")
    pytest.skip(message)


def _chromium(profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                          check=False)


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "chromium-profile"
    path.mkdir()
    return path


def test_browser_dom_has_no_injected_markup(hostile_report: ReportPaths, profile: Path) -> None:
    _require_chromium()
    result = _chromium(profile, "--dump-dom", hostile_report.html.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    page = parse(result.stdout)

    # 1. No injected script ran or exists, and no handler attribute was created.
    assert page.tags("script") == []
    assert [e.tag for e in page.elements if any(a.startswith("on") for a in e.attrs)] == []
    titles = re.findall(r"<title>(.*?)</title>", result.stdout, re.DOTALL)
    assert titles == ["ares report: hostile-run"]

    # 2. The page is the report: its headings and one image per plot file.
    assert page.headings("h2") == SECTION_TITLES
    plots = list(hostile_report.html.parent.glob("*.png"))
    images = page.tags("img")
    assert len(images) == len(plots)
    for image in images:
        assert (image.attrs.get("src") or "").startswith("data:image/png;base64,")


def test_browser_screenshot_is_not_blank(hostile_report: ReportPaths, profile: Path) -> None:
    _require_chromium()
    screenshot = profile.parent / "page.png"
    result = _chromium(profile, f"--screenshot={screenshot}", "--window-size=1280,4000",
                       "--hide-scrollbars", hostile_report.html.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert screenshot.is_file()
    assert screenshot.stat().st_size > MIN_SCREENSHOT_BYTES


def test_missing_chromium_skips(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("ARES_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="scripts/ensure-chromium"):
        _require_chromium()


def test_missing_chromium_fails_when_required(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("ARES_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="ARES_REQUIRE_BROWSER=1"):
        _require_chromium()
