"""Log-in at the station: who is working at this desk.

The dialog knows nothing of users or passwords: it is handed `authenticate(login,
password)`, which returns the actor (whatever the window needs later) or raises
`app.errors.StationError` ("login_failed", "account_locked", or "db_unavailable" when the
database is gone). ui.password_dialogs.station_login_dialog wires it to the database.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from app.errors import StationError
from forms.ui_login_dialog import Ui_LoginDialog
from ui.i18n import Retranslatable, current_language
from ui.password_dialogs import ChangePasswordDialog
from ui.settings import StationSettings


class LoginDialog(Retranslatable, QDialog):
    """Start of every session at a station; `user` holds what `authenticate` returned.

    Remembers the last user name on this machine (settings "last_user") and then puts the
    cursor in the password field. A failure (wrong password, locked account — saying until
    when) shows the reason in red below the fields, in the user's language, keeps the typed
    user name and clears the password. Enter submits. A user who must choose their own
    password first goes on into the ChangePasswordDialog (`change_dialog`).
    """

    def __init__(self, settings: StationSettings, authenticate: Callable[[str, str], object],
                 parent: QWidget | None = None, *,
                 password_change_due: Callable[[object], bool] | None = None,
                 change_password: Callable[[object, str, str], None] | None = None) -> None:
        super().__init__(parent)
        # When `password_change_due(user)` says so (demo user, password reset), the log-in
        # goes on into the ChangePasswordDialog, which calls `change_password(user, old,
        # new)`; the dialog is accepted only once the password is changed.
        self._password_change_due = password_change_due
        self._change_password = change_password
        self.change_dialog: ChangePasswordDialog | None = None
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._settings = settings
        self._authenticate = authenticate
        self._error_text: Callable[[], str] | None = None
        self.user: object | None = None
        # Not the standard OK: the button box would reset a standard button's text to
        # "OK" on every language change, after our retranslate() set "Log in".
        self.ok_button = self.ui.buttonBox.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.errorLabel.hide()
        last = settings.get("last_user")
        self.ui.userEdit.setText(last)
        (self.ui.passwordEdit if last else self.ui.userEdit).setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ok_button.setText(self.tr("Log in"))
        if self._error_text is not None:
            self.ui.errorLabel.setText(self._error_text())

    def _show_error(self, text: Callable[[], str]) -> None:
        # Kept as a function so a language switch re-renders it in the new language.
        self._error_text = text
        self.ui.errorLabel.setText(text())
        self.ui.errorLabel.show()

    def submit(self) -> None:
        """OK or Enter: check the credentials through `authenticate`."""
        login = self.ui.userEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not login:
            self._show_error(lambda: StationError("required", field=self.tr("User name"))
                             .message(current_language()))
            self.ui.userEdit.setFocus()
            return
        try:
            user = self._authenticate(login, password)
            due = self._password_change_due is not None and self._password_change_due(user)
        except StationError as exc:
            self._show_error(lambda error=exc: error.message(current_language()))
            self.ui.passwordEdit.clear()
            self.ui.passwordEdit.setFocus()
            return
        if due:
            self._force_change(user, login, password)
            return
        self._logged_in(login, user)

    def _logged_in(self, login: str, user: object) -> None:
        self._settings.set("last_user", login)
        self.user = user
        self.accept()

    def _force_change(self, user: object, login: str, password: str) -> None:
        """The user must choose their own password first; cancelling it is not logging in."""
        change = self._change_password
        assert change is not None, "password_change_due given without change_password"
        dialog = ChangePasswordDialog(lambda old, new: change(user, old, new), login,
                                      old_password=password, forced=True, parent=self)
        self.change_dialog = dialog
        dialog.accepted.connect(lambda: self._logged_in(login, user))
        dialog.rejected.connect(self._change_refused)
        dialog.open()

    def _change_refused(self) -> None:
        self.change_dialog = None
        self._show_error(lambda: self.tr("Log-in cancelled: a new password must be chosen first."))
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()
