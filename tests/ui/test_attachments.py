"""Photos and files in the window, as people use them: QA adds a photo of the defect and a test
report from the bench (a program file refused by name), sees the thumbnails, opens the photo
(click, Enter) and zooms in, opens the report with the system's viewer, drops another photo on the window, removes a
wrong one with a reason; the warehouse sees the line's photo from the desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.test_window import click, open_window
from tests.unit.services.helpers import approved, line_ids
from tests.unit.services.test_attachments import jpeg
from ui import attachments as ui_attachments
from ui.attachments import AttachmentsWindow, ImageViewer


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {"defect.jpg": jpeg(2400, 1800), "report.pdf": b"%PDF-1.4\n%%EOF\n", "tool.exe": b"MZ" + b"\0" * 64,
           "second.jpg": jpeg(800, 600)}
    paths = {}
    for name, data in out.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    return paths


def _captions(window: AttachmentsWindow) -> list[str]:
    return [window.list.item(i).text() for i in range(window.list.count())]


def test_qa_adds_views_opens_drops_and_removes(qtbot, factory, actors, station_settings, files,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.open_line(lid)
    button = bench.findChild(QPushButton, "attachmentsButton")
    assert button.text() == "照片/附件…"
    click(qtbot, button)
    window: AttachmentsWindow = bench.attachments_window
    qtbot.waitExposed(window)
    assert window.list.count() == 0 and window.titleLabel.text() == "0 个照片或文件"
    assert not window.openButton.isEnabled()

    monkeypatch.setattr(ui_attachments, "ask_files",
                        lambda _parent: [str(files["defect.jpg"]), str(files["report.pdf"]), str(files["tool.exe"])])
    click(qtbot, window.addButton)
    assert _captions(window) == [f"defect.jpg\n第 1 行 · {actors['qa'].name}", f"report.pdf\n第 1 行 · {actors['qa'].name}"]
    message = window.messageLabel.text()
    assert message.startswith("已添加 2 个。") and "“tool.exe”不是可接受的文件" in message
    # the photo shows as its thumbnail, the report as a file icon
    photo_icon = window.list.item(0).icon().pixmap(200, 200)
    assert photo_icon.width() == 160 or photo_icon.height() == 160
    assert "image/jpeg" in window.list.item(0).toolTip() and "1600×1200" in window.list.item(0).toolTip()

    # click the photo and press Enter: the zoomable view, fitted, then larger with +
    rect = window.list.visualItemRect(window.list.item(0))
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.list.currentRow() == 0
    qtbot.keyClick(window.list, Qt.Key.Key_Return)
    viewer: ImageViewer = window.viewers[-1]
    qtbot.waitExposed(viewer)
    fitted = viewer.label.pixmap().width()
    assert (viewer.image.width(), viewer.image.height()) == (1600, 1200) and 0 < fitted <= 1600
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.label.pixmap().width() == pytest.approx(fitted * 1.25, abs=2)
    viewer.close()

    # the report opens with the system's viewer, from a temporary copy of the stored bytes
    opened: list[Path] = []
    monkeypatch.setattr(ui_attachments, "open_external", lambda path: opened.append(path) or True)
    window.list.setCurrentRow(1)
    click(qtbot, window.openButton)
    assert [p.name for p in opened] == ["report.pdf"] and opened[0].read_bytes() == files["report.pdf"].read_bytes()

    # a photo dropped on the window is added too
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["second.jpg"]))])
    text_only = QMimeData()
    text_only.setText("not a file")
    refused = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, text_only, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert [c.split("\n")[0] for c in _captions(window)] == ["defect.jpg", "report.pdf", "second.jpg"]

    # removing asks why; cancelling keeps it, a reason removes it
    window.list.setCurrentRow(2)
    monkeypatch.setattr(ui_attachments, "ask_reason", lambda _parent: None)
    click(qtbot, window.removeButton)
    assert window.list.count() == 3
    monkeypatch.setattr(ui_attachments, "ask_reason", lambda _parent: "拍错了")
    click(qtbot, window.removeButton)
    assert [c.split("\n")[0] for c in _captions(window)] == ["defect.jpg", "report.pdf"]
    assert window.messageLabel.text() == "已移除,原因已记录。"


def test_the_desk_sees_the_whole_returns_photos(qtbot, factory, actors, station_settings, files,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import attachments

    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        attachments.add_attachment(s, actors["qa"], return_id=rid, line_id=lid, filename="defect.jpg",
                                   data=files["defect.jpg"].read_bytes())
    w = open_window(qtbot, factory, actors["wh"], station_settings, tab="incoming")
    desk = w.tabs["incoming"]
    desk.open_return(rid)
    click(qtbot, desk.findChild(QPushButton, "attachmentsButton"))
    window: AttachmentsWindow = desk.attachments_window
    qtbot.waitExposed(window)
    assert _captions(window) == [f"defect.jpg\n第 1 行 · {actors['qa'].name}"]

    # the warehouse adds the customer's letter to the whole return
    monkeypatch.setattr(ui_attachments, "ask_files", lambda _parent: [str(files["report.pdf"])])
    click(qtbot, window.addButton)
    assert _captions(window)[-1] == f"report.pdf\n整单 · {actors['wh'].name}"


def test_an_unreadable_file_is_named_and_nothing_else_is_lost(qtbot, factory, actors, station_settings,
                                                              files, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    rid = approved(factory, actors)
    w = open_window(qtbot, factory, actors["sales"], station_settings, tab="incoming")
    window = ui_attachments.open_attachments(w.ctx, w, rid)
    qtbot.waitExposed(window)
    gone = tmp_path / "gone.jpg"  # chosen, then deleted before it was read
    window.add_files([str(gone), str(files["second.jpg"])])
    assert [c.split("\n")[0] for c in _captions(window)] == ["second.jpg"]
    assert "无法读取“gone.jpg”" in window.messageLabel.text()
