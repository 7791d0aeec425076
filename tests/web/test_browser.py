"""End to end in headless Debian Chromium, driven by Playwright for Python.

The app runs under uvicorn in a thread on 127.0.0.1 (``live_server``). The
browser is the system's ``/usr/bin/chromium`` (``make test`` installs it; we
never download a browser build). Screenshots go to ``docs/img/`` and are
shown in the README.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 30_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="Debian chromium is not installed at /usr/bin/chromium "
                              "(`make browser` installs it where apt-get can)"),
]

if CHROMIUM.exists():
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Page,
        Request,
        expect,
        sync_playwright,
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """Everything a page did that a test may need to look at."""

    def __init__(self, page: Page, base: str) -> None:
        self.base = base
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _console(self, msg: ConsoleMessage) -> None:
        self.console.append(f"{msg.type}: {msg.text}")

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(getattr(dialog, "message", "?"))
        dialog.dismiss()

    def _request(self, request: Request) -> None:
        if not request.url.startswith((self.base, "data:", "about:")):
            self.outside.append(request.url)


@pytest.fixture
def page(browser: Browser, live_server: str) -> Iterator[tuple[Page, Watch]]:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    p = context.new_page()
    p.set_default_timeout(TIMEOUT_MS)
    watch = Watch(p, live_server)
    yield p, watch
    context.close()


def save_screenshot(page: Page, name: str, *, full_page: bool = False) -> None:
    """Write ``docs/img/<name>`` whole or not at all: written to a temporary file beside it
    and renamed, so two test runs at once (or a run stopped half-way) leave no torn PNG."""
    IMG.mkdir(parents=True, exist_ok=True)
    tmp = IMG / f".{name}.{os.getpid()}.tmp"  # one per process: runs at once do not share it
    tmp.write_bytes(page.screenshot(full_page=full_page))
    os.replace(tmp, IMG / name)


def test_search_facet_posting_dashboard(page: tuple[Page, Watch], live_server: str) -> None:
    p, watch = page
    p.goto(live_server + "/")
    p.fill('input[name="q"]', '"natural language processing" OR NLP')
    p.press('input[name="q"]', "Enter")
    p.wait_for_url(re.compile(r"q=%22natural"))
    hits = p.locator("li.hit")
    assert hits.count() > 0
    assert p.locator("li.hit .snippet mark").count() > 0
    save_screenshot(p, "search.png")

    total_before = int(p.inner_text("#total").replace(",", ""))
    facet = p.locator('details.facet[data-facet="archetype"] a.facet-value').first
    value = facet.get_attribute("data-value")
    facet.click()
    p.wait_for_url(re.compile(rf"archetype={value}"))
    assert p.locator('details.facet[data-facet="archetype"] a.facet-value.on').count() == 1
    total_after = int(p.inner_text("#total").replace(",", ""))
    assert 0 < total_after <= total_before
    assert p.locator("li.hit .badge").first.inner_text() != ""

    shared = p.url  # the state is in the URL: opening it again gives the same page
    p.goto(shared)
    assert int(p.inner_text("#total").replace(",", "")) == total_after

    p.locator('li.hit[data-id^="hackernews"] h2 a').first.click()
    p.wait_for_url(re.compile(r"/posting/"))
    marks = p.locator(".desc-body mark.skill")
    assert marks.count() > 0 and marks.first.is_visible()
    assert p.locator("svg.proba rect.bar.top").count() == 1
    save_screenshot(p, "posting.png", full_page=True)

    p.click('nav a[href="/dashboard"]')
    p.wait_for_url(re.compile(r"/dashboard$"))
    charts = p.locator(".chart")
    p.wait_for_function(
        "document.querySelectorAll('.chart[data-rendered]').length == "
        "document.querySelectorAll('.chart').length", timeout=TIMEOUT_MS)
    assert charts.count() >= 5
    assert p.locator(".chart .main-svg").count() >= charts.count()
    save_screenshot(p, "dashboard.png", full_page=True)

    assert watch.errors == [], watch.errors
    assert not [c for c in watch.console if c.startswith("error")], watch.console
    assert watch.outside == [], "the app loaded something from outside this machine"


def test_dashboard_filter_and_csv_download(page: tuple[Page, Watch], live_server: str) -> None:
    p, watch = page
    p.goto(live_server + "/dashboard")
    p.locator('details.facet[data-facet="archetype"] a.facet-value[data-value="research-engineer"]'
              ).click()
    p.wait_for_url(re.compile(r"archetype=research-engineer"))
    p.wait_for_selector("#chart-archetypes[data-rendered]")
    bars = p.locator("#chart-archetypes .bars .point")
    assert bars.count() == 1
    with p.expect_download() as info:
        p.click("#panel-skills a.csv")
    download = info.value
    assert download.suggested_filename == "mljobs-skills-archetype-research-engineer-2026-06-01.csv"
    text = Path(download.path()).read_text()
    assert text.startswith("archetype,skill,postings,share,required\n")
    assert {line.split(",")[0] for line in text.splitlines()[1:]} == {"research-engineer"}
    assert watch.errors == []


def test_hostile_posting_runs_no_script(page: tuple[Page, Watch], live_server: str) -> None:
    p, watch = page
    p.goto(live_server + "/posting/file:hostile-1")
    p.wait_for_load_state("load")
    p.hover(".meta .where")
    p.hover(".desc-body")
    p.locator(".desc-body a", has_text="Apply").click()  # its javascript: href was removed
    p.wait_for_timeout(300)
    assert p.evaluate("typeof window.__xss") == "undefined"
    assert watch.dialogs == []
    assert p.locator("script:not([src])").count() == 0
    assert p.locator(".desc-body iframe, .desc-body form, .desc-body img, style").count() == 0
    overlay = p.locator(".desc-body div", has_text="overlay").first
    assert overlay.evaluate("el => getComputedStyle(el).position") == "static"
    assert p.locator("body").is_visible()
    # even if markup slipped through, the CSP forbids inline script: prove it in this page
    p.evaluate("""() => { const s = document.createElement('script');
                         s.textContent = 'window.__xss = "injected"';
                         document.body.appendChild(s); }""")
    assert p.evaluate("typeof window.__xss") == "undefined"
    assert any("Content Security Policy" in c for c in watch.console), watch.console


def test_keyboard_use_of_the_search_form(page: tuple[Page, Watch], live_server: str) -> None:
    """The "Skip to results" link shows when focused and moves focus to the results; arrow keys on the sort menu move the choice
    without reloading (each step is a change event); a typed minimum salary that is not a
    multiple of 10,000 submits (the field's step refused 125000)."""
    p, watch = page
    p.goto(live_server + "/?q=engineer")
    box = p.locator("a.skip").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 0  # off screen until focused
    p.focus("a.skip")
    box = p.locator("a.skip").bounding_box()
    assert box is not None and box["y"] >= 0
    p.keyboard.press("Enter")
    expect(p.locator("#results")).to_be_focused()  # waits: the fragment jump need not be done

    p.evaluate("window.__same_page = true")
    p.focus('select[name="sort"]')
    p.keyboard.press("ArrowDown")
    expect(p.locator('select[name="sort"]')).to_have_value("date")
    assert p.evaluate("window.__same_page === true"), "the arrow key reloaded the page"
    p.fill('input[name="salary_min"]', "125000")
    p.click('form.searchbar button[type="submit"]')
    p.wait_for_url(re.compile(r"salary_min=125000"))
    assert "sort=date" in p.url
    assert p.input_value('input[name="salary_min"]') == "125000"
    assert watch.errors == [], watch.errors


def test_dashboard_charts_have_a_text_alternative(page: tuple[Page, Watch],
                                                   live_server: str) -> None:
    """Each chart's figure is named by its title and described by its finding (as
    Chromium's accessibility tree computes them); the drawn chart is hidden from it; the
    table behind "Show as table" opens and is named by its caption."""
    from playwright.sync_api import expect

    p, watch = page
    p.goto(live_server + "/dashboard")
    p.wait_for_function(
        "document.querySelectorAll('.chart[data-rendered]').length == "
        "document.querySelectorAll('.chart').length", timeout=TIMEOUT_MS)
    figures = p.locator("figure.panel")
    assert figures.count() == 6
    for i in range(figures.count()):
        figure = figures.nth(i)
        title = figure.locator("h2").inner_text()
        finding = figure.locator("p.finding").inner_text()
        assert len(finding) > 20, finding
        expect(p.get_by_role("figure", name=title, exact=True)).to_have_count(1)
        expect(figure).to_have_accessible_name(title)
        expect(figure).to_have_accessible_description(re.compile("^" + re.escape(finding)))
        chart = figure.locator(".chart")
        if chart.count() == 0:
            continue
        assert chart.get_attribute("aria-hidden") == "true"
        assert chart.locator(".main-svg").count() >= 1  # drawn, but not read
        expect(figure.get_by_role("table")).to_have_count(0)  # closed: not read either
        figure.locator("details.chart-data summary").click()
        table = figure.get_by_role("table", name=title, exact=True)
        expect(table).to_be_visible()
        assert table.locator("tbody tr").count() >= 1
        expect(table.get_by_role("columnheader").first).to_be_visible()
    assert watch.errors == [], watch.errors


@contextmanager
def no_script_page(browser: Browser, width: int, height: int) -> Iterator[Page]:
    """A page of a browser context with JavaScript off, closed after the test."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=False)
    try:
        p = context.new_page()
        p.set_default_timeout(TIMEOUT_MS)
        yield p
    finally:
        context.close()


def test_dashboard_without_scripts_shows_findings_and_tables(browser: Browser,
                                                             live_server: str) -> None:
    """With JavaScript off nothing is drawn, and there are no empty chart boxes: each chart
    is its finding and its server-rendered table, which opens without a script."""
    with no_script_page(browser, 1360, 900) as p:
        p.goto(live_server + "/dashboard")
        figures = p.locator("figure.panel")
        assert figures.count() == 6
        assert p.locator(".chart .main-svg").count() == 0
        for i in range(figures.count()):
            figure = figures.nth(i)
            assert figure.locator("p.finding").is_visible()
            chart = figure.locator(".chart")
            if chart.count() == 0:
                continue
            box = chart.bounding_box()
            assert box is not None and box["height"] == 0, box
            figure.locator("details.chart-data summary").click()
            rows = figure.locator("table tbody tr")
            assert rows.count() >= 1 and rows.first.is_visible()


def test_search_facets_sort_and_paging_without_scripts(browser: Browser,
                                                     live_server: str) -> None:
    """With JavaScript off a seeker searches, adds a facet, sorts by date and pages: every
    state is a link or the form's GET (the empty fields the script leaves out are sent and
    read as not given)."""
    with no_script_page(browser, 375, 800) as p:
        p.goto(live_server + "/")
        p.fill('input[name="q"]', "engineer")
        p.click("form.searchbar button[type=submit]")
        p.wait_for_url("**/?q=engineer*")
        total = int(p.locator("#total").inner_text().replace(",", ""))
        assert total > 20 and "salary_min=" in p.url  # sent empty, read as not given
        p.locator('details[data-facet="remote"] a.facet-value').first.click()
        p.wait_for_url("**remote=*")
        narrowed = int(p.locator("#total").inner_text().replace(",", ""))
        assert 0 < narrowed < total
        p.select_option('select[name="sort"]', "date")
        p.click("form.searchbar button[type=submit]")
        p.wait_for_url("**sort=date*")
        assert "remote=" in p.url and p.title().startswith("engineer · ")
        dates = p.locator("li.hit .date").all_inner_texts()
        assert dates == sorted(dates, reverse=True)
        if narrowed > 20:
            p.click('.pager a[rel="next"]')
            p.wait_for_url("**page=2*")
            assert p.locator("li.hit").count() >= 1


RESUME = Path(__file__).resolve().parents[1] / "match" / "fixtures" / "resume-analyst.md"


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts", "no-scripts"])
def test_the_match_form_in_a_browser(browser: Browser, live_server: str, tmp_path: Path,
                                     scripts: bool) -> None:
    """The /match form as a person uses it, with JavaScript on and off: a resume gives
    matches, at most the number asked for; an unreadable file comes back as the form with
    the message beside the file field and the other choices kept."""
    context = browser.new_context(viewport={"width": 1360, "height": 900},
                                  java_script_enabled=scripts)
    try:
        p = context.new_page()
        p.set_default_timeout(TIMEOUT_MS)
        watch = Watch(p, live_server)
        p.goto(live_server + "/match")
        p.set_input_files("input[name=resume]", str(RESUME))
        p.fill("input[name=limit]", "3")
        p.click("form.match-form button[type=submit]")
        p.wait_for_selector("section.matches")
        assert 1 <= p.locator("#matches > li").count() <= 3
        assert p.input_value("input[name=limit]") == "3"
        assert p.locator("[role=alert]").count() == 0

        junk = tmp_path / "cv.docx"
        junk.write_bytes(b"\x00\x01 not a docx" * 50)
        p.set_input_files("input[name=resume]", str(junk))
        p.select_option("select[name=remote]", "remote")
        p.click("form.match-form button[type=submit]")
        alert = p.locator("form.match-form #match-error[role=alert]")
        alert.wait_for()
        assert "cv.docx" in alert.inner_text()
        # under the text box, at the form's left edge: the error page's centring (a
        # 3rem auto margin) pushed it to the middle and the choices after it off the row
        box, area = alert.bounding_box(), p.locator("textarea").bounding_box()
        assert box is not None and area is not None
        assert abs(box["x"] - area["x"]) < 1, (box, area)
        assert box["y"] - (area["y"] + area["height"]) < 20, (box, area)
        assert p.get_attribute("input[name=resume]", "aria-invalid") == "true"
        assert p.input_value("select[name=remote]") == "remote"
        assert p.input_value("input[name=limit]") == "3"
        assert p.locator("section.matches").count() == 0

        p.set_input_files("input[name=resume]", [])  # no file: the resume's text pasted
        p.fill("textarea[name=resume_text]", RESUME.read_text(encoding="utf-8"))
        p.click("form.match-form button[type=submit]")
        p.wait_for_selector("section.matches")
        assert 1 <= p.locator("#matches > li").count() <= 3
        assert "pasted-resume.txt" in p.inner_text(".profile h2")
        assert watch.errors == [] and watch.outside == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 320])
def test_no_page_scrolls_sideways_on_a_phone(browser: Browser, live_server: str,
                                             width: int) -> None:
    """On a 375 px wide phone every page fits its width: the header's links wrap, the facet
    column shrinks (long facet names wrap), long URLs in titles and
    snippets wrap, the dashboard's charts and the posting's probability bars fit the column.
    Wide tables scroll inside their own box, not the page. So at 320 px (WCAG 1.4.10: a
    1280 px window zoomed to 400%), where the posting page's facts (its id
    ``hackernews:46467172`` in one piece) made the page 337 px wide."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        p = context.new_page()
        p.set_default_timeout(TIMEOUT_MS)
        p.goto(live_server + "/?q=https")  # snippets holding long unbroken URLs
        first = p.locator("ol.hits a[href^='/posting/']").first
        posting = first.get_attribute("href")
        assert posting
        for path in ("/", "/?q=https", "/?q=data+scientist&remote=remote", "/dashboard",
                     "/dashboard?skills=Python", "/match", posting, "/no-such-page"):
            p.goto(live_server + path)
            wide = p.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{path} is {wide} px wide at {width} px"
        p.goto(live_server + "/match")  # a resume's matches: score tables and skill chips
        p.set_input_files("input[name=resume]", str(RESUME))
        p.click("form.match-form button[type=submit]")
        p.wait_for_selector("section.matches")
        assert p.locator("#matches > li").count() >= 1
        wide = p.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"/match with results is {wide} px wide at {width} px"
    finally:
        context.close()


def _matched(context: BrowserContext, live_server: str) -> Page:
    """A page of ``context`` showing the match page's answer for ``RESUME``."""
    p = context.new_page()
    p.set_default_timeout(TIMEOUT_MS)
    p.goto(live_server + "/match")
    p.set_input_files("input[name=resume]", str(RESUME))
    p.click("form.match-form button[type=submit]")
    p.wait_for_selector("section.matches")
    return p


def test_a_phone_opens_the_match_answer_at_the_profile(browser: Browser,
                                                        live_server: str) -> None:
    """On a phone the answer opened at the top: the form again, its file field emptied, and
    the profile and matches below the fold, as if the resume had not been read."""
    context = browser.new_context(viewport={"width": 375, "height": 700})
    try:
        p = _matched(context, live_server)
        top = p.evaluate("document.querySelector('.profile h2').getBoundingClientRect().top")
        assert -1 < top < 700, top  # (at 0, give or take a subpixel)
    finally:
        context.close()


def test_back_after_a_match_shows_the_answer_again(browser: Browser, live_server: str) -> None:
    """Back from a posting opened from a match's answer: the answer again, from its own URL
    (a GET), where the browser asked to send the form again (the answer was the POST's)."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    try:
        p = _matched(context, live_server)
        answer = p.url
        assert "/match?result=" in answer
        first = p.locator("#matches > li a[href^='/posting/']").first.get_attribute("href")
        p.click(f"#matches > li a[href='{first}']")
        p.wait_for_url(f"**{first}")
        p.go_back()
        p.wait_for_selector("section.matches")
        assert p.url == answer
        # Forward to the posting, Back, and Reload: the answer each time, no "confirm form
        # resubmission" (a dialog Playwright would meet), the form never sent again
        asked: list[str] = []
        p.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
        sent: list[str] = []
        p.on("request", lambda r: sent.append(r.method) if r.method == "POST" else None)
        p.go_forward()
        p.wait_for_url(f"**{first}")
        p.go_back()
        p.wait_for_selector("section.matches")
        p.reload()
        p.wait_for_selector("section.matches")
        assert p.url == answer and asked == [] and sent == []
    finally:
        context.close()


def test_a_page_of_another_port_cannot_post_the_match_form(browser: Browser, live_server: str,
                                                           browser_db: Path) -> None:
    """A page served on another port of this machine (a dev server's, say) is the same *site*
    to the browser, not the same origin: its form posting a resume to /match with "save"
    ticked is refused, and nothing is saved. The page hides its origin (no referrer: the
    browser sends ``Origin: null``, as our own pages do), so only ``Sec-Fetch-Site`` tells.
    (The page is the test's own, handed to the browser at a port nothing listens on.)"""
    other = "http://127.0.0.1:9/"  # (the discard port: never reached, the route answers)
    form = ('<!doctype html><meta name="referrer" content="no-referrer">'
            f'<form method="post" enctype="multipart/form-data" '
            f'action="{live_server}/match"><input type="file" name="resume">'
            '<input type="hidden" name="save" value="on"><button>Send</button></form>')
    context = browser.new_context()
    try:
        p = context.new_page()
        p.set_default_timeout(TIMEOUT_MS)
        p.route(other + "**", lambda route: route.fulfill(content_type="text/html", body=form))
        p.goto(other + "form.html")
        p.set_input_files("input[name=resume]", str(RESUME))
        with p.expect_response(f"{live_server}/match") as sent:
            p.click("button")
        assert sent.value.status == 403
        assert sent.value.request.all_headers().get("origin") == "null"
        assert "a page of another site" in sent.value.text()
        assert not (browser_db.parent / "resumes").exists()
        assert "/match?result=" not in p.url
    finally:
        context.close()


def test_dashboard_axis_labels_are_not_cut(page: tuple[Page, Watch], live_server: str) -> None:
    """The longest archetype name ("Big-data / ML platform engineer") is drawn whole: every
    tick label of every drawn chart lies inside its chart's box, and every value axis is
    titled."""
    p, watch = page
    p.goto(live_server + "/dashboard")
    charts = p.locator(".chart[data-spec]")
    for i in range(charts.count()):
        charts.nth(i).locator("xpath=self::*[@data-rendered='true']").wait_for()
    cut = p.evaluate("""() => {
        const out = [];
        for (const chart of document.querySelectorAll('.chart[data-spec]')) {
            const box = chart.getBoundingClientRect();
            for (const t of chart.querySelectorAll('.xtick text, .ytick text')) {
                const r = t.getBoundingClientRect();
                if (r.width && (r.left < box.left - 1 || r.right > box.right + 1)) {
                    out.push(chart.id + ': ' + t.textContent);
                }
            }
        }
        return out; }""")
    assert cut == []
    assert p.locator(".chart .g-xtitle text, .chart .g-ytitle text").count() >= 5
    assert watch.errors == []


EMPTY_FIELD = re.compile(r"[?&][^=&]+=(&|$)")  # name= with nothing after it


def test_the_forms_leave_empty_fields_out_of_the_url(page: tuple[Page, Watch],
                                                     live_server: str) -> None:
    """A search with no minimum salary put "salary_min=" in its URL (and "sort=relevance",
    the default the page's own links leave out); the dashboard's Apply put "since=&trend=".
    Fields left empty are left out, whether the button, the Enter key or a menu submits."""
    p, watch = page
    p.goto(live_server + "/")
    p.fill('input[name="q"]', "engineer")
    p.press('input[name="q"]', "Enter")
    p.wait_for_url(re.compile(r"q=engineer"))
    assert p.url == live_server + "/?q=engineer"
    p.select_option('select[name="sort"]', "date")  # a mouse pick submits (app.js)
    p.wait_for_url(re.compile(r"sort=date"))
    assert p.url == live_server + "/?q=engineer&sort=date"
    p.fill('input[name="q"]', "")
    p.click('form.searchbar button[type="submit"]')
    p.wait_for_url(re.compile(r"/\?sort=date$"))
    assert not EMPTY_FIELD.search(p.url), p.url

    p.goto(live_server + "/dashboard?remote=remote")
    p.click('form.searchbar button[type="submit"]')
    p.wait_for_load_state("load")
    assert p.url == live_server + "/dashboard?remote=remote"
    p.fill('input[name="trend"]', "PyTorch")
    p.click('form.searchbar button[type="submit"]')
    p.wait_for_url(re.compile(r"trend=PyTorch"))
    assert p.url == live_server + "/dashboard?remote=remote&trend=PyTorch"
    assert watch.errors == [], watch.errors


def test_a_phone_shows_the_results_before_the_facets(browser: Browser, live_server: str) -> None:
    """At 375 px the results came under every facet list (the first result was four
    screens down); they come first now, with a "Filters" link to the facets below them and
    one back. A wider screen keeps the facets in a column on the results' left."""
    for width in (375, 1360):
        context = browser.new_context(viewport={"width": width, "height": 800})
        try:
            p = context.new_page()
            p.set_default_timeout(TIMEOUT_MS)
            p.goto(live_server + "/?q=engineer&remote=remote")
            hit = p.locator("li.hit").first.bounding_box()
            facets = p.locator("aside.facets").bounding_box()
            assert hit is not None and facets is not None
            if width == 375:
                assert hit["y"] + 40 < 800, hit  # its title is on the first screen
                last = p.locator("li.hit").last.bounding_box()
                assert last is not None and facets["y"] >= last["y"] + last["height"]
                link = p.locator("a.to-filters")
                expect(link).to_have_text(re.compile(r"^Filters \(1 on\)"))
                link.click()
                expect(p.locator("aside.facets details.facet").first).to_be_in_viewport()
                p.locator(".to-results a").click()
                expect(p.locator("li.hit").first).to_be_in_viewport()
                p.goto(live_server + "/dashboard")
                chart = p.locator("figure.panel").first.bounding_box()
                facets = p.locator("aside.facets").bounding_box()
                assert chart is not None and facets is not None
                assert chart["y"] < 800 and facets["y"] > chart["y"] + chart["height"]
                expect(p.locator("p.to-filters a")).to_be_visible()
            else:
                assert facets["x"] + facets["width"] <= hit["x"]  # beside, on its left
                assert facets["y"] < hit["y"] < facets["y"] + 100
                expect(p.locator("a.to-filters")).to_be_hidden()
                expect(p.locator(".to-results")).to_be_hidden()
        finally:
            context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_dashboard_labels_are_whole_on_a_phone(browser: Browser, live_server: str,
                                               width: int) -> None:
    """At 375 px the heatmap cut its archetype names at the chart's left edge ("ata
    scientist (ML generalist)") and drew 5 of its 40-odd skill names; the trends chart's
    value-axis title ran past the chart's top. Every tick label and axis title of every chart
    now lies inside its chart's box (the heatmap keeps a width where each skill has its
    column and scrolls sideways in its own box, the page does not), and the heatmap names
    every skill it has a column for."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        p = context.new_page()
        p.set_default_timeout(TIMEOUT_MS)
        p.goto(live_server + "/dashboard")
        p.wait_for_function(
            "document.querySelectorAll('.chart[data-rendered]').length == "
            "document.querySelectorAll('.chart').length", timeout=TIMEOUT_MS)
        cut = p.evaluate("""() => {
            const out = [];
            for (const chart of document.querySelectorAll('.chart[data-spec]')) {
                const box = chart.getBoundingClientRect();
                for (const t of chart.querySelectorAll(
                        '.xtick text, .ytick text, .g-xtitle text, .g-ytitle text')) {
                    const r = t.getBoundingClientRect();
                    if (r.width && (r.left < box.left - 1 || r.right > box.right + 1
                                    || r.top < box.top - 1 || r.bottom > box.bottom + 1)) {
                        out.push(chart.id + ': ' + t.textContent);
                    }
                }
            }
            return out; }""")
        assert cut == []
        # nor do two names of one axis run into one another (nine two-line names in 320 px)
        overlap = p.evaluate("""() => {
            const out = [];
            for (const chart of document.querySelectorAll('.chart[data-spec]')) {
                const rows = Array.from(chart.querySelectorAll('.ytick text'))
                    .map(t => t.getBoundingClientRect()).filter(r => r.height)
                    .sort((a, b) => a.top - b.top);
                for (let i = 1; i < rows.length; i++) {
                    if (rows[i].top < rows[i - 1].bottom - 1) { out.push(chart.id); break; }
                }
            }
            return out; }""")
        assert overlap == []
        spec = json.loads(p.locator("#spec-skills").text_content() or "{}")
        skills = spec["data"][0]["x"]
        drawn = p.locator("#chart-skills .xtick text").all_text_contents()
        assert drawn == skills
        assert p.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_the_dashboards_tables_are_read_on_a_phone(browser: Browser, live_server: str) -> None:
    """At 375 px "Show as table" opened a box 24rem high whose sticky header row took half
    of it (183 px of 384 for the skills table: its "required" column's header wrapped to
    eight lines), two rows left to read; and each table's caption, a line as wide as the
    table, ran out of its box, cut ("PhD share and remote share per archety"), repeating the
    panel's title above it. The header takes at most a third of the box, and no caption
    shown is cut (it is said to screen readers, as the box's name is)."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        p = context.new_page()
        p.set_default_timeout(TIMEOUT_MS)
        p.goto(live_server + "/dashboard")
        for details in p.locator("details.chart-data").all():
            details.locator("summary").click()
        boxes = p.evaluate("""() => Array.from(document.querySelectorAll('.table-scroll'),
            (box) => {
                const b = box.getBoundingClientRect();
                const c = box.querySelector('caption').getBoundingClientRect();
                return {name: box.getAttribute('aria-label'), height: box.clientHeight,
                        head: box.querySelector('thead').getBoundingClientRect().height,
                        caption_cut: c.width > 1 && c.right > b.right + 1}; })""")
        assert len(boxes) == 6
        for box in boxes:
            assert box["head"] <= box["height"] / 3, box
            assert not box["caption_cut"], box
        captions = p.locator(".chart-table caption").all_text_contents()
        assert "Top skills per archetype" in captions  # (still the table's name)
    finally:
        context.close()


def test_facet_values_are_shown_whole(page: tuple[Page, Watch], live_server: str) -> None:
    """In the 250 px facet column "ML-aware software engineer" read "ML-aware software
    engi…" and "Big-data / ML platform en…": a long value wraps, whole. The remote facet, a
    seeker's first question after the role, is open."""
    p, watch = page
    p.goto(live_server + "/?q=engineer")
    cut = p.evaluate("""() => Array.from(document.querySelectorAll('.facet-value .label'))
        .filter(l => l.getClientRects().length && l.scrollWidth > l.clientWidth + 1)
        .map(l => l.textContent)""")
    assert cut == []
    label = p.locator('details.facet[data-facet="archetype"] a[data-value="ml-product-swe"] .label')
    expect(label).to_have_text("ML-aware software engineer")
    box = label.bounding_box()
    column = p.locator("aside.facets").bounding_box()
    assert box is not None and column is not None
    assert box["x"] + box["width"] <= column["x"] + column["width"]
    assert p.locator('details.facet[data-facet="remote"]').get_attribute("open") is not None
    assert watch.errors == []


FOCUSED = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring = style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0;
  const reach = ring + parseFloat(style.outlineOffset);  // how far the ring is drawn outside
  const box = el.getBoundingClientRect();
  let clipped = '';
  for (let a = el.parentElement; a && !clipped; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const edge = a.getBoundingClientRect();
    const cut = [box.left - reach < edge.left - 0.5, box.right + reach > edge.right + 0.5,
                 box.top - reach < edge.top - 0.5, box.bottom + reach > edge.bottom + 0.5];
    if (cut.some(Boolean)) clipped = a.tagName + '.' + a.className;
  }
  return {name: el.tagName + '.' + el.className + ' ' + (el.innerText || '').slice(0, 40),
          ring, clipped, hidden: el.closest('[aria-hidden="true"]') !== null};
}"""


def tab_through(p: Page, limit: int = 400) -> list[dict[str, object]]:
    """Every element the Tab key reaches, once round the page, as ``FOCUSED`` sees it."""
    seen: list[dict[str, object]] = []
    for _ in range(limit):
        p.keyboard.press("Tab")
        info = p.evaluate(FOCUSED)
        if info is None or (seen and info["name"] == seen[0]["name"]):
            break
        seen.append(info)
    return seen


@pytest.mark.parametrize("path", ["/?q=pytorch&archetype=research-engineer", "/dashboard"])
def test_the_focus_ring_is_seen_whole(page: tuple[Page, Watch], live_server: str,
                                      path: str) -> None:
    """WCAG 2.4.7 / 2.4.11: a keyboard user sees where the focus is. The facet values sit
    in lists that scroll (``overflow: auto``), which cut the browser's ring off at their
    left and right edges (and above the first value, below the last): on every facet link."""
    p, _ = page
    p.goto(live_server + path)
    p.wait_for_load_state("networkidle")
    seen = tab_through(p)
    assert len(seen) > 30  # the facet links are reached
    assert [s["name"] for s in seen if not s["ring"]] == []
    assert [(s["name"], s["clipped"]) for s in seen if s["clipped"]] == []


def test_nothing_hidden_from_screen_readers_takes_the_focus(page: tuple[Page, Watch],
                                                              live_server: str) -> None:
    """Each chart is ``aria-hidden`` (its finding and table are its text), but plotly's mode
    bar put 16 buttons a chart into the Tab order, 96 on the dashboard, that a screen reader
    leaves unnamed: the focus went where nothing is said."""
    p, _ = page
    p.goto(live_server + "/dashboard")
    p.wait_for_selector(".chart[data-rendered]")
    p.wait_for_function("document.querySelectorAll('.chart[data-rendered]').length === "
                        "document.querySelectorAll('.chart[data-spec]').length")
    seen = tab_through(p)
    assert [s["name"] for s in seen if s["hidden"]] == []
    assert any("csv" in str(s["name"]) for s in seen)  # the page's own links still are


def test_a_finger_swiping_over_a_chart_scrolls_the_phone_page(browser: Browser,
                                                              live_server: str) -> None:
    """On a touch screen at 375 px a swipe up over a dashboard chart (most of the screen's
    width) zoomed the chart into a box ("Double-click to zoom back out") and the page did not
    move; its mode bar, always shown on a touch screen, covered the largest bar and its
    name. Now the page scrolls as beside the chart, and no mode bar is drawn; a mouse (the
    desktop) keeps the mode bar and its zoom."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                                  has_touch=True)
    try:
        p = context.new_page()
        p.set_default_timeout(TIMEOUT_MS)
        p.goto(live_server + "/dashboard")
        p.wait_for_selector(".chart[data-rendered]")
        chart = p.locator(".chart[data-rendered]").first
        chart.scroll_into_view_if_needed()
        p.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().top - 20)",
                   chart.element_handle())
        plot = chart.locator(".nsewdrag").first.bounding_box()
        assert plot is not None and plot["y"] + plot["height"] / 2 < 740, plot
        x, y = plot["x"] + plot["width"] / 2, plot["y"] + plot["height"] / 2
        cdp = context.new_cdp_session(p)
        before = p.evaluate("window.scrollY")
        cdp.send("Input.dispatchTouchEvent",
                 {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        for step in range(1, 11):
            cdp.send("Input.dispatchTouchEvent",
                     {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 20 * step}]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        moved = 0
        for _ in range(30):  # (the page's scroll settles after the finger lifts)
            p.wait_for_timeout(100)
            moved = p.evaluate("window.scrollY") - before
            if moved > 100:
                break
        assert moved > 100, moved
        assert p.locator(".chart .modebar").count() == 0
        assert p.get_by_text("Double-click to zoom back out").count() == 0
    finally:
        context.close()
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    try:
        p = context.new_page()
        p.set_default_timeout(TIMEOUT_MS)
        p.goto(live_server + "/dashboard")
        p.wait_for_selector(".chart[data-rendered]")
        assert p.locator(".chart .modebar").count() > 0
    finally:
        context.close()
