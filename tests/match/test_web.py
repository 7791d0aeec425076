"""The /match page: upload a resume, see profile, matches and gaps; nothing kept unasked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.importer import import_file
from mljobs.pipeline import default_enricher
from mljobs.store import SQLiteStore
from mljobs.web import create_app
from mljobs.web.match_routes import MAX_UPLOAD

from .conftest import NOW, web_client


@pytest.fixture()
def client(tmp_path: Path, pool_path: Path) -> Iterator[TestClient]:
    with web_client(tmp_path, pool_path) as test_client:
        yield test_client


def _upload(client: TestClient, name: str, data: bytes, **form: str):  # type: ignore[no-untyped-def]
    return client.post("/match", files={"resume": (name, data)}, data=form)


def test_form(client: TestClient) -> None:
    res = client.get("/match")
    assert res.status_code == 200
    soup = BeautifulSoup(res.text, "html.parser")
    form = soup.select_one("form[action='/match#result']")
    assert form is not None and form["enctype"] == "multipart/form-data"
    assert soup.select_one("input[type=file][name=resume]") is not None


def test_upload_shows_profile_matches_and_gaps(
    client: TestClient, resume_path: Path, tmp_path: Path
) -> None:
    res = _upload(client, "dana.md", resume_path.read_bytes())
    assert res.status_code == 200, res.text
    soup = BeautifulSoup(res.text, "html.parser")
    skills = {s.get_text() for s in soup.select("#profile-skills .skill")}
    assert {"SQL", "scikit-learn"} <= skills
    items = soup.select("#matches li")
    assert items[0]["data-id"] == "file:t-ds-analytics"
    assert items[0].select_one(".breakdown") is not None
    assert "Data scientist (analytics)" in soup.select_one(".gaps h2").get_text()  # as search names it
    assert soup.select("#gaps tr")  # header row at least
    # each gap with its share and its number of postings, as `mljobs gaps` prints them
    cli = json.loads(CliRunner().invoke(app, ["--db", str(tmp_path / "web.sqlite3"), "gaps",
                                              str(resume_path), "--json"]).output)
    rows = [[td.get_text() for td in tr.select("td")] for tr in soup.select("#gaps tr")[1:]]
    assert rows and rows == [[g["skill"], f"{g['share']:.0%}", str(g["postings"])]
                         for g in cli["gaps"]]
    assert not (tmp_path / "resumes").exists()  # not saved unless asked


def test_save_when_asked(client: TestClient, resume_path: Path, tmp_path: Path) -> None:
    res = _upload(client, "../../dana cv.md", resume_path.read_bytes(), save="true")
    assert res.status_code == 200
    saved = list((tmp_path / "resumes").iterdir())
    assert [p.name for p in saved] == ["dana_cv.md"]  # the name cannot leave the folder


def test_save_never_writes_over_another_file(
    client: TestClient, resume_path: Path, tmp_path: Path
) -> None:
    # (a second "cv.md" replaced the first, and a person's own resumes/cv.md beside the store
    # was written over by what was uploaded)
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "cv.md").write_text("my own resume, kept by hand", encoding="utf-8")
    first = resume_path.read_bytes()
    second = first.replace(b"SQL", b"Spark")
    assert second != first
    for data in (first, second, first):
        res = _upload(client, "cv.md", data, save="true")
        assert res.status_code == 200, res.text
    assert (folder / "cv.md").read_text(encoding="utf-8") == "my own resume, kept by hand"
    assert sorted(p.name for p in folder.iterdir()) == ["cv-2.md", "cv-3.md", "cv.md"]
    assert (folder / "cv-2.md").read_bytes() == first  # the same bytes again: not kept twice
    assert (folder / "cv-3.md").read_bytes() == second
    said = BeautifulSoup(res.text, "html.parser").get_text(" ")
    assert str(folder / "cv-2.md") in said


def test_a_resumes_folder_that_cannot_be_made_keeps_the_matches(
    client: TestClient, resume_path: Path, tmp_path: Path
) -> None:
    # (a 500 page, the matches lost, a traceback in the server log)
    (tmp_path / "resumes").write_text("a file where the folder goes", encoding="utf-8")
    res = _upload(client, "dana.md", resume_path.read_bytes(), save="true")
    assert res.status_code == 200
    assert "Not saved" in _said_beside(res, "save")
    soup = BeautifulSoup(res.text, "html.parser")
    assert soup.select("#matches li")  # the matches are shown all the same


def test_archetype_choice_targets_gaps(client: TestClient, resume_path: Path) -> None:
    res = _upload(client, "dana.md", resume_path.read_bytes(), archetype="big-data-ml-engineer")
    soup = BeautifulSoup(res.text, "html.parser")
    assert [li["data-id"] for li in soup.select("#matches li")] == ["file:t-mlops"]
    assert "Big-data / ML platform engineer" in soup.select_one(".gaps h2").get_text()


def test_unknown_archetype_is_refused_as_the_cli_refuses_it(
    client: TestClient, resume_path: Path, tmp_path: Path
) -> None:
    res = _upload(client, "dana.md", resume_path.read_bytes(), archetype="Wizard")
    assert res.status_code == 400
    alert = BeautifulSoup(res.text, "html.parser").select_one("[role=alert]")
    assert alert is not None
    cli = CliRunner().invoke(app, ["match", str(resume_path), "--archetype", "Wizard",
                                   "--within", str(tmp_path / "unused.jsonl")])
    assert cli.exit_code == 1
    # one wording, from one check (mljobs.match.target_archetype)
    assert alert.get_text() in " ".join(cli.output.split())
    assert "choose one of ml-product-swe" in alert.get_text()
    # any case and spacing, as the CLI takes it
    ok = _upload(client, "dana.md", resume_path.read_bytes(), archetype=" Big-Data-ML-Engineer ")
    assert ok.status_code == 200


@pytest.mark.parametrize(("name", "data", "needle"), [
    ("cv.pdf", b"", "empty"),
    ("cv.docx", b"\x00\x01binary" * 100, "not a DOCX"),
    ("cv.exe", b"MZ", "unsupported resume format"),
])
def test_bad_files_get_a_clear_error(client: TestClient, name: str, data: bytes,
                                     needle: str) -> None:
    res = _upload(client, name, data)
    assert res.status_code == 400
    alert = BeautifulSoup(res.text, "html.parser").select_one("[role=alert]")
    assert alert is not None and needle in alert.get_text()


def test_html_in_a_resume_is_escaped(client: TestClient) -> None:
    text = b"<script>alert(1)</script> Jane\nData Scientist\nSQL, Tableau, Python, statistics\n"
    res = _upload(client, "x.txt", text)
    assert res.status_code == 200
    assert "<script>alert(1)</script>" not in res.text


def test_a_resume_with_no_ml_role_gets_notes_and_no_default_gaps(client: TestClient) -> None:
    text = (b"Jordan Smith\nFriendly and reliable team player\n\nExperience\n"
            b"Shift Supervisor, Corner Coffee Co.\nJan 2021 - Present\n- Trained new staff\n")
    res = _upload(client, "barista.txt", text)
    assert res.status_code == 200
    soup = BeautifulSoup(res.text, "html.parser")
    notes = [n.get_text() for n in soup.select(".profile .note")]
    assert len(notes) == 2 and "reads as no ML/data or software role" in notes[1]
    assert "Choose the archetype to learn for" in soup.select_one("#no-gaps").get_text()
    assert "kind of role" not in soup.select_one("#matches").get_text()
    chosen = _upload(client, "barista.txt", text, archetype="data-scientist-analytics")
    soup = BeautifulSoup(chosen.text, "html.parser")
    assert "Data scientist (analytics)" in soup.select_one(".gaps h2").get_text()


def test_the_match_api_gives_no_gaps_for_a_resume_of_no_ml_role_as_the_page(
        client: TestClient) -> None:
    """A resume read as no ML/data or software role: no gaps (null) unless an archetype is
    chosen, the notes saying why, as the page says it; with one, the page's gaps."""
    text = (b"Jordan Smith\nFriendly and reliable team player\n\nExperience\n"
            b"Shift Supervisor, Corner Coffee Co.\nJan 2021 - Present\n- Trained new staff\n")

    def api(**form: str) -> dict:  # type: ignore[type-arg]
        res = client.post("/api/match", files={"resume": ("barista.txt", text)}, data=form)
        assert res.status_code == 200, res.text
        return res.json()  # type: ignore[no-any-return]

    data = api()
    assert data["gaps"] is None and len(data["notes"]) == 2
    assert "reads as no ML/data or software role" in data["notes"][1]
    page = BeautifulSoup(_upload(client, "barista.txt", text).text, "html.parser")
    assert [" ".join(n.get_text().split()) for n in page.select(".profile .note")] == [
        " ".join(n.split()) for n in data["notes"]]
    chosen = api(archetype="data-scientist-analytics")["gaps"]
    assert chosen["archetype"] == "data-scientist-analytics" and chosen["gaps"]
    page = BeautifulSoup(_upload(client, "barista.txt", text,
                                 archetype="data-scientist-analytics").text, "html.parser")
    assert [tr.select("td")[0].get_text() for tr in page.select("#gaps tr")[1:]] == [
        g["skill"] for g in chosen["gaps"]]


def test_matches_show_pay_as_the_cli_and_search_show_it(tmp_path: Path, resume_path: Path,
                                                       pay_pool: Path) -> None:
    store = SQLiteStore(tmp_path / "pay.sqlite3")
    import_file(store, pay_pool, now=NOW, enricher=default_enricher())
    with TestClient(create_app(store=store, now=lambda: NOW)) as client:
        res = _upload(client, "dana.md", resume_path.read_bytes())
    soup = BeautifulSoup(res.text, "html.parser")
    pay = {li.select_one(".dim").get_text(strip=True).lstrip("· "):
           (li.select_one(".pay").get_text() if li.select_one(".pay") else None)
           for li in soup.select("#matches li")}
    assert pay == {"Stated Co": "120,000–150,000 USD / year",
                   "Estimate Co": "56,000–97,000 USD / year (est.)", "No Pay Co": None}


def test_the_match_api_answers_what_the_cli_prints(client: TestClient, resume_path: Path,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mljobs.cli.match_cmds.now", lambda: NOW)  # the web app's clock
    res = client.post("/api/match", files={"resume": ("dana.md", resume_path.read_bytes())},
                      data={"limit": "3", "remote": "Remote"})
    assert res.status_code == 200, res.text
    data = res.json()
    db = str(tmp_path / "web.sqlite3")

    def cli(*args: str) -> dict:  # type: ignore[type-arg]
        out = CliRunner().invoke(app, ["--db", db, *args, str(resume_path), "--json"]).output
        return json.loads(out)  # type: ignore[no-any-return]

    assert data["results"] == cli("match", "--limit", "3", "--remote", "remote")["results"]
    assert data["results"] and data["notes"] == []
    gaps = cli("gaps")
    assert data["gaps"] == {k: gaps[k] for k in ("archetype", "postings", "min_postings", "gaps",
                                                        "years_gaps", "nice_years_gaps")}
    assert data["profile"] == {k: v for k, v in cli("profile").items() if k != "notes"}
    assert "/api/match" in client.get("/api").json()["endpoints"]


def test_the_page_and_the_api_say_which_umbrella_skills_the_resume_implies(
        client: TestClient, resume_path: Path) -> None:
    # the page's "You have: data visualization" came from Tableau (``match.held_skills``), and
    # neither the page's profile nor the API's said so (the CLI's ``profile`` did)
    res = _upload(client, "dana.md", resume_path.read_bytes())
    soup = BeautifulSoup(res.text, "html.parser")
    implied = soup.select_one("#profile-implied")
    assert implied is not None
    assert implied.get_text(" ", strip=True) == ("data visualization (from Tableau, Looker), "
                                                 "data warehousing (from Snowflake)")
    assert "data visualization" not in {s.get_text() for s in soup.select("#profile-skills .skill")}
    data = client.post("/api/match", files={"resume": ("dana.md", resume_path.read_bytes())}).json()
    assert data["profile"]["implied_skills"] == {"data visualization": ["Tableau", "Looker"],
                                                 "data warehousing": ["Snowflake"]}
    assert data["implied_skills"] == data["profile"]["implied_skills"]


@pytest.mark.parametrize(("form", "needle"), [
    ({"archtype": "x"}, "unknown parameter 'archtype'; did you mean 'archetype'?"),
    ({"remote": "moon"}, "use remote, hybrid or onsite"),
    ({"archetype": "wizard"}, "choose one of ml-product-swe"),
    ({"limit": "0"}, "limit:"),
])
def test_the_match_api_refuses_bad_fields_in_its_error_shape(
    client: TestClient, resume_path: Path, form: dict[str, str], needle: str
) -> None:
    res = client.post("/api/match", files={"resume": ("dana.md", resume_path.read_bytes())},
                      data=form)
    assert res.status_code == 400
    body = res.json()
    assert body["ok"] is False and body["status"] == 400 and needle in body["error"]
    res = client.post("/api/match", files={"resume": ("cv.pdf", b"")})
    assert res.status_code == 400 and "empty" in res.json()["error"]
    res = client.post("/api/match", data={"limit": "3"})
    assert res.status_code == 400 and "multipart file field 'resume'" in res.json()["error"]


def test_a_resume_sent_as_text_is_asked_for_as_a_file(client: TestClient) -> None:
    # curl -F 'resume=<cv.txt' sends the text as a plain field: the API and the page said
    # "Value error, Expected UploadFile, received: <class 'str'>"
    res = client.post("/api/match", data={"resume": "Jane Doe\nData Scientist\nSQL"})
    assert res.status_code == 400
    error = res.json()["error"]
    assert "multipart file field 'resume'" in error and "UploadFile" not in error
    res = client.post("/match", data={"resume": "Jane Doe\nData Scientist\nSQL"})
    assert res.status_code == 400 and "UploadFile" not in res.text
    alert = BeautifulSoup(res.text, "html.parser").select_one("[role=alert]")
    assert alert is not None and "Choose a resume file" in alert.get_text()


def test_archetype_and_remote_choices_and_what_is_said_when_none_passes(
    client: TestClient, resume_path: Path
) -> None:
    # the page said "No open postings to rank yet. Import some" for a store of 7
    res = _upload(client, "dana.md", resume_path.read_bytes(), archetype="applied-researcher")
    assert res.status_code == 200
    said = BeautifulSoup(res.text, "html.parser").select_one("#no-matches").get_text()
    assert "No open Applied researcher posting among the 7 in this store" in said
    res = _upload(client, "dana.md", resume_path.read_bytes(), remote="Remote")
    ids = [li["data-id"] for li in BeautifulSoup(res.text, "html.parser").select("#matches li")]
    assert ids == ["file:t-recsys-mle"]  # the remote one, as `mljobs match --remote remote`
    res = _upload(client, "dana.md", resume_path.read_bytes(), remote="moon")
    assert res.status_code == 400 and "use remote, hybrid or onsite" in res.text
    assert "Import some" not in said


def test_an_upload_over_the_limit_is_refused_as_it_arrives(client: TestClient) -> None:
    # the form is parsed before a route runs: a body of any size was spooled to a temporary
    # file before the route's own size check said 400; now a 413 in the one error shape,
    # on its declared length, or counted as a chunked body (no length) arrives
    big = b"x" * (MAX_UPLOAD + 1)
    res = client.post("/api/match", files={"resume": ("big.txt", big)})
    assert res.status_code == 413
    assert res.json() == {"ok": False, "status": 413, "errors": [], "error": (
        "The upload is over the 10 MB limit for a resume. Give the resume itself.")}

    def chunked() -> Iterator[bytes]:
        yield b'--XX\r\nContent-Disposition: form-data; name="resume"; filename="a.txt"\r\n\r\n'
        for _ in range(MAX_UPLOAD // 2**16 + 2):
            yield b"x" * 2**16
        yield b"\r\n--XX--\r\n"

    res = client.post("/match", content=chunked(),
                      headers={"content-type": "multipart/form-data; boundary=XX"})
    assert res.status_code == 413 and "over the 10 MB limit" in res.text
    schema = client.get("/api/openapi.json").json()["paths"]["/api/match"]["post"]
    assert "413" in schema["responses"]  # (the schema lists the refusal)
    # a file just over the resume limit, in a body within it, is named by the route
    res = client.post("/api/match", files={"resume": ("cv.txt", b"x" * (MAX_UPLOAD - 2**19))})
    assert res.status_code == 400 and res.json()["error"].startswith("cv.txt: over the 10 MB")


def _said_beside(res, field: str) -> str:  # type: ignore[no-untyped-def]
    """The match page came back (not the generic error page), its message beside ``field``."""
    soup = BeautifulSoup(res.text, "html.parser")
    assert soup.select_one("section.error[data-status]") is None  # (the generic error page)
    form = soup.select_one("form[action='/match#result']")
    assert form is not None and form.select_one("input[type=file][name=resume]") is not None
    alert = form.select_one("#match-error[role=alert]")
    assert alert is not None and len(soup.select("[role=alert]")) == 1
    control = form.select_one(f"[name={field}]")
    assert control is not None and control.get("aria-describedby") == "match-error"
    assert control.get("aria-invalid") == "true"
    # said next to the control (or to the label holding it), not at the top of the page
    own = control.find_parent("label") or control
    assert alert in own.find_next_siblings(limit=2)
    return str(alert.get_text())


def test_an_upload_over_the_limit_gets_the_match_form_back(client: TestClient) -> None:
    # (the page's 413 was the generic error page: no form to pick a smaller file)
    big = b"x" * (MAX_UPLOAD + 1)
    res = client.post("/match", files={"resume": ("big.txt", big)},
                      data={"archetype": "research-engineer"})
    assert res.status_code == 413
    assert "over the 10 MB limit" in _said_beside(res, "resume")


def test_save_on_an_in_memory_store_is_said_beside_save(
    tmp_path: Path, pool_path: Path, resume_path: Path
) -> None:
    # (the generic error page, after the whole match was done and then lost)
    store = SQLiteStore(":memory:")
    import_file(store, pool_path, now=NOW, enricher=default_enricher())
    with TestClient(create_app(store=store, now=lambda: NOW)) as memory:
        res = memory.post("/match", files={"resume": ("dana.md", resume_path.read_bytes())},
                          data={"save": "true", "archetype": "big-data-ml-engineer",
                                "remote": "remote"})
        assert res.status_code == 400
        assert "in-memory store" in _said_beside(res, "save")
        soup = BeautifulSoup(res.text, "html.parser")
        # the choices kept, "save" unticked so that the next try goes through
        chosen = soup.select_one("select[name=archetype] option[selected]")
        assert chosen is not None and chosen["value"] == "big-data-ml-engineer"
        remote = soup.select_one("select[name=remote] option[selected]")
        assert remote is not None and remote["value"] == "remote"
        assert not soup.select_one("input[name=save]").has_attr("checked")
        ok = memory.post("/match", files={"resume": ("dana.md", resume_path.read_bytes())})
        assert ok.status_code == 200
    assert not (tmp_path / "resumes").exists()


def test_each_user_error_is_said_beside_its_field(client: TestClient, resume_path: Path) -> None:
    data = resume_path.read_bytes()
    res = client.post("/match", files={"resume": ("cv.docx", b"\x00\x01binary" * 100)},
                      data={"remote": "hybrid", "save": "true"})
    assert res.status_code == 400 and "not a DOCX" in _said_beside(res, "resume")
    soup = BeautifulSoup(res.text, "html.parser")
    remote = soup.select_one("select[name=remote] option[selected]")
    assert remote is not None and remote["value"] == "hybrid"  # the choice is kept
    assert soup.select_one("input[name=save]").has_attr("checked")
    res = client.post("/match", files={"resume": ("dana.md", data)}, data={"archetype": "Wizard"})
    assert res.status_code == 400 and "Unknown archetype" in _said_beside(res, "archetype")
    res = client.post("/match", files={"resume": ("dana.md", data)}, data={"remote": "moon"})
    assert res.status_code == 400 and "remote, hybrid or onsite" in _said_beside(res, "remote")
    # a limit no form of ours sends was pydantic's message on the generic error page
    res = client.post("/match", files={"resume": ("dana.md", data)}, data={"limit": "abc"})
    assert res.status_code == 400 and "'abc'" in _said_beside(res, "limit")
    res = client.post("/match", data={"archetype": "research-engineer"})
    assert res.status_code == 400 and "Choose a resume file" in _said_beside(res, "resume")


def test_a_malformed_form_gets_the_match_form_back(client: TestClient) -> None:
    res = client.post("/match", content=b"--XX\r\nno headers at all",
                      headers={"content-type": "multipart/form-data"})  # (no boundary)
    assert res.status_code == 400
    assert _said_beside(res, "resume")


@pytest.mark.parametrize(("limit", "status", "said"), [
    ("\u00b3", 400, "'\u00b3' is not a number"),  # a digit to str.isdigit, not to int()
    ("\u0663", 400, "is not a number"),  # an Arabic-Indic 3: no form of ours sends it
    ("x" * 5000, 400, "'xxxxxxxxxxxxxxxxxxxx…' is not a number"),  # the message stays short
    ("9" * 5000, 200, ""),  # past int()'s 4,300 digits: as any number past 100, 100
    ("0" * 5000 + "7", 200, ""),
])
def test_any_limit_a_client_sends_is_a_page_not_a_server_error(
    client: TestClient, resume_path: Path, limit: str, status: int, said: str
) -> None:
    res = client.post("/match", files={"resume": ("dana.md", resume_path.read_bytes())},
                      data={"limit": limit})
    assert res.status_code == status
    if said:
        assert said in _said_beside(res, "limit")
    else:
        shown = BeautifulSoup(res.text, "html.parser").select_one("input[name=limit]")
        assert shown is not None and shown["value"] == ("100" if limit[0] == "9" else "7")


def test_gaps_of_a_kind_with_one_posting_say_one(client: TestClient, resume_path: Path) -> None:
    # (it said "required by the 1 open Research Scientist postings")
    res = client.post("/match", files={"resume": ("dana.md", resume_path.read_bytes())},
                      data={"archetype": "research-scientist"})
    assert res.status_code == 200
    soup = BeautifulSoup(res.text, "html.parser")
    rule = " ".join(soup.select_one("#gaps-rule").get_text().split())
    assert rule.startswith("Skills the one open ") and "posting requires" in rule
    assert "postings" not in rule and soup.select("#gaps tr td")


def test_a_resume_pasted_in_the_box_is_matched_as_its_file(
    client: TestClient, resume_path: Path, tmp_path: Path
) -> None:
    """The page took only a file: a person with the resume's text at hand (an editor, a
    profile page) could not paste it ("Choose a resume file"). The box's text is read as a
    TXT file is, and answers what the file answers."""
    text = resume_path.read_text(encoding="utf-8")
    as_file = BeautifulSoup(_upload(client, "dana.txt", text.encode()).text, "html.parser")
    res = client.post("/match", data={"resume_text": text, "save": "true"},
                      files={"resume": ("", b"")})  # (no file chosen, as a browser sends it)
    assert res.status_code == 200, res.text[:300]
    pasted = BeautifulSoup(res.text, "html.parser")
    for part in ("#profile-skills", "#matches", "#gaps"):
        assert pasted.select_one(part).get_text(" ", strip=True) == as_file.select_one(
            part).get_text(" ", strip=True), part
    assert pasted.select_one("textarea[name=resume_text]").get_text() == text  # still there
    assert "(pasted-resume.txt)" in pasted.select_one(".profile h2").get_text()
    assert [p.name for p in (tmp_path / "resumes").iterdir()] == ["pasted-resume.txt"]


def test_pasted_text_errors_are_said_beside_the_resume_and_keep_the_text(
    client: TestClient, resume_path: Path
) -> None:
    res = client.post("/match", data={"resume_text": "  \n "}, files={"resume": ("", b"")})
    assert res.status_code == 400
    assert "or paste its text in the box" in _said_beside(res, "resume")
    res = client.post("/match", data={"resume_text": "Jane Doe"},
                      files={"resume": ("dana.md", resume_path.read_bytes())})
    assert res.status_code == 400
    assert "Both a file (dana.md) and pasted text were given" in _said_beside(res, "resume")
    res = client.post("/match", data={"resume_text": "Jane Doe, SQL"})
    assert res.status_code == 400 and "has only" in _said_beside(res, "resume")
    res = client.post("/match", data={"resume_text": "Jane <b>Doe</b>, SQL", "archetype": "x"})
    assert res.status_code == 400 and "Unknown archetype" in _said_beside(res, "archetype")
    box = BeautifulSoup(res.text, "html.parser").select_one("textarea[name=resume_text]")
    assert box is not None and box.get_text() == "Jane <b>Doe</b>, SQL"  # kept, as text


def test_the_api_takes_the_resume_as_text_as_the_page_does(
        client: TestClient, resume_path: Path) -> None:
    """``POST /api/match`` took a file only ("upload a resume file ... not as text"), while
    the page took pasted text: ``resume_text`` is read as the page's box is, with the file's
    limits and errors."""
    text = resume_path.read_text()
    as_file = client.post("/api/match", files={"resume": ("dana.txt", text.encode())},
                          data={"limit": "5", "archetype": "data-scientist-analytics"})
    as_text = client.post("/api/match", files={"resume": ("", b"")},
                          data={"resume_text": text, "limit": "5",
                                "archetype": "data-scientist-analytics"})
    assert as_file.status_code == 200 and as_text.status_code == 200, as_text.text
    assert as_text.json() == as_file.json()
    assert as_text.json()["results"]
    # (urlencoded, as curl --data-urlencode sends it, too)
    plain = client.post("/api/match", data={"resume_text": text, "limit": "5",
                                            "archetype": "data-scientist-analytics"})
    assert plain.status_code == 200 and plain.json() == as_file.json()
    both = client.post("/api/match", data={"resume_text": "Jane Doe"},
                       files={"resume": ("dana.md", text.encode())})
    assert both.status_code == 400
    assert "Both a file (dana.md) and resume_text were given" in both.json()["error"]
    blank = client.post("/api/match", data={"resume_text": " \n "})
    assert blank.status_code == 400 and "'resume_text'" in blank.json()["error"]
    short = client.post("/api/match", data={"resume_text": "Jane Doe, SQL"})
    short_file = client.post("/api/match", files={"resume": ("pasted-resume.txt",
                                                             b"Jane Doe, SQL")})
    assert short.status_code == 400 and short.json() == short_file.json()


def test_resume_text_past_a_form_field_s_limit_says_what_to_send(client: TestClient) -> None:
    """A text past what a form field holds said Starlette's "Part exceeded maximum size of
    1024KB." (the API) or "... of 10240KB." (the page)."""
    text = "Data scientist with Python, SQL and PyTorch.\n" * 50_000  # 2.3 MB
    res = client.post("/api/match", data={"resume_text": text})
    assert res.status_code == 400
    assert res.json()["error"].startswith("resume_text: the text is over 1 MB")
    assert "curl -F resume=@cv.txt" in res.json()["error"]
    page = client.post("/match", data={"resume_text": text * 5}, files={"resume": ("", b"")})
    assert page.status_code == 400
    said = BeautifulSoup(page.text, "html.parser").select_one("[role=alert]").get_text()
    assert "The pasted text is over the 10 MB limit for a resume" in said


def test_match_settings_in_the_url_fill_the_form(client: TestClient) -> None:
    """``/match?archetype=...`` came back with the menus empty, so a match setting could
    not be bookmarked or linked."""
    res = client.get("/match", params={"archetype": "Research-Scientist", "remote": "remote",
                                       "limit": "5"})
    assert res.status_code == 200
    soup = BeautifulSoup(res.text, "html.parser")
    assert soup.select_one("select[name=archetype] option[selected]")["value"] == \
        "research-scientist"
    assert soup.select_one("select[name=remote] option[selected]")["value"] == "remote"
    assert soup.select_one("input[name=limit]")["value"] == "5"
    bad = client.get("/match", params={"archetype": "wizard", "remote": "hybrid"})
    assert bad.status_code == 400
    soup = BeautifulSoup(bad.text, "html.parser")
    assert "Unknown archetype" in soup.select_one("[role=alert]").get_text()
    assert soup.select_one("select[name=archetype]")["aria-invalid"] == "true"
    assert soup.select_one("select[name=remote] option[selected]")["value"] == "hybrid"
    # the limit is read as the form's: past 100 it is 100, not a number is said
    page = BeautifulSoup(client.get("/match", params={"limit": "500"}).text, "html.parser")
    assert page.select_one("input[name=limit]")["value"] == "100"
    assert client.get("/match", params={"limit": "ten"}).status_code == 400
    typo = client.get("/match", params={"archtype": "research-scientist"})
    assert typo.status_code == 400
    assert "did you mean 'archetype'" in BeautifulSoup(typo.text, "html.parser").get_text()
    assert client.get("/match").status_code == 200


def test_a_match_setting_given_twice_in_the_url_is_refused_naming_it(
        client: TestClient) -> None:
    """``/match?archetype=a&archetype=b`` filled the menu with one of them, silently: its
    ``archetype`` and ``remote`` are facet names, which repeat on the search page, yet here
    each is one choice, as on ``POST /api/match``, which refuses them given twice."""
    for field, values in (("archetype", ["research-engineer", "ml-product-swe"]),
                          ("remote", ["remote", "onsite"]), ("limit", ["1", "2"])):
        res = client.get("/match", params=[(field, v) for v in values])
        assert res.status_code == 400, field
        said = BeautifulSoup(res.text, "html.parser").select_one(".error-message").get_text()
        assert said == f"parameter '{field}' is given more than once; it takes one value"
    assert client.get("/match", params={"archetype": "research-engineer"}).status_code == 200


def test_a_posting_page_links_to_the_match_page_set_to_its_archetype(
        client: TestClient) -> None:
    """The prefilled match page could only be reached by typing its URL."""
    found = client.get("/api/search", params={"limit": 100}).json()["hits"]
    ml = next(h for h in found if h["archetype"] not in (None, "not-ml"))
    page = BeautifulSoup(client.get(ml["url"]).text, "html.parser")
    link = page.select_one("a.match-link")
    assert link is not None and "Match your resume to" in link.get_text()
    form = BeautifulSoup(client.get(link["href"]).text, "html.parser")
    assert form.select_one("select[name=archetype] option[selected]")["value"] == \
        ml["archetype"]


def test_a_match_answer_holding_a_resume_profile_is_never_stored(client: TestClient,
                                                                 resume_path: Path) -> None:
    """It had no ``Cache-Control``; the profile read from a resume is no cache's to keep."""
    res = client.post("/api/match", files={"resume": ("dana.md", resume_path.read_bytes())},
                      data={"limit": "1"})
    assert res.status_code == 200 and res.json()["results"]
    assert res.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(("field", "values"), [
    ("archetype", ["research-engineer", "ml-product-swe"]), ("limit", ["1", "2"]),
    ("remote", ["remote", "onsite"])])
def test_a_match_field_given_twice_is_refused_naming_it(client: TestClient, resume_path: Path,
                                                        field: str, values: list[str]) -> None:
    """Two archetypes were answered with one of them, silently (a client may expect them
    ORed, as the search's filters are), as two limits and two remotes were; the search API
    refuses a parameter given twice, naming it, and now so does this one."""
    res = client.post("/api/match", files={"resume": ("dana.md", resume_path.read_bytes())},
                      data={field: values})
    assert res.status_code == 400
    assert res.json()["error"] == (f"parameter {field!r} is given more than once; it takes "
                                   "one value")


def test_two_resume_files_are_refused_naming_the_field(client: TestClient,
                                                       resume_path: Path) -> None:
    data = resume_path.read_bytes()
    res = client.post("/api/match", files=[("resume", ("a.md", data)), ("resume", ("b.md", data))])
    assert res.status_code == 400
    assert res.json()["error"] == ("parameter 'resume' is given more than once; it takes one "
                                   "value")


def test_the_match_page_says_a_phd_under_way(client: TestClient, resume_path: Path) -> None:
    """The page's profile read "Degree masters" for a resume listing "PhD in Computer Science
    (expected 2027)", with no word of the PhD; it says it is under way, as `profile` does,
    and a posting that asks for a PhD says so beside the master's."""
    text = resume_path.read_text("utf-8").replace(
        "## Education\n", "## Education\nPhD in Computer Science (expected 2027), TU Berlin\n")
    res = _upload(client, "phd-student.md", text.encode(), limit="50")
    assert res.status_code == 200, res.text
    soup = BeautifulSoup(res.text, "html.parser")
    degree = next(dt.find_next_sibling("dd").get_text() for dt in soup.select("dt")
                  if dt.get_text() == "Degree")
    assert degree == "master's (a PhD under way, not yet held)"
    assert "(you list a master's degree; your PhD is under way)" in soup.select_one(
        "#matches").get_text()
    plain = BeautifulSoup(_upload(client, "dana.md", resume_path.read_bytes()).text,
                          "html.parser")
    assert next(dt.find_next_sibling("dd").get_text() for dt in plain.select("dt")
                if dt.get_text() == "Degree") == "master's"


def _degree_shown(client: TestClient, text: str) -> str:
    soup = BeautifulSoup(_upload(client, "cv.txt", text.encode()).text, "html.parser")
    return next(dt.find_next_sibling("dd").get_text() for dt in soup.select("dt")
                if dt.get_text() == "Degree")


def test_the_match_page_says_the_degree_in_words(client: TestClient) -> None:
    """The profile showed the degree as stored: a PhD student with no other degree read
    "none-stated (a PhD under way, not yet held)", a doctor "phd (PhD)"; the matches beside
    it say "a master's degree", as the posting page says its degree facet (``fact_words``)."""
    student = ("Jane Doe\nMachine Learning Engineer\nPhD candidate in Computer Science, "
               "University of Toronto (2022 - present)\nML Engineer at Acme, 2019-2022: Python, "
               "PyTorch.\n")
    assert _degree_shown(client, student) == "none stated (a PhD under way, not yet held)"
    doctor = ("Ada Byron\nResearch Scientist\nPhD in Machine Learning, ETH Zurich, 2018\n"
              "Research Scientist at Acme, 2018-2024: PyTorch, Python.\n")
    assert _degree_shown(client, doctor) == "PhD"
