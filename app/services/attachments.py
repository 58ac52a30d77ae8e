"""Photos and files of a return or of one of its lines (照片与附件).

Steps served: the warehouse photographs the goods as they arrive; QA photographs the defect
at the bench; sales keeps the customer's letter; engineering adds a test report. Everyone
at every station sees them (they are stored in the database, so backups and `db copy`
carry them), the QA bench shows the images as thumbnails, and the analysis form prints the
photos on an appendix page. Any logged-in role may add; removing is recorded (who, when,
why) and hides the attachment — nothing is deleted from a quality record.

What is accepted is decided by the content, not the file name: images Pillow can read
(JPEG, PNG, BMP, GIF, TIFF, WebP — scaled so the long side is at most IMAGE_MAX_SIDE and
stored as JPEG, or PNG where the image has transparency), and PDF, Office (xlsx/docx/…, and
the older xls/doc), plain text and CSV. Programs, archives and anything unknown are refused
with a message naming the file.
"""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.limits import check_text
from app.services.context import Actor, bounded_text, required_text
from app.services.returns import get_line, get_return
from db.models import Attachment, ReturnLine, User
from db.types import utcnow

MAX_BYTES = 20 * 1024 * 1024        # a file as added: a phone photo is 3–8 MB, a scan 1–5 MB
IMAGE_MAX_SIDE = 1600                # px: the defect is still sharp on A4, the row stays ~300 kB
THUMB_SIDE = 160
MAX_PIXELS = 64_000_000              # a decoded image larger than this is refused (pixel bomb)
JPEG_QUALITY = 85

IMAGE, FILE = "image", "file"

_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "application/pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),  # xls / doc / msg
]
_OFFICE = {  # what a zip's first entries say it is (OOXML)
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
_OLE_BY_SUFFIX = {".xls": "application/vnd.ms-excel", ".doc": "application/msword",
                  ".msg": "application/vnd.ms-outlook"}
_TEXT_SUFFIXES = {".txt": "text/plain", ".csv": "text/csv", ".log": "text/plain"}


@dataclass(frozen=True)
class AttachmentRow:
    """One attachment as the lists show it (no content: that is read when opened)."""

    id: int
    return_id: int
    line_id: int | None
    line_no: int | None
    kind: str
    filename: str
    mime: str
    size: int
    width: int | None
    height: int | None
    note: str
    added_by: str
    added_at: datetime
    thumb: bytes | None


@dataclass(frozen=True)
class Content:
    filename: str
    mime: str
    data: bytes


@dataclass(frozen=True)
class Prepared:
    """What will be stored: the (scaled) bytes and what is known of them."""

    kind: str
    mime: str
    data: bytes
    thumb: bytes | None
    width: int | None
    height: int | None


def _refuse(key: str, filename: str, **args: object) -> ValidationError:
    return ValidationError(key, field_name="attachment", file=filename, **args)


def _image(data: bytes, filename: str) -> Prepared | None:
    """The content as a stored image, or None when Pillow does not read it as one."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            img.load()
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        if isinstance(exc, UnidentifiedImageError):
            return None
        raise _refuse("attachment_image_too_large", filename, max=f"{MAX_PIXELS // 1_000_000}") from None
    except (OSError, SyntaxError, ValueError):  # a truncated or corrupt image file
        raise _refuse("attachment_unreadable", filename) from None
    img = ImageOps.exif_transpose(img)  # a phone's portrait photo stands up
    alpha = img.mode in ("RGBA", "LA") or (img.mode == "P" and "transparency" in img.info)
    img = img.convert("RGBA" if alpha else "RGB")
    img.thumbnail((IMAGE_MAX_SIDE, IMAGE_MAX_SIDE))
    out = io.BytesIO()
    if alpha:
        img.save(out, "PNG", optimize=True)
        mime = "image/png"
    else:
        img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        mime = "image/jpeg"
    small = img.convert("RGB")
    small.thumbnail((THUMB_SIDE, THUMB_SIDE))
    thumb = io.BytesIO()
    small.save(thumb, "JPEG", quality=80)
    return Prepared(IMAGE, mime, out.getvalue(), thumb.getvalue(), img.width, img.height)


def _file_type(data: bytes, filename: str) -> str | None:
    suffix = PurePath(filename).suffix.lower()
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            if mime == "application/x-ole-storage":
                return _OLE_BY_SUFFIX.get(suffix, "application/vnd.ms-office")
            return mime
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = z.namelist()[:50]
        except zipfile.BadZipFile:
            return None
        for prefix, mime in _OFFICE.items():
            if any(n.startswith(prefix) for n in names):
                return mime
        return None  # an archive: it could hold anything
    if suffix in _TEXT_SUFFIXES:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                data.decode(encoding)
                return _TEXT_SUFFIXES[suffix] + "; charset=" + ("utf-8" if encoding != "gb18030" else "gb18030")
            except UnicodeDecodeError:
                continue
    return None


def prepare(data: bytes, filename: str) -> Prepared:
    """Check and shape a file for storing: an image scaled, a document as it is.

    Raises ValidationError (naming the file) for an empty, too large or unknown file.
    """
    if not data:
        raise _refuse("attachment_empty", filename)
    if len(data) > MAX_BYTES:
        raise _refuse("attachment_too_big", filename, size=f"{len(data) / 1048576:.1f}",
                      max=f"{MAX_BYTES // 1048576}")
    image = _image(data, filename)
    if image is not None:
        return image
    mime = _file_type(data, filename)
    if mime is None:
        raise _refuse("attachment_type", filename)
    return Prepared(FILE, mime, data, None, None, None)


def _clean_name(filename: str) -> str:
    # only the file's own name is kept: a path from another machine means nothing here
    name = PurePath(filename.replace("\\", "/")).name.strip()
    name = required_text(name, "attachment_name", 255)
    return check_text(name, "attachment_name", max_len=255)


def add_attachment(session: Session, actor: Actor, *, return_id: int, filename: str, data: bytes,
                   line_id: int | None = None, note: str = "") -> Attachment:
    """Keep a photo or file with a return (or with one of its lines). Any role may add."""
    name = _clean_name(filename)
    rma = get_return(session, return_id)
    if line_id is not None:
        line = get_line(session, line_id)
        if line.return_id != rma.id:
            raise ValidationError("attachment_wrong_line", field_name="attachment", file=name)
    prepared = prepare(data, name)
    if prepared.kind == IMAGE and prepared.mime == "image/jpeg" and not name.lower().endswith((".jpg", ".jpeg")):
        name = f"{PurePath(name).stem}.jpg"[-255:]  # what it is now: a scaled JPEG
    att = Attachment(return_id=rma.id, line_id=line_id, kind=prepared.kind, filename=name, mime=prepared.mime,
                     size=len(prepared.data), original_size=len(data), width=prepared.width,
                     height=prepared.height, sha256=hashlib.sha256(prepared.data).hexdigest(),
                     data=prepared.data, thumb=prepared.thumb, note=bounded_text(note, "attachment_note", 200),
                     added_by_id=actor.user_id, added_at=utcnow(), removed_reason="")
    session.add(att)
    session.flush()
    return att


def list_attachments(session: Session, return_id: int, *, line_id: int | None = None,
                     with_return: bool = True) -> list[AttachmentRow]:
    """The attachments shown: of the return and all its lines, or of one line (and, with
    `with_return`, those kept with the whole return), oldest first. Removed ones are left out."""
    stmt = (select(Attachment.id, Attachment.return_id, Attachment.line_id, ReturnLine.line_no, Attachment.kind,
                   Attachment.filename, Attachment.mime, Attachment.size, Attachment.width, Attachment.height,
                   Attachment.note, User.name, Attachment.added_at, Attachment.thumb)
            .outerjoin(ReturnLine, Attachment.line_id == ReturnLine.id)
            .outerjoin(User, Attachment.added_by_id == User.id)
            .where(Attachment.return_id == return_id, Attachment.removed_at.is_(None)))
    if line_id is not None:
        stmt = stmt.where((Attachment.line_id == line_id) | (Attachment.line_id.is_(None) if with_return
                                                             else Attachment.line_id == line_id))
    rows = session.execute(stmt.order_by(Attachment.added_at, Attachment.id)).all()
    return [AttachmentRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11] or "", r[12],
                          r[13]) for r in rows]


def content(session: Session, attachment_id: int) -> Content:
    """The stored bytes, to show or to open with the system's viewer."""
    att = session.get(Attachment, attachment_id)
    if att is None or att.removed_at is not None:
        raise NotFoundError(what=("附件", "attachment"), value=attachment_id)
    return Content(att.filename, att.mime, att.data)


def remove_attachment(session: Session, actor: Actor, attachment_id: int, reason: str) -> Attachment:
    """Hide an attachment added by mistake; the reason and who removed it are kept."""
    why = required_text(reason, "reason", 200)
    att = session.get(Attachment, attachment_id, with_for_update=True)
    if att is None or att.removed_at is not None:
        raise NotFoundError(what=("附件", "attachment"), value=attachment_id)
    att.removed_at, att.removed_by_id, att.removed_reason = utcnow(), actor.user_id, why
    session.flush()
    return att


def images_for_print(session: Session, return_id: int) -> list[tuple[AttachmentRow, bytes]]:
    """The return's photos with their bytes, for the analysis form's appendix."""
    rows = [r for r in list_attachments(session, return_id) if r.kind == IMAGE]
    if not rows:
        return []
    data = dict(session.execute(select(Attachment.id, Attachment.data)
                                .where(Attachment.id.in_([r.id for r in rows]))).all())
    return [(r, data[r.id]) for r in rows]
