"""Build the station with PyInstaller and prove that the built program works.

    python3 tools/build_installer.py                 build dist/rma-station, then smoke-test it
    python3 tools/build_installer.py --no-build      smoke-test the dist/rma-station already there
    python3 tools/build_installer.py --distpath /tmp/rma-dist --workpath /tmp/rma-build

The bundle is made from installer/rma-station.spec into dist/ (work files in build/; both
gitignored). Then the BUILT executable — not the sources — runs every command below on a
scratch SQLite database in a temporary folder (RMA_DATABASE_URL, RMA_DATA_DIR), with
PYTHONPATH and PYTHONHOME removed and the temporary folder as working directory, so that
nothing outside the bundle can help it:

    bundle contents          every module of app/ db/ ui/ forms/ in the archive; migrations,
                             font, .qm translations, QtPdf, QtCharts, Qt platform plugins
    Qt platform libraries    (Linux) the xcb and wayland plugins find every library they link
    db upgrade               Alembic finds its migrations inside the bundle; schema at head
    demo --returns 50        50 returns in the database
    report monthly --json    for the month with the most returns: valid JSON with returns in it
    label / slip analysis    PDFs with WenQuanYi Micro Hei embedded (pdffonts, else the PDF bytes)
    import --dry-run         tests/data/legacy-returns-2025.xlsx checked, nothing written
    export returns --xlsx    a readable workbook with a header and data rows
    gui reports zh_CN / en   offscreen screenshots: the charts are drawn, the two languages differ
    gui labels               the QtPdf preview of a label is drawn (a white page)
    window on X11            (Linux, with xvfb-run) the real window starts on Xvfb through the
                             bundled xcb plugin and is still up after 12 s (skipped without Xvfb)
    PostgreSQL               db upgrade, demo, export on a throwaway server (skipped without one)

Each prints PASS, FAIL (with the reason and the end of the command's output) or SKIP, and
the tool exits 1 when anything failed. The scratch folder is removed unless something
failed or --keep is given. Run it with any python3: it uses .venv (set up as
`tools/dev.py setup` does, plus the `installer` extra with PyInstaller) unless the running
interpreter already has PySide6 and PyInstaller.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "rma-station.spec"
NAME = "rma-station"
WINDOWS = os.name == "nt"
EXE_SUFFIX = ".exe" if WINDOWS else ""
FIRST_PARTY = ("app", "db", "ui", "forms")
LEGACY_XLSX = ROOT / "tests" / "data" / "legacy-returns-2025.xlsx"


# ------------------------------------------------------------------ the interpreter that builds


def _has_build_tools() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("PyInstaller", "PySide6", "PIL"))


def ensure_build_python() -> int | None:
    """Run on from .venv when this interpreter cannot build; returns an exit code if it re-ran."""
    if _has_build_tools():
        return None
    sys.path.insert(0, str(ROOT / "tools"))
    import dev  # the README's set-up: .venv with the station and its test tools

    if os.environ.get("RMA_BUILD_INSTALLER_RERUN"):
        raise SystemExit(f"{sys.executable} still lacks PyInstaller, PySide6 or Pillow")
    dev.ensure_venv()
    probe = subprocess.run([str(dev.PY), "-c", "import PyInstaller"], capture_output=True)
    if probe.returncode != 0:
        print("› installing PyInstaller into .venv (the `installer` extra)", flush=True)
        subprocess.run([str(dev.PY), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        "-e", f"{ROOT}[test,installer]"], check=True)
    env = {**os.environ, "RMA_BUILD_INSTALLER_RERUN": "1"}
    return subprocess.call([str(dev.PY), __file__, *sys.argv[1:]], env=env)


# ------------------------------------------------------------------------------- the build


def build(distpath: Path, workpath: Path) -> tuple[Path, float]:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(distpath), "--workpath", str(workpath), str(SPEC)]
    print("› " + " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True)
    return distpath / NAME, time.perf_counter() - t0


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# ------------------------------------------------------------------------------ the checks


class Failed(Exception):
    """A smoke check found the bundle wrong; the message says how."""


class Smoke:
    def __init__(self, bundle: Path, scratch: Path) -> None:
        self.bundle = bundle
        self.internal = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
        self.exe = bundle / (NAME + EXE_SUFFIX)
        # A windowed .exe has no stdout on Windows: the commands go through the console twin.
        cli = bundle / f"{NAME}-cli{EXE_SUFFIX}"
        self.cli = cli if WINDOWS and cli.exists() else self.exe
        self.scratch = scratch
        self.db = scratch / "demo.sqlite3"
        self.results: list[tuple[str, str, str]] = []
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
        env.update({"RMA_DATABASE_URL": f"sqlite:///{self.db.as_posix()}", "RMA_DATA_DIR": str(scratch),
                    "QT_QPA_PLATFORM": "offscreen", "RMA_LANG": "zh_CN", "PYTHONIOENCODING": "utf-8"})
        self.env = env

    # -- running

    def run(self, *args: str, env: dict[str, str] | None = None,
            timeout: int = 600) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.cli), *args]
        proc = subprocess.run(cmd, cwd=self.scratch, env=env or self.env, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout)
        if proc.returncode != 0:
            raise Failed(f"exit code {proc.returncode} from {' '.join(args)}\n{tail(proc)}")
        return proc

    def check(self, name: str, fn: Callable[[], str]) -> None:
        try:
            detail = fn()
            status = "SKIP" if detail.startswith("SKIP") else "PASS"
            detail = detail.removeprefix("SKIP").strip(" :")
        except Failed as exc:
            status, detail = "FAIL", str(exc)
        except Exception as exc:  # a crash of the check itself is a failure too
            status, detail = "FAIL", f"{type(exc).__name__}: {exc}"
        self.results.append((status, name, detail))
        first, *rest = detail.splitlines() or [""]
        print(f"{status:4}  {name:28} {first}", flush=True)
        for line in rest:
            print(f"      {line}", flush=True)

    def query(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql).fetchall()

    # -- the commands

    def bundle_contents(self) -> str:
        missing: list[str] = []
        if not self.exe.is_file():
            raise Failed(f"no executable {self.exe}")
        if WINDOWS and self.cli == self.exe:
            raise Failed(f"no console executable {NAME}-cli.exe beside {self.exe.name}")
        from PyInstaller.archive.readers import CArchiveReader

        pyz = set(CArchiveReader(str(self.exe)).open_embedded_archive("PYZ.pyz").toc)
        modules = first_party_modules()
        missing += [m for m in modules if m not in pyz]
        wanted = [f"db/migrations/{p.relative_to(ROOT / 'db' / 'migrations').as_posix()}"
                  for p in sorted((ROOT / "db" / "migrations").rglob("*.py")) if "__pycache__" not in p.parts]
        wanted += ["db/migrations/script.py.mako", "resources/fonts/wqy-microhei.ttc", "resources/icons/rma-station.png",
                   "resources/translations/rma_zh_CN.qm", "resources/translations/rma_en.qm"]
        # …and whatever else resources/ holds, but for what only tools/build_ui.py reads (as the spec)
        wanted += sorted({p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*")
                          if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".ts", ".tsv")
                          and p.name != "rma_pseudo.qm"} - set(wanted))
        missing += [w for w in wanted if not (self.internal / w).is_file()]
        qt = self.internal / "PySide6"
        globs = {"PySide6.QtPdf extension": "QtPdf.*", "PySide6.QtCharts extension": "QtCharts.*",
                 "Qt's qtbase_zh_CN.qm": "**/qtbase_zh_CN.qm", "offscreen platform plugin": "**/*qoffscreen*",
                 "native platform plugin": "**/qwindows*" if WINDOWS else "**/*qxcb.*"}
        missing += [what for what, pattern in globs.items() if not any(qt.glob(pattern))]
        if missing:
            raise Failed("missing from the bundle: " + ", ".join(missing))
        return f"{len(modules)} station modules, {len(wanted)} data files, QtPdf, QtCharts, Qt plugins"

    def platform_libraries(self) -> str:
        """The window's platform plugins must find every library they link (Linux: ldd)."""
        if not sys.platform.startswith("linux") or not shutil.which("ldd"):
            return "SKIP: Linux only (ldd)"
        plugins = sorted(self.internal.glob("PySide6/Qt/plugins/platforms/lib*.so"))
        plugins = [p for p in plugins if p.name in ("libqxcb.so", "libqwayland.so")]
        if not plugins:
            raise Failed("no xcb / wayland platform plugin in the bundle")
        dirs = [self.internal, self.internal / "PySide6" / "Qt" / "lib"]
        env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(map(str, dirs))}
        missing: set[str] = set()
        for plugin in plugins:
            out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, env=env).stdout
            missing |= {line.split()[0] for line in out.splitlines() if "not found" in line}
        if missing:
            raise Failed(f"{', '.join(sorted(missing))} not found, neither in the bundle nor on this "
                         "machine: install them here and build again (installer/README.md), or the "
                         "window will not open on desktops without them")
        return f"{', '.join(p.name for p in plugins)}: every linked library found"

    def db_upgrade(self) -> str:
        out = self.run("db", "upgrade").stdout.strip()
        (current,) = self.query("SELECT version_num FROM alembic_version")[0]
        head = head_revision()
        if current != head:
            raise Failed(f"schema at {current}, migrations head is {head}")
        return f"schema at head {head}: {out.splitlines()[-1] if out else ''}"

    def demo(self) -> str:
        self.run("demo", "--returns", "50")
        (n,) = self.query("SELECT count(*) FROM rma_return")[0]
        if n != 50:
            raise Failed(f"{n} returns in the database, wanted 50")
        return "50 returns in the database"

    def busiest_month(self) -> str:
        return self.query("SELECT substr(received_on, 1, 7) AS m FROM rma_return "
                          "GROUP BY m ORDER BY count(*) DESC, m LIMIT 1")[0][0]

    def some_rma(self) -> str:
        return self.query("SELECT rma_no FROM rma_return ORDER BY id LIMIT 1")[0][0]

    def report(self) -> str:
        month = self.busiest_month()
        data = json.loads(self.run("report", "monthly", "--month", month, "--json").stdout)
        if data.get("month") != month or not data.get("rmas") or not data.get("lines"):
            raise Failed(f"unexpected report for {month}: {str(data)[:200]}")
        return f"--month {month}: {data['rmas']} returns, {data['lines']} lines, amount {data['amount']}"

    def pdf(self, *args: str, out: Path) -> str:
        self.run(*args, "--pdf", str(out))
        if not out.is_file() or out.read_bytes()[:5] != b"%PDF-":
            raise Failed(f"{out} is not a PDF")
        return f"{' '.join(args)} → {out.name}: {font_embedded(out)}"

    def import_dry_run(self) -> str:
        before = self.query("SELECT count(*) FROM rma_return")[0][0]
        out = self.run("import", str(LEGACY_XLSX), "--dry-run").stdout.strip()
        after = self.query("SELECT count(*) FROM rma_return")[0][0]
        if after != before:
            raise Failed(f"--dry-run wrote returns: {before} → {after}")
        if not out:
            raise Failed("no summary printed")
        return f"{out.splitlines()[-1]} (nothing written)"

    def export(self) -> str:
        out = self.scratch / "e.xlsx"
        self.run("export", "returns", "--xlsx", str(out))
        return f"{out.name}: {xlsx_rows(out)} rows incl. header"

    def screenshot(self, tab: str, lang: str) -> Path:
        out = self.scratch / f"shot-{tab}-{lang}.png"
        # Through the console executable on Windows too: a windowed one reports a crash in a
        # message box, which would hang the check instead of failing it.
        self.run("gui", "--screenshot", str(out), "--tab", tab, "--lang", lang)
        if not out.is_file() or out.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            raise Failed(f"{out} is not a PNG")
        return out

    def gui_reports(self) -> str:
        from PIL import Image, ImageChops

        zh, en = self.screenshot("reports", "zh_CN"), self.screenshot("reports", "en")
        with Image.open(zh) as a, Image.open(en) as b:
            coloured = saturated_share(a)
            # The menu and tab bar hold only translated texts: they differ between languages.
            top = (0, 0, min(a.width, b.width), 90)
            same_top = ImageChops.difference(a.convert("RGB").crop(top), b.convert("RGB").crop(top)).getbbox() is None
            size = f"{a.width}×{a.height}"
        if coloured < 0.005:
            raise Failed(f"no charts on the reports tab ({coloured:.2%} coloured pixels): see {zh}")
        if same_top:
            raise Failed(f"the zh_CN and en windows look the same: translations not loaded? see {zh}")
        return f"{zh.name} {size}, charts drawn ({coloured:.1%} coloured), zh_CN ≠ en"

    def gui_labels(self) -> str:
        from PIL import Image

        shot = self.screenshot("labels", "zh_CN")
        with Image.open(shot) as im:
            right = im.convert("RGB").crop((im.width // 2, 80, im.width, im.height - 40))
            white = right.getcolors(right.width * right.height)
            share = sum(n for n, rgb in white if rgb == (255, 255, 255)) / (right.width * right.height)
        if share < 0.02:
            raise Failed(f"no label page in the preview ({share:.2%} white): see {shot}")
        return f"{shot.name}, preview page drawn ({share:.1%} of the preview area)"

    def x11_window(self) -> str:
        """The window on a real X server (Xvfb): the xcb platform plugin loads, the log-in opens."""
        if not sys.platform.startswith("linux") or not shutil.which("xvfb-run"):
            return "SKIP: needs xvfb-run (Debian: apt-get install xvfb xauth)"
        env = {k: v for k, v in self.env.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
        env["QT_DEBUG_PLUGINS"] = "1"
        log = self.scratch / "x11.log"
        with log.open("w") as out:
            proc = subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1440x900x24", str(self.exe)],
                                    cwd=self.scratch, env=env, stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True)
            try:
                code = proc.wait(timeout=12)
            except subprocess.TimeoutExpired:
                code = None
            finally:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGTERM)
                    try:
                        proc.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        os.killpg(proc.pid, signal.SIGKILL)
        text = log.read_text(encoding="utf-8", errors="replace")
        if code is not None:
            raise Failed(f"the window exited with code {code} within 12 s:\n" + "\n".join(text.splitlines()[-15:]))
        if 'platforms/libqxcb.so" loaded library' not in text:
            raise Failed(f"the xcb platform plugin was not loaded: see {log}")
        return "xcb platform plugin loaded; the window was still up after 12 s (log-in dialog)"

    def postgres(self) -> str:
        if os.name != "posix":
            return "SKIP: the throwaway server of tools/pgcluster.py is POSIX-only"
        sys.path.insert(0, str(ROOT / "tools"))
        from pgcluster import Cluster, find_bindir

        if find_bindir() is None:
            return "SKIP: no PostgreSQL server binaries on this machine"
        cluster = Cluster()
        url = cluster.start()
        try:
            env = {**self.env, "RMA_DATABASE_URL": url}
            self.run("db", "upgrade", env=env)
            self.run("demo", "--returns", "20", env=env)
            out = self.scratch / "pg.xlsx"
            self.run("export", "returns", "--xlsx", str(out), env=env)
            return f"{url.split('@')[-1]}: db upgrade, demo --returns 20, export ({xlsx_rows(out)} rows)"
        finally:
            cluster.stop()

    def all(self) -> None:
        self.check("bundle contents", self.bundle_contents)
        self.check("Qt platform plugin libraries", self.platform_libraries)
        self.check("db upgrade", self.db_upgrade)
        self.check("demo --returns 50", self.demo)
        self.check("report monthly --json", self.report)
        self.check("label --pdf", lambda: self.pdf("label", self.some_rma(), out=self.scratch / "l.pdf"))
        self.check("slip --form analysis --pdf",
                   lambda: self.pdf("slip", self.some_rma(), "--form", "analysis", out=self.scratch / "a.pdf"))
        self.check("import --dry-run", self.import_dry_run)
        self.check("export returns --xlsx", self.export)
        self.check("gui --tab reports zh_CN/en", self.gui_reports)
        self.check("gui --tab labels", self.gui_labels)
        self.check("window on X11 (Xvfb)", self.x11_window)
        self.check("PostgreSQL", self.postgres)


# ----------------------------------------------------------------------------------- helpers


def tail(proc: subprocess.CompletedProcess[str], lines: int = 15) -> str:
    text = (proc.stdout or "") + (proc.stderr or "")
    return "\n".join(text.strip().splitlines()[-lines:])


def first_party_modules() -> list[str]:
    """The station's own modules, as the spec lists them."""
    found = []
    for package in FIRST_PARTY:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT)
            if "__pycache__" in rel.parts or rel.parts[:2] == ("db", "migrations"):
                continue
            parts = rel.with_suffix("").parts
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def head_revision() -> str:
    """The revision no migration builds on (read from the scripts, nothing imported)."""
    revisions, downs = set(), set()
    for path in (ROOT / "db" / "migrations" / "versions").glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
            value = getattr(node, "value", None)
            if isinstance(target, ast.Name) and isinstance(value, ast.Constant):
                if target.id == "revision":
                    revisions.add(value.value)
                elif target.id == "down_revision" and value.value:
                    downs.add(value.value)
    heads = revisions - downs
    if len(heads) != 1:
        raise Failed(f"migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def font_embedded(pdf: Path) -> str:
    """WenQuanYi Micro Hei must be embedded: pdffonts says so, or the PDF holds the font file."""
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
        wqy = [r for r in rows if "WenQuanYi" in r[0]]
        if not wqy or any(r[-5] != "yes" for r in wqy):  # columns: … emb sub uni object ID
            raise Failed(f"WenQuanYi Micro Hei not embedded in {pdf.name}:\n{out.strip()}")
        others = [r[0] for r in rows if r[-5] != "yes"]
        if others:
            raise Failed(f"fonts not embedded in {pdf.name}: {', '.join(others)}")
        return f"pdffonts: {wqy[0][0]} embedded"
    data = pdf.read_bytes()
    if b"WenQuanYiMicroHei" not in data or b"/FontFile2" not in data:
        raise Failed(f"WenQuanYi Micro Hei not embedded in {pdf.name}")
    return "WenQuanYi Micro Hei embedded (font file in the PDF; pdffonts not installed)"


def xlsx_rows(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        sheets = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        if not sheets:
            raise Failed(f"{path.name}: no worksheet")
        rows = z.read(sheets[0]).count(b"<row ")
    if rows < 2:
        raise Failed(f"{path.name}: {rows} rows, wanted a header and data")
    return rows


def saturated_share(image) -> float:
    """Share of clearly coloured pixels (chart bars and lines; the window itself is grey)."""
    from PIL import ImageChops

    hsv = image.convert("RGB").convert("HSV")
    sat = hsv.getchannel("S").point(lambda s: 255 if s > 80 else 0)
    val = hsv.getchannel("V").point(lambda v: 255 if v > 60 else 0)
    both = ImageChops.multiply(sat, val)
    return both.histogram()[255] / (image.width * image.height)


# -------------------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist", help="where the bundle goes (dist/)")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build", help="PyInstaller's work files (build/)")
    parser.add_argument("--no-build", action="store_true", help="smoke-test the bundle already in --distpath")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder with the outputs")
    args = parser.parse_args()

    rerun = ensure_build_python()
    if rerun is not None:
        return rerun

    if args.no_build:
        bundle, seconds = args.distpath / NAME, None
    else:
        try:
            bundle, seconds = build(args.distpath.resolve(), args.workpath.resolve())
        except subprocess.CalledProcessError as exc:
            print(f"FAIL  PyInstaller build (exit code {exc.returncode}): see its output above", file=sys.stderr)
            return 1
    if not bundle.is_dir():
        print(f"FAIL  no bundle at {bundle}", file=sys.stderr)
        return 1
    size = folder_size(bundle)
    print(f"› bundle {bundle}: {size / 2**20:.0f} MiB" + (f", built in {seconds:.0f} s" if seconds else ""),
          flush=True)

    scratch = Path(tempfile.mkdtemp(prefix="rma-smoke-"))
    print(f"› smoke test of the built executable in {scratch}", flush=True)
    smoke = Smoke(bundle, scratch)
    smoke.all()
    failed = [name for status, name, _ in smoke.results if status == "FAIL"]
    passed = sum(status == "PASS" for status, _, _ in smoke.results)
    skipped = sum(status == "SKIP" for status, _, _ in smoke.results)
    print(f"\n{passed} passed, {len(failed)} failed, {skipped} skipped"
          + (f": {', '.join(failed)}" if failed else ""))
    if failed or args.keep:
        print(f"outputs kept in {scratch}")
    else:
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
