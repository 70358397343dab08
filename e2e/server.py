"""Starts the LineOfSight server for a browser-test session and waits until it is healthy."""

from __future__ import annotations

import datetime
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BINARY = REPO_ROOT / ".build" / "debug" / "lineofsight"
# The first start creates the database and loads about 1,300 demo children, from a debug build.
STARTUP_TIMEOUT = float(os.environ.get("E2E_STARTUP_TIMEOUT", "120"))
# The server's "today", fixed: the demo is made relative to today, so on another day the tests
# would meet other children (a run once failed on the day the first row of a list changed), and
# the machine's date in UTC is not always London's. The tests enter dates relative to it.
TODAY = datetime.date.fromisoformat(os.environ.get("E2E_TODAY", "2026-12-03"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(base_url + "/healthz", timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


class Server:
    """`lineofsight serve --demo` on a free loopback port with a fresh SQLite file."""

    def __init__(self, workdir: Path):
        self.binary = Path(os.environ.get("LINEOFSIGHT_BINARY", DEFAULT_BINARY))
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "server.log"
        self.database_path = workdir / "e2e.sqlite"
        self.process: subprocess.Popen | None = None
        self.healthy = False

    def start(self) -> None:
        if not self.binary.exists():
            raise RuntimeError(
                f"server binary {self.binary} not found: run `swift build --product lineofsight` "
                "(or scripts/test e2e), or set LINEOFSIGHT_BINARY"
            )
        env = dict(os.environ)
        # Always SQLite in a new file, so every run starts from the same demo data.
        env.pop("DATABASE_URL", None)
        env["LINEOFSIGHT_DATABASE_PATH"] = str(self.database_path)
        env["LINEOFSIGHT_TODAY"] = TODAY.isoformat()
        command = [str(self.binary), "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(self.port)]
        # Output goes to a file, not a pipe, so a chatty server can never block on a full pipe.
        with open(self.log_path, "wb") as log:
            # cwd is the repository root: the server finds its templates and assets from there.
            self.process = subprocess.Popen(
                command, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"server exited with status {self.process.returncode} before it was healthy:\n{self.output()}"
                )
            if is_healthy(self.base_url):
                self.healthy = True
                return
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(
            f"GET {self.base_url}/healthz did not answer 200 within {STARTUP_TIMEOUT:.0f} s; "
            f"server output:\n{self.output()}"
        )

    def output(self, last_lines: int = 200) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except FileNotFoundError:
            return "(no output)"
        return "\n".join(lines[-last_lines:]) or "(no output)"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
