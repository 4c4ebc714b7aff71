"""A real OpenLDAP server for the directory sign-in tests: Debian's slapd on a free port,
with a temporary directory and a small company tree loaded by slapadd."""

import base64
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.tools import require_command, require_module

SUFFIX = "dc=utm,dc=example"
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PASSWORD = "admin-secret"
PASSWORD = "Directory-pass-1"
SCHEMAS = ("core", "cosine", "inetorgperson")


def _find(name):
    how = "apt-get install slapd ldap-utils"
    sbin = Path("/usr/sbin") / name
    return require_command(name, how, path=str(sbin) if sbin.exists() else None)


def _value(name, value):
    if value.isascii():
        return f"{name}: {value}"
    return f"{name}:: {base64.b64encode(value.encode()).decode()}"


def person(uid, first, last, number, email, department="", title="", manager="", disabled=False):
    lines = [
        f"dn: uid={uid},ou=people,{SUFFIX}",
        "objectClass: inetOrgPerson",
        f"uid: {uid}",
        _value("cn", f"{first} {last}"),
        _value("givenName", first),
        _value("sn", last),
        f"employeeNumber: {number}",
        f"mail: {email}",
        f"userPassword: {PASSWORD}",
    ]
    if department:
        lines.append(_value("departmentNumber", department))
    if title:
        lines.append(_value("title", title))
    if manager:
        lines.append(f"manager: uid={manager},ou=people,{SUFFIX}")
    if disabled:
        lines.append("employeeType: disabled")
    return "\n".join(lines)


def group(cn, *uids):
    lines = [f"dn: cn={cn},ou=groups,{SUFFIX}", "objectClass: groupOfNames", f"cn: {cn}"]
    lines += [f"member: uid={uid},ou=people,{SUFFIX}" for uid in uids]
    return "\n".join(lines)


COMPANY = [
    "\n".join(
        [
            f"dn: {SUFFIX}",
            "objectClass: dcObject",
            "objectClass: organization",
            "dc: utm",
            "o: Uraltrubmash",
        ]
    ),
    "\n".join([f"dn: ou=people,{SUFFIX}", "objectClass: organizationalUnit", "ou: people"]),
    "\n".join([f"dn: ou=groups,{SUFFIX}", "objectClass: organizationalUnit", "ou: groups"]),
    person(
        "sokolov", "Пётр", "Соколов", "8002", "sokolov@utm.example", "Цех № 3", "Начальник цеха"
    ),
    person(
        "ivanova",
        "Мария",
        "Иванова",
        "8001",
        "ivanova@utm.example",
        "Цех № 3",
        "Технолог",
        manager="sokolov",
    ),
    person("orlov", "Денис", "Орлов", "8004", "orlov@utm.example", "Отдел ИТ", "Аналитик"),
    person("blocked", "Олег", "Закрытов", "8003", "blocked@utm.example", disabled=True),
    group("nastavniki", "ivanova", "orlov"),
    group("kuratory", "sokolov"),
    group("buhgalteriya", "sokolov"),
]


@dataclass
class Directory:
    uri: str

    def env(self, **extra):
        return {
            "LDAP_SERVER_URI": self.uri,
            "LDAP_BIND_DN": ROOT_DN,
            "LDAP_BIND_PASSWORD": ROOT_PASSWORD,
            "LDAP_USER_SEARCH_BASE": f"ou=people,{SUFFIX}",
            "LDAP_USER_FILTER": "(uid=%(user)s)",
            "LDAP_GROUP_SEARCH_BASE": f"ou=groups,{SUFFIX}",
            "LDAP_GROUP_TYPE": "groupOfNames",
            "LDAP_GROUP_ROLES": (
                f"cn=nastavniki,ou=groups,{SUFFIX}=mentor; cn=kuratory,ou=groups,{SUFFIX}=curator"
            ),
            "LDAP_DISABLED_FILTER": "(employeeType=disabled)",
            **extra,
        }

    def modify(self, dn, changes):
        import ldap

        connection = ldap.initialize(self.uri)
        connection.simple_bind_s(ROOT_DN, ROOT_PASSWORD)
        connection.modify_s(dn, changes)
        connection.unbind_s()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start():
    """Start slapd; yield a :class:`Directory`; stop it and remove its files."""
    slapd, slapadd = _find("slapd"), _find("slapadd")
    for module in ("ldap", "django_auth_ldap"):
        require_module(module, 'pip install -e ".[ldap]"')
    schema_dir = Path("/etc/ldap/schema")
    module_dir = Path("/usr/lib/ldap")
    with tempfile.TemporaryDirectory(prefix="nastavnik-slapd-") as tmp:
        tmp = Path(tmp)
        (tmp / "data").mkdir()
        config = tmp / "slapd.conf"
        lines = [f"include {schema_dir / (name + '.schema')}" for name in SCHEMAS]
        if (module_dir / "back_mdb.so").exists():
            lines += [f"modulepath {module_dir}", "moduleload back_mdb"]
        lines += [
            f"pidfile {tmp / 'slapd.pid'}",
            "database mdb",
            "maxsize 10485760",
            f'suffix "{SUFFIX}"',
            f'rootdn "{ROOT_DN}"',
            f"rootpw {ROOT_PASSWORD}",
            f"directory {tmp / 'data'}",
            "index objectClass eq",
        ]
        config.write_text("\n".join(lines) + "\n")
        ldif = tmp / "company.ldif"
        ldif.write_text("\n\n".join(COMPANY) + "\n")
        subprocess.run(
            [slapadd, "-f", str(config), "-l", str(ldif)], check=True, capture_output=True
        )
        port = _free_port()
        uri = f"ldap://127.0.0.1:{port}/"
        process = subprocess.Popen(
            [slapd, "-f", str(config), "-h", uri, "-d", "0"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_until_ready(uri, process)
            yield Directory(uri)
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_until_ready(uri, process):
    import ldap

    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"slapd stopped: {process.stderr.read().decode()[-2000:]}")
        try:
            connection = ldap.initialize(uri)
            connection.simple_bind_s(ROOT_DN, ROOT_PASSWORD)
            connection.unbind_s()
            return
        except ldap.SERVER_DOWN:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
