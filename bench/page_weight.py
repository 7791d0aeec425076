#!/usr/bin/env python3
"""Bytes a first visit to each web page moves: its HTML and every stylesheet, script and
icon it links, as sent (gzipped when the browser takes it), against the same with no
compression asked for.

    .venv/bin/python bench/page_weight.py --db STORE.sqlite3 [--posting ID]

The app runs in this process (FastAPI's TestClient, no server); the bytes counted are the
body as the app sends it, before any decoding (``iter_raw``), so a gzipped answer counts its
gzipped size. ``--db`` is a store made by ``mljobs demo --db``; the posting page is that of
``--posting`` (default a demo posting). A later visit loads only the page's HTML: the files it
links are versioned and cached (docs/web.md, "Slow links").
"""

from __future__ import annotations

import argparse
import shlex
from html.parser import HTMLParser
from pathlib import Path

from fastapi.testclient import TestClient

from mljobs.web.app import create_app

PAGES = ["/", "/?q=pytorch", "/posting/{posting}", "/dashboard", "/match"]


class _Linked(HTMLParser):
    """The stylesheets, icons and scripts a page links (``link href``, ``script src``)."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        url = found.get("href") if tag == "link" else found.get("src") if tag == "script" else None
        if url:
            self.files.append(url)


def _sent(client: TestClient, url: str, encoding: str) -> tuple[int, str]:
    """The body's bytes as sent for ``url`` with ``Accept-Encoding: encoding``, and its text."""
    with client.stream("GET", url, headers={"Accept-Encoding": encoding}) as answer:
        answer.raise_for_status()
        size = sum(len(chunk) for chunk in answer.iter_raw())
    return size, client.get(url).text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a store made by `mljobs demo --db`")
    parser.add_argument("--posting", default="hackernews:46467172", help="the posting page's id")
    args = parser.parse_args(argv)
    shown = shlex.quote(args.db)  # (the commands said run as printed, spaces and all)
    if not Path(args.db).is_file():  # (the app made an empty store there, and each page 404'd)
        parser.error(f"--db {args.db}: no store there; make one with `mljobs demo --db {shown}`")
    with TestClient(create_app(args.db)) as client:
        if client.get(f"/posting/{args.posting}").status_code == 404:
            parser.error(f"--posting {args.posting}: no such posting in {args.db}; pass an id "
                         f"that `mljobs --db {shown} search` lists")
        print(f"{'page':32s} {'HTML plain':>11s} {'gzip':>8s} {'first visit plain':>18s} {'gzip':>10s}")
        for page in PAGES:
            url = page.format(posting=args.posting)
            row = []
            for encoding in ("identity", "gzip"):
                html, text = _sent(client, url, encoding)
                linked = _Linked()
                linked.feed(text)
                row += [html, html + sum(_sent(client, f, encoding)[0] for f in linked.files)]
            print(f"{url:32s} {row[0]:>11,} {row[2]:>8,} {row[1]:>18,} {row[3]:>10,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
