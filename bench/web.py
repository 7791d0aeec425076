"""Web benchmark: latency of the search page and API under HTTP load, on the demo store.

    .venv/bin/python bench/web.py [--db DEMO.sqlite3] [--requests 400] [--seconds 60]

The app runs in its own process (``mljobs serve --db ...`` on a free loopback
port); this process is the load generator: one keep-alive HTTP client sending
requests one after another (a person clicking, not a crowd), bounded by
``--requests`` per endpoint and ``--seconds`` per endpoint, whichever comes
first. Each endpoint gets one warm-up pass over its URLs first.

Endpoints: the search page and ``/api/search`` over a fixed set of queries
(the essay's keywords, tool names, facet filters, date sort, page 2), a
posting page, the dashboard page and one dashboard CSV. The baseline is
``/favicon.ico`` on the same server in the same run: the cost of the HTTP
stack itself, so the ratio says what our work adds on this (noisy, shared)
machine. Without ``--db`` the bundled demo is loaded (and enriched) into a
temporary store first.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import httpx

QUERIES: list[dict[str, str]] = [
    {"q": '"machine learning"'},
    {"q": '"natural language processing" OR NLP'},
    {"q": '"data science"'},
    {"q": '"computer vision"', "remote": "remote"},
    {"q": "pytorch", "archetype": "research-engineer"},
    {"q": "python sql", "sort": "date"},
    {"q": "kubernetes"},
    {"q": "spark OR hadoop"},
    {"q": '"research scientist"'},
    {"q": "llm -crypto", "page": "2"},
    {"q": ""},
    {"q": "", "archetype": "ml-product-swe", "seniority": "senior"},
    {"q": "engineer", "since": "2026-04-01", "salary_min": "100000"},
    {"q": "rust"},
]


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_demo(folder: Path) -> Path:
    """Load the bundled demo (enriched, as ``mljobs demo`` does) into a new store."""
    db = folder / "demo.sqlite3"
    subprocess.run([sys.executable, "-c", "from mljobs.cli import main; main()", "demo",
                    "--db", str(db)], check=True, stdout=subprocess.DEVNULL)
    return db


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """``mljobs serve`` in a second process; returns once it answers."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from mljobs.cli import main; main()", "serve", "--db", str(db),
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/favicon.ico", timeout=2)
            return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def endpoints(client: httpx.Client) -> dict[str, list[str]]:
    """Name -> the URLs that endpoint is measured on."""
    body = client.get("/api/search", params={"q": '"machine learning"', "limit": 20}).json()
    postings = [f"/posting/{h['id']}" for h in body["hits"]]
    return {
        "baseline /favicon.ico": ["/favicon.ico"],
        "search page /": ["/?" + urlencode(q) for q in QUERIES],
        "search API /api/search": ["/api/search?" + urlencode(q) for q in QUERIES],
        "posting page": postings,
        "dashboard page": ["/dashboard", "/dashboard?archetype=research-engineer",
                           "/dashboard?remote=remote"],
        "dashboard CSV": ["/dashboard/skills.csv", "/dashboard/trends.csv?trend=PyTorch,Rust"],
    }


def measure(client: httpx.Client, urls: list[str], requests: int, seconds: float) -> list[float]:
    """Latencies (ms) of up to ``requests`` GETs cycling over ``urls``, after a warm-up."""
    for url in urls:
        client.get(url).raise_for_status()
    out: list[float] = []
    stop = time.monotonic() + seconds
    while len(out) < requests and time.monotonic() < stop:
        url = urls[len(out) % len(urls)]
        t0 = time.perf_counter()
        response = client.get(url)
        out.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
    return out


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def report(results: dict[str, list[float]], db: Path, postings: int) -> str:
    """A markdown table of p50/p95/p99/max and the p95 ratio against the baseline."""
    base95 = pct(results["baseline /favicon.ico"], 95)
    machine = (f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'a machine'}: "
               f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
               f"load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}; "
               f"store {db.name} with {postings:,} postings.")
    lines = [
        machine,
        "",
        "| endpoint | requests | p50 ms | p95 ms | p99 ms | max ms | p95 / baseline p95 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, values in results.items():
        lines.append(
            f"| {name} | {len(values)} | {statistics.median(values):.1f} | "
            f"{pct(values, 95):.1f} | {pct(values, 99):.1f} | {max(values):.1f} | "
            f"{pct(values, 95) / base95:.1f}x |"
        )
    return "\n".join(lines)


def main() -> None:
    """Parse arguments, start the server, load it, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a store to serve (default: a fresh demo)")
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    parser.add_argument("--seconds", type=float, default=60, help="time cap per endpoint")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_demo(Path(tmp))
        port = free_port()
        server = start_server(db, port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                postings = int(client.get("/api/stats").json()["postings"])
                results = {name: measure(client, urls, args.requests, args.seconds)
                           for name, urls in endpoints(client).items()}
        finally:
            server.terminate()
            server.wait(timeout=10)
    table = report(results, db, postings)
    print(re.sub(r"\n{3,}", "\n\n", table))


if __name__ == "__main__":
    main()
