"""``mljobs serve``: the web app (search, postings, market dashboard, JSON API)."""

from __future__ import annotations

import errno
import ipaddress
import signal
import socket
import sys
from pathlib import Path

import typer

from mljobs.cli.app import (
    app,
    console,
    err_console,
    existing_store_path,
    handle_errors,
    say_reread,
    sigterm_as_ctrl_c,
    state,
    stopped_code,
)
from mljobs.cli.render import safe
from mljobs.errors import ConfigError
from mljobs.store import default_demo_db_path, open_store


def serve_target(db: Path | None, demo: bool) -> Path:
    """The store to serve: ``--db``, else the demo store with ``--demo``, else the default;
    it must exist (``existing_store_path``: no empty store made at a mistyped path)."""
    if demo and db is not None:
        raise ConfigError("--demo and --db both name a store; give one of them")
    if demo:
        target = default_demo_db_path()
        if not target.exists():
            raise ConfigError(f"no demo store at {target}; run `mljobs demo` first")
        return target
    return existing_store_path(db)


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (``port`` 0: a free port the system picks) and
    listening, made before anything says "serving", so a port in use or a host that is not
    this machine's is one clear error, and the URL printed is the one that answers: a
    request sent as soon as the URL is printed waits in the socket's queue until uvicorn,
    still starting, accepts it (a socket only bound refused it, so a client that read the
    URL and connected at once got "connection refused").

    Raises:
        ConfigError: the address cannot be used (the message says what to change).
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise ConfigError(f"--host {host!r} is not an address or name this machine knows "
                          f"({exc}); use 127.0.0.1 (this machine only) or 0.0.0.0") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)  # uvicorn's default backlog (it calls listen again: harmless)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(f"port {port} on {host} is already in use (another `mljobs "
                              "serve`?); stop that server or choose another with --port, "
                              "e.g. --port 0 for any free port") from None
        raise ConfigError(f"cannot listen on {host} port {port} ({exc.strerror}); "
                          "use --host 127.0.0.1 and a --port above 1023") from None
    return sock


def served_urls(host: str, port: int) -> tuple[str, str | None]:
    """The URL ``serve --host HOST`` prints, and what other machines open (None when it
    answers this machine only, or ``host`` names the address they use).

    ``--host 0.0.0.0`` (or ``::``, every interface) printed ``http://0.0.0.0:8000/``, no
    address to open: no other machine reaches it, and not every browser opens it on this
    one. This machine's URL is printed (``http://127.0.0.1:8000/``), and the machine's name
    for the others (``http://vm:8000/``), unless it has none that another machine could use
    (a machine named ``localhost`` printed "other machines: http://localhost:8000/", which
    is each one's own)."""
    from mljobs.web.app import loopback_name, machine_name

    shown = f"[{host}]" if ":" in host else host
    try:
        every = ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        every = False
    if not every:
        return f"http://{shown}:{port}/", None
    here = "[::1]" if ":" in host else "127.0.0.1"
    name = machine_name()
    if not name or loopback_name(name):
        return f"http://{here}:{port}/", f"this machine's address on their network, port {port}"
    return f"http://{here}:{port}/", (f"http://{name}:{port}/ (or this machine's address on "
                                      "their network)")


def binds_loopback(host: str) -> bool:
    """Whether ``listen(host, ...)`` binds a loopback address: ``host`` as a name is one
    (``localhost``), or the address it resolves to first, as ``listen`` binds it, is one
    (``127.1``, a machine name /etc/hosts gives 127.0.0.1: such a server answered every
    ``Host``, so a site whose DNS was turned to 127.0.0.1 could read it)."""
    from mljobs.web.app import loopback_name

    if loopback_name(host):
        return True
    try:
        address = socket.getaddrinfo(host, 0, type=socket.SOCK_STREAM,
                                     flags=socket.AI_PASSIVE)[0][4][0]
        return ipaddress.ip_address(str(address).split("%")[0]).is_loopback
    except (OSError, UnicodeError, ValueError):  # (listen names a host it cannot resolve)
        return False


def exposure_note(address: str, port: int, store_path: str) -> str | None:
    """What to tell a user whose server answers other machines (``--host 0.0.0.0``, a LAN
    address): every page, the JSON API and ``/match`` (whose ticked "save" keeps a resume
    beside the store) are open to whoever reaches the port, with no login. None for a
    loopback address (the default, 127.0.0.1: this machine only)."""
    try:
        if ipaddress.ip_address(address.split("%")[0]).is_loopback:
            return None
    except ValueError:
        return None  # (a bound socket's address is always one)
    folder = Path(store_path).parent / "resumes"
    return (f"note: {address} port {port} answers other machines, with no login: anyone who "
            f"reaches it can search this store, read its postings and use /match (a ticked "
            f"'save' keeps their resume in {folder}). For this machine only, use --host "
            "127.0.0.1 (the default).")


@app.command()
@sigterm_as_ctrl_c()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535,
                             help="TCP port (0: any free port; the URL printed says which)."),
    db: Path | None = typer.Option(None, "--db", help="The store file to serve."),
    demo: bool = typer.Option(False, "--demo", help="Serve the store built by `mljobs demo`."),
) -> None:
    """Serve the web app: search with facets, posting pages, market dashboard, JSON API."""
    import uvicorn

    from mljobs.web import create_app

    with handle_errors():
        # (bound to this machine only: a request naming another host is a page whose name
        # its DNS turned to 127.0.0.1, which would read the store; it is refused)
        web = create_app(store=open_store(serve_target(db, demo), on_reread=say_reread),
                         local=binds_loopback(host), served_as=host)
        try:
            sock = listen(host, port)
        except ConfigError:
            web.state.web.close()  # the store and index the app opened (tests run serve in-process)
            raise
    bound = sock.getsockname()[1]
    url, others = served_urls(host, bound)
    store = web.state.web.store
    total = store.count()
    shown_count = store.canonical_count()  # what the pages count: reposts linked (as stats)
    count = f"{shown_count:,} posting{'s' if shown_count != 1 else ''}" + (
        f" ({total:,} before linking reposts and duplicates)" if total != shown_count else "")
    console.print(f"[bold green]mljobs is serving {count} at[/bold green]", highlight=False,
                  soft_wrap=True)
    console.print(f"  [bold]{url}[/bold]", highlight=False, soft_wrap=True)
    console.print(f"  market dashboard: {url}dashboard   API: {url}api/openapi.json   "
                  "(Ctrl+C to stop)", highlight=False, soft_wrap=True)
    if others:
        console.print(f"  other machines: {safe(others)}", highlight=False, soft_wrap=True)
    console.print(f"  store: {safe(str(store.path))}", highlight=False, soft_wrap=True)
    note = exposure_note(str(sock.getsockname()[0]), bound, str(store.path))
    if note:
        console.print(f"  [yellow]{safe(note)}[/yellow]", highlight=False, soft_wrap=True)
    if demo and state.db is not None and Path(state.db).resolve() != Path(store.path).resolve():
        console.print(f"  (--demo serves the demo store; the global --db / MLJOBS_DB "
                      f"{safe(str(state.db))} is not used)", highlight=False, soft_wrap=True)
    sys.stdout.flush()
    server = uvicorn.Server(uvicorn.Config(web, log_level="warning", server_header=False))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        # uvicorn stops at Ctrl-C or SIGTERM (it answers the requests under way and closes
        # the store), then raises the signal again: SIGTERM's default ended the process
        # (rc -15) with no word, where a service stop expects one
        how = "SIGTERM" if state.stopped_by == signal.SIGTERM else "Ctrl-C"
        err_console.print(f"Stopped ({how}): {url} no longer answers; the requests under way "
                          "were answered first. serve only reads the store: nothing to "
                          "finish.", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(stopped_code()) from None
