"""Docs are tested: every command has help text and is described in the docs, the command
lines they show name real commands and options, the module map names every module, and the
figures they quote of the shipped data are its own."""

from __future__ import annotations

import dataclasses
import gzip
import re
from pathlib import Path

import pytest
import typer.main

import mljobs
from mljobs.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    names: dict[str, object] = {}
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            for child in sub:
                names[f"{name} {child}"] = sub[child]
        else:
            names[name] = cmd
    return names


def test_every_command_has_help_and_is_documented() -> None:
    missing_help = [n for n, c in commands().items() if not (getattr(c, "help", "") or "").strip()]
    assert not missing_help, f"commands without help text: {missing_help}"
    undocumented = [n for n in commands() if not re.search(rf"mljobs {re.escape(n)}\b", DOCS)]
    assert not undocumented, f"commands not described in README.md or docs/: {undocumented}"


def test_public_api_is_exported() -> None:
    for name in mljobs.__all__:
        assert getattr(mljobs, name) is not None


def _code(path: Path) -> list[str]:
    """The inline code spans and the lines of the fenced blocks of one Markdown file."""
    text = path.read_text()
    blocks = re.findall(r"```[\w-]*\n(.*?)```", text, re.DOTALL)
    lines = [line for block in blocks for line in block.splitlines()]
    return re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.DOTALL)) + lines


def _options(cmd: object) -> set[str]:
    return {o for p in getattr(cmd, "params", []) if p.param_type_name == "option"
            for o in [*p.opts, *p.secondary_opts]} | {"--help"}


def test_documented_command_lines_name_real_commands_and_options() -> None:
    """Every `mljobs ...` line of README.md, docs/ and labels/README.md (and a code span that
    starts with a command and an option, `import --no-enrich`) names commands that exist
    ("sources add/remove", "profile/match/gaps": each of them) and options they take."""
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    root = _options(group)
    wrong = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "labels" / "README.md"]:
        for span in _code(path):
            if span.split(" ", 1)[0] in commands and re.match(r"[a-z-]+(?: [a-z]+)? --?[a-z]", span):
                span = f"mljobs {span}"  # `import --no-enrich`, `sources add --name`
            for start in re.finditer(r"(?<![\w./-])mljobs(?=\s)", span):
                line = re.split(r"`|\s(?:\|\s+(?=[a-z])|#|>|&&|;)", span[start.end():])[0]
                words = line.replace("[", " ").replace("]", " ").split()
                while words and words[0].startswith("-"):  # options before the command: --db PATH
                    word = words.pop(0)
                    if word.split("=")[0] not in root:
                        wrong.append(f"{path.name}: `{span}`: mljobs has no {word}")
                    elif word == "--db" and words:
                        words.pop(0)
                if not words or not re.match(r"[a-z]", words[0]):  # `mljobs COMMAND`, `mljobs ...`
                    continue
                names = words.pop(0).split("/")
                if names[0] in commands and getattr(commands[names[0]], "commands", None):
                    subs = commands[names[0]].commands
                    names = [f"{names[0]} {s}" for s in (words.pop(0).split("/") if words else [])]
                    found = {n: subs.get(n.split()[1]) for n in names}
                else:
                    found = {n: commands.get(n) for n in names}
                wrong += [f"{path.name}: `{span}`: no command {n!r}" for n, c in found.items() if c is None]
                for word in words:
                    if word == "--":  # the rest is a query: mljobs search -- '-ci/cd'
                        break
                    flag = word.split("=")[0]
                    wrong += [f"{path.name}: `{span}`: mljobs {n} has no {flag}" for n, c in found.items()
                              if c is not None and re.fullmatch(r"--?[a-z][\w-]*", flag)
                              and flag not in _options(c) | root]
    assert not wrong, "\n".join(wrong)


def test_every_option_is_named_in_the_docs() -> None:
    missing = [f"mljobs {n} {p.opts[0]}" for n, c in commands().items()
               for p in getattr(c, "params", []) if p.param_type_name == "option"
               and not any(re.search(rf"{re.escape(o)}(?![\w-])", DOCS)
                           for o in [*p.opts, *p.secondary_opts] if o.startswith("--"))]
    assert not missing, f"options named nowhere in README.md or docs/: {missing}"


def test_module_map_names_every_module() -> None:
    """docs/architecture.md's module map names each module of src/mljobs in its folder's entry."""
    text = (ROOT / "docs" / "architecture.md").read_text()
    block = re.search(r"```\nsrc/mljobs/\n(.*?)```", text, re.DOTALL)
    assert block, "docs/architecture.md has no module map (a code block that starts src/mljobs/)"
    entries = dict(re.findall(r"^  (\S+)(.*(?:\n {3,}.*)*)", block.group(1), re.MULTILINE))
    package = ROOT / "src" / "mljobs"
    missing = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).parts
        if len(parts) == 1:  # its own entry, or beside another module's (match_index.py)
            if path.name != "__main__.py" and path.name not in entries and not any(
                    re.search(rf"\b{re.escape(path.name)}", entry) for n, entry in entries.items()
                    if n.endswith(".py")):
                missing.append(path.name)
        elif path.name != "__init__.py" and not re.search(
                rf"\b{path.stem}\b", entries.get(f"{parts[0]}/", "")):
            missing.append("/".join(parts))
    assert not missing, f"modules the map in docs/architecture.md does not name: {missing}"


def test_current_figures_match_the_shipped_data() -> None:
    """The demo's size, the taxonomy's version and counts, and the model's size, as the docs
    quote them now, are those of the files the package ships."""
    from mljobs.demo import demo_path
    from mljobs.enrich.classifier import ArchetypeModel
    from mljobs.enrich.skills import default_taxonomy

    with gzip.open(demo_path(), "rt", encoding="utf-8") as demo:
        posts = f"{sum(1 for line in demo if line.strip()):,}"
    quoted = re.findall(r'demo[^\n.]{0,45}?(?<!first )\b(\d[\d,]*) (?:real )?(?:HN |Hacker News )?'
                        r'(?:"Who is hiring\?" )?posts', DOCS)
    assert len(quoted) >= 4 and set(quoted) == {posts}, (posts, quoted)
    taxonomy = default_taxonomy()
    counts = (taxonomy.version, f"{len(taxonomy.skills):,}", str(len(taxonomy.categories)))
    assert re.findall(r"version (\d{4}\.\d+\.\d+), ([\d,]+) skills in (\d+) categories", DOCS) == [counts]
    assert re.findall(r"skills\.json` \(taxonomy\s+(\d{4}\.\d+\.\d+)\)", DOCS) == [taxonomy.version]
    model = ArchetypeModel.load()
    assert model.lsa_ is not None
    shape = (f"{len(model.features_):,}", str(model.lsa_[1].shape[1]), f"{model.lsa_[1].shape[0]:,}")
    assert re.findall(r"([\d,]+) features, (\d+) topics over\s+([\d,]+) description terms", DOCS) == [shape]


def test_every_setting_is_named_in_sources_md() -> None:
    """Each source's settings and each `[http]` setting (what sources.toml takes) are named
    in docs/sources.md."""
    from mljobs.http import HttpSettings
    from mljobs.sources import SOURCES

    text = (ROOT / "docs" / "sources.md").read_text()
    settings = [(kind, f.name) for kind, cls in SOURCES.items() for f in dataclasses.fields(cls)]
    settings += [("[http]", f.name) for f in dataclasses.fields(HttpSettings)]
    missing = [f"{kind} {name}" for kind, name in settings
               if not name.startswith("_") and f"`{name}`" not in text]
    assert not missing, f"settings docs/sources.md does not name: {missing}"


def test_every_sync_json_key_is_named_in_sources_md(capsys: pytest.CaptureFixture[str]) -> None:
    """`sync --json`'s keys, the report's and each source's, as `sync` prints them, are
    named in the sentence of docs/sources.md that lists them."""
    import json

    from mljobs.cli.sources_cmds import _show
    from mljobs.pipeline import understanding
    from mljobs.sync import SourceReport, SyncReport

    _show(SyncReport([SourceReport("hn", "hackernews")]), True, understanding({}))
    printed = json.loads(capsys.readouterr().out)
    text = (ROOT / "docs" / "sources.md").read_text()
    said = re.search(r"`--json` prints the same report as JSON:(.*?)\(lists of", text, re.DOTALL)
    assert said, "docs/sources.md has no sentence '`--json` prints the same report as JSON: ...'"
    keys = [k for k in printed if k != "sources"] + list(printed["sources"][0])
    missing = [k for k in keys if f"`{k}`" not in said.group(1)]
    assert not missing, f"sync --json keys docs/sources.md does not name: {missing}"


def test_every_search_json_key_is_in_the_docs(tmp_path: Path) -> None:
    """`search --json`'s keys, the result's and each hit's, are in docs/cli.md's Stable JSON
    example, and the keys `/api/search` adds are named in docs/web.md's row of it (a key added
    to one and not the other, as `pay` was, went unnoticed: only `sync --json` was checked)."""
    import json

    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from mljobs.web.app import create_app

    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "source": "board", "title": "ML Engineer",
                                "description": "PyTorch. $120,000 - $150,000 per year."}) + "\n")
    db = tmp_path / "s.sqlite3"
    assert CliRunner().invoke(app, ["--db", str(db), "import", str(rows)]).exit_code == 0
    res = CliRunner().invoke(app, ["--db", str(db), "search", "--json", "pytorch"])
    assert res.exit_code == 0, res.output
    printed = json.loads(res.stdout)
    cli = (ROOT / "docs" / "cli.md").read_text()
    example = re.search(r"`mljobs search --json` prints.*?```json(.*?)```", cli, re.DOTALL)
    assert example, "docs/cli.md has no ```json example after '`mljobs search --json` prints'"
    keys = [*printed, *printed["hits"][0]]
    missing = [k for k in keys if f'"{k}":' not in example.group(1)]
    assert not missing, f"search --json keys docs/cli.md's example does not have: {missing}"
    with TestClient(create_app(db)) as client:
        api = client.get("/api/search", params={"q": "pytorch"}).json()
    web = (ROOT / "docs" / "web.md").read_text()
    row = next((line for line in web.splitlines() if line.startswith("| `GET /api/search`")), "")
    added = [*(set(api) - set(printed)), *(set(api["hits"][0]) - set(printed["hits"][0]))]
    assert added, "/api/search adds no key to search --json's"
    missing = [k for k in added if f"`{k}`" not in row]
    assert not missing, f"/api/search keys docs/web.md's row does not name: {missing}"


def test_the_files_the_docs_name_are_in_the_repository() -> None:
    """Every `src/...`, `tests/...`, `bench/...`, `tools/...`, `labels/...` or `docs/...` path
    that README.md, labels/README.md and the docs name exists, and none names a file of this
    machine (`/work/...`: docs/web.md cited a helper's scratch script). The measured history
    (evaluation.md, benchmarks.md) may name what a past session ran, said plainly: a
    removed or renamed file with what it became ("now `bench/x.py`", "folded into `...`") or
    "removed since", a `bench/out/` result (git-ignored output), and a session's own
    `/work/hNN/...` script or file with "session script(s)/files, not in the repository" in
    the same paragraph or list item."""
    wrong = []
    for path in [ROOT / "README.md", ROOT / "labels" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        history = path.name in ("evaluation.md", "benchmarks.md")
        # a paragraph or a list item
        for part in re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.) )", path.read_text()):
            for found in re.finditer(r"`((?:src|tests|bench|tools|labels|docs)/[\w./*-]*)", part):
                named = found.group(1)
                if any(ROOT.glob(named.rstrip("."))):  # (a pattern: `tests/sources/test_*`)
                    continue
                after = part[found.end():found.end() + 200]
                if history and (named.startswith("bench/out/") or re.match(
                        r"[^`]*`[^`]*?(?:(?:now|folded into)\s+`(?:src|tests|bench|tools)/|removed since)", after)):
                    continue
                wrong.append(f"{path.name}: {named} is no file of the repository")
            for named in re.findall(r"/work/[\w./{},-]+", part):
                if not (history and re.match(r"/work/h\d+/\w+", named) and re.search(
                        r"session\s+(?:scripts?|files),\s+not\s+in\s+the\s+repository", part)):
                    wrong.append(f"{path.name}: {named.rstrip('.,')} is a file of one machine")
    assert not wrong, "\n".join(wrong)


def test_every_sources_list_json_key_is_named_in_sources_md(tmp_path: Path) -> None:
    """`sources list --json`'s keys, the file's and each entry's, are named in docs/sources.md's
    sentence of them."""
    import json

    from typer.testing import CliRunner

    config = tmp_path / "sources.toml"
    config.write_text('[[sources]]\nname = "vt"\ntype = "greenhouse"\nboards = ["vaulttec"]\n')
    result = CliRunner().invoke(app, ["sources", "list", "--config", str(config), "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    text = (ROOT / "docs" / "sources.md").read_text()
    said = re.search(r"`mljobs sources list` prints (.*?)\n\n", text, re.DOTALL)
    assert said, "docs/sources.md has no sentence '`mljobs sources list` prints ...'"
    missing = [k for k in [*printed, *printed["sources"][0]] if f"`{k}`" not in said.group(1)]
    assert not missing, f"sources list --json keys docs/sources.md does not name: {missing}"


def test_the_readme_tour_names_files_a_fresh_clone_has() -> None:
    """A file the README's commands name by a relative path is one of the repository (or the
    `.venv` that `make run` makes): the tour imported `../shared/data/corpus/postings.jsonl`,
    which only the project's own machine has beside the checkout."""
    text = (ROOT / "README.md").read_text()
    lines = [line.split(" #")[0] for block in re.findall(r"```[\w-]*\n(.*?)```", text, re.DOTALL)
             for line in block.splitlines()]
    named = [word for line in lines for word in line.split()
             if re.fullmatch(r"\.{0,2}/?[\w.-]+/[\w./-]*\.\w+", word) and not word.startswith(".venv/")]
    assert "tests/fixtures/jobspy-sample.csv" in named
    missing = [word for word in named if not (ROOT / word).resolve().is_relative_to(ROOT)
               or not (ROOT / word).exists()]
    assert not missing, f"README.md names files a fresh clone does not have: {missing}"


def test_the_import_formats_cli_md_lists_are_those_import_takes(tmp_path: Path) -> None:
    """docs/cli.md said `--format` is `jsonl`, `json` or `csv`, while `import --help` and its
    error take `html` too."""
    from typer.testing import CliRunner

    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"title": "ML Engineer"}\n')
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "import", str(rows),
                                      "--format", "xml"])
    taken = re.search(r"use ([\w ,]+)$", " ".join(result.output.split()))
    assert result.exit_code == 1 and taken, result.output
    formats = re.findall(r"\w+", taken.group(1).replace(" or ", ", "))
    said = re.search(r"or `--format` is not\s+(.*?)\(any case", (ROOT / "docs" / "cli.md").read_text(),
                     re.DOTALL)
    assert said, "docs/cli.md has no sentence 'or `--format` is not ... (any case'"
    assert re.findall(r"`(\w+)`", said.group(1)) == formats, (said.group(1), formats)


def test_each_command_says_what_it_does_in_one_line_of_mljobs_help() -> None:
    """`mljobs --help` lists each command by the first paragraph of its help, line breaks
    kept: import's broke its sentence after "re-importing changes nothing," on a line of its
    own. The first paragraph is one line of the source (the console wraps it)."""
    broken = [name for name, cmd in commands().items()
              if "\n" in (getattr(cmd, "help", "") or "").strip().split("\n\n")[0]]
    assert not broken, f"commands whose first help paragraph has a line break: {broken}"


def test_the_module_map_names_only_names_the_code_has() -> None:
    """A Python name the module map of docs/architecture.md cites (one with an underscore or
    a capital, or dotted: `list_pays`, `VaryOnEncoding`, `hn_format.VERSION`) is defined in
    src/mljobs: a name renamed or moved away is named no more."""
    text = (ROOT / "docs" / "architecture.md").read_text()
    block = re.search(r"```\nsrc/mljobs/\n(.*?)```", text, re.DOTALL)
    assert block, "docs/architecture.md has no module map (a code block that starts src/mljobs/)"
    source = "\n".join(p.read_text() for p in (ROOT / "src" / "mljobs").rglob("*.py"))
    cited = {n for n in re.findall(r"`([A-Za-z_][\w.]*)(?:\(\))?`", block.group(1))
             if re.search(r"[_A-Z.]", n)}
    assert len(cited) >= 20, cited
    gone = sorted(n for n in cited if not re.search(
        rf"(?m)^\s*(?:async\s+)?(?:def|class)\s+{re.escape(n.split('.')[-1])}\b"
        rf"|^\s*{re.escape(n.split('.')[-1])}\s*(?::[^=\n]*)?=", source))
    assert not gone, f"names the module map cites that src/mljobs does not define: {gone}"


def _json_keys(value: object, path: str = "") -> set[str]:
    """Every key of a JSON value, as a path (`hits.pay.min`, `facets.*.count`), lists read
    through."""
    keys: set[str] = set()
    if isinstance(value, dict) and path != "filters":  # (its keys are the fields filtered)
        for key, inner in value.items():
            key = "*" if path == "facets" else key  # (its keys are the fields counted)
            keys |= {f"{path}.{key}" if path else key, *_json_keys(inner, f"{path}.{key}" if path else key)}
    elif isinstance(value, list):
        for inner in value:
            keys |= _json_keys(inner, path)
    return keys


def _small_store(tmp_path: Path) -> str:
    """A store of one posting with a pay figure, imported without the understanding step."""
    import json

    from typer.testing import CliRunner

    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "1", "source": "file", "title": "ML Engineer",
                                "company": "Acme", "description": "PyTorch models in production.",
                                "salary_min": 120000, "salary_max": 150000,
                                "salary_currency": "USD", "salary_interval": "year"}) + "\n")
    db = str(tmp_path / "s.sqlite3")
    result = CliRunner().invoke(app, ["--db", db, "import", str(rows), "--no-enrich"])
    assert result.exit_code == 0, result.output
    return db


def test_the_search_json_cli_md_shows_has_the_keys_search_prints(tmp_path: Path) -> None:
    """docs/cli.md's example of `search --json` has every key it prints, a hit's and its
    `pay`'s too, and no key it does not; docs/web.md's `/api/search` is those keys plus
    `ok`, `notes` and `index_current`, a hit's plus `url`."""
    import json

    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from mljobs.web import create_app

    db = _small_store(tmp_path)
    result = CliRunner().invoke(app, ["--db", db, "search", "pytorch", "--json", "--facets"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["hits"] and printed["hits"][0]["pay"], printed
    example = re.search(r"`mljobs search --json` prints.*?```json\n(.*?)```",
                        (ROOT / "docs" / "cli.md").read_text(), re.DOTALL)
    assert example, "docs/cli.md has no JSON example after '`mljobs search --json` prints'"
    assert _json_keys(json.loads(example.group(1))) == _json_keys(printed)
    with TestClient(create_app(Path(db))) as client:
        answer = client.get("/api/search", params={"q": "pytorch"}).json()
    assert _json_keys(answer) == _json_keys(printed) | {"ok", "notes", "index_current", "hits.url"}
    said = re.search(r"\| `GET /api/search` \|(.*?)\n", (ROOT / "docs" / "web.md").read_text())
    assert said, "docs/web.md has no `GET /api/search` row"
    missing = [k for k in ["ok", "notes", "index_current", "url", *printed["hits"][0]]
               if f"`{k}`" not in said.group(1)]
    assert not missing, f"/api/search keys docs/web.md's row does not name: {missing}"


def test_show_json_is_the_posting_model_and_the_api_adds_duplicates_and_changes(
        tmp_path: Path) -> None:
    """`show --json` prints the posting model (`mljobs.models.Posting`) with `duplicates` and
    `changes`, as docs/cli.md says; `/api/postings/{id}` the same (docs/web.md)."""
    import json

    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from mljobs.models import Posting
    from mljobs.web import create_app

    db = _small_store(tmp_path)
    result = CliRunner().invoke(app, ["--db", db, "show", "file:1", "--json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.output)) == set(Posting.model_fields) | {"duplicates",
                                                                         "changes"}
    assert "prints the posting model (`mljobs.models.Posting`)" in " ".join(
        (ROOT / "docs" / "cli.md").read_text().split())
    with TestClient(create_app(Path(db))) as client:
        posting = client.get("/api/postings/file:1").json()["posting"]
    assert set(posting) == set(Posting.model_fields) | {"duplicates", "changes"}


def test_match_json_keys_are_those_matching_md_lists(tmp_path: Path) -> None:
    """docs/matching.md's `--json` sentence names each key of a `match --json` result, and
    each of `years_gaps`' rows, no more and no fewer; its `gaps --json` sentence each key
    `gaps` prints (`match.gaps_json` and the CLI's `notes`), and a gap's."""
    from mljobs.match import Match, YearsShort, gaps_json
    from mljobs.store import open_store

    store = open_store(_small_store(tmp_path))
    try:
        posting = store.get("file:1")
    finally:
        store.close()
    assert posting is not None
    result = Match("file:1", 50.0, {"required": 0.5}, ["PyTorch"], [], "why", posting,
                   years_gaps=(YearsShort("Python", 5, 2, "stated"),)).to_json()
    text = " ".join((ROOT / "docs" / "matching.md").read_text().split())
    said = re.search(r'`--json` prints `\{"results": \[\{(.*?)\}', text)
    assert said, "docs/matching.md has no sentence '`--json` prints `{\"results\": [{...}'"
    assert re.findall(r'"(\w+)"', said.group(1)) == list(result)
    rows = re.search(r"as `years_gaps` \(`\[\{(.*?)\}", text)
    assert rows, "docs/matching.md has no 'as `years_gaps` (`[{...}' of a result's years gaps"
    assert re.findall(r'"(\w+)"', rows.group(1)) == list(result["years_gaps"][0])
    assert result["pay"] is not None and set(result["pay"]) == {"min", "max", "currency",
                                                                "interval", "stated", "text"}
    gaps = re.search(r'`gaps --json` prints `\{(.*?)\}`', text)
    assert gaps, "docs/matching.md has no sentence '`gaps --json` prints `{...}`'"
    assert re.findall(r'"(\w+)"', gaps.group(1)) == [*gaps_json("research-engineer", 0, []), "notes"]
    rows = re.search(r'the gaps as `\[\{(.*?)\}', text)
    assert rows and re.findall(r'"(\w+)"', rows.group(1)) == ["skill", "share", "postings"]
