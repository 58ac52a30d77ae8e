"""Signing a step in the window: the password asked in a small dialog, the state of a
signature shown beside its step (app.services.signatures).

`ask` opens the non-blocking signature dialog (ui.eightd.signature.SignatureDialog) and
calls `attempt(password, dialog)` on OK; the tab runs the step with the password in one
action and hands the outcome to `settle`: a wrong password keeps the dialog open with the
message (the form's input is untouched), anything else closes it and the tab shows the
outcome as for any save. Tests replace `ask` (tests/ui/conftest.py signs with the demo
password) or drive the dialog itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.signatures import MEANINGS, Meaning, SignatureView
from ui import errors as ui_errors
from ui.eightd.signature import SignatureDialog

#: refusals that leave the dialog open for another try
KEEP_OPEN = frozenset({"signature_wrong_password"})

Attempt = Callable[[str, SignatureDialog | None], None]


def ask(parent: Any, signer: str, what: str, attempt: Attempt) -> SignatureDialog | None:
    """Open the signature dialog for `signer` signing `what`; `attempt(password, dialog)` on OK.
    Tests replace this function."""
    dialog = SignatureDialog(what, signer, parent)
    dialog.signed.connect(lambda password: attempt(password, dialog))
    ui_errors.show(dialog)
    return dialog


def settle(dialog: SignatureDialog | None, outcome: Any, lang: str) -> bool:
    """After the signed step ran: True when the dialog took the outcome (a wrong password:
    the message in the dialog, which stays open); else the dialog closes and the caller
    shows the outcome."""
    if dialog is None:
        return False
    error = getattr(outcome, "error", None)
    if error is not None and error.key in KEEP_OPEN:
        dialog.refuse(error.message(lang))
        return True
    if getattr(outcome, "ok", False):
        dialog.accept()
    else:
        dialog.reject()
    return False


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def meaning_name(meaning: str, lang: str) -> str:
    zh, en = MEANINGS.get(Meaning(meaning), (meaning, meaning))
    return zh if lang.startswith("zh") else en


def describe(view: SignatureView | None, lang: str) -> str:
    """One line for a step's signature: signed (by, when, meaning), or void (已失效: by whom
    and when) and to be signed again; "" when there is none."""
    if view is None:
        return ""
    if view.tampered:
        return (QCoreApplication.translate(
            "Signatures", "Signature void: %1 signed at %2; the record was changed since, not through the station "
                          "— sign again").replace("%1", view.signer_name).replace("%2", _local(view.signed_at)))
    if view.void:
        return (QCoreApplication.translate(
            "Signatures", "Signature void: %1 signed at %2; voided by %3 at %4 — sign again")
                .replace("%1", view.signer_name).replace("%2", _local(view.signed_at))
                .replace("%3", view.voided_by).replace("%4", _local(view.voided_at)))
    return (QCoreApplication.translate("Signatures", "Signed (%1) by %2 at %3").replace("%1", meaning_name(view.meaning, lang))
            .replace("%2", view.signer_name).replace("%3", _local(view.signed_at)))
