"""The bundled CJK font, so Chinese never shows as empty boxes.

Factory PCs and the Linux test machines may have no Chinese font at all. At start the
window registers resources/fonts/wqy-microhei.ttc (WenQuanYi Micro Hei) with Qt and puts
it first in the application font, ahead of the system's own family. Bundled-first rather
than fallback-only so that a machine whose default font has poor or partial CJK coverage
still draws every character from one consistent face, and screenshots look the same on
every desk; the system family stays second for the rare symbol WenQuanYi lacks. The
family is also made the substitute of the usual default sans names, for widgets that ask
for a family by name.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from app.paths import cjk_font_path

# Families Qt and stylesheets commonly ask for by name on Linux and Windows.
_DEFAULT_SANS = ("Sans Serif", "sans-serif", "Helvetica", "Arial", "MS Shell Dlg 2", "Segoe UI")

_family: str | None = None


def register_cjk_font() -> str:
    """Start of the window: register the bundled font once, make it the application font.

    Needs a QGuiApplication. Returns the family name ("WenQuanYi Micro Hei"). Calling it
    again (tests, a second window) returns the same family without registering twice.
    """
    global _family
    if _family is not None:
        return _family
    path = cjk_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise RuntimeError(f"cannot load the bundled CJK font {path}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    # The collection holds a proportional and a "Mono" face: the window wants the former.
    family = next((f for f in families if "mono" not in f.lower()), families[0])
    system = QGuiApplication.font()
    for name in {*_DEFAULT_SANS, system.family()} - {family}:
        QFont.insertSubstitution(name, family)
    font = QFont(system)
    font.setFamilies([family, *[f for f in system.families() if f != family]])
    QGuiApplication.setFont(font)
    _family = family
    return family
