"""Qt set-up shared by every window test (pytest-qt drives the widgets with qtbot).

- Qt runs offscreen: QT_QPA_PLATFORM is set before anything imports Qt.
- Every test gets its own settings folder (autouse): no test reads or writes the real
  user's QSettings, and no test sees another's.
- The bundled CJK font is registered once per session and the window starts in Chinese;
  `switch_language("en")` changes it for one test and the language is restored after.
- Background work runs synchronously (Picard's fake thread pool) unless a test asks for
  `real_threads`.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from db.engine import PgTimeouts, make_engine, make_session_factory  # noqa: E402
from ui import signature_dialog as _signature_dialog  # noqa: E402
from ui.fonts import register_cjk_font  # noqa: E402
from ui.i18n import DEFAULT_LANGUAGE, current_language, install_language  # noqa: E402
from ui.live import LiveRefresh  # noqa: E402
from ui.settings import StationSettings, use_settings_folder  # noqa: E402
from ui.worker import Worker  # noqa: E402

_REAL_ASK = _signature_dialog.ask


@pytest.fixture(scope="session", autouse=True)
def cjk_font(qapp: QApplication) -> str:
    """The bundled font's family, registered once; the window's language is Chinese."""
    family = register_cjk_font()
    install_language(qapp, DEFAULT_LANGUAGE)
    return family


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path) -> Path:
    """Every QSettings of this test lives under its own temporary folder."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    use_settings_folder(folder)
    return folder


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (the crash journal, ui.journal) of this test alone."""
    folder = tmp_path / "data"
    monkeypatch.setenv("RMA_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def station_settings(settings_folder: Path) -> StationSettings:
    """Fresh per-machine options (all defaults) in the test's own settings folder."""
    return StationSettings()


@pytest.fixture
def switch_language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """`switch_language("en")` as the settings dialog would; Chinese again after the test."""

    def switch(lang: str) -> None:
        install_language(qapp, lang)
        qapp.processEvents()  # LanguageChange events reach the widgets now

    yield switch
    if current_language() != DEFAULT_LANGUAGE:
        switch(DEFAULT_LANGUAGE)


@pytest.fixture(autouse=True)
def synchronous_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Worker, "synchronous", True)


@pytest.fixture(autouse=True)
def sign_with_demo_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """A signed step (ui.signature_dialog.ask) is signed at once with the demo users'
    password, as if typed into the dialog; the signature tests drive the dialog itself
    (they undo this with monkeypatch.undo() or `real_signature_dialog`)."""
    from ui import signature_dialog

    monkeypatch.setattr(signature_dialog, "ask", lambda _parent, _signer, _what, attempt: attempt("1234", None))


@pytest.fixture
def real_signature_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real signature dialog opens (non-blocking), for a test to type the password."""
    from ui import signature_dialog

    monkeypatch.setattr(signature_dialog, "ask", _REAL_ASK)


@pytest.fixture
def patient_factory(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[sessionmaker[Session]]:
    """The window's database, waiting as long as it takes for a lock (the test releases it)."""
    monkeypatch.setenv("RMA_SQLITE_BUSY_TIMEOUT_MS", "600000")
    engine = make_engine(db_url, timeouts=PgTimeouts(lock_ms=600_000, statement_ms=600_000))
    yield make_session_factory(engine)
    dispose_after_background_work(engine)


@pytest.fixture
def real_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Background work on real pool threads, for the tests of threading itself."""
    monkeypatch.setattr(Worker, "synchronous", False)
    yield
    assert Worker.wait_all(60_000), "background work still running after the test:\n" + _stacks()


def dispose_after_background_work(engine: Any) -> None:
    """Dispose of a test's engine once no background read needs it any more.

    Disposing drains the pool: a read on a pool thread that is waiting for the engine's
    last connection at that moment never gets it (it waits out the pool's 30 s), so the
    test's real threads would still be running after it.
    """
    assert Worker.wait_all(60_000), "background work still running:\n" + _stacks()
    engine.dispose()


def _stacks() -> str:
    """Where every other thread is, for a test whose background work did not end."""
    import sys
    import threading
    import traceback
    names = {t.ident: t.name for t in threading.enumerate()}
    return "\n".join(f"--- {names.get(ident, ident)}\n" + "".join(traceback.format_stack(frame))
                     for ident, frame in sys._current_frames().items()
                     if ident != threading.get_ident())


@pytest.fixture(autouse=True)
def no_live_refresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows do not follow other stations (ui.live) unless a test asks for `live_refresh`:
    no other test sees a refresh it did not make."""
    monkeypatch.setattr(LiveRefresh, "enabled", False)


@pytest.fixture
def live_refresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows made in this test follow the other stations (ui.live)."""
    monkeypatch.setattr(LiveRefresh, "enabled", True)
