"""Build step of the window: Designer forms → Python, source strings → .ts → .qm.

    python tools/build_ui.py            compile forms, refresh translations, write .qm
    python tools/build_ui.py --check    change nothing; exit 1 when anything is stale or
                                        a Chinese translation is missing (a test runs this)
    python tools/build_ui.py --pseudo   also write rma_pseudo.qm (see below)

What it does
  1. every ``forms/*.ui`` → ``forms/ui_<name>.py`` with pyside6-uic (committed, so the
     station runs without the build tools);
  2. pyside6-lupdate over ``ui/**/*.py`` and ``forms/*.ui`` refreshes
     ``resources/translations/rma_zh_CN.ts`` and ``rma_en.ts``: new strings are added,
     strings no longer in the code are dropped;
  3. the Chinese translations are merged into rma_zh_CN.ts from the glossary (below); in
     rma_en.ts every string without an English translation gets its source text (English
     sources, so "identity"), which anyone may later polish in rma_en.ts with Qt Linguist;
  4. pyside6-lrelease → ``rma_zh_CN.qm`` and ``rma_en.qm`` (committed, loaded by
     ``ui.i18n.install_language``).

Supplying Chinese: resources/translations/zh_CN_glossary.tsv
  One line per string, ``source<TAB>translation``; or ``context<TAB>source<TAB>translation``
  when one English string needs a different Chinese wording in one class (the context is
  the class name, or the first argument of ``translate()``). ``#`` starts a comment line.
  In both columns ``\\n`` stands for a newline, ``\\t`` for a tab, ``\\\\`` for a backslash.
  Keep accelerators in the Chinese style ``数据库(&D):`` and every placeholder (``%1``,
  ``%n``) of the source. A glossary entry wins over a translation made in Qt Linguist; a
  string with no glossary entry keeps its Linguist translation when that is finished.

  After adding ``self.tr("…")`` strings, run this tool: it lists the strings that lack a
  Chinese translation and appends them to the end of the glossary with an empty
  translation; fill those in and run it again. ``--check`` fails while any string lacks a
  Chinese translation or a translation loses a placeholder, so the Chinese window never
  shows English.

Pseudo-translation (Vorta's trick against clipped layouts)
  ``--pseudo`` writes resources/translations/rma_pseudo.qm: every string bracketed, its
  letters accented and stretched by about 40 % (``[Śéttíñgś~~~]``), placeholders and
  accelerators kept. Start the window with it (``install_language(app, "pseudo")``) and
  look for cut text, and for plain text that never went through ``tr()``. It is a
  development aid: not checked, not shipped.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
UI = ROOT / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
GLOSSARY = TRANSLATIONS / "zh_CN_glossary.tsv"
LANGUAGES = ("zh_CN", "en")
PRIMARY = "zh_CN"

_UIC_VERSION = re.compile(r" version \d+\.\d+\.\d+(?=\n)")
_PLACEHOLDER = re.compile(r"%(?:L?\d{1,2}|n)")


# ----------------------------------------------------------------------------- Qt tools


def qt_tool(name: str) -> Path:
    """The uic / lupdate / lrelease binary shipped inside the installed PySide6 wheel."""
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / "Qt" / "libexec" / name, base / name, base / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    found = shutil.which(f"pyside6-{name}")
    if found:
        return Path(found)
    raise SystemExit(f"cannot find Qt's {name} in {base}")


def _run(cmd: list[str | Path]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{result.stdout}{result.stderr}")
    return result


def compile_form(ui_file: Path) -> str:
    """The Python pyside6-uic makes of one Designer form."""
    cmd = [qt_tool("uic"), "-g", "python", ui_file.name]
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                            cwd=ui_file.parent, encoding="utf-8")
    if result.returncode != 0:
        raise SystemExit(f"uic {ui_file} failed:\n{result.stderr}")
    # Without Qt's version in the header, another PySide6 release does not make every
    # generated form look stale to --check when its output is otherwise the same.
    return _UIC_VERSION.sub("", result.stdout, count=1)


def translatable_sources() -> list[Path]:
    """Where lupdate looks for strings: the Qt code and the Designer forms (not their output)."""
    py = sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)
    return py + sorted(FORMS.glob("*.ui"))


def run_lupdate(ts: Path, lang: str) -> None:
    sources = [p.relative_to(ROOT) for p in translatable_sources()]
    cmd: list[str | Path] = [qt_tool("lupdate"), *sources, "-ts", ts, "-no-obsolete",
                             "-locations", "none", "-source-language", "en",
                             "-target-language", lang, "-silent"]
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"lupdate failed:\n{result.stdout}{result.stderr}")


def run_lrelease(ts: Path, qm: Path) -> None:
    _run([qt_tool("lrelease"), "-silent", ts, "-qm", qm])


# ----------------------------------------------------------------------------- glossary


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[i + 1], "\\" + text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


@dataclass
class Glossary:
    """source → Chinese, with optional per-context overrides; empty translations are to-dos."""

    general: dict[str, str] = field(default_factory=dict)
    by_context: dict[tuple[str, str], str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> Glossary:
        glossary = cls()
        if not path.exists():
            return glossary
        for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            cells = raw.split("\t")
            if len(cells) == 1:  # a to-do whose empty translation lost its tab in an editor
                glossary.general.setdefault(_unescape(cells[0]), "")
            elif len(cells) == 2:
                glossary.general[_unescape(cells[0])] = _unescape(cells[1])
            elif len(cells) == 3:
                glossary.by_context[(cells[0], _unescape(cells[1]))] = _unescape(cells[2])
            else:
                glossary.problems.append(f"{path.name}:{no}: expected 2 or 3 tab-separated cells")
        return glossary

    def lookup(self, context: str, source: str) -> str:
        return self.by_context.get((context, source)) or self.general.get(source, "")


# ----------------------------------------------------------------------------- .ts handling


@dataclass
class Message:
    context: str
    element: ET.Element

    @property
    def source(self) -> str:
        return self.element.findtext("source") or ""

    @property
    def numerus(self) -> bool:
        return self.element.get("numerus") == "yes"

    @property
    def translation(self) -> ET.Element:
        node = self.element.find("translation")
        if node is None:
            node = ET.SubElement(self.element, "translation")
        return node

    def finished_text(self) -> str | None:
        """The translation when it is complete (every plural form), else None."""
        node = self.translation
        if node.get("type") in ("unfinished", "vanished", "obsolete"):
            return None
        texts = [f.text or "" for f in node.findall("numerusform")] if self.numerus else [node.text or ""]
        return texts[0] if texts and all(texts) else None

    def set_translation(self, text: str) -> None:
        node = self.translation
        node.attrib.pop("type", None)
        if self.numerus:
            forms = node.findall("numerusform") or [ET.SubElement(node, "numerusform")]
            for form in forms:
                form.text = text
            node.text = None
        else:
            node.text = text


def messages(root: ET.Element) -> list[Message]:
    return [Message(ctx.findtext("name") or "", msg)
            for ctx in root.findall("context") for msg in ctx.findall("message")]


def _xml_text(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def _write_element(node: ET.Element, indent: int, out: list[str]) -> None:
    pad = " " * indent
    attrs = "".join(f' {k}="{_xml_text(v)}"' for k, v in node.attrib.items())
    children = list(node)
    if not children:
        out.append(f"{pad}<{node.tag}{attrs}>{_xml_text(node.text or '')}</{node.tag}>")
        return
    out.append(f"{pad}<{node.tag}{attrs}>")
    for child in children:
        _write_element(child, indent + 4, out)
    out.append(f"{pad}</{node.tag}>")


def serialize_ts(root: ET.Element) -> str:
    """The .ts in lupdate's own layout, so Linguist edits and our merges give small diffs."""
    attrs = "".join(f' {k}="{v}"' for k, v in root.attrib.items())
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{attrs}>"]
    for ctx in root.findall("context"):
        out.append("<context>")
        for child in ctx:
            _write_element(child, 4, out)
        out.append("</context>")
    out.append("</TS>")
    return "\n".join(out) + "\n"


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


@dataclass
class MergeReport:
    missing: list[tuple[str, str]] = field(default_factory=list)  # (context, source)
    problems: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)


def merge_chinese(root: ET.Element, glossary: Glossary) -> MergeReport:
    report = MergeReport()
    for msg in messages(root):
        if not msg.context:
            report.problems.append(
                f"“{msg.source}” has no context: lupdate found tr() outside a class or through "
                "a wrapper, so at run time it is looked up under another context and never "
                'translated; write self.tr("…") in the class, or translate("Context", "…")')
        wanted = glossary.lookup(msg.context, msg.source)
        if wanted:
            msg.set_translation(wanted)
            report.used.add(msg.source)
        text = msg.finished_text()
        if text is None:
            report.missing.append((msg.context, msg.source))
            continue
        if _placeholders(text) != _placeholders(msg.source):
            report.problems.append(
                f"{msg.context}: “{msg.source}” → “{text}” does not keep the placeholders "
                f"{' '.join(_placeholders(msg.source)) or '(none)'}")
    return report


# English plurals of a "%n line(s)" source: singular and plural, with the verb that follows
_EN_SINGULAR_VERBS = ((" are ", " is "), (" were ", " was "), (" have ", " has "))


def english_plurals(source: str) -> tuple[str, str]:
    """'%n line(s) are late' → ('%n line is late', '%n lines are late')."""
    singular, plural = source.replace("(es)", "").replace("(s)", ""), source.replace("(es)", "es").replace("(s)", "s")
    for many, one in _EN_SINGULAR_VERBS:
        singular = singular.replace(many, one, 1)
    return singular, plural


def merge_english(root: ET.Element) -> None:
    for msg in messages(root):
        if msg.numerus and ("(s)" in msg.source or "(es)" in msg.source):
            forms = msg.translation.findall("numerusform")
            if msg.finished_text() is None or all((f.text or "") == msg.source for f in forms):
                # lupdate gives English two forms: "1 line", "2 lines"
                msg.translation.attrib.pop("type", None)
                forms = forms or [ET.SubElement(msg.translation, "numerusform") for _ in range(2)]
                while len(forms) < 2:
                    forms.append(ET.SubElement(msg.translation, "numerusform"))
                one, many = english_plurals(msg.source)
                forms[0].text, forms[1].text = one, many
                msg.translation.text = None
                continue
        if msg.finished_text() is None:
            msg.set_translation(msg.source)


# ----------------------------------------------------------------------------- pseudo


_ACCENTED = str.maketrans("aceinosuyACEINOSUY", "áçéíñóśúýÁÇÉÍÑÓŚÚÝ")
_KEEP = re.compile(r"%(?:L?\d{1,2}|n)|&&|&(?=\w)|<[^>]*>|&\w+;")


def pseudo(text: str) -> str:
    """'Settings' → '[Śéttíñgś~~~~]': stretched ~40 %, placeholders, accelerators, tags kept."""
    parts, last = [], 0
    for m in _KEEP.finditer(text):
        parts.append(text[last:m.start()].translate(_ACCENTED))
        parts.append(m.group())
        last = m.end()
    parts.append(text[last:].translate(_ACCENTED))
    body = "".join(parts)
    return f"[{body}{'~' * max(1, round(len(text) * 0.4))}]"


def write_pseudo(en_ts: Path, qm: Path) -> None:
    root = ET.parse(en_ts).getroot()
    for msg in messages(root):
        msg.set_translation(pseudo(msg.source))
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "rma_pseudo.ts"
        ts.write_text(serialize_ts(root), encoding="utf-8")
        run_lrelease(ts, qm)


# ----------------------------------------------------------------------------- the build


@dataclass
class Outcome:
    stale: list[str] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)


def _put(path: Path, data: bytes, check: bool, outcome: Outcome) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    outcome.stale.append(str(path.relative_to(ROOT)))
    if not check:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def build(check: bool = False, with_pseudo: bool = False) -> Outcome:
    """Compile forms and translations; with `check`, only report what is out of date."""
    outcome = Outcome()
    forms = sorted(FORMS.glob("*.ui"))
    for ui_file in forms:
        _put(FORMS / f"ui_{ui_file.stem}.py", compile_form(ui_file).encode("utf-8"), check, outcome)
    expected = {f"ui_{f.stem}.py" for f in forms}
    for orphan in sorted(FORMS.glob("ui_*.py")):
        if orphan.name not in expected:
            outcome.stale.append(f"{orphan.relative_to(ROOT)} (its .ui is gone)")
            if not check:
                orphan.unlink()

    glossary = Glossary.read(GLOSSARY)
    outcome.problems += glossary.problems
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for lang in LANGUAGES:
            ts_final = TRANSLATIONS / f"rma_{lang}.ts"
            ts = tmp / ts_final.name
            if ts_final.exists():
                shutil.copyfile(ts_final, ts)
            run_lupdate(ts, lang)
            root = ET.parse(ts).getroot()
            if lang == PRIMARY:
                report = merge_chinese(root, glossary)
                outcome.missing += report.missing
                outcome.problems += report.problems
                outcome.unused = sorted({src for src, zh in glossary.general.items() if zh}
                                        - report.used)
            else:
                merge_english(root)
            ts.write_text(serialize_ts(root), encoding="utf-8")
            qm = tmp / f"rma_{lang}.qm"
            run_lrelease(ts, qm)
            _put(ts_final, ts.read_bytes(), check, outcome)
            _put(TRANSLATIONS / qm.name, qm.read_bytes(), check, outcome)
    if with_pseudo and not check:
        write_pseudo(TRANSLATIONS / "rma_en.ts", TRANSLATIONS / "rma_pseudo.qm")
    if outcome.missing and not check:
        _append_todo(outcome.missing, glossary)
    return outcome


def _append_todo(missing: list[tuple[str, str]], glossary: Glossary) -> None:
    """New strings go to the end of the glossary with an empty translation, ready to fill."""
    todo = []
    for _context, source in missing:
        line = f"{_escape(source)}\t"
        if source not in glossary.general and line not in todo:
            todo.append(line)
    if not todo:
        return
    text = GLOSSARY.read_text(encoding="utf-8") if GLOSSARY.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    GLOSSARY.write_text(text + "\n".join(todo) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a generated file is stale or Chinese is missing")
    parser.add_argument("--pseudo", action="store_true",
                        help="also write resources/translations/rma_pseudo.qm")
    args = parser.parse_args(argv)
    outcome = build(check=args.check, with_pseudo=args.pseudo)
    for path in outcome.stale:
        print(("stale: " if args.check else "wrote: ") + path)
    for context, source in outcome.missing:
        print(f"no Chinese translation: [{context}] {source!r}")
    for problem in outcome.problems:
        print(f"translation problem: {problem}")
    for source in outcome.unused:
        print(f"note: glossary entry not used by any string: {source!r}")
    if outcome.missing and not args.check:
        print(f"→ the missing strings were appended to {GLOSSARY.relative_to(ROOT)}: "
              "fill in their Chinese and run this again")
    failed = bool(outcome.missing or outcome.problems or (args.check and outcome.stale))
    if args.check and not failed:
        print("forms and translations are up to date")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
