"""What a program built on the JSON API meets, checked as such a program reads the answers
(apiA's session of using every endpoint from a script against the demo store)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mljobs.store import SQLiteStore
from mljobs.web import create_app

from .conftest import DUP_CANONICAL, HOSTILE_ID, NOW

API_GETS = ("/api", "/api/search?q=pytorch", "/api/stats", "/api/dashboard",
            "/api/dashboard/skills", "/api/dashboard/skills?format=csv", "/api/openapi.json",
            "/api/postings/nope:1", "/api/nothing", "/api/search?limit=0")


@pytest.mark.parametrize("url", API_GETS)
def test_an_api_answer_is_asked_again_not_kept_as_a_static_file(client: TestClient,
                                                                 url: str) -> None:
    """An API answer had no ``Cache-Control`` (a static file has one): a cache between the
    server and a client could keep a search's answer by its own heuristics and serve it after
    the store changed. ``no-cache``: a cache asks the server again before it reuses one."""
    assert client.get(url).headers["cache-control"] == "no-cache"


def test_every_answer_in_the_api_error_shape_is_not_kept(client: TestClient) -> None:
    """A path that starts ``/api`` but is none of its paths (``/apifoo``) is answered in the
    API's JSON error shape (``wants_json``), yet had no ``Cache-Control``: the header took
    ``/api/`` paths alone. A 404 may be kept by a cache's own heuristics (RFC 9111 4.2.2)."""
    response = client.get("/apifoo")
    assert response.status_code == 404 and response.json()["ok"] is False
    assert response.headers["cache-control"] == "no-cache"
    assert "cache-control" not in client.get("/nothing").headers  # (a page's: as it was)


def test_a_server_error_of_the_api_is_not_kept_either(tmp_path: Path) -> None:
    """A 500 of an unexpected error is answered outside the middleware that sets the API's
    ``Cache-Control`` (Starlette's outermost handler), so it had none: a cache could keep
    the error and answer it after the fault was mended."""
    store = SQLiteStore(tmp_path / "broken.sqlite3")
    app = create_app(store=store)
    store.conn.execute(  # (a row whose data is not JSON: reading it fails, as in test_pages)
        "INSERT INTO postings(id, source, source_id, title, remote, status, first_seen, "
        "last_seen, content_hash, rev, data) VALUES ('x:1','x','1','t','unknown','open',"
        "'2026-01-01','2026-01-01','h',1,'{not json')")
    with TestClient(app, raise_server_exceptions=False) as c:
        api = c.get("/api/postings/x:1")
        assert api.status_code == 500 and api.json()["status"] == 500
        assert api.headers["cache-control"] == "no-cache"
        page = c.get("/posting/x:1")  # (a page's error is as it was: no API header)
        assert page.status_code == 500 and "cache-control" not in page.headers



@pytest.mark.parametrize("method", ["POST", "DELETE", "OPTIONS"])
def test_a_405_allows_head_where_get_is_served(client: TestClient, method: str) -> None:
    """Every ``GET`` path answers ``HEAD`` (``SecurityHeaders``), yet a 405's ``Allow`` said
    ``GET`` alone, so a client reading it would not send the ``HEAD`` it may (RFC 9110 10.2.1:
    ``Allow`` lists the methods the resource supports)."""
    response = client.request(method, "/api/search")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert response.json()["error"] == (f"{method} /api/search is not served; "
                                        "this path answers GET and HEAD.")
    assert client.head("/api/search").status_code == 200  # (what it says it answers)
    match = client.get("/api/match")  # (POST alone: no HEAD added)
    assert match.status_code == 405 and match.headers["allow"] == "POST"


def test_an_api_404_points_a_program_to_the_api_not_the_search_page(client: TestClient) -> None:
    """An unknown API path and an unknown posting id said "Try the search page at /." and
    "search for it at /.": the web page, where a program built on the API finds no ids.
    The pages keep saying it."""
    assert client.get("/api/nothing").json()["error"] == (
        "Nothing here: /api/nothing. The API's endpoints are listed at /api.")
    assert client.get("/api/postings/nope:1").json()["error"] == (
        "No posting 'nope:1' in this store; find ids with /api/search.")
    assert "Try the search page at /." in client.get("/nothing").text
    assert "search for it at /." in client.get("/posting/nope:1").text


def test_the_schema_lists_the_errors_each_endpoint_answers(client: TestClient) -> None:
    """The schema listed 400 and 404 on every GET and no 500: a client generated from it
    expected a 404 from ``/api/stats`` and no ``ErrorBody`` from a server error, which
    comes in that shape (``test_pages``' broken store). 405 is the path's, not an
    operation's, and HEAD is GET's; neither is listed."""
    paths = client.get("/api/openapi.json").json()["paths"]
    listed = {path: sorted(code for code in operation["responses"] if code != "200")
              for path, operations in paths.items() for operation in operations.values()}
    assert listed == {
        "/api": ["400", "500"], "/api/search": ["400", "500"], "/api/stats": ["400", "500"],
        "/api/dashboard": ["400", "500"], "/api/postings/{ref}": ["400", "404", "500"],
        "/api/dashboard/{name}": ["400", "404", "500"], "/api/match": ["400", "413", "500"]}
    for operations in paths.values():
        for operation in operations.values():
            for code, answer in operation["responses"].items():
                if code != "200":
                    assert answer["content"]["application/json"]["schema"]["$ref"] == \
                        "#/components/schemas/ErrorBody"
    # the 404s the schema lists, the app answers (and where it lists none, none)
    assert client.get("/api/postings/nope:1").status_code == 404
    assert client.get("/api/dashboard/nope").status_code == 404
    # one table's CSV is in the schema as the app sends it
    table = paths["/api/dashboard/{name}"]["get"]["responses"]["200"]["content"]
    assert set(table) == {"application/json", "text/csv"}
    csv = client.get("/api/dashboard/skills?format=csv")
    assert csv.headers["content-type"].startswith("text/csv")


def test_a_search_answer_says_the_date_and_pay_it_was_filtered_by(client: TestClient) -> None:
    """``since`` and ``salary_min`` were in no key of the answer (``filters`` holds the facets
    only): a program could not tell a filtered answer from another, nor which day ``6m``
    meant. The answer now says ``posted_since`` (the day a period counts from, by the
    server's clock) and ``salary_min``, ``null`` when not given."""
    body = client.get("/api/search", params={"since": "2026-04-01", "salary_min": "100000",
                                             "limit": 1}).json()
    assert body["posted_since"] == "2026-04-01T00:00:00+00:00"
    assert body["salary_min"] == 100000
    period = client.get("/api/search", params={"since": "7d", "limit": 1}).json()
    assert period["posted_since"] == (NOW - timedelta(days=7)).isoformat()
    plain = client.get("/api/search", params={"limit": 1}).json()
    assert plain["posted_since"] is None and plain["salary_min"] is None


@pytest.mark.parametrize("given", ["", "CSV", "Csv"])
def test_a_table_format_is_read_as_sort_is_any_case_and_empty_as_not_given(
        client: TestClient, given: str) -> None:
    """``format=`` was a 400 ("'' is not one of the choices"), though a parameter given empty
    is read as not given in the API (docs/web.md), and ``format=CSV`` one too, though
    ``sort=DATE`` is the date sort."""
    response = client.get("/api/dashboard/skills", params={"format": given})
    assert response.status_code == 200, response.text
    if given:
        assert response.headers["content-type"].startswith("text/csv")
        assert response.text == client.get("/api/dashboard/skills?format=csv").text
    else:
        assert response.json() == client.get("/api/dashboard/skills").json()


def test_a_salary_min_of_nan_is_said_not_a_number(client: TestClient) -> None:
    """``salary_min=nan`` was refused as "Input should be greater than or equal to 0"."""
    body = client.get("/api/search?salary_min=nan").json()
    assert body["status"] == 400
    assert body["error"] == "salary_min: Input should be a finite number"


def _misfits(schema: dict[str, Any], value: Any, where: str,
             components: dict[str, Any]) -> list[str]:
    """Where ``value`` does not fit ``schema`` (keys and types, by hand: no jsonschema here)."""
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in schema:
        fits = any(not _misfits(s, value, where, components) for s in schema["anyOf"])
        return [] if fits else [f"{where}: {value!r:.60} fits none of {schema['anyOf']}"]
    if "enum" in schema:
        return [] if value in schema["enum"] else [f"{where}: {value!r} not in the enum"]
    kinds = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
             "array": list, "object": dict, "null": type(None)}
    kind = schema.get("type")
    if kind is None:
        return []
    if not isinstance(value, kinds[kind]) or (kind != "boolean" and isinstance(value, bool)):
        return [f"{where}: {type(value).__name__}, not {kind}"]
    out = []
    if kind == "object":
        props = schema.get("properties", {})
        if props:  # a documented object: its keys, and no other unless it allows others
            # (``Enrichment`` does: a multi-role post's ``roles``)
            other = set() if schema.get("additionalProperties") else set(value) - set(props)
            if (missing := set(props) - set(value)) or other:
                out.append(f"{where}: keys {sorted(missing)} missing, {sorted(other)} extra")
            out += [m for k in set(value) & set(props)
                    for m in _misfits(props[k], value[k], f"{where}.{k}", components)]
        elif isinstance(extra := schema.get("additionalProperties"), dict):
            out += [m for k, v in value.items()
                    for m in _misfits(extra, v, f"{where}[{k}]", components)]
    if kind == "array" and "items" in schema:
        out += [m for i, v in enumerate(value)
                for m in _misfits(schema["items"], v, f"{where}[{i}]", components)]
    return out


def test_the_search_answer_is_the_one_the_schema_documents(client: TestClient) -> None:
    """``/api/search``'s 200 was documented as "an object" (any keys, any types): a client
    generated from the schema knew nothing of hits, totals or facets. Now it is a model, and
    the real answers fit it key for key: a key added to the answer and not the model fails."""
    schema = client.get("/api/openapi.json").json()
    components = schema["components"]["schemas"]
    answer = schema["paths"]["/api/search"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    assert "$ref" in answer
    for params in ({"q": "pytorch"}, {"q": "engineer", "since": "2026-04-01",
                                      "salary_min": "50000", "archetype": "foo"}, {"limit": 100}):
        body = client.get("/api/search", params=params).json()
        assert body["hits"] or params.get("archetype")
        assert _misfits(answer, body, "search", components) == [], params
    pays = [h["pay"] for h in client.get("/api/search?limit=100").json()["hits"]]
    assert any(pays) and None in pays  # (both kinds of pay were checked)


@pytest.mark.parametrize(("path", "url"), [
    ("/api", "/api"), ("/api/stats", "/api/stats"), ("/api/dashboard", "/api/dashboard"),
    ("/api/dashboard", "/api/dashboard?archetype=research-engineer&trend=pytorh"),
    *(("/api/dashboard/{name}", f"/api/dashboard/{name}") for name in (
        "archetypes", "skills", "shares", "salaries", "months", "trends"))])
def test_the_other_answers_are_the_ones_the_schema_documents(client: TestClient, path: str,
                                                             url: str) -> None:
    """As ``/api/search``'s: documented as any object, now a model each, fitted key for key."""
    schema = client.get("/api/openapi.json").json()
    answer = schema["paths"][path]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    assert "$ref" in answer
    body = client.get(url).json()
    assert _misfits(answer, body, url, schema["components"]["schemas"]) == []


def test_a_posting_answer_is_the_one_the_schema_documents(client: TestClient) -> None:
    """``/api/postings/{id}`` was documented as any object; now the posting model with its
    ``duplicates`` and ``changes``, fitted key for key on postings with and without pay,
    enrichment and duplicates."""
    schema = client.get("/api/openapi.json").json()
    answer = schema["paths"]["/api/postings/{ref}"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    assert "$ref" in answer
    ids = [DUP_CANONICAL, HOSTILE_ID] + [h["id"] for h in client.get(
        "/api/search?limit=40&sort=date").json()["hits"]]
    bodies = [client.get(f"/api/postings/{i}").json() for i in ids]
    assert any(b["posting"]["duplicates"] for b in bodies)
    assert any(b["posting"]["salary"] for b in bodies)
    for i, body in zip(ids, bodies, strict=True):
        assert _misfits(answer, body, i, schema["components"]["schemas"]) == []


MATCH_RESUMES = {
    "ml": "Ada Lovelace\nMachine Learning Engineer\n2019-2024 ML Engineer at Acme: trained "
          "PyTorch models, 5 years of Python, deployed on Kubernetes. MSc Computer Science.",
    "chef": "Jane Doe\nHead chef\n2015-2024 Head chef at Le Bistro, Paris. Menus, staff of 12.",
}


@pytest.mark.parametrize("form", [{}, {"archetype": "research-engineer"},
                                  {"remote": "remote", "limit": "2"}])
@pytest.mark.parametrize("resume", sorted(MATCH_RESUMES))
def test_a_match_answer_is_the_one_the_schema_documents(client: TestClient, resume: str,
                                                        form: dict[str, str]) -> None:
    """``/api/match``'s 200 was documented as any object, the one answer of the API left so:
    now a model (profile, results, gaps or null, notes), fitted key for key on a resume of an
    ML role and one of no ML role (whose gaps are null unless an archetype is chosen)."""
    schema = client.get("/api/openapi.json").json()
    answer = schema["paths"]["/api/match"]["post"]["responses"]["200"]["content"][
        "application/json"]["schema"]
    assert answer == {"$ref": "#/components/schemas/MatchAnswer"}
    body = client.post("/api/match", data={"resume_text": MATCH_RESUMES[resume], **form}).json()
    assert body["ok"] is True and body["profile"]["skills"] or resume == "chef"
    assert (body["gaps"] is None) == (resume == "chef" and not form.get("archetype"))
    assert _misfits(answer, body, f"match {resume} {form}", schema["components"]["schemas"]) \
        == []
