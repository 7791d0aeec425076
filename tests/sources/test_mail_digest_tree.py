"""The mail HTML tree that ``mail_digest`` reads jobs from: what browsers do with links
left open and with very deep nesting (both made reading a mail's jobs quadratic)."""

from __future__ import annotations

from mljobs.sources.mail_digest import MAX_DEPTH, _TreeBuilder, html_jobs


def _tree(html: str) -> _TreeBuilder:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder


def test_a_link_opened_inside_an_open_link_closes_it() -> None:
    """Before: each unclosed <a> held all the links after it, and reading each link's text
    read all the rest (5,000 such links: two minutes)."""
    tree = _tree("".join(f"<a href='https://jobs.example.com/view/{i}'><b>ML Engineer {i}"
                         for i in range(3)))
    assert [a.parent for a in tree.anchors] == [tree.root] * 3
    assert [a.href for a in tree.anchors] == [f"https://jobs.example.com/view/{i}"
                                              for i in range(3)]


def test_elements_nested_deeper_than_the_limit_become_siblings() -> None:
    html = "<div>" * (MAX_DEPTH + 100) + "<p><a href='https://jobs.example.com/view/1'>x</a>"
    tree = _tree(html)
    depth, node = 0, tree.anchors[0]
    while node.parent is not None:
        depth, node = depth + 1, node.parent
    assert depth <= MAX_DEPTH + 1


def test_a_digest_under_ordinary_nesting_still_reads_one_job_per_link() -> None:
    html = "<div>" * 40 + "".join(
        f"<p><a href='https://jobs.example.com/view/{i}'>ML Engineer {i}</a><br>Acme · Remote"
        for i in range(3)) + "</div>" * 40
    assert [job.url for job in html_jobs(html)] == [f"https://jobs.example.com/view/{i}"
                                                    for i in range(3)]
