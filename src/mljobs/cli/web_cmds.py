"""``mljobs serve``: the web app (search, postings, market dashboard, JSON API)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from mljobs.cli.app import app, console, existing_store_path, handle_errors
from mljobs.cli.demo_cmd import default_demo_db
from mljobs.errors import ConfigError


def serve_target(db: Path | None, demo: bool) -> Path:
    """The store to serve: ``--db``, else the demo store with ``--demo``, else the default;
    it must exist (``existing_store_path``: no empty store made at a mistyped path)."""
    if demo and db is not None:
        raise ConfigError("--demo and --db both name a store; give one of them")
    if demo:
        target = default_demo_db()
        if not target.exists():
            raise ConfigError(f"no demo store at {target}; run `mljobs demo` first")
        return target
    return existing_store_path(db)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port."),
    db: Path | None = typer.Option(None, "--db", help="The store file to serve."),
    demo: bool = typer.Option(False, "--demo", help="Serve the store built by `mljobs demo`."),
) -> None:
    """Serve the web app: search with facets, posting pages, market dashboard, JSON API."""
    import uvicorn

    from mljobs.web import create_app

    with handle_errors():
        web = create_app(serve_target(db, demo))
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{port}/"
        console.print(f"[bold green]mljobs is serving {web.state.web.store.count():,} "
                      "postings at[/bold green]", highlight=False)
        console.print(f"  [bold]{url}[/bold]", highlight=False, soft_wrap=True)
        console.print(f"  market dashboard: {url}dashboard   API: {url}api/openapi.json   "
                      "(Ctrl+C to stop)", highlight=False, soft_wrap=True)
        sys.stdout.flush()
        uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False)
