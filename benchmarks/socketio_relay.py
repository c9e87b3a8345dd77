"""A bare python-socketio relay: the baseline that chat_latency.py compares to.

Clients connect with ``?pair=N``; a ``msg`` event from one client of a pair is
emitted to the other. Nothing is stored. Listens on 127.0.0.1 only.
"""

import sys
from collections import defaultdict
from urllib.parse import parse_qs

import socketio
from aiohttp import web

server = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins=[])
members: dict[str, set[str]] = defaultdict(set)
pair_of: dict[str, str] = {}


@server.event
async def connect(sid, environ):
    pair = parse_qs(environ.get("QUERY_STRING", "")).get("pair", [""])[0]
    pair_of[sid] = pair
    members[pair].add(sid)


@server.event
async def disconnect(sid, *_reason):
    members[pair_of.pop(sid, "")].discard(sid)


@server.event
async def msg(sid, text):
    for other in members[pair_of.get(sid, "")] - {sid}:
        await server.emit("msg", text, to=other)


def main() -> None:
    app = web.Application()
    server.attach(app)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)


if __name__ == "__main__":
    main()
