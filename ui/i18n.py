"""The window's language: Qt's own translation system, Chinese first, switchable at run time.

How strings are written
    Source strings are English, inside ``self.tr("…")`` (in a class that is not subclassed)
    or ``QCoreApplication.translate("Context", "…")``; Designer forms mark their texts
    translatable as usual. The zh_CN translation is complete by rule: ``tools/build_ui.py
    --check`` (run by a test) fails when any source string lacks a Chinese translation, so
    no English ever leaks into the Chinese window. ``zh_CN`` is the default language.

    Why English sources and not Chinese ones: both make every string translatable, but
    with English sources the two languages are symmetric files (rma_zh_CN.ts and rma_en.ts)
    that Qt Linguist, lupdate and the pseudo-translation all handle in the usual way;
    Qt's own dialogs (qtbase_zh_CN.qm) follow the same convention; and developers and
    reviewers of any language can read the code. Chinese stays first because the
    application starts in zh_CN and the check refuses an incomplete Chinese translation.
    rma_en.qm starts as the identity translation, so English wording can be corrected by
    editing rma_en.ts without touching code.

    What lupdate sees: ``self.tr("…")`` inside a class (context = the class name),
    ``QCoreApplication.translate("Ctx", "…")``, ``translate("Ctx", "…")`` from this module,
    ``QT_TRANSLATE_NOOP("Ctx", "…")``, and the forms. A home-made wrapper such as
    ``def tr(text): return QCoreApplication.translate("MyTab", text)`` called as
    ``tr("…")`` is filed by lupdate under another (empty) context than the one used at
    run time, so it is never translated; build_ui.py --check reports such strings.

    Messages of expected errors are not Qt strings: `app.errors` renders them in Chinese or
    English itself (``exc.message(current_language())``), because the CLI uses them too.

Switching without restart
    `install_language` swaps the application's translators; Qt then sends every widget a
    ``QEvent.LanguageChange``, and each widget re-sets its texts in ``changeEvent`` (forms
    call ``self.ui.retranslateUi(self)``; texts set in code are set again by the widget's
    own ``retranslate()``). `Retranslatable` is the mixin that wires this up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from app.paths import resources_dir

DEFAULT_LANGUAGE = "zh_CN"
# Each language named in itself: a user who cannot read the current one still finds theirs.
LANGUAGE_NAMES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}
PSEUDO_LANGUAGE = "pseudo"  # development only: stretched, bracketed strings (tools/build_ui.py --pseudo)

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own catalogues (qtbase_zh_CN.qm: file dialog, message box buttons) are looked for.

    QLibraryInfo names the folder of the Qt that runs; a PyInstaller bundle has no qt.conf
    pointing there, so PySide6's own translations folder (inside the bundle too) and the
    station's resources are tried after it.
    """
    import PySide6

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
               Path(PySide6.__file__).resolve().parent / "Qt" / "translations",
               translations_dir()]
    return [f for i, f in enumerate(folders) if f.is_dir() and f not in folders[:i]]


def current_language() -> str:
    """The language the window shows now: "zh_CN" or "en" (the key app.errors understands)."""
    return _current


def install_language(app: QCoreApplication, lang: str) -> None:
    """Show the window in `lang` from now on, without a restart (login and settings dialogs).

    Loads rma_<lang>.qm and, for Chinese, Qt's own qtbase_zh_CN.qm shipped with PySide6
    (the OK/Cancel/Yes/No of standard buttons and dialogs). Raises FileNotFoundError when
    the station's .qm is missing, which means the build step was skipped.
    """
    global _current
    if lang not in LANGUAGE_NAMES and lang != PSEUDO_LANGUAGE:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGE_NAMES)}")
    wanted: list[QTranslator] = []
    own = QTranslator(app)
    qm = translations_dir() / f"rma_{lang}.qm"
    if not own.load(str(qm)):
        raise FileNotFoundError(f"{qm} is missing or unreadable: run tools/build_ui.py")
    wanted.append(own)
    if lang.startswith("zh"):
        qt_own = QTranslator(app)
        # A bundle without Qt's translations still runs; only the standard buttons stay English.
        if any(qt_own.load(QLocale(lang), "qtbase", "_", str(folder)) for folder in qt_translation_dirs()):
            wanted.append(qt_own)
    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()
    _installed.clear()
    for translator in wanted:
        app.installTranslator(translator)
        _installed.append(translator)
    _current = "en" if lang == PSEUDO_LANGUAGE else lang
    # Numbers and dates formatted by Qt widgets (spin boxes, date edits) follow the language.
    QLocale.setDefault(QLocale(_current))


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate, for code outside a QObject.

    Same arguments in the same order, because that is what lupdate reads: pass them
    positionally, e.g. ``translate("Reports", "%n return(s)", None, count)``; a keyword
    argument hides the call from lupdate.
    """
    return QCoreApplication.translate(context, text, disambiguation, n)


class Retranslatable:
    """Mixin for a QWidget: on a language switch, re-set every visible text.

    The widget sets all its texts in `retranslate()` (a form's ``retranslateUi`` plus
    whatever the code sets), calls it once at the end of ``__init__``, and this mixin calls
    it again on each ``QEvent.LanguageChange``. Only texts are re-set: what the user typed
    into line edits stays, and combo boxes keep their selection.
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
