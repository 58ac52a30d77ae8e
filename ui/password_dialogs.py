"""Passwords at the station: change one's own, and (administrators) reset someone else's.

- `ChangePasswordDialog`: the current password, the new one twice. From the menu
  工作站 → 修改密码… (`for_context`), and at log-in when the user must choose their own
  password (demo users, after a reset): then the current password is the one just typed
  at log-in and its row is hidden, and cancelling means not logging in.
- `ResetPasswordDialog(ctx, user_id, login, parent)`: an administrator gives a user a new
  password (twice); the user must change it at the next log-in. Usable on its own, e.g.
  from the Users page of the master data.

Both show what is wrong (too short, the user name, too common, the two differ, the current
one is wrong) in red below the fields, in the user's language, and keep what was typed.
The checks themselves are app.services.users / app.services.passwords.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.errors import StationError
from app.fields import label
from app.services import users as user_service
from app.services.context import Actor
from db.engine import unit_of_work
from forms.ui_password_dialog import Ui_PasswordDialog
from ui.context import Outcome, StationContext
from ui.i18n import Retranslatable, current_language
from ui.settings import StationSettings

if TYPE_CHECKING:
    from ui.login_dialog import LoginDialog


class _PasswordForm(Retranslatable, QDialog):
    """The form both dialogs share; `_save(old, new)` raises StationError or succeeds."""

    def __init__(self, save: Callable[[str, str], None], login: str, *, ask_old: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        self._save = save
        # at the station (`for_context`, ResetPasswordDialog): the change as a unit of work
        # run by ctx.run instead of `save`
        self._ctx: StationContext | None = None
        self._work: Callable[[Session, str, str], None] | None = None
        self.login = login
        self._ask_old = ask_old
        self._error_text: Callable[[], str] | None = None
        # Not the standard OK: the button box would reset its text on a language change.
        self.ok_button = self.ui.buttonBox.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.errorLabel.hide()
        self.ui.oldLabel.setVisible(ask_old)
        self.ui.oldEdit.setVisible(ask_old)
        (self.ui.oldEdit if ask_old else self.ui.newEdit).setFocus()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ok_button.setText(QCoreApplication.translate("PasswordDialog", "OK"))
        self.ui.introLabel.setText(self.intro())
        if self._error_text is not None:
            self.ui.errorLabel.setText(self._error_text())

    def intro(self) -> str:
        raise NotImplementedError

    @property
    def error_text(self) -> str:
        return self.ui.errorLabel.text() if self.ui.errorLabel.isVisible() else ""

    def _show_error(self, error: StationError, at: QLineEdit) -> None:
        # kept as a function so that a language switch re-renders it
        self._error_text = lambda: error.message(current_language())
        self.ui.errorLabel.setText(self._error_text())
        self.ui.errorLabel.show()
        at.setFocus()
        at.selectAll()

    def submit(self) -> None:
        """OK or Enter: both new entries must agree, then the service decides."""
        old, new, repeat = self.ui.oldEdit.text(), self.ui.newEdit.text(), self.ui.repeatEdit.text()
        if self._ask_old and not old:
            self._show_error(StationError("required", field=label("password")), self.ui.oldEdit)
            return
        if not new:
            self._show_error(StationError("required", field=("新密码", "New password")), self.ui.newEdit)
            return
        if new != repeat:
            self._show_error(StationError("password_mismatch"), self.ui.repeatEdit)
            return
        if self._ctx is not None and self._work is not None:
            # at the station: off the UI thread, OK held meanwhile; the result comes back here
            work = self._work
            self._ctx.run(lambda s: work(s, old, new), keep_if_offline=False, initiator=self,
                          busy=[self.ok_button], on_done=self._saved)
            return
        try:
            self._save(old, new)
        except StationError as exc:
            self._refused(exc)
            return
        self.accept()

    def _refused(self, exc: StationError) -> None:
        self._show_error(exc, self.ui.oldEdit if exc.key == "password_wrong_old" else self.ui.newEdit)

    def _saved(self, outcome: Outcome[None]) -> None:
        if outcome.error is not None:
            self._refused(outcome.error)
        elif outcome.ok:
            self.accept()


class ChangePasswordDialog(_PasswordForm):
    """A user chooses a new password of their own.

    `change(old, new)` does it (raising StationError when refused). `old_password` given
    means the user has just typed it at log-in: it is used as is and not asked again;
    `forced` says, in the dialog's words, that work starts only after the change.
    """

    def __init__(self, change: Callable[[str, str], None], login: str, *,
                 old_password: str | None = None, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        self.forced = forced
        super().__init__(change, login, ask_old=old_password is None, parent=parent)
        if old_password is not None:
            self.ui.oldEdit.setText(old_password)
        self.retranslate()

    @classmethod
    def for_context(cls, ctx: StationContext, parent: QWidget | None = None) -> ChangePasswordDialog:
        """The menu's 修改密码…: the logged-in user of `ctx` changes their own password."""

        def change(s: Session, old: str, new: str) -> None:
            user_service.change_password(s, ctx.actor, old, new)

        dialog = cls(lambda _old, _new: None, ctx.actor.login, parent=parent)
        dialog._ctx, dialog._work = ctx, change
        return dialog

    def intro(self) -> str:
        if self.forced:
            return self.tr("%1 must choose a new password before starting work.").replace(
                "%1", self.login)
        return self.tr("Change the password of %1.").replace("%1", self.login)


class ResetPasswordDialog(_PasswordForm):
    """An administrator gives the user `user_id` a new password, to be changed at next log-in."""

    def __init__(self, ctx: StationContext, user_id: int, login: str,
                 parent: QWidget | None = None) -> None:
        self.ctx = ctx
        self.user_id = user_id

        def reset(s: Session, _old: str, new: str) -> None:
            user_service.reset_password(s, ctx.actor, user_id, new)

        super().__init__(lambda _old, _new: None, login, ask_old=False, parent=parent)
        self._ctx, self._work = ctx, reset
        self.retranslate()

    def _saved(self, outcome: Outcome[None]) -> None:
        if outcome.ok:
            self.ctx.events.referenceChanged.emit()
        super()._saved(outcome)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Reset password — RMA Station"))

    def intro(self) -> str:
        return self.tr("New password for %1. They must change it at their next log-in.").replace(
            "%1", self.login)


def station_login_dialog(factory: sessionmaker[Session], settings: StationSettings, station: str,
                         parent: QWidget | None = None) -> LoginDialog:
    """The log-in of the window on the database of `factory`: lockout, log-in record, and
    the forced password change of users who must choose their own password first."""
    from ui.login_dialog import LoginDialog  # it opens ChangePasswordDialog: imported late

    def authenticate(login: str, password: str) -> Actor:
        with unit_of_work(factory) as s:
            return user_service.authenticate(s, login, password, station)

    def change_due(actor: object) -> bool:
        assert isinstance(actor, Actor)
        with unit_of_work(factory) as s:
            return user_service.password_change_due(s, actor.user_id)

    def change(actor: object, old: str, new: str) -> None:
        assert isinstance(actor, Actor)
        with unit_of_work(factory, actor=actor, station=station) as s:
            user_service.change_password(s, actor, old, new)

    return LoginDialog(settings, authenticate, parent, password_change_due=change_due,
                       change_password=change)
