"""The one place mljobs talks HTTP: polite, bounded, retried, conditional.

``HttpClient`` wraps one ``httpx.Client`` and adds what every source needs:

- an honest User-Agent that names the tool and where to read about it;
- a limit of concurrent requests per host (threads share the client);
- connect/read timeouts and a cap on the response size (streamed, so a
  50 MB body is cut off after ``max_bytes`` without being held in memory);
- retries with exponential backoff and full jitter for transient failures
  (timeouts, connection errors, 429 and 5xx), honouring ``Retry-After``;
- conditional GET: a ``Validators`` cache supplies ETag / Last-Modified and
  the body last seen, so a 304 costs one small request.

Errors come out as ``FetchError`` with ``transient`` set as appropriate. Redirects are
followed (at most 20, httpx's default) to http(s) addresses only: a loop or a redirect to
``file://`` or any other scheme is a ``FetchError`` that is not retried.
"""

from __future__ import annotations

import email.message
import email.utils
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import metadata
from typing import Protocol, Self
from urllib.parse import urlsplit

import httpx

from mljobs.bot_checks import bot_check, challenge_marks, page_title
from mljobs.errors import FetchError


def _version() -> str:
    try:
        return metadata.version("mljobs")
    except metadata.PackageNotFoundError:
        return "0"


USER_AGENT = (
    f"mljobs/{_version()} (+https://github.com/mljobs/mljobs; "
    "collects public job postings for personal search)"
)
BOT_CHECK_BYTES = 64 * 1024  # of a 401/403/503 answer's page read to tell a bot check (its title, marks)
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
# What to do about a page a site shows a browser but not mljobs (a bot protection's check
# in its place): said when the fetch is refused with one (here) and when the page fetched
# is one (the careers-page source); the one place it is written.
BOT_CHECK_ADVICE = (
    "try again later; if it keeps happening, open the page in your browser, save it (File > "
    "Save Page As, .html) and run `mljobs import page.html`, follow the company's jobs on "
    "its job board (greenhouse, lever or ashby) if it has one, or remove the page from the "
    "config")


@dataclass(frozen=True)
class HttpSettings:
    """Knobs of the HTTP client (the ``[http]`` table of the sources config).

    Args:
        timeout: seconds to wait for each read (and the whole pool wait).
        connect_timeout: seconds to wait for a connection.
        max_bytes: largest body accepted; bigger responses fail (not retried).
        max_seconds: longest a whole body may take to arrive (``timeout`` bounds each
            read, so a server sending a byte now and then would otherwise hold a unit
            for ever); a slower one fails, not retried.
        retries: extra attempts after a transient failure.
        backoff: base of the exponential backoff, in seconds.
        max_backoff: longest sleep between attempts.
        max_retry_after: longest ``Retry-After`` honoured; longer waits fail.
        per_host: concurrent requests allowed to one host.
        user_agent: the User-Agent header sent.
    """

    timeout: float = 20.0
    connect_timeout: float = 10.0
    max_bytes: int = 20 * 1024 * 1024
    max_seconds: float = 300.0
    retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 30.0
    max_retry_after: float = 120.0
    per_host: int = 2
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Cached:
    """What a conditional-GET cache remembers about a URL."""

    etag: str | None
    last_modified: str | None
    body: bytes
    charset: str | None = None  # the charset its answer's Content-Type named (``charset_of``)


class Validators(Protocol):
    """A conditional-GET cache: validators and the last body of each URL."""

    def lookup(self, url: str) -> Cached | None:
        """The cached validators and body of ``url``, or None."""
        ...

    def remember(self, url: str, etag: str | None, last_modified: str | None,
                 body: bytes) -> None:
        """Note the validators of a fresh 200 response (the caller stores the body)."""
        ...


@dataclass(frozen=True)
class Response:
    """A completed GET.

    ``not_modified`` is True when the server answered 304 and ``content`` is
    the cached body; ``etag``/``last_modified`` are the validators to keep.
    ``final_url`` is the address the answer came from after any redirects (httpx's
    ``response.url``): ``url`` itself when the server did not redirect; None for a
    response not made by a request (a test's). ``charset`` is the one the answer's
    Content-Type names (``media_type`` is without it), a 304's the cached answer's when it
    names none; None when none is named.
    """

    url: str
    status: int
    content: bytes
    media_type: str
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    attempts: int = 1
    final_url: str | None = None
    charset: str | None = None


@dataclass
class HttpStats:
    """Counters across a client's life (for reports and the benchmark)."""

    requests: int = 0
    retries: int = 0
    not_modified: int = 0
    bytes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **counts: int) -> None:
        """Add to the counters (thread-safe)."""
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class HttpClient:
    """A thread-safe polite GET client shared by every source of a run.

    Args:
        settings: timeouts, limits, retries.
        validators: conditional-GET cache (None: always fetch whole bodies).
        sleep: how to wait between attempts (tests may pass a recorder); None: a wait that
            ``cancel`` ends at once (``time.sleep`` would hold Ctrl-C for a whole backoff).
        clock: seconds from a fixed point, for ``max_seconds`` (tests may pass a counter).
        rng: a ``random.Random`` for the jitter.
        transport: an httpx transport (None: the network).
    """

    def __init__(
        self,
        settings: HttpSettings | None = None,
        *,
        validators: Validators | None = None,
        sleep: Callable[[float], object] | None = None,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.settings = settings or HttpSettings()
        self.validators = validators
        self.stats = HttpStats()
        self._cancelled = threading.Event()
        self._sleep = sleep if sleep is not None else self._cancelled.wait
        self._clock = clock
        self._rng = rng or random.Random()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()
        s = self.settings
        self._client = httpx.Client(
            headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(s.timeout, connect=s.connect_timeout),
            follow_redirects=True,
            limits=httpx.Limits(max_connections=max(10, s.per_host * 8)),
            transport=transport,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def cancel(self) -> None:
        """Stop: no request is started or retried from now on, a wait between attempts ends
        at once, and ``get`` raises ``FetchError`` (Ctrl-C during a sync)."""
        self._cancelled.set()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(self.settings.per_host)
            return self._hosts[host]

    def get(
        self,
        url: str,
        *,
        source: str,
        params: Mapping[str, str | int] | None = None,
        conditional: bool = True,
    ) -> Response:
        """GET ``url`` with retries; raise ``FetchError`` when it cannot be had.

        Args:
            url: the address.
            source: the source asking (named in errors).
            params: query parameters added to the URL.
            conditional: use the validators cache for a conditional GET.
        """
        full = str(httpx.URL(url, params=params)) if params else url
        cached = self.validators.lookup(full) if (conditional and self.validators) else None
        attempt = 0
        while True:
            attempt += 1
            if self._cancelled.is_set():
                raise FetchError(source, full, "cancelled")
            try:
                with self._host_slot(full):
                    response = self._once(full, source, cached)
                if conditional and self.validators and not response.not_modified \
                        and (response.etag or response.last_modified):
                    self.validators.remember(full, response.etag, response.last_modified,
                                             response.content)
                return _with_attempts(response, attempt)
            except FetchError as err:
                wait = self._retry_wait(err, attempt)
                if wait is None:
                    if err.transient and err.status == 429:  # (a rate limit, retried or not)
                        tried = f"gave up after {attempt} attempts; " if attempt > 1 else ""
                        _hint(err, "the server limits how often it is asked (a rate limit); "
                              f"{tried}try again later")
                    elif err.transient and attempt > 1:  # a busy or broken server: say so
                        _hint(err, f"gave up after {attempt} attempts; try again later")
                    elif err.bot_check:
                        _hint(err, "the site answered with a bot check, not the page: it "
                              f"blocks automated reading; {BOT_CHECK_ADVICE}")
                    elif err.status in (401, 403):
                        _hint(err, "the server refuses access: a private board or page "
                              "cannot be read; remove it or check the address")
                    raise
                self.stats.add(retries=1)
                self._sleep(wait)

    def _retry_wait(self, err: FetchError, attempt: int) -> float | None:
        if not err.transient or attempt > self.settings.retries:
            return None
        hinted = getattr(err, "retry_after", None)
        if hinted is not None:
            return float(hinted)
        ceiling = min(self.settings.max_backoff, self.settings.backoff * 2 ** (attempt - 1))
        return self._rng.uniform(0, ceiling)

    def _once(self, url: str, source: str, cached: Cached | None) -> Response:
        headers: dict[str, str] = {}
        if cached and cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached and cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
        self.stats.add(requests=1)
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304 and cached is not None:
                    self.stats.add(not_modified=1)
                    return Response(url, 304, cached.body, _media_type(resp),
                                    cached.etag, cached.last_modified, not_modified=True,
                                    final_url=_final_url(resp, url),
                                    charset=resp.charset_encoding or cached.charset)
                if resp.status_code >= 400:
                    raise self._status_error(resp, url, source)
                body = self._read_capped(resp, url, source)
        except httpx.TimeoutException as exc:
            raise FetchError(source, url, f"timed out ({type(exc).__name__})",
                             transient=True) from exc
        except (httpx.TooManyRedirects, httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            # a redirect loop, or a redirect to an address that is not http(s) (file://,
            # ftp://, javascript:): httpx follows none of them; asking again changes nothing
            raise FetchError(source, url, f"not fetched ({exc}): a redirect loop, or an "
                             "address that is not http(s) (the one given or one the server "
                             "redirected to); check the address in the config") from exc
        except httpx.TransportError as exc:
            raise FetchError(source, url, f"network error: {exc}", transient=True) from exc
        self.stats.add(bytes=len(body))
        return Response(url, resp.status_code, body, _media_type(resp),
                        resp.headers.get("ETag"), resp.headers.get("Last-Modified"),
                        final_url=_final_url(resp, url), charset=resp.charset_encoding)

    def _status_error(self, resp: httpx.Response, url: str, source: str) -> FetchError:
        status = resp.status_code
        transient = status in TRANSIENT_STATUS
        err = FetchError(source, url, f"HTTP {status} {resp.reason_phrase}".strip(),
                         status=status, transient=transient)
        err.bot_check = self._bot_check(resp)
        if err.bot_check:  # asking again meets the same check
            err.transient = False
            return err
        if status in (401, 403) and "json" in _media_type(resp):  # (why, as the API says)
            err.answer = _head(resp, _ANSWER_BYTES)
        if status in (429, 503):
            wait = parse_retry_after(resp.headers.get("Retry-After"))
            if wait is not None:
                if wait > self.settings.max_retry_after:
                    err.transient = False
                    err.args = ((f"{err}; server asked to wait {wait:.0f}s, more than "
                                 f"max_retry_after={self.settings.max_retry_after:.0f}s; "
                                 "try again later"),)
                err.retry_after = wait  # type: ignore[attr-defined]
        return err

    @staticmethod
    def _bot_check(resp: httpx.Response) -> bool:
        """Whether a refusal (401, 403) or a 503 is a bot protection's check, not the page:
        its headers say so (Cloudflare's "cf-mitigated: challenge"; DDoS-Guard's server name,
        for a refusal only: an outage behind DDoS-Guard names it too), or its page is one
        (``bot_checks.bot_check``: PerimeterX's and DataDome's blocks, Cloudflare's behind a
        proxy that drops cf-mitigated, and Cloudflare's older challenge, its "I'm Under
        Attack" mode's "Just a moment...", which came with 503). A 503 is one only by what a
        challenge alone carries (``bot_checks.challenge_marks``), not by its title: a site's
        maintenance page is titled "Please wait..." too, and is the server's trouble
        (retried, as before)."""
        status = resp.status_code
        if status not in (401, 403, 503):
            return False
        if resp.headers.get("cf-mitigated", "").lower() == "challenge" or (
                status != 503 and "ddos-guard" in resp.headers.get("server", "").lower()):
            return True
        if "html" not in _media_type(resp):
            return False
        page = _head(resp, BOT_CHECK_BYTES).decode("utf-8", "replace")
        if status == 503:
            return challenge_marks(page)
        return bot_check(page_title(page), page)

    def _read_capped(self, resp: httpx.Response, url: str, source: str) -> bytes:
        cap = self.settings.max_bytes
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise _too_big(source, url, cap)
        deadline = self._clock() + self.settings.max_seconds
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise _too_big(source, url, cap)
            if self._clock() > deadline:
                raise FetchError(source, url, f"the answer took over "
                                 f"{self.settings.max_seconds:g} s to arrive (it came "
                                 f"{size:,} bytes in); raise [http] max_seconds in the sources "
                                 "config if the server is that slow")  # not retried: as slow again
            chunks.append(chunk)
        return b"".join(chunks)


# what is kept of a refusal's JSON answer (``FetchError.answer``)
_ANSWER_BYTES = 2048


def _head(resp: httpx.Response, limit: int) -> bytes:
    """Up to ``limit`` bytes of a body (an error's page: what it is, not all of it)."""
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in resp.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= limit:
                break
    except httpx.HTTPError:  # (the page cut short: what came is read)
        pass
    return b"".join(chunks)[:limit]


def _hint(err: FetchError, text: str) -> None:
    """Add what to do to an error's message."""
    err.args = (f"{err}; {text}",)


def _too_big(source: str, url: str, cap: int) -> FetchError:
    return FetchError(source, url, f"response larger than {cap // (1024 * 1024)} MB; "
                      "raise [http] max_bytes in the sources config if it is expected")


def _final_url(resp: httpx.Response, url: str) -> str:
    """Where the answer came from: the last redirect's address, else ``url`` as asked
    (httpx writes an address its own way, the host lower-cased, a path percent-encoded:
    an answer that did not redirect is said to come from the address asked, word for word)."""
    return str(resp.url) if resp.history else url


def charset_of(media_type: str) -> str | None:
    """The charset a Content-Type names ("text/html; charset=windows-1252":
    "windows-1252"), lower-cased, or None (read as httpx reads it, by the standard library's
    header parser)."""
    header = email.message.Message()
    header["Content-Type"] = media_type
    charset = header.get_content_charset()
    return charset or None


def _media_type(resp: httpx.Response) -> str:
    return str(resp.headers.get("Content-Type", "application/octet-stream")).split(";")[0].strip()


def _with_attempts(response: Response, attempts: int) -> Response:
    if attempts == 1:
        return response
    return replace(response, attempts=attempts)
