"""The analysis form prints the return's photos on an appendix page: each image drawn at its
proportions with its caption (line, file, note, who and when); a return without photos keeps
its one-page form."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.printing.records import analysis_data
from app.printing.slips import render_analysis
from app.services import attachments
from app.services.returns import get_return
from tests.unit.printing.pdftools import pages_of, rasterise, squeeze
from tests.unit.services.helpers import line_ids, received
from tests.unit.services.test_attachments import jpeg


def _images_in(pdf: Path) -> list[tuple[int, int, int]]:
    """(page, width, height) of every image drawn, as `pdfimages -list` reads the file."""
    out = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        if cols[2] == "image":
            rows.append((int(cols[0]), int(cols[3]), int(cols[4])))
    return rows


def test_photos_print_on_an_appendix_page_with_their_captions(factory, actors, tmp_path: Path) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        attachments.add_attachment(s, actors["qa"], return_id=rid, line_id=lid, filename="defect.jpg",
                                   data=jpeg(1200, 900), note="触点烧蚀")
        attachments.add_attachment(s, actors["wh"], return_id=rid, filename="box.jpg", data=jpeg(600, 800))
        attachments.add_attachment(s, actors["sales"], return_id=rid, filename="letter.pdf",
                                   data=b"%PDF-1.4\n%%EOF\n")  # a document: not a photo
        removed = attachments.add_attachment(s, actors["qa"], return_id=rid, filename="wrong.jpg",
                                             data=jpeg(100, 100)).id
    with factory.begin() as s:
        attachments.remove_attachment(s, actors["qa"], removed, "拍错了")
    with factory() as s:
        rma_no = get_return(s, rid).rma_no
        data = analysis_data(s, rma_no)
    out = render_analysis(data, tmp_path / "analysis.pdf") or tmp_path / "analysis.pdf"
    pages = pages_of(Path(out))
    assert len(pages) == 2
    appendix = squeeze(pages[1])
    assert "附页:照片" in appendix and "Appendix" in appendix
    assert "行1·defect.jpg·触点烧蚀" in appendix and "整单·box.jpg" in appendix
    assert "letter.pdf" not in appendix and "wrong.jpg" not in appendix
    # both photos, stored at their scaled size, drawn on page 2
    assert sorted(_images_in(Path(out))) == [(2, 600, 800), (2, 1200, 900)]
    page = rasterise(Path(out), 40)[1].convert("RGB")
    r, g, b = (band.point(lambda v, lo=lo, hi=hi: 255 if lo <= v <= hi else 0) for band, (lo, hi) in
               zip(page.split(), ((151, 255), (0, 89), (0, 89)), strict=True))
    from PIL import ImageChops
    reds = ImageChops.multiply(ImageChops.multiply(r, g), b).histogram()[255]
    assert reds > page.width * page.height * 0.05  # the red test photos are visibly on the page


def test_a_return_without_photos_keeps_its_one_page_form(factory, actors, tmp_path: Path) -> None:
    rid = received(factory, actors)
    with factory() as s:
        data = analysis_data(s, get_return(s, rid).rma_no)
    assert data.photos == ()
    render_analysis(data, tmp_path / "a.pdf")
    assert len(pages_of(tmp_path / "a.pdf")) == 1
