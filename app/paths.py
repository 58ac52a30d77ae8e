"""Where the station finds its bundled files and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "RMA Station"
APP_ID = "rma-station"


def project_root() -> Path:
    """The folder that holds resources/ (the repo, or the PyInstaller bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return project_root() / "resources"


def cjk_font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def user_data_dir() -> Path:
    """Per-user data folder; RMA_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("RMA_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs  # only where the folder is the platform's (not for a server, nor RMA_DATA_DIR)

        path = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
