"""``mljobs serve`` prints its URL before uvicorn starts; the socket it prints was bound but
not listening until then, so a client that opened the URL at once (a script, a test on a
busy machine: tests/web/test_serve.py failed with "Connection refused") was refused. The
socket listens as soon as it is bound: a connection made before anything accepts is queued.
"""

from __future__ import annotations

import socket

from mljobs.cli.web_cmds import listen


def test_the_socket_serve_prints_takes_connections_before_the_server_starts() -> None:
    sock = listen("127.0.0.1", 0)
    try:
        host, port = sock.getsockname()[:2]
        with socket.create_connection((host, port), timeout=5) as client:
            accepted, _ = sock.accept()  # the queued connection, accepted afterwards
            with accepted:
                client.sendall(b"ping")
                assert accepted.recv(4) == b"ping"
    finally:
        sock.close()
