"""Pictures of 资料维护 for the README: every master-data page and the desk's new-customer dialog.

    .venv/bin/python tools/masterdata_screenshots.py

Runs `rma-station demo --returns 50` into a scratch database (RMA_DATABASE_URL in a temporary
folder), then renders offscreen with QWidget.grab(), in Chinese and English:
docs/screenshots/masterdata-<page>-<lang>.png and desk-new-customer-<lang>.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def shoot(url: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication

    from app.services import lookups
    from app.services import masterdata as md
    from app.services.users import actor_for
    from db.engine import make_engine, make_session_factory
    from ui.context import StationContext
    from ui.fonts import register_cjk_font
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.masterdata.window import PAGE_ORDER, MasterDataWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_cjk_font()
    factory = make_session_factory(make_engine(url))

    def actor(login: str) -> object:
        with factory() as s:
            return actor_for(lookups.user_by_login(s, login), station="screenshots")

    # the demo has no suppliers or isolation areas yet: a few for the pictures (scratch database)
    with factory.begin() as s:
        admin = actor("admin")
        for code, name, contact in (("S01", "温州正泰配件厂", "陈工"), ("S02", "宁波天安塑胶件", "林经理")):
            md.create(s, admin, "supplier", dict(code=code, name=name, contact=contact, phone="0577-8800"))
        for code, name, note in (("ISO-A-01", "隔离区A-01", "整批未拆封"), ("ISO-B-01", "隔离区B-01", "已使用/损坏"),
                                 ("TMP-01", "临时存放区", "待分检")):
            md.create(s, admin, "location", dict(code=code, name=name, note=note))

    for lang in ("zh_CN", "en"):
        install_language(app, lang)
        window = MasterDataWindow(StationContext(factory, actor("admin"), None, database="SQLite: demo"))
        window.resize(1180, 620)
        window.show()
        for key in PAGE_ORDER:
            window.show_page(key)
            app.processEvents()
            window.grab().save(str(OUT / f"masterdata-{key}-{lang}.png"))
        window.close()

        main = MainWindow(StationContext(factory, actor("wh"), None, database="SQLite: demo"), start_tab="incoming")
        main.resize(1440, 900)
        main.show()
        desk = main.tabs["incoming"]
        desk.new_return()
        desk.ui.orderEdit.setText("SO2612-007")
        desk.ui.customerCombo.setEditText("温州新客户电器有限公司")
        desk.scan_product("6901234500016")
        app.processEvents()
        dialog = desk.quick_add.new_customer()
        dialog.inputs["code"].setText("K777")
        app.processEvents()
        picture = main.grab()
        shot = dialog.grab()
        # offscreen windows have no frame: draw a title strip so the dialog reads as one
        painter = QPainter(picture)
        x, y, bar = (picture.width() - shot.width()) // 2 + 120, 300, 28
        painter.fillRect(x - 1, y - bar - 1, shot.width() + 2, shot.height() + bar + 2, QColor("#5a5a5a"))
        painter.fillRect(x, y - bar, shot.width(), bar, QColor("#dfe3e8"))
        painter.setPen(QColor("#202020"))
        painter.drawText(x + 10, y - bar, shot.width() - 20, bar, int(Qt.AlignmentFlag.AlignVCenter), dialog.windowTitle())
        painter.drawPixmap(QPoint(x, y), shot)
        painter.end()
        picture.save(str(OUT / f"desk-new-customer-{lang}.png"))
        dialog.close()
        desk.state.loaded()  # the picture's notice is not kept: no "discard?" question at close
        main.close()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 2 and sys.argv[1] == "--shoot":
        shoot(sys.argv[2])
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/demo.sqlite3"
        env = {**os.environ, "RMA_DATABASE_URL": url, "RMA_DATA_DIR": tmp, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--returns", "50"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, __file__, "--shoot", url], env=env, check=True)
    print(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
