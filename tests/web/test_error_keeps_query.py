"""A search the server refuses (nine prefixes, a page past the last one shown) answers an
error page that holds the words typed in a search box, with the other fields kept: its only
way on was "Back to search", an empty search page, so the words had to be typed again."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

PREFIXES = "py* co* re* in* da* ma* le* en* op*"


def _form(text: str) -> tuple[str, list[tuple[str, str]]]:
    page = BeautifulSoup(text, "html.parser")
    box = page.select_one(".error form.searchbar input[name=q]")
    assert box is not None, "the error page has no search box"
    assert box.has_attr("autofocus")
    hidden = [(str(i["name"]), str(i["value"]))
              for i in page.select(".error form.searchbar input[type=hidden]")]
    return str(box["value"]), hidden


def test_a_refused_query_can_be_edited_on_its_error_page(client: TestClient) -> None:
    response = client.get("/", params={"q": PREFIXES, "remote": "remote", "sort": "date",
                                       "page": "2"})
    assert response.status_code == 400
    assert "9 words ending in *" in response.text
    words, hidden = _form(response.text)
    assert words == PREFIXES
    assert hidden == [("remote", "remote"), ("sort", "date")]  # the page starts again at 1


def test_the_field_the_message_names_is_left_for_the_seeker_to_set_again(
        client: TestClient) -> None:
    response = client.get("/", params={"q": "pytorch", "salary_min": "abc",
                                       "archetype": "research-engineer"})
    assert response.status_code == 400
    assert "salary_min='abc' is not a number" in BeautifulSoup(response.text, "html.parser").text
    words, hidden = _form(response.text)
    assert words == "pytorch"
    assert hidden == [("archetype", "research-engineer")]
    again = client.get("/", params={"q": words, **dict(hidden)})
    assert again.status_code == 200


def test_other_error_pages_keep_their_one_link(client: TestClient) -> None:
    for response in (client.get("/", params={"salary_min": "abc"}),
                     client.get("/posting/nope", params={"q": "pytorch"})):
        page = BeautifulSoup(response.text, "html.parser")
        assert response.status_code in (400, 404)
        assert page.select_one(".error form") is None
        assert page.select_one(".error a[href='/']").get_text() == "Back to search"


def _resubmit(client: TestClient, words: str, hidden: list[tuple[str, str]]) -> int:
    """The status of the error page's form sent as a browser sends it (every hidden field)."""
    return client.get("/", params=[("q", words), *hidden]).status_code


def test_a_field_refused_without_its_name_and_an_equals_sign_is_left_out(
        client: TestClient) -> None:
    # a mistyped field, a field given twice, a value that merely holds another field's
    # name: each was kept (or dropped) by whether the message read "name=", so the form
    # failed again with the same message, or lost a filter that was right
    cases = [
        ([("salry_min", "100000")], "unknown parameter 'salry_min'", []),
        ([("sort", "date"), ("sort", "relevance")], "'sort' is given more than once", []),
        ([("since", "remote=yes")], "since='remote=yes' is not a period", []),
        ([("skills", f"skill-{n}") for n in range(101)], "more than 100 filter values",
         [("skills", f"skill-{n}") for n in range(99)]),  # (remote is the hundredth)
    ]
    for given, said, kept in cases:
        response = client.get("/", params=[("q", "pytorch"), ("remote", "remote"), *given])
        assert response.status_code == 400, given
        assert said in BeautifulSoup(response.text, "html.parser").text
        words, hidden = _form(response.text)
        assert words == "pytorch"
        assert hidden == [("remote", "remote"), *kept], given[:2]
        assert _resubmit(client, words, hidden) == 200, given[:2]


def test_a_link_trackers_tag_rides_along(client: TestClient) -> None:
    response = client.get("/", params={"q": "pytorch", "utm_source": "news", "page": "x"})
    words, hidden = _form(response.text)
    assert hidden == [("utm_source", "news")]
    assert _resubmit(client, words, hidden) == 200
