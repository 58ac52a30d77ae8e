"""照片与附件 — the photos and files of a return, or of one of its lines.

Opened from the desk (the whole return: the goods as they arrived, the customer's letter)
and from the QA bench (the line shown: photos of the defect, test reports, plus what is kept
with the whole return). Images show as thumbnails; a double-click (or Enter) opens an image
in a zoomable view and any other file with the system's viewer. Files are added with
Add… or dropped on the window; reading and scaling them runs off the UI thread (a phone
photo of 8 MB takes a moment), one transaction per file, so one refused file does not stop
the others and the message names each refused one. Remove… asks why and keeps the record.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeyEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.errors import (
    DatabaseBusy,
    DatabaseFull,
    DatabaseReadOnly,
    DatabaseUnavailable,
    StationError,
)
from app.services import attachments
from db.engine import unit_of_work
from ui import errors as ui_errors
from ui.context import StationContext
from ui.history import insert_next_to
from ui.worker import Progress, run_in_background

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def ask_files(parent: QWidget) -> list[str]:
    """The files to add; tests replace this function."""
    title = QCoreApplication.translate("AttachmentsWindow", "Add photos or files")
    kinds = QCoreApplication.translate("AttachmentsWindow", "Photos and documents")
    paths, _ = QFileDialog.getOpenFileNames(
        parent, title, "", f"{kinds} (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp *.pdf *.xlsx *.xls "
                           "*.docx *.doc *.txt *.csv);;* (*)")
    return paths


def ask_reason(parent: QWidget) -> str | None:
    """Why an attachment is removed (None: the user cancelled); tests replace this function."""
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("AttachmentsWindow", "Remove attachment"),
                                    QCoreApplication.translate("AttachmentsWindow", "Why is it removed?"))
    return text if ok else None


def open_external(path: Path) -> bool:
    """Open a file with the system's viewer; tests replace this function."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ImageViewer(QWidget):
    """One photo, fitted to the window; + / − (or Ctrl+wheel) zoom, 0 fits again."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("imageViewer")
        self.setWindowTitle(title)
        self.image = QImage.fromData(data)
        self.zoom = 0.0  # 0: fit the window
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.label)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoomInButton, self.zoomOutButton, self.fitButton = QPushButton(self), QPushButton(self), QPushButton(self)
        self.zoomInButton.setObjectName("zoomInButton")
        self.zoomOutButton.setObjectName("zoomOutButton")
        self.fitButton.setObjectName("fitButton")
        self.zoomInButton.clicked.connect(lambda: self.set_zoom(self.scale() * 1.25))
        self.zoomOutButton.clicked.connect(lambda: self.set_zoom(self.scale() / 1.25))
        self.fitButton.clicked.connect(lambda: self.set_zoom(0.0))
        buttons = QHBoxLayout()
        for b in (self.zoomOutButton, self.zoomInButton, self.fitButton):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self.resize(900, 680)
        self.scroll.viewport().installEventFilter(self)
        self.retranslate()
        self._show()

    def retranslate(self) -> None:
        self.zoomInButton.setText(self.tr("Zoom in (+)"))
        self.zoomOutButton.setText(self.tr("Zoom out (−)"))
        self.fitButton.setText(self.tr("Fit (0)"))

    def scale(self) -> float:
        """The scale shown now: the zoom chosen, or what fits the window."""
        if self.zoom:
            return self.zoom
        room = self.scroll.viewport().size()
        if self.image.isNull() or self.image.width() == 0:
            return 1.0
        return min(room.width() / self.image.width(), room.height() / self.image.height(), 1.0)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.05, min(zoom, 8.0)) if zoom else 0.0
        self._show()

    def _show(self) -> None:
        s = self.scale()
        size = QSize(max(1, int(self.image.width() * s)), max(1, int(self.image.height() * s)))
        self.label.setPixmap(QPixmap.fromImage(self.image).scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                                 Qt.TransformationMode.SmoothTransformation))
        self.label.resize(size)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # "fit" follows the room the scroll area really has, known only once it is laid out
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize and not self.zoom:
            self._show()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_zoom(self.scale() * 1.25)
        elif key == Qt.Key.Key_Minus:
            self.set_zoom(self.scale() / 1.25)
        elif key == Qt.Key.Key_0:
            self.set_zoom(0.0)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.scale() * (1.25 if event.angleDelta().y() > 0 else 0.8))
            event.accept()
            return
        super().wheelEvent(event)


class AttachmentsWindow(QWidget):
    """The photos and files of a return (line_id None) or of one line and its return."""

    def __init__(self, ctx: StationContext, return_id: int, line_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("attachmentsWindow")
        self.ctx, self.return_id, self.line_id = ctx, return_id, line_id
        self.rows: list[attachments.AttachmentRow] = []
        self.viewers: list[ImageViewer] = []
        self.titleLabel = QLabel(self)
        self.titleLabel.setObjectName("titleLabel")
        self.hintLabel = QLabel(self)
        self.list = QListWidget(self)
        self.list.setObjectName("attachmentList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(attachments.THUMB_SIDE, attachments.THUMB_SIDE))
        self.list.setGridSize(QSize(attachments.THUMB_SIDE + 40, attachments.THUMB_SIDE + 56))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setAcceptDrops(False)  # the window takes the drop, wherever it lands
        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.addButton, self.openButton = QPushButton(self), QPushButton(self)
        self.removeButton, self.closeButton = QPushButton(self), QPushButton(self)
        self.addButton.setObjectName("addButton")
        self.openButton.setObjectName("openButton")
        self.removeButton.setObjectName("removeButton")
        buttons = QHBoxLayout()
        for b in (self.addButton, self.openButton, self.removeButton):
            buttons.addWidget(b)
        buttons.addWidget(self.messageLabel, 1)
        buttons.addWidget(self.closeButton)
        layout = QVBoxLayout(self)
        layout.addWidget(self.titleLabel)
        layout.addWidget(self.hintLabel)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)
        self.resize(820, 520)
        self.addButton.clicked.connect(lambda: self.add_files(ask_files(self)))
        self.openButton.clicked.connect(self.open_current)
        self.removeButton.clicked.connect(self.remove_current)
        self.closeButton.clicked.connect(self.close)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.retranslate()
        self.load()

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Photos and files"))
        self.hintLabel.setText(self.tr("Drop photos or files here, or press Add…. Double-click to open."))
        self.addButton.setText(self.tr("&Add…"))
        self.openButton.setText(self.tr("&Open"))
        self.removeButton.setText(self.tr("&Remove…"))
        self.closeButton.setText(self.tr("Close"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ the list

    def load(self) -> None:
        """Read the list again (after an addition, a removal, or a change elsewhere)."""
        # read on a pool thread: a busy server stalls the list, not the window
        self._asked = asked = getattr(self, "_asked", 0) + 1

        def show(rows: list[attachments.AttachmentRow]) -> None:
            if asked == self._asked:  # else a newer read's answer is on its way
                self.rows = rows
                self._fill()

        self.ctx.query(lambda s: attachments.list_attachments(s, self.return_id, line_id=self.line_id), show,
                       initiator=self)

    def _caption(self, r: attachments.AttachmentRow) -> str:
        where = self.tr("Line %1").replace("%1", str(r.line_no)) if r.line_no else self.tr("Whole return")
        return f"{r.filename}\n{where} · {r.added_by}"

    def _fill(self) -> None:
        current = self.current_id()
        self.list.clear()
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for r in self.rows:
            icon = file_icon
            if r.thumb:
                pix = QPixmap()
                if pix.loadFromData(r.thumb):
                    icon = QIcon(pix)
            item = QListWidgetItem(icon, self._caption(r))
            item.setData(ID_ROLE, r.id)
            size = f"{r.size / 1024:.0f} KB" if r.size < 1048576 else f"{r.size / 1048576:.1f} MB"
            dims = f" · {r.width}×{r.height}" if r.width else ""
            item.setToolTip(f"{r.filename}\n{r.mime} · {size}{dims}\n{r.note}".rstrip())
            self.list.addItem(item)
            if r.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.rows:
            self.list.setCurrentRow(len(self.rows) - 1)
        self.titleLabel.setText(self.tr("%n photo(s) or file(s)", "", len(self.rows)))
        self._enable()

    def _enable(self) -> None:
        chosen = self.current_id() is not None
        self.openButton.setEnabled(chosen)
        self.removeButton.setEnabled(chosen)

    def current_id(self) -> int | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        return None if item is None else int(item.data(ID_ROLE))

    def row(self, attachment_id: int) -> attachments.AttachmentRow | None:
        return next((r for r in self.rows if r.id == attachment_id), None)

    # ------------------------------------------------------------ adding

    def add_files(self, paths: Sequence[str | Path]) -> None:
        """Add the files, each in its own transaction, off the UI thread."""
        files = [Path(p) for p in paths if str(p)]
        if not files:
            return
        ctx, rid, lid = self.ctx, self.return_id, self.line_id
        lang = ctx.language

        def work(progress: Progress) -> tuple[int, list[str]]:
            added, refused = 0, []
            for i, path in enumerate(files):
                progress.report(i, len(files), path.name)
                progress.check()
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    refused.append(QCoreApplication.translate("AttachmentsWindow", "“%1” cannot be read: %2")
                                   .replace("%1", path.name).replace("%2", exc.strerror or str(exc)))
                    continue
                try:
                    with unit_of_work(ctx.factory, actor=ctx.actor, station=ctx.actor.station) as s:
                        attachments.add_attachment(s, ctx.actor, return_id=rid, line_id=lid,
                                                   filename=path.name, data=data)
                    added += 1
                except (DatabaseUnavailable, DatabaseBusy, DatabaseReadOnly, DatabaseFull):
                    raise  # the database, not the file: the one error path says so
                except StationError as exc:
                    refused.append(exc.message(lang))
            progress.report(len(files), len(files))
            return added, refused

        def done(result: tuple[int, list[str]]) -> None:
            added, refused = result
            text = self.tr("%n added.", "", added) if added else ""
            self.messageLabel.setText(" ".join([text, *refused]).strip())
            self.load()
            if added:
                ctx.events.returnsChanged.emit([rid])

        self.job = run_in_background(self, work, title=self.tr("Adding photos and files"), on_done=done)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # ------------------------------------------------------------ opening, removing

    def open_current(self) -> QWidget | Path | None:
        """An image in the zoomable view; another file with the system's viewer."""
        aid = self.current_id()
        if aid is None:
            return None
        try:
            found = self.ctx.read(lambda s: attachments.content(s, aid))
        except StationError as exc:
            self.messageLabel.setText(exc.message(self.ctx.language))
            self.load()
            return None
        if found is None:
            return None
        row = self.row(aid)
        if row is not None and row.kind == attachments.IMAGE:
            viewer = ImageViewer(found.data, found.filename, self)
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.viewers.append(viewer)
            ui_errors.show(viewer)
            return viewer
        folder = Path(tempfile.mkdtemp(prefix="rma-attachment-"))
        path = folder / found.filename
        path.write_bytes(found.data)
        if not open_external(path):
            self.messageLabel.setText(self.tr("No program on this computer opens “%1”; it was saved as %2.")
                                      .replace("%1", found.filename).replace("%2", str(path)))
        return path

    def remove_current(self) -> None:
        aid = self.current_id()
        if aid is None:
            return
        reason = ask_reason(self)
        if reason is None:
            return

        def done(outcome: Any) -> None:
            if outcome.error is not None:
                self.messageLabel.setText(outcome.error.message(self.ctx.language))
                return
            self.messageLabel.setText(self.tr("Removed; the reason is kept."))
            self.load()

        self.ctx.run(lambda s: attachments.remove_attachment(s, self.ctx.actor, aid, reason),
                     returns=[self.return_id], on_done=done)


def open_attachments(ctx: StationContext, parent: QWidget | None, return_id: int,
                     line_id: int | None = None) -> AttachmentsWindow:
    window = AttachmentsWindow(ctx, return_id, line_id, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ui_errors.show(window)
    return window


class _AttachmentsButton(QPushButton):
    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("AttachmentsButton", "Photos…"))
        self.setToolTip(QCoreApplication.translate("AttachmentsButton",
                                                   "Photos of the goods and the defect, letters and reports"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def add_attachments_button(tab: QWidget, ctx: StationContext, anchor: QWidget,
                           ids: Callable[[], tuple[int | None, int | None]]) -> QPushButton:
    """A "Photos…" button next to `anchor`; `ids()` gives (return id, line id) shown."""
    button = _AttachmentsButton(tab)
    button.setObjectName("attachmentsButton")
    button.retranslate()
    insert_next_to(anchor, button)

    def clicked() -> None:
        return_id, line_id = ids()
        if return_id is None:
            return
        tab.attachments_window = open_attachments(ctx, tab, return_id, line_id)  # type: ignore[attr-defined]

    button.clicked.connect(clicked)
    return button
