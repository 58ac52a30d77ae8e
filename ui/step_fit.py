"""A bench form shows the line's current and earlier steps only, so it fits 1366×728.

The QA bench and the rework tab hold every step of a line one below the other; on a
1366×768 screen the whole form was taller than the window, and opening a line scrolled
to its step, the title out of sight. A step not reached yet is hidden; a step that is done
keeps its short fields but not its tall tables (its totals stay). With no line open the
form shows every step, as before.
"""

from __future__ import annotations

from typing import Any

from app.codes import LineStatus


def fit_rework(ui: Any, line: dict[str, Any] | None) -> None:
    """Show the rework tab's groups for the line's step."""
    status = line.get("status") if line is not None else None
    planned = bool(line and line.get("planned_on"))
    rework = status == LineStatus.REWORK.value
    after_rework = status in (LineStatus.REINSPECTION.value, LineStatus.DONE.value)
    known = line is not None and (rework or after_rework)
    ui.costsGroup.setVisible(not known or planned or after_rework)
    ui.reinspectionGroup.setVisible(not known or after_rework)
    ui.closeGroup.setVisible(not known or status == LineStatus.DONE.value)
    # the costs are booked: their tables give way to the re-inspection (the totals stay)
    tables = not (known and after_rework)
    for w in (ui.materialsView, ui.labourView, ui.addMaterialButton, ui.removeMaterialButton,
              ui.addLabourButton, ui.removeLabourButton):
        w.setVisible(tables)


def fit_inspection(ui: Any, line: dict[str, Any] | None) -> None:
    """Show the QA bench's groups for the line's step: the decision once inspected."""
    status = line.get("status") if line is not None else None
    ui.decisionGroup.setVisible(status != LineStatus.INSPECTION.value)


def grow_only_with_room(*widgets: Any) -> None:
    """Tall boxes (multi-line text, tables) ask for their minimum height only and take more
    when the window has room: Qt's layouts count an Ignored height hint as nothing."""
    from PySide6.QtWidgets import QSizePolicy

    for w in widgets:
        if w.minimumHeight() > 48:  # two lines of text: enough to see that something is written
            w.setMinimumHeight(48)
        policy = w.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        w.setSizePolicy(policy)


def pair_corrective_fields(ui: Any) -> None:
    """The 8D's short fields two to a row (problem | containment, root cause | corrective
    action), which saves the QA bench two rows; Tab still reads them left to right."""
    grid = ui.correctiveLayout
    rows = ((1, (ui.problemLabel, ui.problemEdit, ui.containmentLabel, ui.containmentEdit)),
            (2, (ui.rootCauseLabel, ui.rootCauseEdit, ui.correctiveLabel, ui.correctiveEdit)))
    for row, widgets in rows:
        for column, widget in enumerate(widgets):
            grid.removeWidget(widget)
            grid.addWidget(widget, row, column)
    for column, widget in enumerate((ui.preventiveLabel, ui.preventiveEdit)):
        grid.removeWidget(widget)
        grid.addWidget(widget, 3, column, 1, 1 if column == 0 else 3)
    grid.setColumnStretch(3, 1)
    # the serious-case tick beside the refund (its own row cost the decision a line)
    decision = ui.decisionLayout
    for widget, column in ((ui.refundAmountLabel, 2), (ui.seriousCheck, 3)):
        decision.removeWidget(widget)
        decision.addWidget(widget, 3, column)
    ui.refundEdit.setMinimumWidth(64)  # a percentage stays readable beside the tick
