"""Per-user database roles on a shared PostgreSQL server: set-up and log-in (issue 10).

Step served: the administrator of the server sets it up once (`init_server`, the command
``rma-station db init-server URL``); every person then logs in to the database as
themselves (`connect_as`): the station's settings name host, port and database only, the
password goes to the server (SCRAM-SHA-256) and nowhere else, and the actor of the session
is who the server says (`session_user`) with the roles the server gives them (their group
roles), never what the client claims. What each role may write is db.roles.STEPS.

On SQLite and on a server database that has not been through init-server (a single-owner
development set-up) the station's own log-in (app.services.users.authenticate) stays.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import URL, Engine, make_url, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from app.codes import Role
from app.errors import StationError
from db.engine import classify, make_engine, make_session_factory
from db.models import LoginEvent, User
from db.roles import BASE, GROUPS, OWNER, ROLE_OF_GROUP, admin_login, manages_logins

#: app_user.password_hash of a user whose password only the server knows
SERVER_PASSWORD = "!server"
#: SQLSTATEs of a refused authentication: wrong password / no such role / may not log in
_AUTH_STATES = {"28P01", "28000"}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# ------------------------------------------------------------------ init-server


@dataclass(frozen=True)
class ServerSetUp:
    owner: str
    groups: tuple[str, ...]
    admin: str
    created_admin: bool


def init_server(url: str | URL, *, admin_login_name: str, admin_name: str, admin_password: str,
                company: str = "", forms: Mapping[str, str] | None = None,
                owner: str = OWNER) -> ServerSetUp:
    """Set up the server database at `url` (a superuser's or a CREATEROLE owner's URL).

    Idempotent: the owner role, the group roles and the grants are made or brought in step;
    the database, its schema and every object in it are given to the owner; the schema is
    upgraded (as the owner); the first administrator gets a login role in rma_admin and, on
    an empty database, the set-up (company, form numbers) is made as the set-up dialog makes it.
    """
    from app.services.setup import initialize, needs_setup
    from app.services.users import create_user, set_server_login
    from db.migrate import upgrade

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            me = conn.exec_driver_sql("SELECT current_user").scalar_one()
            superuser = bool(conn.exec_driver_sql(
                "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar())
            if not superuser:
                owner = me  # a CREATEROLE owner sets up the database it owns
            elif not conn.exec_driver_sql("SELECT to_regrole(%(o)s)", {"o": owner}).scalar():
                conn.exec_driver_sql(f"CREATE ROLE {_q(owner)} NOLOGIN CREATEROLE")
            db = conn.exec_driver_sql("SELECT current_database()").scalar_one()
            if superuser:
                conn.exec_driver_sql(f"ALTER DATABASE {_q(db)} OWNER TO {_q(owner)}")
                conn.exec_driver_sql(f"ALTER SCHEMA public OWNER TO {_q(owner)}")
                _give_objects(conn, owner)
                conn.exec_driver_sql(f"SET LOCAL ROLE {_q(owner)}")  # the owner makes the groups
            for group in (BASE, *GROUPS.values()):
                if not conn.exec_driver_sql("SELECT to_regrole(%(g)s)", {"g": group}).scalar():
                    conn.exec_driver_sql(f"CREATE ROLE {_q(group)} NOLOGIN")
            for group in GROUPS.values():
                conn.exec_driver_sql(f"GRANT {_q(BASE)} TO {_q(group)}")
            conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {_q(db)} FROM PUBLIC")
            conn.exec_driver_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {_q(db)} TO {_q(BASE)}")
            conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
            if conn.exec_driver_sql("SELECT to_regprocedure('rma_audit_row()') IS NOT NULL").scalar():
                # grants and triggers are made again in full (db.roles.apply_server_objects)
                conn.exec_driver_sql("COMMENT ON FUNCTION rma_audit_row() IS NULL")
        upgrade(engine)  # as the owner (db.roles.as_database_owner); grants and triggers after
        factory = make_session_factory(engine)
        created = False
        with factory.begin() as s:
            user = s.scalar(select(User).where(User.login == admin_login_name.strip()))
            if user is None and needs_setup(s):
                initialize(s, company, forms or {}, admin_login_name, admin_name, admin_password)
                created = True
            elif user is None:
                create_user(s, admin_login_name, admin_name.strip() or admin_login_name, admin_password,
                            [Role.ADMIN])
                created = True
            else:
                set_server_login(s, user, password=admin_password, roles=sorted(user.role_codes | {"admin"}))
                if Role.ADMIN.value not in user.role_codes:
                    from db.models import UserRole

                    user.roles.append(UserRole(role=Role.ADMIN.value))
                user.active = True
                s.flush()
        return ServerSetUp(owner, (BASE, *GROUPS.values()), admin_login_name, created)
    finally:
        engine.dispose()


def _give_objects(conn: object, owner: str) -> None:
    """Every table, sequence, view and function of the schema to the owner (a database
    upgraded before init-server belongs to whoever ran the migrations)."""
    rows = conn.exec_driver_sql(  # type: ignore[attr-defined]
        "SELECT 'TABLE', quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') "
        "UNION ALL SELECT 'SEQUENCE', quote_ident(c.relname) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) "
        "UNION ALL SELECT 'FUNCTION', p.oid::regprocedure::text FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'").all()
    for kind, name in rows:
        conn.exec_driver_sql(f"ALTER {kind} {name} OWNER TO {_q(owner)}")  # type: ignore[attr-defined]


# ------------------------------------------------------------------ log-in as oneself


@dataclass
class ServerSession:
    """A person's own connection to the server: the engine, its sessions, who they are.
    The password is in the engine's URL in memory only (the pool's new connections need it)."""

    engine: Engine
    factory: sessionmaker[Session]
    actor: object  # app.services.context.Actor
    station: str

    def __post_init__(self) -> None:
        self.engine.rma_change_password = self.change_password  # type: ignore[attr-defined]

    def change_password(self, new: str) -> None:
        """After the user changed their password on the server: new sessions connect with it
        (the session that changed it keeps its connection until it ends)."""
        old = self.engine
        self.engine = _engine(old.url.set(password=new), self.station)
        self.engine.rma_change_password = self.change_password  # type: ignore[attr-defined]
        self.factory.configure(bind=self.engine)
        old.dispose()


def _engine(url: URL, station: str) -> Engine:
    return make_engine(url, connect_args={"application_name": station[:63]})


def _authentication_refused(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None)
    if state in _AUTH_STATES:
        return True
    # libpq reports a refused authentication before any SQLSTATE reaches psycopg
    message = str(orig or exc)
    return "authentication failed" in message or "is not permitted to log in" in message or (
        "role" in message and "does not exist" in message) or "no password supplied" in message


def connect_as(url: str | URL, login: str, password: str, station: str) -> ServerSession:
    """Log in to the server as `login` with `password`; the session's actor is the server's
    session_user with the roles of its group roles. Raises StationError("login_failed") for a
    refused authentication (the server keeps its own record of it)."""

    from app.services.users import server_now

    login = login.strip()
    if not login or not password:
        raise StationError("login_failed")
    engine = _engine(make_url(url).set(username=login, password=password), station)
    factory = make_session_factory(engine)
    try:
        with factory.begin() as s:
            actor = actor_from_server(s, station)
            s.add(LoginEvent(at=server_now(s), login=login[:64],
                             user_id=actor.user_id, station=station[:64], success=True, reason="ok"))
    except sa_exc.DBAPIError as exc:
        engine.dispose()
        if _authentication_refused(exc):
            raise StationError("login_failed") from None
        made = classify(exc)  # the server is down, busy …: its message, not a crash
        if made is exc:
            raise
        raise made from exc
    except BaseException:
        engine.dispose()
        raise
    return ServerSession(engine, factory, actor, station)


def actor_from_server(session: Session, station: str = "") -> object:
    """The actor of this session as the server knows it: session_user and its group roles."""
    from app.services.context import Actor

    login, groups = session.execute(text("SELECT session_user, rma_session_groups()")).one()
    user = session.scalar(select(User).where(User.login == login))
    if user is None or not user.active:
        raise StationError("user_unknown_on_server", login=login)
    roles = frozenset(ROLE_OF_GROUP[g].value for g in groups if g in ROLE_OF_GROUP)
    return Actor(user_id=user.id, login=user.login, name=user.name, roles=roles, station=station)


def change_own_server_password(session: Session, login: str, old: str, new: str) -> None:
    """The user's own password, on the server: the old one is checked by a fresh log-in as
    them (never compared here), the new one is handed over as a SCRAM verifier."""
    from app.errors import ValidationError
    from db.roles import scram_verifier

    bind = session.get_bind()
    probe = make_engine(bind.url.set(username=login, password=old), poolclass=_null_pool())
    try:
        with probe.connect():
            pass
    except sa_exc.DBAPIError as exc:
        if _authentication_refused(exc):
            raise ValidationError("password_wrong_old", field_name="old_password") from None
        raise
    finally:
        probe.dispose()
    # a verifier is base64 and '$:' only; no bind parameters in ALTER ROLE
    session.connection().exec_driver_sql(f"ALTER ROLE {_q(login)} PASSWORD '{scram_verifier(new)}'")
    session.execute(text("SELECT rma_password_changed()"))
    swap = getattr(bind, "rma_change_password", None)
    if swap is not None:
        swap(new)  # the next sessions log in with the new password


def _null_pool() -> type:
    from sqlalchemy.pool import NullPool

    return NullPool


def uses_server_logins(session: Session) -> bool:
    """Whether users of this database are the server's login roles (init-server ran)."""
    return manages_logins(session.connection())


def server_login(session: Session, login: str, **change: object) -> None:
    """Create or change `login`'s role on the server, in the session's transaction."""
    admin_login(session.connection(), login, **change)  # type: ignore[arg-type]
