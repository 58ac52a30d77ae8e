"""Demo reference data: the demo people, customers and products.

Only for demo databases (`rma-station demo`, the set-up's "try it with demo data") and
tests. A real database gets none of this: the reference data it needs (liability codes,
defect categories) comes with the schema's migration, and its first administrator from the
set-up (app.services.setup).
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import Role
from app.services.users import create_user
from db.models import Customer, Product, User

DEMO_PASSWORD = "1234"

DEMO_USERS: list[tuple[str, str, str, list[Role]]] = [
    ("admin", "系统管理员", "信息部", [Role.ADMIN]),
    ("wh", "王仓管", "仓库", [Role.WAREHOUSE]),
    ("sales", "李销售", "营销部", [Role.SALES]),
    ("mgr", "张总", "总经理办", [Role.MANAGER]),
    ("qa", "陈品质", "品质部", [Role.QA]),
    ("eng", "刘工", "技术部", [Role.ENGINEERING]),
    ("pmc", "赵计划", "生产部", [Role.PRODUCTION]),
]

CUSTOMERS = [
    "华东电气设备有限公司", "深圳市鹏达电子有限公司", "苏州恒远自动化科技有限公司",
    "北京京北机电工程公司", "广州南方照明电器有限公司", "成都天府智能装备有限公司",
    "武汉楚天配电设备厂", "青岛海岸电力工程有限公司", "杭州西湖控制系统有限公司",
    "重庆山城电器经销部", "宁波甬江五金机电", "西安秦川开关有限公司",
]

PRODUCTS: list[tuple[str, str, str, str, int, str]] = [
    # model/spec, name, unit, price, warranty months, product label code
    ("DZ47-63 C16", "小型断路器", "只", "18.50", 24, "6901234500016"),
    ("DZ47-63 C32", "小型断路器", "只", "21.80", 24, "6901234500023"),
    ("NM1-125/3300 100A", "塑壳断路器", "台", "286.00", 24, "6901234500030"),
    ("CJX2-1810 220V", "交流接触器", "只", "46.30", 18, "6901234500047"),
    ("CJX2-3210 380V", "交流接触器", "只", "78.90", 18, "6901234500054"),
    ("JR36-20 14-22A", "热过载继电器", "只", "39.50", 18, "6901234500061"),
    ("LW26-25 4节", "万能转换开关", "只", "55.00", 12, "6901234500078"),
    ("NXB-40 2P D20", "漏电保护器", "只", "62.40", 24, "6901234500085"),
    ("XB2-BA31 绿色", "按钮开关", "只", "8.60", 12, "6901234500092"),
    ("AD16-22DS 红 220V", "信号指示灯", "只", "4.20", 12, "6901234500108"),
    ("PZ30-12 回路", "配电箱", "台", "168.00", 24, "6901234500115"),
    ("YJV-3×2.5 100m", "电力电缆", "卷", "415.50", 12, "6901234500122"),
]


def seed_people(session: Session, *, must_change_password: bool = False) -> dict[str, User]:
    """The demo people, with the demo password (which skips the password policy).

    The demo data (`rma-station demo`, the demo fill) passes must_change_password=True:
    each demo user must replace 1234 at the first log-in. The test fixtures leave it off.
    """
    users = {}
    for login, name, dept, roles in DEMO_USERS:
        existing = session.scalar(select(User).where(User.login == login))
        users[login] = existing or create_user(session, login, name, DEMO_PASSWORD, roles, dept,
                                               check_policy=False,
                                               must_change_password=must_change_password)
    return users


def seed_catalogue(session: Session) -> None:
    have_c = set(session.scalars(select(Customer.name)))
    for i, name in enumerate(CUSTOMERS, start=1):
        if name not in have_c:
            session.add(Customer(code=f"C{i:03d}", name=name))
    have_p = set(session.scalars(select(Product.model)))
    for model, name, unit, price, months, code in PRODUCTS:
        if model not in have_p:
            session.add(Product(model=model, name=name, unit=unit, unit_price=Decimal(price),
                                warranty_months=months, barcode=code))
    session.flush()


def seed_demo_reference(session: Session, *, must_change_password: bool = False) -> dict[str, User]:
    """The demo people (password 1234), customers and products; returns the users by login."""
    users = seed_people(session, must_change_password=must_change_password)
    seed_catalogue(session)
    return users


# The name the test fixtures and older callers use: it has always meant the demo people.
seed_reference = seed_demo_reference
