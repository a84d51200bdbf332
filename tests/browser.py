"""A headless Chromium driven over the DevTools protocol, for the site tests.

The system's `chromium` is started with `--remote-debugging-pipe`: the protocol travels over two
pipes (file descriptors 3 and 4, NUL-separated JSON), so no port is opened and nothing beyond
the standard library is needed. Every console error, uncaught exception and error logged by the
browser itself (a resource that failed to load, a blocked script) is collected per page.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TIMEOUT = 30.0


def chromium_path() -> str | None:
    return shutil.which("chromium")


class BrowserError(RuntimeError):
    pass


@dataclass
class Page:
    """One loaded page: the messages it produced, and a way to ask it questions."""

    browser: Browser
    session: str
    errors: list[str] = field(default_factory=list)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (run by the test, whatever the
        page's own policy allows)."""
        reply = self.browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                       "awaitPromise": True}, self.session)
        result = reply["result"]
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r} failed: {result['exceptionDetails']}")
        return result["result"].get("value")


class Browser:
    """A running headless Chromium; use as a context manager."""

    def __init__(self, executable: str) -> None:
        self.executable = executable
        self.next_id = 0
        self.buffer = b""
        self.events: list[dict[str, Any]] = []

    def __enter__(self) -> Browser:
        self.profile = tempfile.mkdtemp(prefix="factcheck-chromium-")
        self.log = open(Path(self.profile) / "stderr.log", "wb")  # noqa: SIM115 - closed in __exit__
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire_pipes() -> None:  # in the child: the protocol's fds 3 (commands) and 4 (replies)
            commands, replies = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        args = [self.executable, "--headless", "--remote-debugging-pipe", f"--user-data-dir={self.profile}",
                "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--mute-audio", "--disable-dev-shm-usage",
                "about:blank"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to start as root with its sandbox
        self.process = subprocess.Popen(args, preexec_fn=wire_pipes, close_fds=False,
                                        stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log)
        os.close(to_browser_read)
        os.close(from_browser_write)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.send("Browser.close")
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self.to_browser)
            os.close(self.from_browser)
            self.log.close()
            shutil.rmtree(self.profile, ignore_errors=True)

    # the protocol ----------------------------------------------------------------------------

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> int:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.next_id

    def receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.from_browser], [], [], remaining)[0]:
                raise BrowserError("chromium did not answer in time" + self._log_tail())
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the connection" + self._log_tail())
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        ident = self.send(method, params, session)
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.receive(deadline)
            if message.get("id") == ident:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message
            self.events.append(message)

    def _log_tail(self) -> str:
        self.log.flush()
        text = (Path(self.profile) / "stderr.log").read_text(errors="replace")
        return f"; its log ends:\n{text[-2000:]}" if text else ""

    # pages -----------------------------------------------------------------------------------

    def open(self, path: Path | str, *, scripts: bool = True, width: int = 1200, height: int = 900,
             dark: bool = False) -> Page:
        """Load a file (or a URL) in a new tab and wait for its load event; collects what went wrong."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.call(domain, None, session)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, session)
        if not scripts:
            self.call("Emulation.setScriptExecutionDisabled", {"value": True}, session)
        if dark:
            self.call("Emulation.setEmulatedMedia",
                      {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}, session)
        page = Page(self, session)
        self.events.clear()
        url = path if isinstance(path, str) else path.resolve().as_uri()
        self.call("Page.navigate", {"url": url}, session)
        deadline = time.monotonic() + TIMEOUT
        while not any(e.get("method") == "Page.loadEventFired" and e.get("sessionId") == session for e in self.events):
            self.events.append(self.receive(deadline))
        page.evaluate("document.readyState")  # a round trip: messages sent during load arrive first
        page.errors = [_describe(e) for e in self.events if e.get("sessionId") == session and _is_error(e)]
        return page


def _is_error(event: dict[str, Any]) -> bool:
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.exceptionThrown":
        return True
    if method == "Runtime.consoleAPICalled":
        return params.get("type") in ("error", "assert")
    if method == "Log.entryAdded":
        return params.get("entry", {}).get("level") == "error"
    return False


def _describe(event: dict[str, Any]) -> str:
    params = event["params"]
    if event["method"] == "Runtime.exceptionThrown":
        details = params["exceptionDetails"]
        return "exception: " + details.get("exception", {}).get("description", details.get("text", ""))
    if event["method"] == "Runtime.consoleAPICalled":
        return "console." + params["type"] + ": " + " ".join(str(a.get("value", a.get("description")))
                                                            for a in params.get("args", []))
    entry = params["entry"]
    return f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip()
