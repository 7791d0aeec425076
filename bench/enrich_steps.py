#!/usr/bin/env python3
"""Instructions per posting of each enrichment step, counted by valgrind (callgrind).

``bench/enrich_instructions.py`` counts the whole pipeline; this splits that count by
step. It runs one child under ``valgrind --tool=callgrind --collect-atstart=no``: the child
enriches the same window of the corpus (``--warm`` + ``--postings`` lines spread over it,
as ``enrich_instructions.py`` takes them), calls ``warm_up``, makes the same uncounted first
pass, and then enriches the ``--postings`` postings again with counting on. For that pass
each step function (``STEPS``: ``prepare_record``, ``SectionMap``, ``featurize``, the
facets, ...) is replaced by a wrapper that calls the step through a C function of its own
(``mljobs_step_K`` of a small extension module compiled here with ``gcc``); callgrind's inclusive
count of ``mljobs_step_K`` is then the step's own instructions, with whatever it calls,
the nested steps included (``listed_roles`` is inside ``prepare_record``, ``parse_header``
inside both ``listed_roles`` and ``role_title``). The wrappers' own cost is measured in the
same run on a step that does nothing and taken off each step per call; ``(rest)`` is what
the counted pass spent outside every top-level step (the batching, the result lists and
dicts the steps do not build).

Counts are steady ones (after the first pass, like ``enrich_instructions.py``'s default)
and depend only on the code and the window, not on the host's load. A step a revision
lacks shows as ``-``.

    .venv/bin/python bench/enrich_steps.py                    # the working tree
    .venv/bin/python bench/enrich_steps.py --against 1cf2047  # and a git revision, side by side
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from enrich_instructions import sample  # (the same window)
from revisions import tree_at

ROOT = Path(__file__).resolve().parents[1]

# (label, "module:attribute" to wrap, top-level?): the attribute is looked up where the
# pipeline looks it up at call time, so the wrapper is the one it calls ("a|b": each of
# them that a revision has, as one step). Nested steps (not top-level) are part of a
# top-level step's count too.
STEPS: list[tuple[str, str, bool]] = [
    ("prepare_record", "mljobs.enrich.pipeline:prepare_record", True),
    ("  listed_roles", "mljobs.enrich.pipeline:listed_roles", False),
    ("    segment_roles", "mljobs.enrich.pipeline:segment_roles|mljobs.enrich.roles:segment_roles", False),
    ("      _labelled_items", "mljobs.enrich.roles:_labelled_items", False),
    ("    _with_header_role", "mljobs.enrich.roles:_with_header_role", False),
    ("  other_roles", "mljobs.enrich.pipeline:other_roles", False),
    ("_job (names, size)", "mljobs.enrich.pipeline:_job", True),
    ("SectionMap", "mljobs.enrich.pipeline:SectionMap", True),
    ("_skill_matches", "mljobs.enrich.pipeline:_skill_matches", True),
    ("_rows (skill rows)", "mljobs.enrich.pipeline:_rows", True),
    ("  _names_its_tools", "mljobs.enrich.pipeline:_names_its_tools", False),
    ("_categories", "mljobs.enrich.pipeline:_categories", True),
    ("featurize", "mljobs.enrich.pipeline:featurize", True),
    ("  role_title", "mljobs.enrich.features:role_title", False),
    ("parse_header (roles and features)", "mljobs.sources.hn_format:parse_header", False),
    ("predict_many", "mljobs.enrich.classifier:ArchetypeModel.predict_many", True),
    ("degree_and_phd", "mljobs.enrich.facets:degree_and_phd", True),
    ("_salary", "mljobs.enrich.pipeline:_salary", True),
    ("specialisations", "mljobs.enrich.facets:specialisations", True),
    ("years_min", "mljobs.enrich.facets:years_min", True),
    ("seniority", "mljobs.enrich.facets:seniority", True),
    ("  _title_level", "mljobs.enrich.facets:_title_level", False),
    ("  _text_level", "mljobs.enrich.facets:_text_level", False),
    ("remote", "mljobs.enrich.facets:remote", True),
    ("visa", "mljobs.enrich.facets:visa", True),
    ("company_stage", "mljobs.enrich.facets:company_stage", True),
    ("  _headcount", "mljobs.enrich.facets:_headcount", False),
    ("  _local_office", "mljobs.enrich.facets:_local_office", False),
    ("  _cofounder_wanted", "mljobs.enrich.facets:_cofounder_wanted", False),
    ("  _own_stage", "mljobs.enrich.facets:_own_stage", False),
    ("  _large_near", "mljobs.enrich.facets:_large_near", False),
    ("mentions_equity", "mljobs.enrich.pipeline:mentions_equity", True),
    ("ml_share", "mljobs.enrich.pipeline:ml_share", True),
    ("_record_dict", "mljobs.enrich.pipeline:_record_dict", True),
]
_CALLS = 2000  # (calls of the step that does nothing: the wrappers' cost per call)

_C = "#include <Python.h>\n" + "".join(
    f"__attribute__((noinline)) PyObject *mljobs_step_{k}(PyObject *m, PyObject *f) "
    "{ return PyObject_CallNoArgs(f); }\n" for k in range(len(STEPS) + 2)
) + """__attribute__((noinline)) PyObject *mljobs_region(PyObject *m, PyObject *f) {
    return PyObject_CallNoArgs(f); }
static PyMethodDef methods[] = {""" + "".join(
    f'{{"mljobs_step_{k}", mljobs_step_{k}, METH_O, ""}}, ' for k in range(len(STEPS) + 2)
) + """{"mljobs_region", mljobs_region, METH_O, ""}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "mljobs_steps", NULL, -1, methods};
PyMODINIT_FUNC PyInit_mljobs_steps(void) { return PyModule_Create(&module); }
"""

_CHILD = r"""
import functools, importlib, itertools, json, sys
lib_dir, specs, warm, n, path, out = sys.argv[1], json.loads(sys.argv[2]), *map(int, sys.argv[3:5]), sys.argv[5], sys.argv[6]
sys.path.insert(0, lib_dir)
import mljobs_steps as lib
active, stack, calls, nested = [False], [], {}, {}

def wrap(k, f):
    tramp = getattr(lib, f"mljobs_step_{k}")
    def w(*a, **kw):
        if not active[0]:
            return f(*a, **kw)
        calls[k] = calls.get(k, 0) + 1
        for up in set(stack):  # (a wrapper called inside another step)
            nested[up] = nested.get(up, 0) + 1
        stack.append(k)
        try:
            return tramp(functools.partial(f, *a, **kw))
        finally:
            stack.pop()
    return w

present = []
for k, targets in enumerate(specs):
    for target in targets.split("|"):
        mod_name, attr = target.split(":")
        try:
            owner = importlib.import_module(mod_name)
            *path_, name = attr.split(".")
            for part in path_:
                owner = getattr(owner, part)
            f = getattr(owner, name)
        except (ImportError, AttributeError):
            continue
        setattr(owner, name, wrap(k, f))
        if k not in present:
            present.append(k)

from mljobs.enrich.pipeline import enrich_records
recs = [json.loads(line) for line in itertools.islice(open(path, encoding="utf-8"), warm + n)]
list(enrich_records(recs[:warm]))
try:
    from mljobs.enrich.warm import warm_up
except ImportError:
    import gc
    gc.collect()
    gc.freeze()
else:
    warm_up()
list(enrich_records(recs))
noop_k, calib_k = len(specs), len(specs) + 1
noop = wrap(noop_k, lambda: None)
def calibrate():
    for _ in range(CALLS):
        noop()
def counted():
    for _ in enrich_records(recs[warm:warm + n]):
        pass
    getattr(lib, f"mljobs_step_{calib_k}")(calibrate)
active[0] = True
lib.mljobs_region(counted)
active[0] = False
json.dump({"present": present, "calls": calls, "nested": nested}, open(out, "w"))
""".replace("CALLS", str(_CALLS))


def _inclusive(cg_out: Path) -> dict[str, int]:
    """Inclusive instructions of every ``mljobs_*`` function of a callgrind output file."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(cg_out)],
                         capture_output=True, text=True, check=True).stdout
    got: dict[str, int] = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s.*\b(mljobs_(?:step_\d+|region))\b", line)
        if m:
            got[m.group(2)] = max(got.get(m.group(2), 0), int(m.group(1).replace(",", "")))
    return got


def steps(src: Path, warm: int, n: int, corpus: Path) -> dict[str, float | None]:
    """Instructions per counted posting of each step of ``STEPS`` (None: not in ``src``),
    ``(rest)`` and ``(total)``."""
    if shutil.which("gcc") is None or shutil.which("valgrind") is None:
        raise SystemExit("bench/enrich_steps.py needs gcc and valgrind on the PATH")
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0",
           "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "steps.c").write_text(_C, encoding="utf-8")
        lib = Path(tmp) / f"mljobs_steps{sysconfig.get_config_var('EXT_SUFFIX')}"
        subprocess.run(["gcc", "-O0", "-shared", "-fPIC", f"-I{sysconfig.get_paths()['include']}",
                        "-o", str(lib), str(Path(tmp) / "steps.c")], check=True)
        cg, res = Path(tmp) / "cg.out", Path(tmp) / "calls.json"
        subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no",
                        "--toggle-collect=mljobs_region", f"--callgrind-out-file={cg}",
                        sys.executable, "-c", _CHILD, tmp, json.dumps([t for _, t, _ in STEPS]),
                        str(warm), str(n), str(corpus), str(res)],
                       env=env, capture_output=True, text=True, check=True)
        incl = _inclusive(cg)
        info = json.loads(res.read_text(encoding="utf-8"))
    calls = {int(k): v for k, v in info["calls"].items()}
    nested = {int(k): v for k, v in info["nested"].items()}
    noop_k, calib_k = len(STEPS), len(STEPS) + 1
    inner = incl.get(f"mljobs_step_{noop_k}", 0) / _CALLS  # (inside the C function)
    whole = incl.get(f"mljobs_step_{calib_k}", 0) / _CALLS  # (the wrapper's call too)
    out: dict[str, float | None] = {}
    top = 0.0
    for k, (label, _, is_top) in enumerate(STEPS):
        if k not in info["present"]:
            out[label] = None
            continue
        c = calls.get(k, 0)
        # (the wrappers of the steps called inside this one are not the step's cost)
        cost = incl.get(f"mljobs_step_{k}", 0) - c * inner - nested.get(k, 0) * whole
        out[label] = cost / n
        if is_top:
            top += cost
    wrapped = sum(v for k, v in calls.items() if k < len(STEPS))  # (not the calibration's)
    total = incl["mljobs_region"] - incl.get(f"mljobs_step_{calib_k}", 0) - wrapped * whole
    out["(rest)"] = (total - top) / n
    out["(total)"] = total / n
    out["(wrapper cost per call)"] = whole
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the steps' instructions per posting now (and at ``--against``)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=int, default=400, help="postings counted (default 400)")
    ap.add_argument("--warm", type=int, default=50, help="postings enriched first (default 50)")
    ap.add_argument("--against", metavar="REV", help="also count the src of this git revision")
    args = ap.parse_args(argv)
    if args.postings < 1:
        raise SystemExit("--postings must be at least 1")
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "window.jsonl"
        corpus.write_text("".join(sample(args.warm + args.postings, False)), encoding="utf-8")
        now = steps(ROOT / "src", args.warm, args.postings, corpus)
        then: dict[str, float | None] | None = None
        if args.against:
            then = steps(tree_at(args.against, Path(work)), args.warm, args.postings, corpus)
    _print(now, then, args.against)
    return 0


def _print(now: dict[str, float | None], then: dict[str, float | None] | None,
           against: str | None) -> None:
    def k(v: float | None) -> str:
        return "-" if v is None else f"{v / 1000:,.1f}"
    head = f"{'step (instructions per posting, thousands)':<44}{'now':>9}"
    if then is not None:
        head += f"{against:>9}{'change':>9}"
    print(head)
    for label, v in now.items():
        row = f"{label:<44}{k(v):>9}"
        if then is not None:
            w = then.get(label)
            row += f"{k(w):>9}"
            if v is not None and w is not None and label != "(wrapper cost per call)":
                row += f"{(v - w) / 1000:>+9,.1f}"
        print(row)


if __name__ == "__main__":
    sys.exit(main())
