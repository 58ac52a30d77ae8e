"""The Qt front end of RMA Station: window, tabs, dialogs and the pieces they stand on.

Nothing in here holds a business rule or opens a database session by itself: widgets are
handed the callables (services bound to a session factory) they need. The infrastructure:

- `ui.fonts`     the bundled CJK font, so Chinese never shows as boxes
- `ui.i18n`      Qt translations, Chinese first, language switch without restart
- `ui.settings`  per-machine options over QSettings, declared once with their defaults
- `ui.worker`    long work off the UI thread, with progress and Cancel
- `ui.errors`    expected errors as messages, the database banner, the crash dialog
- `ui.login_dialog`, `ui.settings_dialog`
"""
