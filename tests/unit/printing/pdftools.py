"""Reading printed PDFs back the way a person or a scanner would: poppler and zxing."""

from __future__ import annotations

import base64
import re
import subprocess
import zlib
from pathlib import Path

from PIL import Image


def rasterise(pdf: Path, dpi: int) -> list[Image.Image]:
    """Each page as the printer would print it: pdftoppm at the printer's resolution."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    pages = sorted(pdf.parent.glob(prefix.name + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [Image.open(p) for p in pages]


def text_of(pdf: Path) -> str:
    """The text as pdftotext -layout reads it; pages are separated by form feeds."""
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def pages_of(pdf: Path) -> list[str]:
    return [p for p in text_of(pdf).split("\f") if p.strip()]


def squeeze(text: str) -> str:
    """pdftotext spaces CJK text by its own judgement: compare without white space."""
    return re.sub(r"\s+", "", text)


def fonts_of(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for each font pdffonts lists."""
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # columns: name type [type…] encoding emb sub uni object ID
        rows.append((parts[0], parts[-5] == "yes"))
    return rows


def word_boxes(pdf: Path) -> list[tuple[float, float, float, float, float, float, str]]:
    """(page width, page height, xMin, yMin, xMax, yMax, word) of every word, in points."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    boxes = []
    page_w = page_h = 0.0
    for line in out.splitlines():
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if page:
            page_w, page_h = float(page[1]), float(page[2])
        word = re.search(r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)</word>', line)
        if word:
            boxes.append((page_w, page_h, *(float(word[i]) for i in range(1, 5)), word[5]))
    return boxes


def rectangles(pdf: Path) -> list[list[tuple[float, float, float, float]]]:
    """The `x y w h re` rectangles drawn on each page, in points, read from the content streams.

    Only for our own PDFs: one content stream per page, no transformation before the bars.
    """
    data = pdf.read_bytes()
    pages = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        raw = raw.strip()
        if raw.endswith(b"~>"):  # ASCII85 first, then Flate
            raw = base64.a85decode(raw[:-2])
        try:
            content = zlib.decompress(raw)
        except zlib.error:
            content = raw
        found = re.findall(rb"(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b", content)
        if found:
            pages.append([tuple(float(v) for v in r) for r in found])
    return pages


def signature_boxes(text: str, first_role: str) -> dict[str, tuple[str, str]]:
    """role → (name, date) read from a row of signature boxes in pdftotext -layout output."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(first_role)
                 and any(later.strip().startswith("签名") for later in lines[i + 1:i + 5]))
    roles = re.split(r"\s{2,}", lines[start].strip())
    name_line = next(line for line in lines[start + 1:] if line.strip().startswith("签名"))
    date_line = next(line for line in lines[start + 1:] if line.strip().startswith("日期"))
    names = [t.removeprefix("签名").strip() for t in re.split(r"\s{2,}", name_line.strip())]
    dates = [t.removeprefix("日期").strip() for t in re.split(r"\s{2,}", date_line.strip())]
    return dict(zip(roles, zip(names, dates, strict=True), strict=True))
