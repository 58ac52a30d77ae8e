"""Make the README's pictures: every tab in Chinese and English on demo data, a label and a slip.

Each tab at two screen sizes: 1366×768, a factory desk's monitor (`incoming-zh_CN.png`, the
README's names), and 1024×768, the smallest the station is laid out for
(`incoming-zh_CN-1024.png`). The window is as large as such a screen leaves it below the
taskbar (40 pixels).

    python3 tools/screenshots.py        (inside .venv: .venv/bin/python tools/screenshots.py)

Writes docs/screenshots/*.png. The window is rendered offscreen by `rma-station gui
--screenshot`, the PDFs by the label/slip commands and pdftoppm.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
TABS = ["incoming", "inspection", "rework", "reports", "labels"]
TASKBAR = 40
# screen size → the file name's suffix
SIZES: dict[tuple[int, int], str] = {(1366, 768): "", (1024, 768): "-1024"}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "RMA_DATABASE_URL": f"sqlite:///{tmp}/demo.sqlite3", "RMA_DATA_DIR": tmp,
               "QT_QPA_PLATFORM": "offscreen", "RMA_LANG": "zh_CN"}
        run = [sys.executable, str(ROOT / "main.py")]
        subprocess.run([*run, "demo", "--returns", "400", "--seed", "11"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        for (width, height), suffix in SIZES.items():
            for lang in ("zh_CN", "en"):
                for tab in TABS:
                    subprocess.run([*run, "gui", "--screenshot", str(OUT / f"{tab}-{lang}{suffix}.png"),
                                    "--tab", tab, "--lang", lang, "--size", f"{width}x{height - TASKBAR}"],
                                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rma = "RMA-2026-000010"
        subprocess.run([*run, "label", rma, "--size", "100x50", "--dpi", "300", "--pdf", f"{tmp}/label.pdf"],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([*run, "slip", rma, "--form", "analysis", "--pdf", f"{tmp}/analysis.pdf"], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([*run, "slip", rma, "--form", "notice", "--pdf", f"{tmp}/notice.pdf"], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", f"{tmp}/label.pdf", str(OUT / "label")],
                       check=True)
        for slip in ("analysis", "notice"):
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", f"{tmp}/{slip}.pdf",
                            str(OUT / f"slip-{slip}")], check=True)
    print(f"pictures in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
