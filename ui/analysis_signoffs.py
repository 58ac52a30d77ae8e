"""The six sign-offs (会签) of the return analysis form at the desk: their state beside the
approval, and 会签分析单… to sign a box of one's own role with the password.

Installed into the desk (ui.incoming_tab) and the rework tab (ui.rework_tab: production's
计划物控部 box; production has no desk) by `AnalysisSignoffs(tab, group, record, run)`; the
tab calls `update()` whenever it shows a return or line. The box is chosen through `ask_box` (patchable, tests
answer it); the password through ui.signature_dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QWidget

from app.codes import LineStatus, ReturnStatus
from app.services import signatures as signature_service
from ui import signature_dialog as signing
from ui.widgets.bench import gate

DECIDED = {LineStatus.REWORK.value, LineStatus.REINSPECTION.value, LineStatus.DONE.value}


def ask_box(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """Which box to sign (an index into `items`); None when cancelled. Tests replace this."""
    value, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(value) if ok and value in items else None


def _box_name(step: signature_service.Step, lang: str) -> str:
    zh, en = signature_service.STEPS[step].name
    return zh if lang.startswith("zh") else en


class AnalysisSignoffs:
    """The sign-offs' label and button in the desk's approval group."""

    def __init__(self, tab: Any, group: QWidget, record: Callable[[], dict[str, Any] | None],
                 run: Callable[[Any, Callable[[], str], Any], None],
                 place: Callable[[QLabel, QPushButton], None]) -> None:
        """`record()`: the return as dict(id, version, rma_no, status, lines=[{status}],
        signatures={step: SignatureView}), or None; `run(work, done_text, dialog)` carries
        out the signed action as the tab's other steps; `place(label, button)` puts the two
        into the tab's form (one line: the tabs fit 1366×768)."""
        self.tab = tab
        self.record, self.run = record, run
        self.label = QLabel(group)
        self.label.setObjectName("signoffsLabel")
        self.button = QPushButton(group)
        self.button.setObjectName("countersignButton")
        place(self.label, self.button)
        self.button.clicked.connect(self.countersign)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(QCoreApplication.translate("AnalysisSignoffs", "Countersign the analysis form…"))
        self.update()

    def _mine(self) -> list[signature_service.Step]:
        """The boxes the user's roles may sign and that hold no valid signature."""
        record = self.record() or {}
        signed = record.get("signatures", {})
        ctx = self.tab.ctx
        return [step for step in signature_service.ANALYSIS_BOXES
                if ctx.can(*signature_service.STEPS[step].roles)
                and (signed.get(step.value) is None or signed[step.value].void)]

    def update(self) -> None:
        tab, lang = self.tab, self.tab.ctx.language
        record = self.record()
        if record is None:
            self.label.setText("")
            self.button.hide()
            return
        self.button.show()
        signed = record.get("signatures", {})
        rows = []
        for step in signature_service.ANALYSIS_BOXES:
            view = signed.get(step.value)
            rows.append(_box_name(step, lang) + ": " + (signing.describe(view, lang) if view is not None
                                                        else QCoreApplication.translate("AnalysisSignoffs",
                                                                                        "not signed")))
        # one line in the form; each box's signer and time (or 已失效) in the tooltip
        views = [signed.get(step.value) for step in signature_service.ANALYSIS_BOXES]
        valid = sum(1 for v in views if v is not None and not v.void)
        void = sum(1 for v in views if v is not None and v.void)
        summary = (QCoreApplication.translate("AnalysisSignoffs", "Analysis form countersigned %1/6")
                   .replace("%1", str(valid)))
        if void:
            summary += " · " + QCoreApplication.translate("AnalysisSignoffs", "%1 void, to sign again").replace(
                "%1", str(void))
        self.label.setText(summary)
        self.label.setToolTip("\n".join(rows))
        lines = [ln for ln in record.get("lines", []) if ln.get("status") != LineStatus.CANCELLED.value]
        ready = (record["status"] in (ReturnStatus.APPROVED.value, ReturnStatus.CLOSED.value) and bool(lines)
                 and all(ln.get("status") in DECIDED for ln in lines))
        roles = tuple({r for step in signature_service.ANALYSIS_BOXES for r in signature_service.STEPS[step].roles})
        gate(self.button, roles_ok=tab.ctx.can(*roles), roles=roles, lang=lang, state_ok=ready and bool(self._mine()),
             state_reason=QCoreApplication.translate("AnalysisSignoffs", "Every line needs its decision first")
             if not ready else QCoreApplication.translate("AnalysisSignoffs", "Your boxes are signed"))

    def countersign(self) -> None:
        """Choose one of one's own boxes, then sign it with the password."""
        tab, lang = self.tab, self.tab.ctx.language
        record = self.record()
        boxes = self._mine()
        if record is None or not boxes:
            return
        choice = ask_box(tab, QCoreApplication.translate("AnalysisSignoffs", "Countersign"),
                         QCoreApplication.translate("AnalysisSignoffs", "Sign the analysis form of %1 as:")
                         .replace("%1", record["rma_no"]), [_box_name(b, lang) for b in boxes])
        if choice is None:
            return
        box, rid, version = boxes[choice], record["id"], record["version"]

        def attempt(password: str, dialog: Any) -> None:
            self.run(lambda s: signature_service.countersign(s, tab.ctx.actor, rid, box, password,
                                                             expected_version=version),
                     lambda: QCoreApplication.translate("AnalysisSignoffs", "Countersigned."), dialog)
        what = (QCoreApplication.translate("AnalysisSignoffs", "the analysis form of %1 as %2 (countersign)")
                .replace("%1", record["rma_no"]).replace("%2", _box_name(box, lang)))
        tab.signature_dialog = signing.ask(tab, tab.ctx.actor.name, what, attempt)
