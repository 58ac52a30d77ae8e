"""The two set-up commands of the README, for a fresh machine with only python3.

    python3 tools/dev.py run     # set up .venv, then start the station on embedded SQLite
    python3 tools/dev.py test    # set up .venv, start a throwaway PostgreSQL, run every test

`run` passes further arguments to `rma-station` (e.g. `run demo --returns 500`).
`test` passes further arguments to pytest.
`bench` prints the factory-scale table (tests/perf/bench.py: builds or reuses a 1 M-line
PostgreSQL and a 200 k-line SQLite database; RMA_BENCH_LINES=20000 for a quick check);
`bench -k lists` (any arguments) runs the pytest benchmarks in tests/perf instead.
The virtualenv is re-installed when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_venv() -> None:
    stamp = VENV / ".installed"
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == want and PY.exists():
        return
    if not PY.exists():
        print("› creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("› installing RMA Station and its dependencies into .venv", flush=True)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "-e", f"{ROOT}[test]"], check=True)
    stamp.write_text(want)


def _no_display() -> bool:
    return (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
            and os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen")


def run_station(args: list[str]) -> int:
    """`run`: the station window on the user's data folder (its set-up at the first start).

    Without a display there is no window to set up: the station is shown instead, as a
    screenshot, on a scratch demo database in a new temporary folder. Demo data is never
    written into the user's real data folder (RMA_DATA_DIR or the platform's).
    """
    ensure_venv()
    exe = BIN / ("rma-station.exe" if os.name == "nt" else "rma-station")
    if args or not _no_display():
        return subprocess.call([str(exe), *args])
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="rma-station-demo-"))
    env = {**os.environ, "RMA_DATA_DIR": str(scratch),
           "RMA_DATABASE_URL": f"sqlite:///{(scratch / 'demo.sqlite3').as_posix()}"}
    env.pop("QT_QPA_PLATFORM", None)
    print(f"› no display: showing the station on a scratch demo database in {scratch}", flush=True)
    demo = subprocess.run([str(exe), "demo", "--returns", "200"], env=env, capture_output=True, text=True)
    if demo.returncode:
        print(demo.stdout + demo.stderr, file=sys.stderr)
        return demo.returncode
    code = subprocess.call([str(exe), "gui", "--screenshot", str(scratch / "rma-station-screenshot.png")],
                           env=env)
    if code == 0:
        print("  (on demo data in a scratch folder: your data folder is untouched; with a display, "
              "`run` opens the window on your data and its first set-up)", flush=True)
    return code


SYSTEM_TOOLS = {
    # command the tests run → Debian package that provides it
    "pdftoppm": "poppler-utils",        # renders printed PDFs for the barcode checks
    "soffice": "libreoffice-calc-nogui",  # opens the exported workbooks as Excel users would
}


def ensure_system_tools() -> None:
    """The printing and Excel tests read our files back with poppler and LibreOffice."""
    missing = [pkg for cmd, pkg in SYSTEM_TOOLS.items() if not shutil.which(cmd)]
    if not missing:
        return
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"› installing {', '.join(missing)} for the tests (once)", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, stdout=subprocess.DEVNULL, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                       check=False, stdout=subprocess.DEVNULL, env=env)
    still = [cmd for cmd in SYSTEM_TOOLS if not shutil.which(cmd)]
    if still:
        print(f"! not found: {', '.join(still)} — install {', '.join(missing)}; the tests need them",
              flush=True)


def run_tests(args: list[str], *, perf: bool = False) -> int:
    ensure_venv()
    ensure_system_tools()
    sys.path.insert(0, str(ROOT / "tools"))
    from pgcluster import Cluster, find_bindir

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cluster = None
    if not env.get("RMA_TEST_POSTGRES_URL"):
        if find_bindir() is not None:
            cluster = Cluster()
            print("› starting a throwaway PostgreSQL cluster for the tests", flush=True)
            env["RMA_TEST_POSTGRES_URL"] = cluster.start()
        elif env.get("CI"):
            print("PostgreSQL server binaries not found: CI needs them", file=sys.stderr)
            return 2
        else:
            print("! PostgreSQL not found: only the SQLite half of the suite will run", flush=True)
    cmd = [str(PY), "-m", "pytest"]
    if perf and not args:
        # the table of every figure, our number beside its bare baseline (tests/perf/bench.py)
        cmd = [str(PY), "-m", "tests.perf.bench"]
    elif perf:
        cmd += ["-m", "perf", "tests/perf", "-s"]
    else:
        cmd += ["-m", "not perf", "-n", env.get("RMA_TEST_WORKERS", "2")]
    try:
        return subprocess.call(cmd + args, cwd=ROOT, env=env)
    finally:
        if cluster is not None:
            cluster.stop()


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test", "bench", "setup"}:
        print(__doc__)
        return 2
    cmd, rest = sys.argv[1], sys.argv[2:]
    if cmd == "setup":
        ensure_venv()
        return 0
    if cmd == "run":
        return run_station(rest)
    return run_tests(rest, perf=(cmd == "bench"))


if __name__ == "__main__":
    sys.exit(main())
