"""What a sync stores of what Reddit and Hacker News said, for the forms they really give:
a removed self post, a crosspost, a link post, a moderator's note atop a hiring thread,
HN's shortened link text. Each response is a recorded-format one (the fixtures, varied as
Reddit and HN vary them) replayed by a real server on 127.0.0.1, synced into a store."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from mljobs import config as cfg
from mljobs.http import HttpClient
from mljobs.models import Posting
from mljobs.store import SQLiteStore
from mljobs.sync import SourceReport, SyncOptions, run_sync

from .conftest import NOW, sync_config
from .replay_server import FIXTURES, ReplayServer, Reply, route_key


def _sync(tmp_path: Path, config: str) -> dict[str, Posting]:
    return _synced(tmp_path, config)[1]


def _synced(tmp_path: Path, config: str) -> tuple[SourceReport, dict[str, Posting]]:
    """The one source of ``config`` synced into a store: its report and the stored postings
    (no ML filter: what the source reads, not what the filter keeps)."""
    report, stored = sync_config(tmp_path, config, ml_filter=None)
    (done,) = report.sources
    return done, stored


def _sync_unsure(tmp_path: Path, config: str) -> SourceReport:
    """The report of the one source of ``config`` synced into a new store, failed or not
    (``sync_config`` asserts a sync that went well)."""
    path = tmp_path / "sources.toml"
    path.write_text(config, encoding="utf-8")
    conf = cfg.load(path)
    with SQLiteStore(tmp_path / "db.sqlite3") as store, HttpClient(
            conf.http_settings(), sleep=lambda s: None) as http:
        report = run_sync(store, conf.sources, http=http, now=NOW,
                          options=SyncOptions(refresh_index=False, link=False))
    (done,) = report.sources
    return done


def _listing_post(**fields: Any) -> dict[str, Any]:
    """The first post of the recorded r/MLjobs listing, with ``fields`` changed."""
    data = json.loads((FIXTURES / "reddit" / "MLjobs-new.json").read_text(encoding="utf-8"))
    post: dict[str, Any] = copy.deepcopy(data["data"]["children"][0])
    post["data"].update(fields)
    return post


def _sync_listing(replay: ReplayServer, tmp_path: Path, *posts: dict[str, Any]
                  ) -> dict[str, Posting]:
    listing = {"kind": "Listing", "data": {"after": None, "before": None, "dist": len(posts),
                                           "children": list(posts)}}
    replay.routes[route_key("/r/said/new.json", {"limit": "100", "raw_json": "1"})] = Reply(
        json.dumps(listing).encode())
    return _sync(tmp_path, f'[[sources]]\nname = "r"\ntype = "reddit"\n'
                 f'subreddits = ["said"]\nbase_url = "{replay.url}"\n')


def _sync_titles(replay: ReplayServer, tmp_path: Path, titles: dict[str, str]
                 ) -> dict[str, Posting]:
    """A listing of a post of each title (by post id), synced: its postings by post id."""
    stored = _sync_listing(replay, tmp_path, *(
        _listing_post(id=pid, title=title, selftext="We build models.", selftext_html=None)
        for pid, title in titles.items()))
    return {pid.removeprefix("reddit:"): p for pid, p in stored.items()}


def _pay(posting: Posting) -> tuple[object, ...] | None:
    """A posting's pay as (min, max, currency, interval), or None."""
    pay = posting.salary
    return pay and (pay.min, pay.max, pay.currency, pay.interval)


def _sync_thread_with(replay: ReplayServer, tmp_path: Path, thread_id: str,
                      said: dict[str, str]) -> tuple[SourceReport, dict[str, Posting]]:
    """The recorded hiring thread, with a top-level comment of each ``said`` body (by id)
    added, synced as thread ``thread_id``."""
    thread = json.loads((FIXTURES / "reddit" / "thread-1hire01.json").read_text(
        encoding="utf-8"))
    comments = thread[1]["data"]["children"]
    for cid, body in said.items():
        comment = copy.deepcopy(comments[0])
        paragraphs = "".join(f"<p>{line}</p>\n" for line in body.split("\n"))
        comment["data"].update({"id": cid, "name": f"t1_{cid}", "body": body,
                                "body_html": f'<div class="md">{paragraphs}</div>',
                                "permalink": f"/r/MachineLearning/comments/1hire01/x/{cid}/"})
        comments.append(comment)
    replay.routes[route_key(f"/comments/{thread_id}.json", {"raw_json": "1", "limit": "500",
                                                             "depth": "1"})] = Reply(
        json.dumps(thread).encode())
    return _synced(tmp_path, f'[[sources]]\nname = "r"\ntype = "reddit"\n'
                   f'threads = ["{thread_id}"]\nbase_url = "{replay.url}"\n')


def test_a_self_post_whose_text_was_removed_is_no_posting(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A post whose text a moderator or its author took down reads "[removed]" or "[deleted]"
    (``removed_by_category`` is not always given with it): it was stored as a job whose
    whole text is "[removed]"."""
    stored = _sync_listing(
        replay, tmp_path,
        _listing_post(id="1rm0001", title="[Hiring] Computer Vision Engineer at Removed Co",
                      selftext="[removed]", removed_by_category=None,
                      selftext_html='<!-- SC_OFF --><div class="md"><p>[removed]</p></div>'
                                    "<!-- SC_ON -->"),
        _listing_post(id="1rm0002", title="[Hiring] NLP Engineer at Gone Co",
                      selftext="[deleted]", selftext_html=None, author="[deleted]"),
        _listing_post(id="1rm0003"))
    assert sorted(stored) == ["reddit:1rm0003"]


def test_a_crosspost_gives_the_text_of_the_post_it_shares(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A crosspost has no text of its own: Reddit gives the shared post under
    ``crosspost_parent_list``. It was stored with no text (no pay, no skills to read)."""
    body = "Baz runs ML pipelines on Kubernetes. Kubeflow, MLflow. $140k - $170k."
    parent = {"id": "1x9999", "title": "[Hiring] MLOps Engineer at Baz (New York, NY)",
              "selftext": body, "is_self": True, "subreddit": "forhire",
              "selftext_html": f'<!-- SC_OFF --><div class="md"><p>{body}</p></div>'
                               "<!-- SC_ON -->",
              "permalink": "/r/forhire/comments/1x9999/hiring_mlops_engineer_at_baz/"}
    stored = _sync_listing(replay, tmp_path, _listing_post(
        id="1xp0001", title="[Hiring] MLOps Engineer at Baz (New York, NY)", selftext="",
        selftext_html=None, is_self=False, crosspost_parent="t3_1x9999",
        url="/r/forhire/comments/1x9999/hiring_mlops_engineer_at_baz/",
        crosspost_parent_list=[parent]))
    post = stored["reddit:1xp0001"]
    assert post.description_text == body
    assert (post.title, post.company, post.locations) == ("MLOps Engineer", "Baz",
                                                          ("New York, NY",))
    assert post.url == "https://www.reddit.com/r/MLjobs/comments/1abcd01/x/"  # the crosspost's


def test_a_link_post_keeps_the_job_it_links_to_in_its_text(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A link post (``is_self`` false) has no text; its ``url`` is the job's page. The link
    was kept only in ``extra``: ``show`` printed no text and no link, and the post was not
    linked to the board's copy of the job (links read a text's job URLs)."""
    stored = _sync_listing(replay, tmp_path, _listing_post(
        id="1lk0001", title="[HIRING] Senior Data Scientist at Foo Labs (Remote)",
        selftext="", selftext_html=None, is_self=False, post_hint="link",
        url="https://jobs.lever.co/foolabs/1234-abcd"))
    post = stored["reddit:1lk0001"]
    assert post.description_text == "https://jobs.lever.co/foolabs/1234-abcd"
    assert (post.title, post.company, post.remote) == ("Senior Data Scientist", "Foo Labs",
                                                       "remote")


def test_a_link_post_to_another_site_ending_in_redd_it_keeps_its_link(
        replay: ReplayServer, tmp_path: Path) -> None:
    """Reddit's own hosts (reddit.com, redd.it and their subdomains) are no job page; a host
    that only ends in the same letters ("jobs.shredd.it") is another site's, and its link is
    the post's text. An i.redd.it image post has none."""
    stored = _sync_listing(
        replay, tmp_path,
        _listing_post(id="1lr0001", title="[Hiring] ML Engineer at Shred (Remote)", selftext="",
                      selftext_html=None, is_self=False, url="https://jobs.shredd.it/ml-1"),
        _listing_post(id="1lr0002", title="[Hiring] ML Engineer at Pics (Remote)", selftext="",
                      selftext_html=None, is_self=False, url="https://i.redd.it/abc.png"))
    assert stored["reddit:1lr0001"].description_text == "https://jobs.shredd.it/ml-1"
    assert stored["reddit:1lr0002"].description_text != "https://i.redd.it/abc.png"


def test_a_moderators_note_atop_a_hiring_thread_is_no_posting(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A hiring thread's first top-level comment is often AutoModerator's stickied rules
    ("Top-level comments must be job ads ... machine learning ..."): it was stored as a job
    titled by its first line."""
    thread = json.loads((FIXTURES / "reddit" / "thread-1hire01.json").read_text(
        encoding="utf-8"))
    comments = thread[1]["data"]["children"]
    note = copy.deepcopy(comments[0])
    note["data"].update({
        "id": "kc0900", "name": "t1_kc0900", "author": "AutoModerator", "stickied": True,
        "distinguished": "moderator",
        "body": "**Rules:** top-level comments must be machine learning job ads.",
        "body_html": '<div class="md"><p><strong>Rules:</strong> top-level comments must '
                     "be machine learning job ads.</p></div>",
        "permalink": "/r/MachineLearning/comments/1hire01/x/kc0900/"})
    comments.insert(0, note)
    replay.routes[route_key("/comments/modnote.json", {"raw_json": "1", "limit": "500",
                                                        "depth": "1"})] = Reply(
        json.dumps(thread).encode())
    stored = _sync(tmp_path, f'[[sources]]\nname = "r"\ntype = "reddit"\n'
                   f'threads = ["modnote"]\nbase_url = "{replay.url}"\n')
    assert sorted(stored) == ["reddit:kc0001", "reddit:kc0002"]


def test_hn_shortened_link_text_is_read_as_the_whole_address(
        replay: ReplayServer, tmp_path: Path) -> None:
    """HN shows a long link shortened ("https://jobs.ashbyhq.com/acme-ai/8f2c1d3e-4b5a-4c6...",
    the whole address in its ``href``): the text kept the shortened one, a link that leads
    nowhere in ``show`` and matches no board's job URL (an Ashby or Lever job's address, a
    uuid, is always shortened). A link whose text is its own address in full stays."""
    thread = json.loads((FIXTURES / "hackernews" / "algolia-item-47219668.json").read_text(
        encoding="utf-8"))
    job = thread["children"][1]
    whole = "https:&#x2F;&#x2F;jobs.ashbyhq.com&#x2F;acme-ai&#x2F;8f2c1d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f"
    job["text"] += (f'<p>Apply: <a href="{whole}" rel="nofollow">https:&#x2F;&#x2F;jobs.ashbyhq.com'
                    '&#x2F;acme-ai&#x2F;8f2c1d3e-4b5a-4c6...</a> or <a href="https:&#x2F;&#x2F;'
                    'acme.ai&#x2F;jobs" rel="nofollow">https:&#x2F;&#x2F;acme.ai&#x2F;jobs</a>'
                    ' (<a href="https:&#x2F;&#x2F;acme.ai&#x2F;about&#x2F;team">our team...</a>)')
    replay.routes["/items/47219668"] = Reply(json.dumps(thread).encode())
    stored = _sync(tmp_path, f'[[sources]]\nname = "hn"\ntype = "hackernews"\n'
                   f'threads = [47219668]\nalgolia_url = "{replay.url}"\n')
    text = stored[f"hackernews:{job['id']}"].description_text or ""
    assert text.endswith("Apply: https://jobs.ashbyhq.com/acme-ai/8f2c1d3e-4b5a-4c6d-9e8f-"
                         "0a1b2c3d4e5f or https://acme.ai/jobs (our team...)")


def test_a_hiring_posts_title_in_segments_gives_role_company_and_place(
        replay: ReplayServer, tmp_path: Path) -> None:
    """Hiring posts are often titled in segments, as an HN header ("[Hiring] Machine Learning
    Engineer | Bar Inc | Remote (US) | $150k-$180k", "ML Engineer - Acme Robotics - Berlin,
    Germany - $120/hr"): the title was stored whole, with no company, place or remote. A
    post that is not tagged or flaired "Hiring" keeps its title as it was."""
    stored = _sync_listing(
        replay, tmp_path,
        _listing_post(id="1sg0001", link_flair_text=None,
                      title="[Hiring] Machine Learning Engineer | Bar Inc | Remote (US) | "
                            "$150k-$180k"),
        _listing_post(id="1sg0002", link_flair_text="Hiring",
                      title="ML Engineer - Acme Robotics - Berlin, Germany - $120/hr"),
        _listing_post(id="1sg0003", link_flair_text="Discussion",
                      title="Data Scientist | Remote | is it worth it?"),
        _listing_post(id="1sg0004", title="[HIRING] Freelance prompt engineer - 2 weeks - $500"))
    bar, acme, question, gig = (stored[f"reddit:1sg000{n}"] for n in (1, 2, 3, 4))
    assert (gig.title, gig.locations) == ("Freelance prompt engineer", ())  # "2 weeks": no place
    # the pay the title gave is the posting's (the title, cut to the role, no longer holds it)
    assert bar.salary is not None and acme.salary is not None
    assert (bar.salary.min, bar.salary.max, bar.salary.currency) == (150_000, 180_000, "USD")
    assert (acme.salary.min, acme.salary.interval) == (120, "hour")
    assert (bar.title, bar.company, bar.locations, bar.remote) == (
        "Machine Learning Engineer", "Bar Inc", ("Remote (US)",), "remote")
    assert (acme.title, acme.company, acme.locations) == (
        "ML Engineer", "Acme Robotics", ("Berlin, Germany",))
    assert (question.title, question.company) == ("Data Scientist | Remote | is it worth it?",
                                                  None)


def test_a_posts_location_line_gives_its_place(replay: ReplayServer, tmp_path: Path) -> None:
    """A hiring post whose title names no place says it in its text ("**Location:** Zurich,
    Switzerland (hybrid)"), as a thread's comments do: the comments' place was read from such
    a line, a post's was not (no place, remote unknown). A place its title gives stays."""
    body = ("<p>Qux trains LLMs for search. PyTorch, JAX.</p>\n<p><strong>Location:</strong> "
            "Zurich, Switzerland (hybrid)</p>\n<p><strong>Salary:</strong> CHF 140k</p>")
    html = f'<!-- SC_OFF --><div class="md">{body}</div><!-- SC_ON -->'
    stored = _sync_listing(
        replay, tmp_path,
        _listing_post(id="1lc0001", title="[Hiring] Applied Scientist (LLMs) at Qux",
                      selftext="Qux trains LLMs ...", selftext_html=html),
        _listing_post(id="1lc0002", title="[Hiring] Applied Scientist at Qux (Remote, EU)",
                      selftext="Qux trains LLMs ...", selftext_html=html))
    here, titled = stored["reddit:1lc0001"], stored["reddit:1lc0002"]
    assert (here.locations, here.remote) == (("Zurich, Switzerland (hybrid)",), "hybrid")
    assert (titled.locations, titled.remote) == (("Remote, EU",), "remote")


def test_a_feed_entrys_location_line_gives_its_place(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A feed entry whose title names no place often says it in its text ("Location: Berlin,
    Germany", "<b>Location:</b> Remote (EU)"): it was not read (no place, remote unknown;
    ``search --country`` and ``--remote`` missed the entry). A place the title gives stays,
    and a line that names no place ("Location: see our website") gives none."""
    feed = (FIXTURES / "feed" / "jobs.rss").read_text(encoding="utf-8")
    feed = feed.replace(
        "<p>Build predictive models on claims data. Python, SQL, scikit-learn.</p>",
        "<p>Build predictive models on claims data. Python, SQL, scikit-learn.</p>"
        "<p>Location: Berlin, Germany<br/>Type: Full-time</p>").replace(
        "<p>Deploy deep learning models for satellite imagery.</p>",
        "<p>Deploy deep learning models for satellite imagery.</p><p><b>Location:</b> "
        "Remote (EU)</p>").replace(
        "<description>Month-end close and reporting.</description>",
        "<description>Month-end close and reporting. Location: see our website</description>")
    replay.routes["/feeds/located.rss"] = Reply(feed.encode(),
                                                content_type="application/rss+xml")
    stored = _sync(tmp_path, f'[[sources]]\nname = "f"\ntype = "feed"\n'
                   f'urls = ["{replay.url}/feeds/located.rss"]\n')
    read = {p.company: (p.locations, p.remote) for p in stored.values()}
    assert read == {"Quanta Health": (("Berlin, Germany",), "unknown"),
                    "Orbital": (("Remote (EU)",), "remote"),
                    "Ledgerly": ((), "unknown")}


def test_a_post_on_two_pages_of_a_listing_is_counted_once(
        replay: ReplayServer, tmp_path: Path) -> None:
    """New posts push the listing down between two requests, so a post of page 1 is on page
    2 again (the same in every field): the first sync reported it "new 3, unchanged 1"."""
    first, second = _listing_post(id="1pg0001"), _listing_post(
        id="1pg0002", title="[Hiring] ML Engineer at Acme (Berlin, Germany)")
    third = _listing_post(id="1pg0003", title="[Hiring] Data Scientist at Initech (Remote)")
    pages = [([first, second], "t3_1pg0002"), ([second, third], None)]
    for (posts, after), query in zip(pages, ({}, {"after": "t3_1pg0002"}), strict=True):
        listing = {"kind": "Listing", "data": {"after": after, "children": posts}}
        replay.routes[route_key("/r/paged/new.json", {"limit": "100", "raw_json": "1",
                                                      **query})] = Reply(
            json.dumps(listing).encode())
    done, stored = _synced(tmp_path, f'[[sources]]\nname = "r"\ntype = "reddit"\n'
                           f'subreddits = ["paged"]\nbase_url = "{replay.url}"\n')
    assert (done.documents, done.new, done.unchanged) == (2, 3, 0)
    assert sorted(stored) == ["reddit:1pg0001", "reddit:1pg0002", "reddit:1pg0003"]


def test_a_title_led_by_hiring_and_a_colon_is_tagged_so(
        replay: ReplayServer, tmp_path: Path) -> None:
    """"Hiring: Data Engineer (ML platform) at Omega" and "HIRING - ..." say what "[Hiring]"
    says, unflaired: the title was stored whole, "Hiring:" and all, with no company."""
    stored = _sync_listing(
        replay, tmp_path,
        _listing_post(id="1hc0001", link_flair_text=None,
                      title="Hiring: Data Engineer (ML platform) at Omega (Austin, TX)"),
        _listing_post(id="1hc0002", link_flair_text=None,
                      title="HIRING - Senior ML Engineer at Initech (Remote, EU)"),
        _listing_post(id="1hc0003", link_flair_text=None,
                      title="Hiring freeze at Google: what now?"))
    omega, initech, question = (stored[f"reddit:1hc000{n}"] for n in (1, 2, 3))
    assert (omega.title, omega.company, omega.locations) == (
        "Data Engineer (ML platform)", "Omega", ("Austin, TX",))
    assert (initech.title, initech.company, initech.remote) == (
        "Senior ML Engineer", "Initech", "remote")
    assert omega.extra["title_tags"] == ["Hiring"]
    assert (question.title, question.company) == ("Hiring freeze at Google: what now?", None)


def test_a_threads_comments_tagged_hiring_or_for_hire_are_read_so(
        replay: ReplayServer, tmp_path: Path) -> None:
    """r/MachineLearning's "Who's Hiring and Who Wants to Be Hired?" thread holds both: a
    comment led by "[Hiring]" was stored with the company "[Hiring] Acme AI"; one led by
    "[For Hire]", or written in the seekers' template ("Location: ... Willing to relocate:
    ... Résumé: ..."), was stored as a job."""
    said = {"kc0801": "[Hiring] Acme AI | ML Engineer | Remote (EU) | €90k",
            "kc0804": "[Hiring][Remote] Initech | Data Scientist | Full-time",
            "kc0802": "[For Hire] ML engineer, 5 years of PyTorch, Lisbon or remote",
            "kc0803": "Location: Lisbon, Portugal\nRemote: Yes\nWilling to relocate: No\n"
                      "Technologies: Python, PyTorch, JAX\nRésumé: https://example.com/cv\n"
                      "Email: me at example.com"}
    done, stored = _sync_thread_with(replay, tmp_path, "both", said)
    assert done.seekers == 2
    assert sorted(stored) == ["reddit:kc0001", "reddit:kc0002", "reddit:kc0801",
                              "reddit:kc0804"]
    initech = stored["reddit:kc0804"]
    assert (initech.company, initech.remote) == ("Initech", "remote")  # as a post's tags say
    acme = stored["reddit:kc0801"]
    assert (acme.title, acme.company, acme.locations) == (
        "Acme AI | ML Engineer | Remote (EU) | €90k", "Acme AI", ("Remote (EU)",))


def _more_children(replay: ReplayServer, thread_id: str, ids: list[str],
                   comments: list[dict[str, Any]]) -> None:
    """Reddit's answer to "load more" (``/api/morechildren`` with ``api_type=json``: the
    comments asked for, as ``json.data.things``) for the comment ids ``ids``."""
    replay.routes[route_key("/api/morechildren.json", {
        "api_type": "json", "link_id": f"t3_{thread_id}", "children": ",".join(ids),
        "limit_children": "true", "raw_json": "1"})] = Reply(
        json.dumps({"json": {"errors": [], "data": {"things": comments}}}).encode())


def test_a_threads_comments_behind_load_more_are_read(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A busy thread gives its first comments and a "more" stub naming the top-level comments
    it holds back, which Reddit's page reads through "load more" (``/api/morechildren``, 100
    ids a call): they were only counted in a warning, and their jobs never stored. Now they
    are asked for, ``max_pages`` calls of 100; the ones past that are still counted."""
    thread = json.loads((FIXTURES / "reddit" / "thread-1hire01.json").read_text(
        encoding="utf-8"))
    (stub,) = [c for c in thread[1]["data"]["children"] if c["kind"] == "more"]
    held = [f"kd{n:04d}" for n in range(250)]
    stub["data"].update({"count": 250, "children": held, "parent_id": "t3_busy",
                         "id": "kd0000", "name": "t1_kd0000", "depth": 0})
    replay.routes[route_key("/comments/busy.json", {"raw_json": "1", "limit": "500",
                                                     "depth": "1"})] = Reply(
        json.dumps(thread).encode())
    template = thread[1]["data"]["children"][0]
    said = {"kd0000": "Initrode | ML Engineer | Austin, TX | $150k-$180k",
            "kd0100": "[For Hire] ML engineer, 4 years of PyTorch, Remote",
            "kd0199": "Vandelay | Data Scientist | Remote (US)"}
    for first in (0, 100):
        things = []
        for cid in held[first:first + 100]:
            comment = copy.deepcopy(template)
            body = said.get(cid, "[deleted]")
            comment["data"].update({"id": cid, "name": f"t1_{cid}", "parent_id": "t3_busy",
                                    "body": body, "body_html": f'<div class="md"><p>{body}</p>'
                                    "</div>", "permalink": f"/r/ML/comments/busy/x/{cid}/"})
            things.append(comment)
        _more_children(replay, "busy", held[first:first + 100], things)
    done, stored = _synced(tmp_path, f'[[sources]]\nname = "r"\ntype = "reddit"\n'
                           f'threads = ["busy"]\nbase_url = "{replay.url}"\n')
    assert sorted(stored) == ["reddit:kc0001", "reddit:kc0002", "reddit:kd0000",
                              "reddit:kd0199"]
    assert (stored["reddit:kd0000"].company, stored["reddit:kd0000"].locations) == (
        "Initrode", ("Austin, TX",))
    assert done.seekers == 1
    (warning,) = done.warnings
    assert warning.startswith("[t/busy] reddit: 50 top-level comments of the thread were not "
                              "read (behind \"load more\": max_pages = 2 reads 200 of them")


def test_a_refused_load_more_fails_the_thread(
        replay: ReplayServer, tmp_path: Path) -> None:
    """Reddit answers a "load more" it will not serve with ``json.errors`` (and no
    ``things``): the thread's unit fails with Reddit's words rather than reading as a thread
    without those comments."""
    thread = json.loads((FIXTURES / "reddit" / "thread-1hire01.json").read_text(
        encoding="utf-8"))
    replay.routes[route_key("/comments/nomore.json", {"raw_json": "1", "limit": "500",
                                                       "depth": "1"})] = Reply(
        json.dumps(thread).encode())
    replay.routes[route_key("/api/morechildren.json", {
        "api_type": "json", "link_id": "t3_nomore", "children": "kc0005",
        "limit_children": "true", "raw_json": "1"})] = Reply(json.dumps(
            {"json": {"errors": [["RATELIMIT", "you are doing that too much", "ratelimit"]]}}
        ).encode())
    done = _sync_unsure(tmp_path, f'[[sources]]\nname = "r"\ntype = "reddit"\n'
                        f'threads = ["nomore"]\nbase_url = "{replay.url}"\n')
    assert any("Reddit refused \"load more\"" in e and "RATELIMIT" in e for e in done.errors)
    # in words: before, the list as Python prints it, [['RATELIMIT', 'you are doing ...']]
    (said,) = [e for e in done.errors if "load more" in e]
    assert "Reddit refused \"load more\": you are doing that too much (RATELIMIT); sync again " \
        "later" in said, said
    assert "[" not in said.partition("refused")[2], said


def test_a_threads_comments_led_as_its_template_asks_are_read_so(
        replay: ReplayServer, tmp_path: Path) -> None:
    """r/MachineLearning's monthly thread asks seekers to start "Want to be Hired:" and
    employers "Hiring:": a seeker's comment so led was stored as a job, and an employer's
    "Hiring:" stayed in its title. A "Location:" label right after a "[Hiring]" tag was not
    read: the tag hid it from the label's line start."""
    said = {"kc0901": "Want to be Hired: Berlin, Salary Expectation: 80k EUR, Remote, "
                      "Full Time, Resume: https://example.com/cv, 5 years of NLP",
            "kc0902": "Hiring: Acme AI | ML Engineer | Remote (EU) | Full Time",
            "kc0903": "[Hiring] Location: San Francisco, CA\nSalary: $180k-$220k\n"
                      "Remote: Hybrid\nBrief overview: Globex builds ranking models."}
    done, stored = _sync_thread_with(replay, tmp_path, "led", said)
    assert done.seekers == 1
    assert sorted(stored) == ["reddit:kc0001", "reddit:kc0002", "reddit:kc0902",
                              "reddit:kc0903"]
    acme = stored["reddit:kc0902"]
    assert (acme.title, acme.company) == ("Acme AI | ML Engineer | Remote (EU) | Full Time",
                                          "Acme AI")
    assert stored["reddit:kc0903"].locations == ("San Francisco, CA",)


def test_a_link_post_to_a_malformed_address_loses_no_post(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A link post's address that Python's URL parser refuses ("https://[jobs.acme.ai/1": a
    bracket opens an IPv6 host that never closes) raised ValueError while reading the
    listing."""
    stored = _sync_listing(
        replay, tmp_path,
        _listing_post(id="1ln0001", title="[Hiring] ML Engineer at Acme (Remote)",
                      selftext="", selftext_html=None, is_self=False,
                      url="https://[jobs.acme.ai/1"),
        _listing_post(id="1ln0002"))
    assert sorted(stored) == ["reddit:1ln0001", "reddit:1ln0002"]
    assert stored["reddit:1ln0001"].description_text == "https://[jobs.acme.ai/1"


def test_a_hiring_posts_role_at_company_then_a_place_segment(
        replay: ReplayServer, tmp_path: Path) -> None:
    """"[Hiring] Lead ML Engineer @ Acme - NYC" was read with the company "Acme - NYC" and no
    place; a segment after the company that reads as no place stays the company's."""
    stored = _sync_listing(
        replay, tmp_path,
        _listing_post(id="1ra0001", title="[Hiring] Lead ML Engineer @ Acme - NYC"),
        _listing_post(id="1ra0002", title="[Hiring] ML Engineer at Zeta - Remote"),
        _listing_post(id="1ra0003", title="[Hiring] Data Scientist at Omega - The Fintech Co"))
    acme, zeta, omega = (stored[f"reddit:1ra000{n}"] for n in (1, 2, 3))
    assert (acme.title, acme.company, acme.locations) == ("Lead ML Engineer", "Acme", ("NYC",))
    assert (zeta.company, zeta.remote) == ("Zeta", "remote")
    assert omega.company == "Omega - The Fintech Co"


def test_a_post_in_the_seekers_template_is_a_seeker_unless_tagged_hiring(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A post whose text is in the job seekers' template was checked only when Reddit gave
    no ``selftext_html``, which it gives with every text: it was stored as a job. A post
    tagged "[Hiring]" is a job whatever fields its text lists."""
    fields = ("Location: Lisbon, Portugal\nRemote: Yes\nWilling to relocate: No\n"
              "Technologies: Python, PyTorch, JAX\nRésumé: https://example.com/cv\n"
              "Email: me at example.com")
    html = "".join(f"<p>{line}</p>\n" for line in fields.split("\n"))
    stored = _sync_listing(
        replay, tmp_path,
        _listing_post(id="1sk0001", title="ML engineer, 5 years of PyTorch", selftext=fields,
                      link_flair_text=None,
                      selftext_html=f'<!-- SC_OFF --><div class="md">{html}</div><!-- SC_ON -->'),
        _listing_post(id="1sk0002", title="[Hiring] ML Engineer at Acme (Lisbon)",
                      selftext=fields,
                      selftext_html=f'<!-- SC_OFF --><div class="md">{html}</div><!-- SC_ON -->'),
        _listing_post(id="1sk0003"))
    assert sorted(stored) == ["reddit:1sk0002", "reddit:1sk0003"]


def test_a_hiring_posts_title_in_dashed_segments_gives_role_company_place_and_pay(
        replay: ReplayServer, tmp_path: Path) -> None:
    """"[Hiring] ML Engineer - Acme - Remote" and "Hiring - ML Engineer - Berlin" were kept
    whole with no role, company or place (the HN reader takes spaced dashes as separators
    only with more fields); a one-word company after the role ("| Initech |") was dropped;
    a range with no currency ("120-150k") gave no pay, though the title names the country.
    A segment that is a field ("Computer Vision") or a note ("YC startup") is no company,
    and a range with no place to tell its currency stays without pay."""
    titles = {"1sg0001": "[Hiring] ML Engineer - Acme - Remote",
              "1sg0002": "Hiring - ML Engineer - Berlin",
              "1sg0003": "[Hiring] Senior ML Engineer | Initech | Remote",
              "1sg0004": "[Hiring] Data Scientist | Acme | Remote, US | 120-150k",
              "1sg0005": "[Hiring] Senior ML Engineer - Computer Vision - Remote",
              "1sg0006": "[Hiring] Founding ML Engineer - YC startup - SF",
              "1sg0007": "[Hiring] ML Engineer | Globex | Remote | 150-180k"}
    stored = _sync_titles(replay, tmp_path, titles)
    read = {pid: (p.title, p.company, p.locations, p.remote) for pid, p in stored.items()}
    assert read == {
        "1sg0001": ("ML Engineer", "Acme", (), "remote"),
        "1sg0002": ("ML Engineer", None, ("Berlin",), "unknown"),
        "1sg0003": ("Senior ML Engineer", "Initech", (), "remote"),
        "1sg0004": ("Data Scientist", "Acme", ("Remote, US",), "remote"),
        "1sg0005": ("Senior ML Engineer", None, (), "remote"),
        "1sg0006": ("Founding ML Engineer", None, ("SF",), "unknown"),
        "1sg0007": ("ML Engineer", "Globex", (), "remote")}
    pay = stored["1sg0004"].salary
    assert pay is not None
    assert (pay.min, pay.max, pay.currency) == (120_000, 150_000, "USD")
    assert stored["1sg0007"].salary is None


def test_an_untagged_seeker_saying_so_is_a_seeker(replay: ReplayServer, tmp_path: Path) -> None:
    """A seeker who writes no tag and no template ("Looking for ML roles! DM me.") was stored
    as a job, in a thread's comment or as a post titled so: the lead allowed no word between
    "looking for" and "roles". A company's "Looking for ML engineers for these roles", and a
    question ("Looking for a job that matters? ..."), stay jobs. A lead after a greeting ("Hey
    all, looking for ML roles") is a seeker's too."""
    said = {"kc0911": "Looking for ML roles! 5 yrs PyTorch, based in Toronto. DM me.",
            "kc0912": "I am looking for entry-level data science positions in the EU.\n"
                      "MSc in statistics, Python and SQL.",
            "kc0913": "Looking for ML engineers for these roles | Acme AI | Remote (EU)",
            "kc0914": "Looking for a job that matters? Acme AI is hiring ML engineers in "
                      "Berlin. Apply at https://acme.ai/jobs",
            "kc0915": "Hey all, looking for ML roles in Lisbon, 3 years of CV. DM me!",
            "kc0916": "Hi everyone, looking for ML engineers for our team | Globex | Remote"}
    done, stored = _sync_thread_with(replay, tmp_path, "free", said)
    assert done.seekers == 3
    assert sorted(stored) == ["reddit:kc0001", "reddit:kc0002", "reddit:kc0913",
                              "reddit:kc0914", "reddit:kc0916"]
    (tmp_path / "posts").mkdir()
    listed = _sync_listing(
        replay, tmp_path / "posts",
        _listing_post(id="1fs0001", title="Looking for ML roles in Berlin", link_flair_text=None,
                      selftext="5 years of NLP. DM me.", selftext_html=None),
        _listing_post(id="1fs0002"))
    assert sorted(listed) == ["reddit:1fs0002"]


def test_a_subreddit_name_reddit_does_not_know_fails_and_says_so(
        replay: ReplayServer, tmp_path: Path) -> None:
    """Reddit answers ``/r/<name>/new.json`` for a name no subreddit has with a redirect to
    its subreddit search (``/subreddits/search.json?q=<name>``, a Listing of ``t5``
    subreddits): read as the subreddit's listing, a typo gave no post and no error, the sync
    ending "new 0" as for a quiet subreddit. Now the unit fails, naming what the search found."""
    search = {"kind": "Listing", "data": {"after": None, "children": [
        {"kind": "t5", "data": {"display_name": name, "name": f"t5_{n}",
                                "url": f"/r/{name}/"}}
        for n, name in enumerate(["MLjobs", "MachineLearningJobs"])]}}
    replay.routes[route_key("/r/MLJobz/new.json", {"limit": "100", "raw_json": "1"})] = Reply(
        b"", status=302, headers={"Location": "/subreddits/search.json?q=MLJobz"})
    replay.routes[route_key("/subreddits/search.json", {"q": "MLJobz"})] = Reply(
        json.dumps(search).encode())
    done = _sync_unsure(tmp_path, f'[[sources]]\nname = "r"\ntype = "reddit"\n'
                        f'subreddits = ["MLJobz", "MLjobs"]\nbase_url = "{replay.url}"\n')
    (error,) = done.errors
    assert error.startswith("[r/MLJobz] reddit: Reddit has no subreddit called 'MLJobz' (it "
                            "sent its subreddit search instead); check the name in subreddits "
                            "(its search found: MLjobs, MachineLearningJobs)")
    assert done.new == 2  # (r/MLjobs read as ever)


def test_a_refusal_says_what_reddit_says(replay: ReplayServer, tmp_path: Path) -> None:
    """Reddit answers 403 for a private subreddit (``{"reason": "private", ...}``), a
    quarantined or gated one, and, with no reason, when it refuses to be read without an
    account: each said "the server refuses access: a private board or page cannot be read;
    remove it or check the address", sending the user to check a right address."""
    answers = {"secret": {"reason": "private", "message": "Forbidden", "error": 403},
               "edgy": {"reason": "quarantined", "quarantine_message": "...",
                        "message": "Forbidden", "error": 403},
               "MLjobs": {"message": "Forbidden", "error": 403}}
    for name, answer in answers.items():
        replay.routes[route_key(f"/r/{name}/new.json", {"limit": "100", "raw_json": "1"})] = \
            Reply(json.dumps(answer).encode(), status=403)
    done = _sync_unsure(tmp_path, f'[[sources]]\nname = "r"\ntype = "reddit"\nsubreddits = '
                        f'["secret", "edgy", "MLjobs"]\nbase_url = "{replay.url}"\n')
    said = {e.partition("]")[0].removeprefix("[r/"): e.partition(".json?limit=100&raw_json=1)")[2]
            for e in done.errors}
    assert said == {
        "secret": "; r/secret is private: only its approved members can read it; remove it "
                  "from the config",
        "edgy": "; r/edgy is quarantined: Reddit shows it only to an account that has agreed "
                "to see it, and mljobs reads Reddit without one; remove it from the config",
        "MLjobs": "; Reddit refused without saying why: it refuses reading without an account "
                  "from many networks and programs, and mljobs has none; if the page opens in "
                  "a private browser window, try again later, else remove this source"}
    assert all(e.split("] ")[1].startswith("reddit: HTTP 403 Forbidden (") for e in done.errors)


def test_a_dashed_titles_segment_of_terms_is_no_company(replay: ReplayServer,
                                                        tmp_path: Path) -> None:
    """The segment after a leading role is the company only when it names one: what a
    title says of the terms there (the kind of employment, the level, the pay, a note on the
    offer, as the HN reader classifies a header's segment) is no company.

    Before: "Full Time", "Contract", "Senior", "100k", "Equity" and "3 Openings" were stored
    as the company (a company facet of "Full Time")."""
    titles = {"1tm0001": "[Hiring] ML Engineer - Full Time - Remote",
              "1tm0002": "[Hiring] ML Engineer - Contract - Remote",
              "1tm0003": "[Hiring] ML Engineer - Senior - Remote",
              "1tm0004": "[Hiring] ML Engineer - 100k - Remote, US",
              "1tm0005": "[Hiring] ML Engineer - Equity - Remote",
              "1tm0006": "[Hiring] ML Engineer - 3 Openings - Remote",
              "1tm0007": "[Hiring] ML Engineer - Entry Level - Remote",
              "1tm0008": "[Hiring] ML Engineer | Part Time | Remote",
              # (names stay names)
              "1tm0009": "[Hiring] Research Scientist - Google DeepMind - London",
              "1tm0010": "[Hiring] ML Engineer - Acme Inc. - NYC"}
    read = {pid: (p.title, p.company)
            for pid, p in _sync_titles(replay, tmp_path, titles).items()}
    assert read == {pid: ("ML Engineer", None) for pid in titles if pid < "1tm0009"} | {
        "1tm0009": ("Research Scientist", "Google DeepMind"),
        "1tm0010": ("ML Engineer", "Acme Inc.")}


def test_a_company_looking_for_people_for_work_is_no_seeker(replay: ReplayServer,
                                                           tmp_path: Path) -> None:
    """The few words a seeker's lead may put before the work it seeks ("Looking for ML
    roles") are no "<whom> for" ("Looking for Python devs for contract work", "Looking for
    annotators for contract roles", "Looking for interns for roles in Berlin") and run over
    no sentence's end ("Looking for annotators. Contract role, $20/hr"): those are a
    company's leads, and their comments jobs.

    Before: each was read as a seeker's lead, and the job left out of the store."""
    said = {"kc0921": "Looking for Python devs for contract work | Acme AI | Remote (EU)\n"
                      "We build ML tooling; PyTorch and Kubernetes.",
            "kc0922": "Looking for annotators for contract roles | Globex | Remote, $25/hr",
            "kc0923": "Looking for interns for roles in Berlin | Initech | ML research",
            "kc0924": "Looking for annotators. Contract role, $20/hr, remote. Apply at "
                      "https://acme.ai/jobs",
            "kc0925": "Looking for new grads for full-time positions | Acme AI | NYC",
            "kc0926": "Looking for remote ML contract roles. 6 years of NLP. DM me."}
    done, stored = _sync_thread_with(replay, tmp_path, "free", said)
    assert done.seekers == 1  # the last: a seeker's, still
    assert sorted(stored) == ["reddit:kc0001", "reddit:kc0002", *(f"reddit:{k}" for k in sorted(said) if k != "kc0926")]


def test_a_one_word_area_after_the_role_is_no_company(replay: ReplayServer,
                                                      tmp_path: Path) -> None:
    """"[Hiring] ML Engineer - Search - Remote": the team or area of the work after the role
    ("Search", "Ads", "Ranking", "Infra", "Platform", "Perception") was taken for the company,
    "Search". A one-word name there (Acme, Initech, Globex) is still the company."""
    titles = {"1ar0001": "[Hiring] ML Engineer - Search - Remote",
              "1ar0002": "[Hiring] Senior ML Engineer | Ads | NYC",
              "1ar0003": "[Hiring] Applied Scientist - Ranking - Seattle, WA",
              "1ar0004": "[Hiring] ML Engineer - Infra - Remote (US)",
              "1ar0005": "[Hiring] Research Engineer | Perception | Remote",
              "1ar0006": "[Hiring] ML Engineer | Platform | Berlin",
              "1ar0007": "[Hiring] ML Engineer - Acme - Remote",
              "1ar0008": "[Hiring] Data Scientist | Globex | Remote"}
    stored = _sync_titles(replay, tmp_path, titles)
    companies = {pid: p.company for pid, p in stored.items()}
    assert companies == {"1ar0001": None, "1ar0002": None, "1ar0003": None, "1ar0004": None,
                         "1ar0005": None, "1ar0006": None, "1ar0007": "Acme",
                         "1ar0008": "Globex"}
    assert stored["1ar0001"].title == "ML Engineer"
    assert stored["1ar0003"].locations == ("Seattle, WA",)


def test_a_companys_name_with_a_digit_or_a_domain_is_still_its_name(replay: ReplayServer,
                                                                     tmp_path: Path) -> None:
    """Real firms' names (the corpus's companies) after a leading role: a digit in a word of
    the name ("23andMe", "Point72 Ventures", "Life360") is no pay or count of openings, and a
    name that is a domain ("Beautiful.ai", "Bill.com") is no link. Before, each was read as a
    note on the offer or a URL and the company was None (90 of the 1,948 company names of
    the corpus, dev sets and demo; 24 after, each with a figure alone or by one letter). A figure standing alone, or with a letter ("H1B"),
    is still no name."""
    titles = {"1dg0001": "[Hiring] Data Scientist - 23andMe - Remote",
              "1dg0002": "[Hiring] ML Engineer - Point72 Ventures - New York, NY",
              "1dg0003": "[Hiring] ML Engineer | Life360 | Remote",
              "1dg0004": "[Hiring] ML Engineer - Beautiful.ai - Remote",
              "1dg0005": "[Hiring] Data Scientist | Bill.com | San Jose, CA",
              "1dg0006": "[Hiring] ML Engineer - 2 Openings - Remote",
              "1dg0007": "[Hiring] ML Engineer - 150k - Remote, US",
              "1dg0008": "[Hiring] ML Engineer - H1B - Remote, US"}
    companies = {pid: p.company for pid, p in _sync_titles(replay, tmp_path, titles).items()}
    assert companies == {"1dg0001": "23andMe", "1dg0002": "Point72 Ventures",
                         "1dg0003": "Life360", "1dg0004": "Beautiful.ai",
                         "1dg0005": "Bill.com", "1dg0006": None, "1dg0007": None,
                         "1dg0008": None}


def test_years_or_hours_of_the_offer_are_still_no_name(replay: ReplayServer,
                                                      tmp_path: Path) -> None:
    """A figure with its unit in one word ("5yrs", "40hrs", "5YoE", "6mo") is what the
    offer asks or gives, not a firm named with a digit ("23andMe", "1010data"): no company.
    Before, a word of digits and two letters or more was taken out before the offer's digit
    test, and "[Hiring] ML Engineer - 5yrs - Remote" gave the company "5yrs" (None before
    that change); the names of the corpus, dev sets and demo come back as before."""
    titles = {"1yr0001": "[Hiring] ML Engineer - 5yrs - Remote",
              "1yr0002": "[Hiring] Data Scientist | 40hrs | Remote",
              "1yr0003": "[Hiring] ML Engineer - 5YoE - Remote, US",
              "1yr0004": "[Hiring] ML Engineer - 10yrs Exp - Remote",
              "1yr0005": "[Hiring] ML Engineer - 6mo - Remote",
              "1yr0006": "[Hiring] ML Engineer - 1010data - New York, NY"}
    companies = {pid: p.company for pid, p in _sync_titles(replay, tmp_path, titles).items()}
    assert companies == {"1yr0001": None, "1yr0002": None, "1yr0003": None, "1yr0004": None,
                         "1yr0005": None, "1yr0006": "1010data"}


def test_a_firm_named_as_its_product_is_still_the_company(replay: ReplayServer,
                                                          tmp_path: Path) -> None:
    """A firm whose product the skills taxonomy lists under the firm's name (Stripe, MongoDB,
    Cloudflare, Datadog: a platform, a database, a tool) is the company after a leading
    role; a kind of work, a language or a framework there ("Computer Vision", "Python",
    "PyTorch") is still none. Before, every skill's name was no company: 32 of the 1,948
    company names of the corpus, dev sets and demo (4 after: libraries, "Mapbox")."""
    titles = {"1pd0001": "[Hiring] ML Engineer - Stripe - San Francisco, CA",
              "1pd0002": "[Hiring] Data Scientist | MongoDB | New York, NY",
              "1pd0003": "[Hiring] ML Engineer - Cloudflare - Remote",
              "1pd0004": "[Hiring] ML Engineer - Datadog - Remote",
              "1pd0005": "[Hiring] ML Engineer - Computer Vision - Remote",
              "1pd0006": "[Hiring] ML Engineer - Python - Remote",
              "1pd0007": "[Hiring] ML Engineer - PyTorch - Remote"}
    companies = {pid: p.company for pid, p in _sync_titles(replay, tmp_path, titles).items()}
    assert companies == {"1pd0001": "Stripe", "1pd0002": "MongoDB", "1pd0003": "Cloudflare",
                         "1pd0004": "Datadog", "1pd0005": None, "1pd0006": None,
                         "1pd0007": None}


def test_a_product_or_model_after_the_role_is_no_company(replay: ReplayServer,
                                                         tmp_path: Path) -> None:
    """A product or model a title names after its role is what the work uses, not the firm
    that posts it ("Kubernetes", "Spark", "Docker", "AWS", "BERT", "YOLO", "Llama",
    "ChatGPT": ``skills.product_keys``), while a firm named as its product stays the company
    ("Stripe", "Datadog", "MongoDB", "OpenAI", "Anthropic", "Cohere"). Before, all 14 were
    read as the company: of the taxonomy's 1,989 product and model names, 1,907 before and
    1,439 after; of the 1,948 real company names, none lost."""
    products = ["Kubernetes", "Spark", "Docker", "AWS", "BERT", "YOLO", "Llama", "ChatGPT"]
    firms = ["Stripe", "Datadog", "MongoDB", "OpenAI", "Anthropic", "Cohere"]
    titles = {f"1pe{i:04d}": f"[Hiring] ML Engineer - {name} - Remote"
              for i, name in enumerate([*products, *firms])}
    companies = [p.company for _, p in sorted(_sync_titles(replay, tmp_path, titles).items())]
    assert companies == [*[None] * len(products), *firms]


def test_a_name_led_by_a_code_of_digits_and_a_letter_is_the_company(replay: ReplayServer,
                                                                    tmp_path: Path) -> None:
    """A firm's name led by a word of digits and one letter ("10x Genomics", "N26 SE",
    "Q2 Solutions", "A24 Films") is the company; such a word alone or with a note on the
    offer is a visa's, a tax form's or the pay's ("H1B", "W2 Only", "150k Base", "H1B
    Sponsored"), and one after the name a version ("Oracle 19c"): no company. Before, all
    four names were dropped (7 of the 1,948 real company names: 360 dropped now, 367 before)."""
    names = ["10x Genomics", "N26 SE", "Q2 Solutions", "A24 Films"]
    notes = ["H1B", "W2 Only", "150k Base", "H1B Sponsored", "Oracle 19c"]
    titles = {f"1pf{i:04d}": f"[Hiring] Data Scientist - {name} - Remote"
              for i, name in enumerate([*names, *notes])}
    companies = [p.company for _, p in sorted(_sync_titles(replay, tmp_path, titles).items())]
    assert companies == [*names, *[None] * len(notes)]


def test_a_name_of_digits_or_led_by_a_number_is_the_company(replay: ReplayServer,
                                                            tmp_path: Path) -> None:
    """A firm named by a number ("605") or led by one ("9 Mothers", "9 Mothers Defense") is
    the company; a number that counts what the offer has ("3 Openings", "4 Days Onsite", "100
    Percent Remote", "6 Figures"), a year ("2026") and the first figure of a pay range that
    the title's dashes split ("55 - 85k EUR") are not; and "H2 Database" is a product the work
    uses, no firm. Before, the three names were dropped (3 of readI's 1,948 real company
    names: 357 dropped now, 360 before) and "H2 Database" was the company."""
    names = ["605", "9 Mothers", "9 Mothers Defense"]
    notes = ["3 Openings", "4 Days Onsite", "100 Percent Remote", "6 Figures", "2026",
             "55 - 85k EUR", "H2 Database", "1 Year Contract", "3 Rounds"]
    titles = {f"1pg{i:04d}": f"[Hiring] Data Scientist - {name} - Remote"
              for i, name in enumerate([*names, *notes])}
    companies = [p.company for _, p in sorted(_sync_titles(replay, tmp_path, titles).items())]
    assert companies == [*names, *[None] * len(notes)]


def test_how_many_are_hired_is_no_role_and_the_role_no_company(replay: ReplayServer,
                                                               tmp_path: Path) -> None:
    """A segment that says how many are hired beside the role ("2 Roles", "Multiple
    Positions", "3 Positions") is neither: before, the HN header reader took it for the role
    and the role before it for the company ("ML Engineer"). A count beside a company and no
    role ("Acme Robotics - Multiple Roles") is read as before."""
    titles = {"1ph0001": "[Hiring] ML Engineer - 2 Roles - Remote",
              "1ph0002": "[Hiring] Data Scientist - Multiple Positions - NYC",
              "1ph0003": "[Hiring] ML Engineer - Acme Robotics - 2 Roles - Berlin, Germany",
              "1ph0004": "[Hiring] Acme AI | ML Engineer | 3 Positions | Remote | $150k-$180k",
              "1ph0005": "[Hiring] Acme Robotics - Multiple Roles - Remote"}
    read = {pid: (p.title, p.company) for pid, p in _sync_titles(replay, tmp_path, titles).items()}
    assert read == {"1ph0001": ("ML Engineer", None), "1ph0002": ("Data Scientist", None),
                    "1ph0003": ("ML Engineer", "Acme Robotics"),
                    "1ph0004": ("ML Engineer", "Acme AI"),
                    "1ph0005": ("Multiple Roles", "Acme Robotics")}


def test_a_pay_range_the_titles_dashes_split_is_the_whole_range(replay: ReplayServer,
                                                                tmp_path: Path) -> None:
    """"ML Engineer - 150 - 200k USD - Remote": the spaced dash that parts the segments also
    parts the range. Before, the pay was its second figure alone (200,000-200,000), or its
    first read as an hourly rate ("$150 - $200k": $150 an hour). A firm named by a number
    before its pay ("605 - $150k") is no range."""
    titles = {"1pr0001": "[Hiring] ML Engineer - 150 - 200k USD - Remote",
              "1pr0002": "[Hiring] Data Scientist - $150 - $200k - Remote",
              "1pr0003": "[Hiring] ML Engineer - Acme Robotics - 55 - 85k EUR - Berlin",
              "1pr0004": "[Hiring] MLOps Engineer - 100 - 140 EUR/day - Remote",
              "1pr0005": "[Hiring] ML Engineer - 605 - $150k - Remote"}
    read = {pid: (p.company, _pay(p))
            for pid, p in _sync_titles(replay, tmp_path, titles).items()}
    assert read == {"1pr0001": (None, (150000, 200000, "USD", "year")),
                    "1pr0002": (None, (150000, 200000, "USD", "year")),
                    "1pr0003": ("Acme Robotics", (55000, 85000, "EUR", "year")),
                    "1pr0004": (None, (100, 140, "EUR", "day")),
                    "1pr0005": (None, (150000, 150000, "USD", "year"))}


def test_a_year_or_a_count_before_the_pay_is_no_range(replay: ReplayServer,
                                                      tmp_path: Path) -> None:
    """"H1B - 2025 - $150,000": the year rises to the pay but is no part of it. Joined as a
    range, 2,025-150,000 was no one's pay and the title's stated $150,000 was shown nowhere;
    a range whose figures are close, "$22 - $70/hr", is still one."""
    titles = {"1py0001": "[Hiring] ML Engineer - H1B - 2025 - $150,000 - Remote",
              "1py0002": "[Hiring] ML Engineer - Acme Robotics - 2026 - $180,000",
              "1py0003": "[Hiring] ML Engineer - 3 - $180,000 - Remote",
              "1py0004": "[Hiring] ML Engineer - $22 - $70/hr - Remote"}
    read = {pid: (p.company, _pay(p))
            for pid, p in _sync_titles(replay, tmp_path, titles).items()}
    assert read == {"1py0001": (None, (150000, 150000, "USD", "year")),
                    "1py0002": ("Acme Robotics", (180000, 180000, "USD", "year")),
                    "1py0003": (None, (180000, 180000, "USD", "year")),
                    "1py0004": (None, (22, 70, "USD", "hour"))}


def test_an_hourly_range_wider_than_tenfold_is_one(replay: ReplayServer,
                                                  tmp_path: Path) -> None:
    """"$9 - $100/hr", a data-annotation gig's range: the tenfold rule of a range as written
    kept its figures apart, and the pay read was $9 an hour alone. A figure without a
    currency before an hourly rate ("3 - $100/hr") is still no part of it."""
    titles = {"1ph0101": "[Hiring] ML Engineer - Acme Labs - $9 - $100/hr - Remote",
              "1ph0102": "[Hiring] Data Scientist - $15 - $200 per hour - Remote",
              "1ph0103": "[Hiring] Data Scientist - 3 - $100/hr - Remote"}
    read = {pid: _pay(p) for pid, p in _sync_titles(replay, tmp_path, titles).items()}
    assert read == {"1ph0101": (9, 100, "USD", "hour"),
                    "1ph0102": (15, 200, "USD", "hour"),
                    "1ph0103": (100, 100, "USD", "hour")}


def test_a_range_whose_first_figure_is_in_thousands_is_still_one(replay: ReplayServer,
                                                                 tmp_path: Path) -> None:
    """"$90 - $180,000" (the corpus writes "$154-190,000"): the first figure is written in
    thousands of the second's. The tenfold rule of a range as written ("2025 - $150,000" no
    range) kept it apart, and the pay read was "$90", $90 an hour, where it was 90,000 to
    180,000 a year; a year or a count before the pay is still none ("3 - $180,000").
    (readY) Only a figure in a currency without its own "k" is so read: "$90K - $180,000"
    joined was a range the pay reader reads as no pay (where "$90K" was read before), and a
    bare count before a monthly pay, "2 - $15,000/month", read as 2,000 to 15,000 a month."""
    titles = {"1pt0001": "[Hiring] ML Engineer - Acme Robotics - $90 - $180,000 - Remote",
              "1pt0002": "[Hiring] ML Engineer - $154 - $190,000 - Remote",
              "1pt0003": "[Hiring] ML Engineer - H1B - 2025 - $150,000 - Remote",
              "1pt0004": "[Hiring] ML Engineer - 3 - $180,000 - Remote",
              "1pt0005": "[Hiring] ML Engineer - Acme Robotics - $90K - $180,000 - Remote",
              "1pt0006": "[Hiring] ML Engineer - 2 - $15,000/month - Remote",
              "1pt0007": "[Hiring] ML Engineer - 20 - $200,000 - Remote"}
    read = {pid: _pay(p) for pid, p in _sync_titles(replay, tmp_path, titles).items()}
    assert read == {"1pt0001": (90000, 180000, "USD", "year"),
                    "1pt0002": (154000, 190000, "USD", "year"),
                    "1pt0003": (150000, 150000, "USD", "year"),
                    "1pt0004": (180000, 180000, "USD", "year"),
                    "1pt0005": (90000, 90000, "USD", "year"),
                    "1pt0006": (15000, 15000, "USD", "month"),
                    "1pt0007": (200000, 200000, "USD", "year")}
