"""The first start's services: set up a new database for real work, or as a marked demo."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import StationError, ValidationError
from app.services import setup
from app.services.settings import SHARED_DEFAULTS, load_shared
from app.services.users import authenticate
from db.engine import make_engine, make_session_factory
from db.identity import holds_real_data, read_identity
from db.models import DefectCategory, LiabilityCode, Return, User
from main import main

FORMS = {k: v for k, v in SHARED_DEFAULTS.items() if k in setup.FORM_KEYS}


@pytest.fixture
def empty_factory(empty_db_url):
    engine = make_engine(empty_db_url)
    yield make_session_factory(engine)
    engine.dispose()


def test_a_new_database_needs_set_up_and_has_only_the_migration_reference(empty_factory) -> None:
    with empty_factory() as s:
        assert setup.needs_setup(s)
        assert s.scalar(select(func.count()).select_from(LiabilityCode)) == 9
        assert s.scalar(select(func.count()).select_from(DefectCategory)) > 0
        assert read_identity(s).database_id is None


def test_initialize_stores_company_forms_admin_and_identity(empty_factory) -> None:
    forms = {**FORMS, "form_no.notice": "QR-7.5-11", "form_rev.notice": "C"}
    with empty_factory.begin() as s:
        database_id = setup.initialize(s, " 东方电器有限公司 ", forms, "zhang", "张三", "s3cret!-Qa")
    with empty_factory() as s:
        assert not setup.needs_setup(s)
        shared = load_shared(s)
        assert shared["company_name"] == "东方电器有限公司"
        assert (shared["form_no.notice"], shared["form_rev.notice"]) == ("QR-7.5-11", "C")
        assert shared["form_no.analysis"] == SHARED_DEFAULTS["form_no.analysis"]
        identity = read_identity(s)
        assert identity.database_id == database_id and len(database_id) == 32
        assert not identity.demo and identity.real
        assert [u.login for u in s.scalars(select(User))] == ["zhang"]  # no demo people
        assert s.scalar(select(func.count()).select_from(Return)) == 0
        actor = authenticate(s, "zhang", "s3cret!-Qa")
        assert actor.roles == {"admin"}
        assert holds_real_data(s)


def test_initialize_names_the_field_at_fault_and_saves_nothing(empty_factory) -> None:
    cases = [
        (dict(company="  "), "company"),
        (dict(forms={**FORMS, "form_rev.analysis": ""}), "form_rev.analysis"),
        (dict(admin_login=""), "login"),
        (dict(admin_name=" "), "name"),
        (dict(password=""), "password"),
        (dict(password="1234"), "password"),  # the password policy holds for the first admin too
        (dict(password="zhang"), "password"),
    ]
    for change, field in cases:
        args = dict(company="东方电器", forms=FORMS, admin_login="zhang", admin_name="张三", password="Sicher-2026")
        args.update(change)
        with pytest.raises(ValidationError) as caught, empty_factory.begin() as s:
            setup.initialize(s, **args)
        assert caught.value.field == field
    with empty_factory() as s:
        assert setup.needs_setup(s)


def test_a_database_is_set_up_only_once(empty_factory) -> None:
    with empty_factory.begin() as s:
        setup.initialize(s, "东方电器", FORMS, "zhang", "张三", "Sicher-2026")
    with pytest.raises(StationError) as caught, empty_factory.begin() as s:
        setup.initialize(s, "别的公司", FORMS, "li", "李四", "Sicher-2026")
    assert caught.value.key == "already_set_up"


def test_initialize_demo_fills_and_marks_the_database(empty_factory) -> None:
    assert setup.initialize_demo(empty_factory, returns=20) == 20
    with empty_factory() as s:
        identity = read_identity(s)
        assert identity.demo and identity.database_id
        assert not holds_real_data(s)
        assert s.scalar(select(func.count()).select_from(Return)) == 20
        assert {u.login for u in s.scalars(select(User))} >= {"admin", "wh", "qa"}


def test_demo_is_refused_on_a_database_set_up_for_real_work(empty_factory) -> None:
    with empty_factory.begin() as s:
        setup.initialize(s, "东方电器", FORMS, "zhang", "张三", "Sicher-2026")
    with pytest.raises(StationError) as caught:
        setup.initialize_demo(empty_factory, returns=5, database="SQLite: x")
    assert caught.value.key == "demo_refused_real"
    with empty_factory() as s:
        assert s.scalar(select(func.count()).select_from(Return)) == 0
        assert not read_identity(s).demo


def test_the_demo_command_refuses_a_real_database(empty_db_url, empty_factory, monkeypatch, capsys) -> None:
    with empty_factory.begin() as s:
        setup.initialize(s, "东方电器", FORMS, "zhang", "张三", "Sicher-2026")
    monkeypatch.setenv("RMA_DATABASE_URL", empty_db_url)
    monkeypatch.setenv("RMA_LANG", "zh_CN")
    assert main(["demo", "--returns", "5"]) == 1
    err = capsys.readouterr().err
    assert "有真实数据,不能写入演示数据" in err and "Traceback" not in err
    monkeypatch.setenv("RMA_LANG", "en")
    assert main(["demo", "--returns", "5"]) == 1
    assert "holds real data: demo data is never written into it" in capsys.readouterr().err
    with empty_factory() as s:
        assert s.scalar(select(func.count()).select_from(Return)) == 0


def test_the_demo_command_marks_a_new_database_as_demo(empty_db_url, empty_factory, monkeypatch) -> None:
    monkeypatch.setenv("RMA_DATABASE_URL", empty_db_url)
    assert main(["demo", "--returns", "5"]) == 0
    assert main(["demo", "--returns", "5"]) == 0  # a demo database takes more demo data
    with empty_factory() as s:
        assert read_identity(s).demo
        assert s.scalar(select(func.count()).select_from(Return)) == 10


def test_a_database_from_before_the_set_up_gets_an_identity_and_its_demo_mark(empty_factory) -> None:
    from sqlalchemy import delete

    from db.models import Setting

    setup.initialize_demo(empty_factory, returns=5)
    with empty_factory.begin() as s:  # as the old automatic first start left it: no marks
        s.execute(delete(Setting).where(Setting.key.in_(["database_id", "demo_data"])))
    with empty_factory.begin() as s:
        database_id = setup.adopt_existing(s)
    with empty_factory() as s:
        identity = read_identity(s)
        assert identity.database_id == database_id and identity.demo


def test_a_database_from_before_the_set_up_with_real_returns_is_marked_real(factory, actors) -> None:
    from tests.unit.services.helpers import received

    received(factory, actors)
    with factory.begin() as s:
        setup.adopt_existing(s)
    with factory() as s:
        assert read_identity(s).real and holds_real_data(s)
    with pytest.raises(StationError):
        setup.initialize_demo(factory, returns=5)
