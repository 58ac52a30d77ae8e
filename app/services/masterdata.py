"""Master data (资料维护): customers, suppliers, products, defect categories, storage locations.

Step served: keeping the lists the desk, the QA bench and the reports pick from. The
administrator and the QA lead (Role.ADMIN, Role.MANAGER) search, add, edit and
deactivate entries; the warehouse keeper may add a customer or a model on the spot
(`quick_add_customer`, `quick_add_product`) while a handling notice is half filled.

Nothing here is ever deleted: returns refer to customers and products by id, so an entry
no longer used is deactivated and stays readable in old returns. Every change is in the
audit trail (app.services.audit lists these models). Edits carry the version the user
saw; a save over someone else's change is refused with "changed by X at T"
(app.services.context.check_version) and the form keeps its input.

Each entity is described once in `SPECS` (its fields, which are required or unique, how
it is searched and sorted); the functions take the entity's key ("customer", …).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.codes import Role
from app.errors import NotFoundError, ValidationError
from app.parsing import float_to_decimal
from app.services.context import Actor, amount_value, bind_actor, check_version, require_role
from db.models import Customer, DefectCategory, Product, StorageLocation, Supplier, User

Label = tuple[str, str]

# Who keeps the lists; the warehouse keeper may only add at the desk.
EDITORS: tuple[Role, ...] = (Role.ADMIN, Role.MANAGER)
QUICK_ADDERS: tuple[Role, ...] = (Role.WAREHOUSE, Role.ADMIN, Role.MANAGER)
MAX_WARRANTY_MONTHS = 120


@dataclass(frozen=True)
class FieldSpec:
    """One input of an entity's form, with its rules."""

    key: str
    label: Label
    kind: str = "text"          # text, code, money, months, user, supplier
    required: bool = False
    unique: bool = False
    max_len: int = 200
    blank_is_null: bool = False  # an empty optional unique code is stored as NULL


# ---------------------------------------------------------------- read models


@dataclass(frozen=True)
class CustomerRecord:
    id: int
    code: str
    name: str
    contact: str
    phone: str
    address: str
    sales_rep_id: int | None
    sales_rep: str
    active: bool
    version: int
    updated_by: str
    updated_at: datetime | None


@dataclass(frozen=True)
class SupplierRecord:
    id: int
    code: str
    name: str
    contact: str
    phone: str
    active: bool
    version: int
    updated_by: str
    updated_at: datetime | None


@dataclass(frozen=True)
class ProductRecord:
    id: int
    model: str
    name: str
    unit: str
    unit_price: Decimal
    warranty_months: int
    barcode: str
    supplier_id: int | None
    supplier: str
    active: bool
    version: int
    updated_by: str
    updated_at: datetime | None


@dataclass(frozen=True)
class CategoryRecord:
    id: int
    code: str
    name_zh: str
    name_en: str
    active: bool
    version: int
    updated_by: str
    updated_at: datetime | None


@dataclass(frozen=True)
class LocationRecord:
    id: int
    code: str
    name: str
    note: str
    active: bool
    version: int
    updated_by: str
    updated_at: datetime | None


Record = CustomerRecord | SupplierRecord | ProductRecord | CategoryRecord | LocationRecord


def _who(obj: Any) -> tuple[str, datetime | None]:
    return obj.updated_by or "", obj.updated_at


def _customer_record(c: Customer, session: Session) -> CustomerRecord:
    rep = session.get(User, c.sales_rep_id) if c.sales_rep_id else None
    return CustomerRecord(c.id, c.code or "", c.name, c.contact, c.phone, c.address, c.sales_rep_id,
                          rep.name if rep else "", c.active, c.version, *_who(c))


def _supplier_record(s: Supplier, _session: Session) -> SupplierRecord:
    return SupplierRecord(s.id, s.code, s.name, s.contact, s.phone, s.active, s.version, *_who(s))


def _product_record(p: Product, session: Session) -> ProductRecord:
    sup = session.get(Supplier, p.supplier_id) if p.supplier_id else None
    return ProductRecord(p.id, p.model, p.name, p.unit, p.unit_price, p.warranty_months, p.barcode or "",
                         p.supplier_id, sup.name if sup else "", p.active, p.version, *_who(p))


def _category_record(d: DefectCategory, _session: Session) -> CategoryRecord:
    return CategoryRecord(d.id, d.code, d.name_zh, d.name_en, d.active, d.version, *_who(d))


def _location_record(loc: StorageLocation, _session: Session) -> LocationRecord:
    return LocationRecord(loc.id, loc.code, loc.name, loc.note, loc.active, loc.version, *_who(loc))


# ---------------------------------------------------------------- the entities


@dataclass(frozen=True)
class EntitySpec:
    key: str
    what: Label                                  # the entity's name in messages
    model: type
    fields: tuple[FieldSpec, ...]
    search: tuple[str, ...]                      # columns a search term is matched against
    sorts: tuple[str, ...]                       # columns a list may be sorted by
    default_sort: str
    record: Callable[[Any, Session], Any]

    def field(self, key: str) -> FieldSpec:
        return next(f for f in self.fields if f.key == key)


_CODE = ("编码", "Code")
_NAME = ("名称", "Name")
_CONTACT = ("联系人", "Contact")
_PHONE = ("电话", "Phone")

SPECS: dict[str, EntitySpec] = {
    "customer": EntitySpec(
        "customer", ("客户", "Customer"), Customer,
        (FieldSpec("code", ("客户编码", "Customer code"), "code", unique=True, max_len=32, blank_is_null=True),
         FieldSpec("name", ("客户名称", "Customer name"), required=True, unique=True),
         FieldSpec("contact", _CONTACT, max_len=100),
         FieldSpec("phone", _PHONE, max_len=50),
         FieldSpec("address", ("地址", "Address"), max_len=300),
         FieldSpec("sales_rep_id", ("业务员", "Sales rep"), "user")),
        ("code", "name", "contact", "phone", "address"),
        ("code", "name", "contact", "phone", "address", "active", "updated_at"), "name",
        _customer_record),
    "supplier": EntitySpec(
        "supplier", ("供应商", "Supplier"), Supplier,
        (FieldSpec("code", ("供应商编码", "Supplier code"), "code", required=True, unique=True, max_len=32),
         FieldSpec("name", ("供应商名称", "Supplier name"), required=True, unique=True),
         FieldSpec("contact", _CONTACT, max_len=100),
         FieldSpec("phone", _PHONE, max_len=50)),
        ("code", "name", "contact", "phone"),
        ("code", "name", "contact", "phone", "active", "updated_at"), "code", _supplier_record),
    "product": EntitySpec(
        "product", ("型号规格", "Model/spec"), Product,
        (FieldSpec("model", ("型号规格", "Model/spec"), "code", required=True, unique=True),
         FieldSpec("name", ("品名", "Product name")),
         FieldSpec("unit", ("单位", "Unit"), required=True, max_len=16),
         FieldSpec("unit_price", ("单价", "Unit price"), "money", required=True),
         FieldSpec("warranty_months", ("保修期(月)", "Warranty (months)"), "months", required=True),
         FieldSpec("barcode", ("产品条码", "Product barcode"), "code", unique=True, max_len=64,
                   blank_is_null=True),
         FieldSpec("supplier_id", ("供应商", "Supplier"), "supplier")),
        ("model", "name", "barcode"),
        ("model", "name", "unit", "unit_price", "warranty_months", "barcode", "active", "updated_at"),
        "model", _product_record),
    "category": EntitySpec(
        "category", ("不良类别", "Defect category"), DefectCategory,
        (FieldSpec("code", _CODE, "code", required=True, unique=True, max_len=32),
         FieldSpec("name_zh", ("中文名称", "Chinese name"), required=True, max_len=100),
         FieldSpec("name_en", ("英文名称", "English name"), max_len=100)),
        ("code", "name_zh", "name_en"), ("id", "code", "name_zh", "name_en", "active", "updated_at"), "id",
        _category_record),
    "location": EntitySpec(
        "location", ("存放位置", "Storage location"), StorageLocation,
        (FieldSpec("code", ("位置编码", "Location code"), "code", required=True, unique=True, max_len=32),
         FieldSpec("name", _NAME, max_len=100),
         FieldSpec("note", ("说明", "Note"), max_len=2000)),
        ("code", "name", "note"), ("code", "name", "note", "active", "updated_at"), "code",
        _location_record),
}


def spec(kind: str) -> EntitySpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise ValueError(f"unknown master data {kind!r}; known: {', '.join(SPECS)}") from None


# ---------------------------------------------------------------- lists


@dataclass(frozen=True)
class ListQuery:
    """What a master-data page shows: a search, a sort, inactive entries or not, one page."""

    search: str = ""
    sort: str = ""                  # a column of the entity's `sorts`; "" → its default
    descending: bool = False
    include_inactive: bool = False
    limit: int = 500
    offset: int = 0


@dataclass(frozen=True)
class RecordPage:
    rows: list[Any]
    total: int


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(es: EntitySpec, query: ListQuery) -> Select[Any]:
    model = es.model
    stmt = select(model)
    if not query.include_inactive:
        stmt = stmt.where(model.active.is_(True))
    # every word must match one of the searched columns; ILIKE is case-insensitive on
    # PostgreSQL and rendered as lower() LIKE lower() on SQLite
    for term in query.search.split():
        pattern = _like(term)
        stmt = stmt.where(or_(*(func.coalesce(getattr(model, c), "").ilike(pattern, escape="\\")
                                for c in es.search)))
    return stmt


def list_records(session: Session, kind: str, query: ListQuery = ListQuery()) -> RecordPage:
    """A page of an entity's list (any logged-in user may read the lists)."""
    es = spec(kind)
    sort = query.sort or es.default_sort
    if sort not in es.sorts:
        raise ValueError(f"unknown sort {sort!r} for {kind}; known: {', '.join(es.sorts)}")
    stmt = _filtered(es, query)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    column = getattr(es.model, sort)
    order = column.desc() if query.descending else column.asc()
    tie = es.model.id.desc() if query.descending else es.model.id.asc()
    rows = session.scalars(stmt.order_by(order, tie).limit(query.limit).offset(query.offset))
    return RecordPage([es.record(obj, session) for obj in rows], total)


def get_record(session: Session, kind: str, record_id: int) -> Any:
    es = spec(kind)
    return es.record(_get(session, es, record_id), session)


def find_by(session: Session, kind: str, field: str, value: str) -> int | None:
    """The id of the entry whose `field` is exactly `value` (active or not), else None."""
    if not value:
        return None
    es = spec(kind)
    return session.scalar(select(es.model.id).where(getattr(es.model, field) == value))


def _get(session: Session, es: EntitySpec, record_id: int) -> Any:
    obj = session.get(es.model, record_id)
    if obj is None:
        raise NotFoundError(what=es.what, value=record_id)
    return obj


# ---------------------------------------------------------------- checking input


def cell_text(value: Any) -> str:
    """An input or a spreadsheet cell as trimmed text with runs of spaces folded."""
    if value is None:
        return ""
    if isinstance(value, float):  # from a spreadsheet: the number as typed, 0.1 + 0.2 → 0.3
        value = float_to_decimal(value)
    return " ".join(str(value).split())


def _months(value: Any, f: FieldSpec) -> int:
    text = cell_text(value)
    try:
        d = Decimal(text) if not isinstance(value, bool) else None
    except ArithmeticError:
        d = None
    if d is None or not d.is_finite() or d != d.to_integral_value() or not 0 <= d <= MAX_WARRANTY_MONTHS:
        raise ValidationError("warranty_invalid", field_name=f.key, field=f.label, value=text,
                              max=MAX_WARRANTY_MONTHS)
    return int(d)


def _clean(session: Session, es: EntitySpec, values: dict[str, Any], current: Any | None) -> dict[str, Any]:
    """Check every given field of a form; returns the values to store (current: the record edited)."""
    out: dict[str, Any] = {}
    for f in es.fields:
        if f.key not in values:
            if current is None and f.required:
                raise ValidationError("required", field_name=f.key, field=f.label)
            continue
        raw = values[f.key]
        if f.kind in ("user", "supplier"):
            out[f.key] = _reference(session, f, raw)
            continue
        text = cell_text(raw)
        if not text:
            if f.required:
                raise ValidationError("required", field_name=f.key, field=f.label)
            out[f.key] = None if f.blank_is_null else ("" if f.kind in ("text", "code") else None)
            continue
        if f.kind == "money":
            out[f.key] = amount_value(text, f.key)
            continue
        if f.kind == "months":
            out[f.key] = _months(raw, f)
            continue
        if f.kind == "code":
            text = text.replace("\u3000", " ").strip()
        if len(text) > f.max_len:
            raise ValidationError("text_too_long", field_name=f.key, field=f.label, max=f.max_len,
                                  length=len(text))
        out[f.key] = text
    for f in es.fields:
        if f.unique and out.get(f.key) is not None:
            column = getattr(es.model, f.key)
            stmt = select(es.model.id).where(column == out[f.key])
            if current is not None:
                stmt = stmt.where(es.model.id != current.id)
            if session.scalar(stmt) is not None:
                raise ValidationError("duplicate", field_name=f.key, what=f.label, value=out[f.key])
    return out


def _reference(session: Session, f: FieldSpec, raw: Any) -> int | None:
    if raw in (None, "", 0):
        return None
    model = User if f.kind == "user" else Supplier
    if isinstance(raw, int):
        found = session.get(model, raw)
    else:  # a name (or a login / code) from an Excel list
        text = cell_text(raw)
        column_a, column_b = (User.name, User.login) if model is User else (Supplier.name, Supplier.code)
        found = session.scalar(select(model).where(or_(column_a == text, column_b == text)).limit(1))
    if found is None:
        raise ValidationError("unknown", field_name=f.key, what=f.label, value=raw)
    return found.id


# ---------------------------------------------------------------- changes


def create(session: Session, actor: Actor, kind: str, values: dict[str, Any]) -> Any:
    """Administration: add an entry to a list (admin or manager)."""
    es = spec(kind)
    bind_actor(session, actor)
    require_role(actor, (f"添加{es.what[0]}", f"add a {es.what[1].lower()}"), *EDITORS)
    return _insert(session, es, values)


def _insert(session: Session, es: EntitySpec, values: dict[str, Any]) -> Any:
    clean = _clean(session, es, values, None)
    obj = es.model(**clean, active=True)
    session.add(obj)
    session.flush()
    return es.record(obj, session)


def update(session: Session, actor: Actor, kind: str, record_id: int, values: dict[str, Any], *,
           expected_version: int | None) -> Any:
    """Administration: change an entry; refused if someone changed it since `expected_version`."""
    es = spec(kind)
    bind_actor(session, actor)
    require_role(actor, (f"修改{es.what[0]}", f"change a {es.what[1].lower()}"), *EDITORS)
    obj = _get(session, es, record_id)
    check_version(obj, expected_version)
    clean = _clean(session, es, values, obj)
    for key, value in clean.items():
        setattr(obj, key, value)
    session.flush()
    return es.record(obj, session)


def set_active(session: Session, actor: Actor, kind: str, record_id: int, active: bool, *,
               expected_version: int | None) -> Any:
    """Administration: deactivate an entry (it leaves the pick lists, old returns keep it) or
    reactivate it. Entries are never deleted."""
    es = spec(kind)
    bind_actor(session, actor)
    action = (f"停用{es.what[0]}", f"deactivate a {es.what[1].lower()}") if not active else (
        f"启用{es.what[0]}", f"reactivate a {es.what[1].lower()}")
    require_role(actor, action, *EDITORS)
    obj = _get(session, es, record_id)
    check_version(obj, expected_version)
    obj.active = bool(active)
    session.flush()
    return es.record(obj, session)


def upsert(session: Session, actor: Actor, kind: str, key_field: str, values: dict[str, Any]) -> tuple[Any, bool]:
    """Excel lists: insert the entry, or update the one with the same `key_field` value.

    Returns (record, created). The caller has checked the actor's role once for the list.
    """
    es = spec(kind)
    bind_actor(session, actor)
    key = cell_text(values.get(key_field))
    column = getattr(es.model, key_field)
    obj = session.scalar(select(es.model).where(column == key)) if key else None
    if obj is None:
        return _insert(session, es, values), True
    clean = _clean(session, es, values, obj)
    for name, value in clean.items():
        setattr(obj, name, value)
    session.flush()
    return es.record(obj, session), False


# ---------------------------------------------------------------- at the desk


def quick_add_customer(session: Session, actor: Actor, name: str, code: str = "", contact: str = "",
                       phone: str = "") -> CustomerRecord:
    """Receiving desk: the warehouse keeper adds a customer not yet in the list, on the spot."""
    bind_actor(session, actor)
    require_role(actor, ("添加客户", "add a customer"), *QUICK_ADDERS)
    return _insert(session, SPECS["customer"], dict(name=name, code=code, contact=contact, phone=phone))


def quick_add_product(session: Session, actor: Actor, model: str, name: str = "", unit: str = "件",
                      unit_price: Any = "0.00", warranty_months: Any = 12,
                      barcode: str = "") -> ProductRecord:
    """Receiving desk: the warehouse keeper adds a model not yet in the list, on the spot."""
    bind_actor(session, actor)
    require_role(actor, ("添加型号规格", "add a model"), *QUICK_ADDERS)
    return _insert(session, SPECS["product"], dict(model=model, name=name, unit=unit, unit_price=unit_price,
                                                   warranty_months=warranty_months, barcode=barcode))


def may_edit(actor: Actor) -> bool:
    return any(actor.has(r) for r in EDITORS)


# ---------------------------------------------------------------- pick lists


def user_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of the active users, for the sales rep of a customer."""
    return [(u.id, u.name) for u in session.scalars(select(User).where(User.active.is_(True)).order_by(User.name))]


def supplier_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of the active suppliers, for a product's supplier."""
    return [(s.id, s.name) for s in session.scalars(
        select(Supplier).where(Supplier.active.is_(True)).order_by(Supplier.code))]
