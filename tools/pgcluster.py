"""A throwaway PostgreSQL cluster for the test suite (the server is installed, not running).

Used by tools/dev.py and .ci/run: initdb into a temp folder, start on a free loopback
port with durability off (tests only) or, for benchmarks, `durable` (`--durable`): fsync,
synchronous commit and full-page writes on, as a real server runs; print/return the
SQLAlchemy URL, stop and remove it afterwards. As root the server runs as the `postgres` user, as PostgreSQL requires.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def find_bindir() -> Path | None:
    explicit = os.environ.get("PG_BINDIR")
    if explicit and (Path(explicit) / "initdb").exists():
        return Path(explicit)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    for c in reversed(candidates):
        if (Path(c) / "initdb").exists():
            return Path(c)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_pg_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


class Cluster:
    def __init__(self, *, durable: bool = False) -> None:
        self.durable = durable
        bindir = find_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="rma-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> str:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        subprocess.run(_as_pg_user([str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust",
                                    "-U", "postgres", "-E", "UTF8", "--no-locale"]),
                       check=True, stdout=subprocess.DEVNULL)
        # the port was free when chosen; another process (a test's own cluster on the other
        # worker, a client's ephemeral port) may take it before the server binds: choose again
        for attempt in range(5):
            durability = ("-c fsync=on -c synchronous_commit=on -c full_page_writes=on" if self.durable
                          else "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 {durability} "
                    "-c max_connections=200")
            log = self.dir / "server.log"
            done = subprocess.run(_as_pg_user([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", opts,
                                               "-l", str(log), "-w", "-t", "60", "start"]),
                                  stdout=subprocess.DEVNULL)
            if done.returncode == 0:
                return self.url
            taken = log.exists() and "Address already in use" in log.read_text(errors="replace")
            if not taken or attempt == 4:
                done.check_returncode()
            log.unlink(missing_ok=True)
            self.port = _free_port()
            self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        return self.url

    def stop(self) -> None:
        subprocess.run(_as_pg_user([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m",
                                    "immediate", "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


if __name__ == "__main__":
    c = Cluster(durable="--durable" in sys.argv[1:])
    print(c.start())
    print(f"data: {c.data}", file=sys.stderr)
