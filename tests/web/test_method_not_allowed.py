"""A request with a method a path does not answer gets a 405 that names the request and the
methods the path answers, on the error page and in the API's error shape (it said only
"Method Not Allowed"), with the Allow header."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def test_a_page_names_the_method_and_what_it_answers(client: TestClient) -> None:
    response = client.post("/", data={"q": "pytorch"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one(".error-message").get_text() == \
        "POST / is not served; this path answers GET and HEAD."


def test_the_api_says_it_in_its_error_shape(client: TestClient) -> None:
    response = client.delete("/api/search")
    assert response.status_code == 405
    assert response.json() == {"ok": False, "status": 405, "errors": [],
                               "error": "DELETE /api/search is not served; "
                                        "this path answers GET and HEAD."}
    response = client.get("/api/match")
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    assert response.json()["error"] == "GET /api/match is not served; this path answers POST."


def test_a_path_of_two_routes_names_the_methods_of_both(client: TestClient) -> None:
    """``/match`` is served by two routes, the form (GET) and its answer (POST): a 405 said
    ``Allow: GET, HEAD`` and "answers GET and HEAD", the methods of the first route alone,
    so a client reading it would not send the POST the match form itself sends."""
    response = client.delete("/match")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, POST"
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one(".error-message").get_text() == \
        "DELETE /match is not served; this path answers GET, HEAD and POST."
    assert client.head("/match").status_code == 200  # (each method it names is answered)
    assert client.get("/match").status_code == 200
    assert client.post("/match", data={"resume_text": "PyTorch engineer"}).status_code != 405
