"""Command-line tools: ``python -m portal COMMAND``.

Commands:
    migrate                  apply database migrations
    create-admin             create the first admin from FANGXIN_ADMIN_EMAIL/PASSWORD
    purge-staged [--hours N] delete uploads never attached to a complaint
    import-complaints FILE   import a partner channel's JSON Lines file
"""

import argparse
import logging
import os
import sys

from portal.db import session_scope
from portal.i18n import translate
from portal.migrations import upgrade_database

EXIT_REJECTED = 1
EXIT_UNREADABLE = 2
DEFAULT_ADMIN_EMAIL = "admin@fangxin.local"


def _migrate(_args: argparse.Namespace) -> int:
    upgrade_database()
    print("database is up to date")
    return 0


def _create_admin(_args: argparse.Namespace) -> int:
    from portal.services.auth import ensure_admin

    email = os.environ.get("FANGXIN_ADMIN_EMAIL") or DEFAULT_ADMIN_EMAIL
    with session_scope() as db:
        created, generated = ensure_admin(
            db, email, os.environ.get("FANGXIN_ADMIN_PASSWORD")
        )
    if not created:
        print("an admin account exists; none created")
    elif generated:
        print(f"first admin created: {email} with password {generated}")
        print("this password is printed only once; change it after signing in")
    else:
        print(f"first admin created: {email}")
    return 0


def _purge_staged(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from portal.services.evidence import purge_stale_staged

    with session_scope() as db:
        count = purge_stale_staged(db, timedelta(hours=args.hours))
    print(f"purged {count} staged files older than {args.hours} hours")
    return 0


def _import_complaints(args: argparse.Namespace) -> int:
    from portal.services.importer import import_lines

    try:
        with open(args.file, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        print(f"cannot read {args.file}: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    upgrade_database()
    with session_scope() as db:
        result = import_lines(db, lines)
    for rejection in result.rejections:
        reason = translate("en", rejection.reason, min=0, max=0, length=0, value="")
        print(f"line {rejection.line_no}: {rejection.field}: {reason}")
    print(
        f"imported {result.imported}, duplicates {result.duplicates}, "
        f"rejected {result.rejected}"
    )
    return EXIT_REJECTED if result.rejected else 0


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    logging.basicConfig(
        level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    parser = argparse.ArgumentParser(prog="python -m portal")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="apply database migrations").set_defaults(
        run=_migrate
    )
    commands.add_parser(
        "create-admin", help="create the first admin unless one exists"
    ).set_defaults(run=_create_admin)
    purge = commands.add_parser(
        "purge-staged", help="delete uploads never attached to a complaint"
    )
    purge.add_argument(
        "--hours", type=int, default=24, help="minimum age in hours (default 24)"
    )
    purge.set_defaults(run=_purge_staged)
    importer = commands.add_parser(
        "import-complaints", help="import complaints from a JSON Lines file"
    )
    importer.add_argument("file", help="path to the .jsonl file, one complaint a line")
    importer.set_defaults(run=_import_complaints)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
