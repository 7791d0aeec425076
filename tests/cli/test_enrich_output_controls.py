"""``mljobs enrich --output`` writes valid JSON Lines whatever the postings' text holds: one
record per line for any reader (``str.splitlines`` breaks at U+0085, U+2028 and U+2029),
no raw control a terminal acts on (C1 controls, bidi overrides), and text kept as given once
read; a lone surrogate from bad input (half an escaped pair) is no text: it reads as U+FFFD,
and the record is enriched instead of failing to encode."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.cli.app import escape_json_controls

runner = CliRunner()
RLO, PDF = "\u202e", "\u202c"  # right-to-left override, pop directional formatting
ROLE = ("We build search for clinics. Our team is small and ships every week.\n\n"
        "Senior ML Engineer {mark} — Train ranking models in PyTorch, own the offline evaluation "
        "and ship them to production with the platform team. Python, SQL, Spark.\n\n"
        "Data Engineer — Build the batch and streaming pipelines in Airflow and dbt that feed every "
        "model, and own the warehouse schema in Snowflake. SQL, Python, Kafka.\n")
RECORDS = [
    {"id": "hn-1\u2028x", "source": "hackernews", "title": "Clinic Search | Remote | Full-time",
     "text": "Clinic Search | Remote | Full-time\n\n" + ROLE.format(mark=f"{RLO}tsil{PDF}")
     + "\nNUL\x00 here, NEL\x85 there, CSI\x9b31m, a paragraph\u2029break.\n"},
    {"id": "bad-\ud83d", "source": "file", "title": "Data Scientist \ud83d",
     "text": "Python and SQL for churn models \ud83d (pandas, scikit-learn)."},
]
# What may not stand raw in a line of the output (JSON escapes it as \uXXXX).
RAW = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def test_enrich_output_is_one_valid_json_line_per_record(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    # (json.dumps escapes every control and the lone surrogates: valid JSON lines of input)
    rows.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(rows), "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert "enriched 2 postings, 0 bad lines" in " ".join(res.output.split())
    data = out.read_bytes()
    text = data.decode("utf-8")  # (strict: no surrogate could be written)
    lines = text.splitlines()
    assert len(lines) == data.count(b"\n") == len(RECORDS)
    assert all(RAW.search(line.rstrip("\n")) is None for line in lines)
    got = [json.loads(line) for line in lines]
    # the text is kept as given once read: the id with its separator, the title with its override
    assert got[0]["id"] == RECORDS[0]["id"]
    assert f"Senior ML Engineer {RLO}tsil{PDF}" in got[0]["roles"]
    # a lone surrogate reads as U+FFFD; the rest of the record is as given
    assert got[1]["id"] == "bad-\ufffd"
    assert {"Python", "SQL", "pandas"} <= {s["name"] for s in got[1]["skills"]}


def test_escaped_json_reads_back_the_same_and_holds_no_raw_control() -> None:
    # (the escapes ``print_json`` writes for --json too)
    data = {"t": f"a\x00b\x7fc\x85d\x9be\u2028f\u2029g{RLO}h{PDF}i\u2066j\u2069k\ud800l é 汉 😀"}
    text = escape_json_controls(json.dumps(data, ensure_ascii=False))
    assert RAW.search(text) is None and "é 汉 😀" in text
    assert json.loads(text) == data
