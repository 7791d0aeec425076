"""``mljobs eval --labels FILE --inputs FILE`` with files that cannot be scored: an empty
labels file and labels none of whose postings are in --inputs were scored n=0 (0.000
everywhere, exit 0); the two files given the other way round were a KeyError traceback."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _files(tmp_path: Path) -> tuple[Path, Path]:
    postings = _jsonl(tmp_path / "postings.jsonl", [
        {"id": f"p{i}", "title": "Machine Learning Engineer",
         "text": "Train and deploy PyTorch models; Kubernetes; Python."} for i in range(3)])
    labels = _jsonl(tmp_path / "labels.jsonl", [
        {"id": f"p{i}", "archetype": "ml-product-swe"} for i in range(3)])
    return postings, labels


def _eval(labels: Path, inputs: Path) -> tuple[int, str, BaseException | None]:
    res = runner.invoke(app, ["eval", "--labels", str(labels), "--inputs", str(inputs)])
    return res.exit_code, " ".join(res.output.split()), res.exception


def test_labels_that_match_the_inputs_are_scored(tmp_path: Path) -> None:
    postings, labels = _files(tmp_path)
    code, out, _ = _eval(labels, postings)
    assert code == 0, out
    assert "(n=3)" in out


def test_an_empty_labels_file_is_refused(tmp_path: Path) -> None:
    postings, _ = _files(tmp_path)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    code, out, _ = _eval(empty, postings)
    assert code == 1 and "no labels in it" in out and "0.000" not in out


def test_labels_of_other_postings_are_refused(tmp_path: Path) -> None:
    postings, _ = _files(tmp_path)
    other = _jsonl(tmp_path / "other.jsonl", [{"id": "zz-1", "archetype": "not-ml"}])
    code, out, _ = _eval(other, postings)
    assert code == 1 and "none of the 1 labels" in out and "--inputs" in out


def test_the_files_given_the_other_way_round_are_one_clear_line(tmp_path: Path) -> None:
    postings, labels = _files(tmp_path)
    code, out, exc = _eval(postings, labels)
    assert code == 1
    assert isinstance(exc, SystemExit), exc  # was KeyError: 'archetype'
    assert "is it a postings file?" in out


def test_a_folder_given_for_a_file_is_named_a_folder_not_sent_to_import(tmp_path: Path) -> None:
    # (it said "is a folder with no file in it that import reads (...); pass the files to
    # import", for a labels or postings file of eval)
    postings, labels = _files(tmp_path)
    folder = tmp_path / "labels"
    folder.mkdir()
    for given in ((folder, postings), (labels, folder)):
        code, out, exc = _eval(*given)
        assert code == 1 and isinstance(exc, SystemExit)
        assert f"InputError: {folder}: is a folder, not a file; give the file itself" in out
        assert "import" not in out


def test_dev_eval_names_the_option_of_a_missing_folder(tmp_path: Path) -> None:
    """Outside a source checkout the default folders of ``eval --labels dev`` are not there:
    the error names the option to give, not only the first file it looked for."""
    res = runner.invoke(app, ["eval", "--shared", str(tmp_path / "nowhere")])
    out = " ".join(res.output.split())
    assert res.exit_code == 1 and "no data/eval folder" in out and "give --shared" in out, out
    (tmp_path / "shared" / "data" / "eval").mkdir(parents=True)
    res = runner.invoke(app, ["eval", "--shared", str(tmp_path / "shared"),
                              "--labels-dir", str(tmp_path / "no-labels")])
    out = " ".join(res.output.split())
    assert res.exit_code == 1 and "no such folder" in out and "give --labels-dir" in out, out
