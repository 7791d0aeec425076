"""A real HTTP server on 127.0.0.1 that replays recorded-format responses.

Routes map a path (optionally with its sorted query string, or a prefix
ending in ``*``) to a ``Reply`` or to a function building one. Replies can be delayed, fail a number of
times first (429 with Retry-After, 500...), stream a huge body, or carry an
ETag so conditional GETs get a 304. The server counts requests and the peak
number handled at once per path prefix and overall (``*``), so tests can check politeness.
Used by tests/sources/* and bench/sync.py; never touches the internet.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self
from urllib.parse import parse_qsl, urlencode, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"


@dataclass
class Reply:
    """One canned response.

    Args:
        body: the bytes sent (ignored when ``stream_bytes`` is set).
        status: HTTP status.
        headers: extra headers.
        delay: seconds to wait before answering.
        held: answer only when the server closes: a reply later than any client timeout,
            whatever the machine's speed (a fixed ``delay`` longer than the timeout is only
            later as long as the client is not slowed more than the server).
        etag: sent as ETag; a matching If-None-Match gets 304.
        fail_first: replies sent (in order) before this one, once each.
        stream_bytes: send this many zero bytes, chunked, without Content-Length.
    """

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    held: bool = False
    etag: str | None = None
    fail_first: list[Reply] = field(default_factory=list)
    stream_bytes: int = 0
    content_type: str = "application/json"


Handler = Callable[[str, dict[str, str]], "Reply | None"]


def fixture(name: str, **kwargs: object) -> Reply:
    """A reply whose body is a fixture file (content type from the extension)."""
    path = FIXTURES / name
    kinds = {".json": "application/json", ".rss": "application/rss+xml",
             ".atom": "application/atom+xml", ".xml": "application/xml",
             ".html": "text/html; charset=utf-8", ".txt": "text/plain"}
    kwargs.setdefault("content_type", kinds.get(path.suffix, "application/octet-stream"))
    return Reply(body=path.read_bytes(), **kwargs)  # type: ignore[arg-type]


def route_key(path: str, query: dict[str, str] | None = None) -> str:
    """The lookup key of a path and query (query sorted)."""
    return f"{path}?{urlencode(sorted(query.items()))}" if query else path


class ReplayServer:
    """A threaded HTTP server replaying ``routes``; use as a context manager."""

    def __init__(self, routes: dict[str, Reply | Handler] | None = None) -> None:
        self.routes: dict[str, Reply | Handler] = dict(routes or {})
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.peak: Counter[str] = Counter()
        self._active: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._failures: Counter[str] = Counter()
        self._closing = threading.Event()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server._serve(self)

            def log_message(self, *args: object) -> None:
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,),
                                       daemon=True)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()  # held replies go out (to clients long gone) and their threads end
        self.httpd.shutdown()
        self.httpd.server_close()

    def _lookup(self, path: str, query: dict[str, str]) -> Reply | None:
        keys = [route_key(path, query), path]
        keys += [k for k in self.routes if k.endswith("*") and path.startswith(k[:-1])]
        for key in keys:
            found = self.routes.get(key)
            if found is None:
                continue
            return found if isinstance(found, Reply) else found(path, query)
        return None

    def _serve(self, req: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(req.path)
        query = dict(parse_qsl(parts.query))
        prefix = "/".join(parts.path.split("/")[:3])
        with self._lock:
            self.hits[parts.path] += 1
            self.requests.append((req.path, dict(req.headers.items())))
            for key in (prefix, "*"):
                self._active[key] += 1
                self.peak[key] = max(self.peak[key], self._active[key])
        try:
            reply = self._lookup(parts.path, query) or Reply(b'{"error":"not found"}', 404)
            with self._lock:
                n = self._failures[req.path]
                if n < len(reply.fail_first):
                    self._failures[req.path] += 1
                    reply = reply.fail_first[n]
            self._send(req, reply)
        finally:
            with self._lock:
                self._active[prefix] -= 1
                self._active["*"] -= 1

    def _send(self, req: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.held:
            self._closing.wait()
        if reply.etag and req.headers.get("If-None-Match") == reply.etag:
            req.send_response(304)
            req.send_header("ETag", reply.etag)
            req.send_header("Content-Length", "0")
            req.end_headers()
            return
        req.send_response(reply.status)
        req.send_header("Content-Type", reply.content_type)
        req.send_header("Date", formatdate(usegmt=True))
        if reply.etag:
            req.send_header("ETag", reply.etag)
        for key, value in reply.headers.items():
            req.send_header(key, value)
        if reply.stream_bytes:
            self._stream(req, reply.stream_bytes)
            return
        req.send_header("Content-Length", str(len(reply.body)))
        try:
            req.end_headers()
            req.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            return

    @staticmethod
    def _stream(req: BaseHTTPRequestHandler, size: int) -> None:
        req.send_header("Transfer-Encoding", "chunked")
        req.send_header("Connection", "close")
        req.end_headers()
        chunk = b"0" * 65536
        sent = 0
        try:
            while sent < size:
                piece = chunk[: min(len(chunk), size - sent)]
                req.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                sent += len(piece)
            req.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            return
        req.close_connection = True


def _algolia_comments(path: str, query: dict[str, str]) -> Reply | None:
    return fixture(f"hackernews/algolia-comments-p{int(query.get('page', 0))}.json")


def world_routes() -> dict[str, Reply | Handler]:
    """Routes for every fixture: one small world with every source in it."""
    routes: dict[str, Reply | Handler] = {
        "/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json", etag='"gh-vt-1"'),
        "/v1/boards/espressoai/jobs": fixture("greenhouse/espressoai.json", etag='"gh-es-1"'),
        "/posting-api/job-board/Ashby": fixture("ashby/Ashby.json"),
        "/nordlicht/api/offers/": fixture("recruitee/nordlicht.json"),
        "/api/v1/search": fixture("hackernews/algolia-search.json"),
        "/api/v1/search_by_date": _algolia_comments,
        "/api/v1/items/47219668": fixture("hackernews/algolia-item-47219668.json"),
        "/r/MLjobs/new.json": fixture("reddit/MLjobs-new.json"),
        "/comments/1hire01.json": fixture("reddit/thread-1hire01.json"),
        "/api/morechildren.json": fixture("reddit/morechildren-1hire01.json"),
        "/feeds/jobs.rss": fixture("feed/jobs.rss", etag='"rss-1"'),
        "/feeds/nlp.atom": fixture("feed/nlp.atom",
                                   headers={"Last-Modified": "Thu, 05 Mar 2026 18:30:02 GMT"}),
        "/feeds/malformed.xml": fixture("feed/malformed.xml"),
        "/careers": fixture("jsonld/careers.html"),
        "/jobs/clerk": fixture("jsonld/google-example.html"),
        "/jobs/vision": fixture("jsonld/microdata.html"),
        "/jobs/broken": fixture("jsonld/broken.html"),
        "/private/secret-job": fixture("jsonld/careers.html"),
        "/robots.txt": fixture("jsonld/robots.txt"),
    }
    for skip in (0, 2):
        key = route_key("/v0/postings/leverdemo", {"mode": "json", "skip": str(skip),
                                                    "limit": "2"})
        routes[key] = fixture(f"lever/leverdemo-skip{skip}.json")
    for file in (FIXTURES / "hackernews").glob("firebase-item-*.json"):
        item = file.name.removeprefix("firebase-item-")
        routes[f"/v0/item/{item}"] = fixture(f"hackernews/{file.name}")
    return routes


def world_config(base: str, mbox: Path | None = None) -> str:
    """A sources.toml that points every source of the world at ``base``."""
    lines = [
        "[http]", "retries = 1", "backoff = 0.01", "timeout = 5.0", "",
        "[[sources]]", 'name = "boards"', 'type = "greenhouse"',
        'boards = ["vaulttec", "espressoai"]', f'base_url = "{base}"', "",
        "[[sources]]", 'name = "lever"', 'type = "lever"', 'boards = ["leverdemo"]',
        "page_size = 2", f'base_url = "{base}"', "",
        "[[sources]]", 'name = "ashby"', 'type = "ashby"', 'boards = ["Ashby"]',
        f'base_url = "{base}"', "",
        "[[sources]]", 'name = "hn"', 'type = "hackernews"', 'months = ["2026-03"]',
        f'algolia_url = "{base}/api/v1"', f'firebase_url = "{base}/v0"', "",
        "[[sources]]", 'name = "reddit"', 'type = "reddit"', 'subreddits = ["MLjobs"]',
        'threads = ["1hire01"]', f'base_url = "{base}"', "",
        "[[sources]]", 'name = "feeds"', 'type = "feed"',
        f'urls = ["{base}/feeds/jobs.rss", "{base}/feeds/nlp.atom"]', "",
        "[[sources]]", 'name = "careers"', 'type = "jsonld"',
        f'urls = ["{base}/careers", "{base}/jobs/clerk", "{base}/jobs/vision"]', "",
    ]
    if mbox is not None:
        lines += ["[[sources]]", 'name = "mail"', 'type = "mailbox"', f'paths = ["{mbox}"]', ""]
    return "\n".join(lines)


TITLES = ("Machine Learning Engineer", "Senior Data Scientist", "Research Scientist, NLP",
          "MLOps Engineer", "Applied Scientist, Ranking", "Backend Engineer",
          "Computer Vision Engineer", "Product Manager, AI Platform", "Data Engineer",
          "Staff Software Engineer")
WORDS = ("models", "pipelines", "ranking", "fraud", "search", "forecasting", "vision", "speech",
         "experiments", "dashboards", "latency", "features", "labels", "evaluation", "agents",
         "retrieval", "billing", "privacy", "mobile", "payments", "streaming", "graphs",
         "recommendations", "translation", "robotics", "genomics", "pricing", "ads", "maps")


def _paragraph(rng: random.Random, title: str) -> str:
    picked = rng.sample(WORDS, 12)
    return (f"<p>As our {title} you will work on {', '.join(picked[:4])} and {picked[4]}. "
            f"Day to day: {', '.join(picked[5:9])}; later {picked[9]} with {picked[10]} "
            f"and {picked[11]}. Python, SQL and {rng.choice(('PyTorch', 'Spark', 'Go'))}.</p>")


def synthetic_board(board: str, postings: int, version: int = 1) -> bytes:
    """A Greenhouse ``?content=true`` list for a made-up board (for load and fault tests).

    The shape follows the documented Greenhouse response; the text is generated
    from a seeded random choice of words, so postings differ from each other.
    """
    import html as _html
    import json as _json

    rng = random.Random(f"{board}:{version}")
    jobs = []
    for i in range(postings):
        title = TITLES[i % len(TITLES)] + (f" ({i // len(TITLES)})" if i >= 10 else "")
        body = "".join(_paragraph(rng, title) for _ in range(4))
        jobs.append({
            "id": 1_000_000 + i, "internal_job_id": 2_000_000 + i, "title": title,
            "company_name": board.replace("-", " ").title(),
            "updated_at": f"2026-03-{1 + version:02d}T10:00:00-05:00",
            "requisition_id": str(i), "location": {"name": ("Remote", "Berlin", "NYC")[i % 3]},
            "absolute_url": f"https://boards.greenhouse.io/{board}/jobs/{1_000_000 + i}",
            "language": "en", "metadata": None, "content": _html.escape(body),
            "departments": [{"id": 1, "name": "Engineering", "parent_id": None, "child_ids": []}],
            "offices": [],
        })
    return _json.dumps({"jobs": jobs, "meta": {"total": postings}}).encode()


def synthetic_boards(postings: int, delay: float = 0.0) -> Handler:
    """A route handler serving ``/v1/boards/<board>/jobs`` for any board name."""
    cache: dict[str, bytes] = {}
    lock = threading.Lock()

    def handler(path: str, query: dict[str, str]) -> Reply | None:
        board = path.split("/")[3]
        with lock:
            if board not in cache:
                cache[board] = synthetic_board(board, postings)
            body = cache[board]
        return Reply(body, delay=delay)

    return handler


if __name__ == "__main__":  # a manual demo: serve the world and print a config for it
    import sys
    import tempfile

    with ReplayServer(world_routes()) as demo:
        config = Path(tempfile.mkdtemp()) / "sources.toml"
        config.write_text(world_config(demo.url, FIXTURES / "mailbox" / "lists.mbox"))
        print(f"replaying on {demo.url}; try:\n  mljobs --db /tmp/replay.sqlite3 sync "
              f"--config {config}", file=sys.stderr)
        try:
            demo.thread.join()
        except KeyboardInterrupt:
            pass
