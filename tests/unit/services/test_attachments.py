"""Photos and files kept with a return or a line: checked by their content, images scaled, stored
in the database on both backends, removals recorded, the audit trail without the bytes."""

from __future__ import annotations

import hashlib
import io
import json

import openpyxl
import pytest
from PIL import Image
from sqlalchemy import select, text

from app.errors import NotFoundError, ValidationError
from app.services import attachments
from db.models import Attachment, AuditLog
from tests.unit.services.helpers import line_ids, received


def jpeg(width: int = 3000, height: int = 2000, *, orientation: int | None = None) -> bytes:
    img = Image.new("RGB", (width, height), (200, 40, 40))
    out = io.BytesIO()
    if orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = orientation  # 6: the camera was held upright, turn 90° to show it
        img.save(out, "JPEG", exif=exif.tobytes())
    else:
        img.save(out, "JPEG")
    return out.getvalue()


def png_with_alpha() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (400, 300), (0, 0, 255, 128)).save(out, "PNG")
    return out.getvalue()


def xlsx() -> bytes:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "检测报告"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_photo_is_scaled_turned_upright_and_stored_with_a_thumbnail(factory, actors) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    original = jpeg(orientation=6)
    with factory.begin() as s:
        att = attachments.add_attachment(s, actors["qa"], return_id=rid, line_id=lid,
                                         filename=r"C:\Users\qa\Pictures\IMG_0001.JPG", data=original, note="触点烧蚀")
        aid = att.id
    with factory() as s:
        stored = s.get(Attachment, aid)
        assert (stored.kind, stored.mime, stored.filename) == ("image", "image/jpeg", "IMG_0001.JPG")
        # 3000 × 2000 taken upright: 2000 × 3000 shown, scaled to a long side of 1600
        assert (stored.width, stored.height) == (1067, 1600)
        assert stored.original_size == len(original) and stored.size == len(stored.data) < len(original)
        assert stored.sha256 == hashlib.sha256(stored.data).hexdigest()
        assert Image.open(io.BytesIO(stored.data)).size == (1067, 1600)
        assert max(Image.open(io.BytesIO(stored.thumb)).size) == attachments.THUMB_SIDE
        rows = attachments.list_attachments(s, rid)
    assert [(r.id, r.line_id, r.line_no, r.note, r.added_by) for r in rows] == [
        (aid, lid, 1, "触点烧蚀", actors["qa"].name)]


def test_transparency_is_kept_as_png_and_other_images_become_jpeg(factory, actors) -> None:
    rid = received(factory, actors)
    bmp = io.BytesIO()
    Image.new("RGB", (20, 10), (1, 2, 3)).save(bmp, "BMP")
    with factory.begin() as s:
        a = attachments.add_attachment(s, actors["wh"], return_id=rid, filename="label.png", data=png_with_alpha())
        b = attachments.add_attachment(s, actors["wh"], return_id=rid, filename="box.bmp", data=bmp.getvalue())
        assert (a.mime, a.filename, a.width) == ("image/png", "label.png", 400)
        assert (b.mime, b.filename) == ("image/jpeg", "box.jpg")


def test_documents_are_kept_as_they_are(factory, actors) -> None:
    rid = received(factory, actors)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    letter = "客户来函:请尽快处理".encode("gb18030")
    book = xlsx()
    with factory.begin() as s:
        kinds = [(a.kind, a.mime, a.data == d) for d, a in (
            (pdf, attachments.add_attachment(s, actors["sales"], return_id=rid, filename="报告.pdf", data=pdf)),
            (book, attachments.add_attachment(s, actors["sales"], return_id=rid, filename="测试.xlsx", data=book)),
            (letter, attachments.add_attachment(s, actors["sales"], return_id=rid, filename="来函.txt", data=letter)),
        )]
    assert kinds == [("file", "application/pdf", True),
                     ("file", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", True),
                     ("file", "text/plain; charset=gb18030", True)]


@pytest.mark.parametrize(("name", "data", "key"), [
    ("setup.exe", b"MZ\x90\x00" + b"\x00" * 200, "attachment_type"),
    ("photos.zip", None, "attachment_type"),
    ("empty.jpg", b"", "attachment_empty"),
    ("cut.jpg", None, "attachment_unreadable"),
    ("huge.png", None, "attachment_image_too_large"),
])
def test_what_cannot_be_kept_is_refused_naming_the_file(name, data, key) -> None:
    if name == "photos.zip":
        out = io.BytesIO()
        import zipfile
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("a.jpg", jpeg(10, 10))
        data = out.getvalue()
    elif name == "cut.jpg":
        data = jpeg(800, 600)[:2000]
    elif name == "huge.png":
        out = io.BytesIO()
        Image.new("1", (9000, 9000)).save(out, "PNG")  # 81 million pixels in a few kB
        data = out.getvalue()
    with pytest.raises(ValidationError) as err:
        attachments.prepare(data, name)
    assert err.value.key == key
    assert name in err.value.message("zh") and name in err.value.message("en")


def test_a_file_over_the_limit_is_refused_with_its_size() -> None:
    with pytest.raises(ValidationError) as err:
        attachments.prepare(b"%PDF-" + b"0" * attachments.MAX_BYTES, "scan.pdf")
    assert err.value.message("zh") == "“scan.pdf”有20.0 MB,超过20 MB的上限;请缩小或压缩后再添加"


def test_a_line_of_another_return_is_refused(factory, actors) -> None:
    rid = received(factory, actors)
    other = line_ids(factory, received(factory, actors))[0]
    with factory.begin() as s, pytest.raises(ValidationError) as err:
        attachments.add_attachment(s, actors["qa"], return_id=rid, line_id=other, filename="a.jpg", data=jpeg(50, 50))
    assert err.value.key == "attachment_wrong_line"


def test_lists_per_line_and_removal_is_recorded_not_deleted(factory, actors) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        whole = attachments.add_attachment(s, actors["sales"], return_id=rid, filename="来函.pdf",
                                           data=b"%PDF-1.4\n%%EOF\n").id
        photo = attachments.add_attachment(s, actors["qa"], return_id=rid, line_id=lid, filename="a.jpg",
                                           data=jpeg(50, 50)).id
    with factory() as s:
        assert [r.id for r in attachments.list_attachments(s, rid, line_id=lid)] == [whole, photo]
        assert [r.id for r in attachments.list_attachments(s, rid, line_id=lid, with_return=False)] == [photo]
        assert attachments.content(s, photo).mime == "image/jpeg"
    with factory.begin() as s, pytest.raises(ValidationError):
        attachments.remove_attachment(s, actors["qa"], photo, "  ")
    with factory.begin() as s:
        attachments.remove_attachment(s, actors["qa"], photo, "拍错了")
    with factory() as s:
        assert [r.id for r in attachments.list_attachments(s, rid)] == [whole]
        kept = s.get(Attachment, photo)
        assert kept.removed_reason == "拍错了" and kept.removed_at is not None and kept.data
        with pytest.raises(NotFoundError):
            attachments.content(s, photo)
        trail = s.scalars(select(AuditLog).where(AuditLog.entity == "attachment",
                                                 AuditLog.entity_id == photo).order_by(AuditLog.id)).all()
    assert [a.action for a in trail] == ["insert", "update", "update", "update"]
    snapshot = json.loads(trail[0].new_value)
    assert snapshot["data"] == "(set)" and snapshot["thumb"] == "(set)" and snapshot["filename"] == "a.jpg"
    assert {a.field: a.new_value for a in trail[1:]}.keys() == {"removed_at", "removed_by_id", "removed_reason"}
    assert next(a.new_value for a in trail if a.field == "removed_reason") == "拍错了"


def test_the_bytes_survive_the_round_trip_on_each_backend(factory, actors) -> None:
    rid = received(factory, actors)
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 50 + b"\n%%EOF\n"
    with factory.begin() as s:
        aid = attachments.add_attachment(s, actors["qa"], return_id=rid, filename="bin.pdf", data=pdf).id
    with factory() as s:
        raw = s.execute(text("SELECT data FROM attachment WHERE id = :i"), {"i": aid}).scalar_one()
    assert bytes(raw) == pdf


def test_the_history_of_a_line_shows_a_photo_added_and_removed(factory, actors) -> None:
    from app.services import history
    from app.services.context import bind_actor

    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        photo = attachments.add_attachment(s, actors["qa"], return_id=rid, line_id=lid, filename="a.jpg",
                                           data=jpeg(50, 50)).id
    with factory.begin() as s:
        bind_actor(s, actors["qa"])  # as the station's unit of work does: the trail names the user
        attachments.remove_attachment(s, actors["qa"], photo, "拍错了")
    with factory() as s:
        rows = [r for r in history.line_history(s, lid) if r.entity == "attachment"]
        whole = [r for r in history.return_history(s, rid) if r.entity == "attachment"]
    assert [(r.record, r.action) for r in rows][:1] == [("a.jpg", "insert")]
    assert "文件名: a.jpg" in rows[0].new and "(set)" not in rows[0].new and "sha256" not in rows[0].new
    reason = next(r for r in rows if r.field == "removed_reason")
    assert (reason.field_zh, reason.new, reason.who) == ("移除原因", "拍错了", actors["qa"].name)
    assert len(whole) == len(rows)
