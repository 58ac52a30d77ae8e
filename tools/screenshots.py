"""Make the README's pictures: every tab in Chinese and English on demo data, a label and a slip.

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


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "RMA_DATABASE_URL": f"sqlite:///{tmp}/demo.sqlite3", "RMA_DATA_DIR": tmp,
               "QT_QPA_PLATFORM": "offscreen", "RMA_LANG": "zh_CN"}
        run = [sys.executable, str(ROOT / "main.py")]
        subprocess.run([*run, "demo", "--returns", "400", "--seed", "11"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        for lang in ("zh_CN", "en"):
            for tab in TABS:
                subprocess.run([*run, "gui", "--screenshot", str(OUT / f"{tab}-{lang}.png"), "--tab", tab,
                                "--lang", lang], env=env, check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
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
