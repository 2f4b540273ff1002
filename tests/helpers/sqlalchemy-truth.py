"""Ground truth for the SQLAlchemy loader tests: import a fixture with real SQLAlchemy and dump its MetaData.

Usage: /usr/bin/python3 tests/helpers/sqlalchemy-truth.py <sys.path root> <module> [<module> ...]

Prints JSON: every table of every MetaData reachable from the fixture's modules, with column
types compiled by the PostgreSQL dialect and constraint names as SQLAlchemy would emit them
(null where SQLAlchemy leaves the naming to the database).
"""
import importlib
import json
import os
import sys

# Keep __pycache__ folders out of the fixtures.
sys.dont_write_bytecode = True

from sqlalchemy import MetaData
from sqlalchemy.dialects import postgresql

DIALECT = postgresql.dialect()
PREPARER = DIALECT.identifier_preparer


def constraint_name(constraint):
    if constraint.name is None:
        return None
    try:
        rendered = PREPARER.format_constraint(constraint)
    except Exception:  # noqa: BLE001 - a name SQLAlchemy cannot render is reported as missing
        return None
    if rendered is None:
        return None
    return rendered.strip('"')


def column_type(column):
    try:
        return column.type.compile(dialect=DIALECT)
    except Exception:  # noqa: BLE001 - NullType: the FK target is not in this MetaData
        return None


def foreign_key(constraint):
    referred = []
    referred_table = None
    referred_schema = None
    for element in constraint.elements:
        parts = element.target_fullname.split(".")
        referred.append(parts[-1])
        referred_table = parts[-2]
        referred_schema = ".".join(parts[:-2]) or None
    return {
        "name": constraint_name(constraint),
        "columns": [c.name for c in constraint.columns],
        "referredTable": referred_table,
        "referredSchema": referred_schema,
        "referredColumns": referred,
        "ondelete": constraint.ondelete.lower() if constraint.ondelete else None,
        "onupdate": constraint.onupdate.lower() if constraint.onupdate else None,
    }


def dump_table(table):
    from sqlalchemy import CheckConstraint, ForeignKeyConstraint, UniqueConstraint

    autoincrement = table._autoincrement_column  # noqa: SLF001 - the column SQLAlchemy makes SERIAL
    pk = table.primary_key
    return {
        "name": table.name,
        "schema": table.schema,
        "columns": [
            {
                "name": c.name,
                "type": column_type(c),
                "nullable": bool(c.nullable),
                "serial": c is autoincrement,
            }
            for c in table.columns
        ],
        "primaryKey": {"name": constraint_name(pk), "columns": [c.name for c in pk.columns]} if len(pk.columns) else None,
        "foreignKeys": sorted(
            (foreign_key(c) for c in table.constraints if isinstance(c, ForeignKeyConstraint)),
            key=lambda f: f["columns"],
        ),
        "indexes": sorted(
            (
                {"name": constraint_name(i), "columns": [c.name for c in i.columns], "unique": bool(i.unique)}
                for i in table.indexes
            ),
            key=lambda i: i["name"] or "",
        ),
        "uniqueConstraints": sorted(
            (
                {"name": constraint_name(c), "columns": [col.name for col in c.columns]}
                for c in table.constraints
                if isinstance(c, UniqueConstraint)
            ),
            key=lambda u: u["columns"],
        ),
        "checks": sorted(
            (
                {"name": constraint_name(c), "expression": str(c.sqltext)}
                for c in table.constraints
                if isinstance(c, CheckConstraint) and not getattr(c, "_type_bound", False)
            ),
            key=lambda c: c["expression"],
        ),
    }


def metadata_objects(root):
    found = {}
    root = os.path.realpath(root)
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if not file or not os.path.realpath(file).startswith(root + os.sep):
            continue
        for value in list(vars(module).values()):
            candidates = [value]
            try:
                candidates.append(getattr(value, "metadata", None))
            except Exception:  # noqa: BLE001 - proxies (flask.current_app) raise outside an app
                pass
            for candidate in candidates:
                if isinstance(candidate, MetaData):
                    found[id(candidate)] = candidate
    return list(found.values())


def main():
    root, modules = sys.argv[1], sys.argv[2:]
    sys.path.insert(0, root)
    for name in modules:
        importlib.import_module(name)
    tables = []
    for metadata in metadata_objects(root):
        tables.extend(dump_table(t) for t in metadata.tables.values())
    tables.sort(key=lambda t: ((t["schema"] or ""), t["name"]))
    json.dump({"tables": tables}, sys.stdout, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
