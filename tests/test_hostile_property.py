"""Random ledgers built from hostile pieces, run through every command in every format.

Each example writes a ledger of under 1 MB from pieces that broke figcheck once: YAML
aliases (an alias bomb among them) and merge keys, nesting up to past the 1,000-level
limit, scalars of 50,000 characters, control characters and workflow commands in every
kind of text, texts dense with numbers, and a wrong type in any field. Then one child
process runs `check` in every format, `report`, `extract` (text and JSON), `add --dry-run`
(text and JSON) and `accept` on it, and the test asserts, for each run:

- a result or a one-line error: exit code 0, 1 or 2, no traceback, no internal error;
- no control character from the data in the output, and no line that a CI runner would
  read as a workflow command (github's own annotations aside);
- the budget: each command under 10 s, and the child under 500 MB of resident memory; the
  child also runs under a hard limit of address space and a timeout, so that a run that
  would take minutes or gigabytes fails the test instead of the machine.

The number of examples (FIGCHECK_HOSTILE_EXAMPLES, default 20) keeps the test under a
minute in CI; raise it to fuzz longer.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("FIGCHECK_HOSTILE_EXAMPLES", "20"))
SECONDS_PER_COMMAND = 10
RESIDENT_MB = 500
ADDRESS_SPACE_MB = 700  # the hard guard: the interpreter's own mappings, plus the budget
CHILD_TIMEOUT = 90  # seconds for all the commands of one example; far above any fair run
LARGEST_INPUT = 1_000_000

RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
COMMAND_LINE = re.compile(r"^[ \t]*::", re.MULTILINE)

# Text pieces, for titles, speakers, quotes, reasons and the document's text.
NASTY = "\x1b[2J\x1b]52;c;eA==\x07\x08\x9b31m\u202e\u2066\r\n::error title=x::pwned\n@octocat"
WORDS = [
    "lent 5 books",
    "lent 7 books",
    "fell by 46%",
    "2,719",
    "one hundred and two",
    "hundreds",
    "1111111111111111111111th",
    "Straße",
    "https://example.org",
    NASTY,
    "n" * 50_000,
    "1 " * 5_000,
    "one " * 2_000,
    "\t \n",
]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding `text` exactly (control characters escaped)."""
    return json.dumps(text)  # JSON strings are YAML double-quoted scalars


# Values for any field: well-formed ones, wrong types, and hostile structures.
HOSTILE_VALUES = [
    "5",
    "-150",
    "1e400",
    ".nan",
    ".inf",
    "2015",
    "2015/2016",
    "'2,719'",
    "null",
    "true",
    "[]",
    "{}",
    "[1, 2]",
    "*a0",
    "[" * 300 + "x" + "]" * 300,
    "[" * 1_100 + "]" * 1_100,
    "{a: [1, {b: *a0}]}",
    "q",
    "c",
    "range",
    "about",
    "0" + "1" * 5_000,
]
values = st.one_of(st.sampled_from(HOSTILE_VALUES), texts.map(quoted))
# Most hostile pieces are put in now and then, so that many examples still get as far as
# the rules and the anchoring of the text.
sometimes = st.sampled_from([False, False, False, True])

FIGURE_FIELDS = ["id", "quantity", "value", "approx", "as_of", "said_by", "quote", "note"]
GOOD = {
    "quantity": "q",
    "value": "5",
    "as_of": "2015",
    "said_by": "author",
    "quote": "lent 5 books",
}


@st.composite
def figures(draw: st.DrawFn, index: int) -> str:
    fields = {"id": f"f{index}", **GOOD}
    value = draw(st.sampled_from(["5", "7"]))
    fields["value"], fields["quote"] = value, quoted(f"lent {value} books")
    if draw(sometimes):
        for name in draw(st.lists(st.sampled_from(FIGURE_FIELDS), max_size=3, unique=True)):
            fields[name] = draw(values)
    lines = [f"{name}: {value}" for name, value in fields.items()]
    if draw(st.booleans()):
        lines.insert(0, "<<: *base")  # merge the first figure's keys, then override some
    if draw(sometimes):
        lines.append(f"{draw(st.sampled_from(['quote', 'unknown', 'note']))}: {draw(values)}")
    return "  - " + "\n    ".join(lines) + "\n"


def bomb(levels: int) -> str:
    """Anchors b0 .. b{levels}: each level nine aliases of the one before."""
    anchors = "&b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*b{level - 1}"] * 9)
        anchors = f"[{anchors}, &b{level} [{aliases}]]"
    return anchors


@st.composite
def ledgers(draw: st.DrawFn) -> dict[str, str | bytes]:
    anchors = bomb(draw(st.integers(0, 8)))
    source = textwrap.dedent(
        f"""\
        document:
          id: doc
          title: {quoted(draw(texts))}
          text: ../documents/doc.txt
        figures:
          - &base
            id: base
            quantity: q
            value: 5
            as_of: 2015
            said_by: &a0 {quoted(draw(texts))}
            quote: lent 5 books
        """
    )
    source += "".join(draw(figures(i)) for i in range(draw(st.integers(0, 4))))
    if draw(sometimes):  # an alias bomb in a figure's note and its quantity
        source += f"  - id: bomb\n    note: {anchors}\n    quantity: *b0\n"
    if draw(sometimes):
        source += f"ignore:\n  - text: {quoted(draw(texts))}\n    why: {draw(values)}\n"
    quantities = textwrap.dedent(
        f"""\
        quantities:
          q:
            label: {quoted(draw(texts))}
            unit: books
            kind: flow
          c:
            label: change
            unit: percent
            kind: change
            of: {draw(st.sampled_from(["q"] * 6 + ["c", "nowhere"]))}
        """
    )
    if draw(sometimes):
        names = ", ".join(f"n{i % 97}" for i in range(draw(st.integers(1, 20_000))))
        quantities += "  s:\n    label: s\n    unit: books\n    kind: flow\n"
        quantities += f"    subset_of: [{names}]\n"
    files: dict[str, str | bytes] = {
        "quantities.yaml": quantities,
        "sources/doc.yaml": source,
        # The quotes of the well-formed figures are in the text, among the hostile pieces.
        "documents/doc.txt": f"{draw(texts)} lent 5 books. {draw(texts)} lent 7 books.",
    }
    if draw(sometimes):
        why = draw(values)
        files["accepted.yaml"] = f"accepted:\n  - finding: FC302:0123456789\n    why: {why}\n"
    if draw(sometimes):
        files["figcheck.yaml"] = (
            f"rules:\n  FC302:\n    listed: {draw(st.sampled_from(['0', '3', '.nan', '-1']))}\n"
            f"  FC301:\n    threshold: {draw(st.sampled_from(['0.2', '.inf', 'x']))}\n"
        )
    if draw(sometimes):  # a second source file with a name no terminal should see raw
        files["sources/\x1b[2J\u202e.yaml".replace("\u202e", "")] = source.replace(
            "id: doc", "id: d2"
        )
    return files


DRIVER = textwrap.dedent(
    """
    import json, resource, sys, time
    limit = int(sys.argv[3]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from click.testing import CliRunner
    from figcheck.cli import cli
    runs = []
    for args in json.loads(sys.argv[2]):
        start = time.perf_counter()
        result = CliRunner().invoke(cli, [*args, "--data", sys.argv[1]])
        exception = result.exception
        runs.append({
            "args": args,
            "exit": result.exit_code,
            "output": result.output,
            "seconds": time.perf_counter() - start,
            "exception": None if exception is None or isinstance(exception, SystemExit)
            else repr(exception),
        })
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"runs": runs, "peak_mb": peak}))
    """
)

FORMATS = ["text", "json", "github", "sarif", "markdown", "junit"]
ADD = ["add", "--dry-run", "--document", "doc", "--quantity", "q", "--value", "7"]
ADD += ["--as-of", "2016", "--said-by", "author", "--quote", "lent 7 books"]
COMMANDS = [
    *(["check", "--format", output] for output in FORMATS),
    ["report"],
    ["extract", "doc"],
    ["extract", "doc", "--format", "json", "--unrecorded"],
    ADD,
    [*ADD, "--format", "json"],
    ["accept", "FC302:0123456789", "--why", "a day number"],
]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ledgers())
def test_every_command_on_a_hostile_ledger_ends_cleanly_within_budget(files):
    size = sum(len(c if isinstance(c, bytes) else c.encode()) for c in files.values())
    assume(size < LARGEST_INPUT)
    root = Path(tempfile.mkdtemp(prefix="figcheck-hostile-"))
    try:
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            path.write_bytes(data)
        done = subprocess.run(
            [sys.executable, "-c", DRIVER, str(root), json.dumps(COMMANDS), str(ADDRESS_SPACE_MB)],
            capture_output=True,
            timeout=CHILD_TIMEOUT,
            check=False,
        )
    finally:
        shutil.rmtree(root)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    report = json.loads(done.stdout)
    assert report["peak_mb"] < RESIDENT_MB, report["peak_mb"]
    for run in report["runs"]:
        args, output = run["args"], run["output"]
        event(f"{args[0]} {args[-1] if len(args) < 4 else ''} exit {run['exit']}")
        assert run["exception"] is None, (args, run["exception"])
        assert run["exit"] in (0, 1, 2), (args, output[-2000:])
        assert "Traceback" not in output and "internal error" not in output, (args, output)
        assert run["seconds"] < SECONDS_PER_COMMAND, (args, run["seconds"])
        raw = RAW_CONTROL.search(output)
        assert raw is None, (args, repr(raw.group()), output[max(0, raw.start() - 200) :][:400])
        if args[-1] != "github":
            assert not COMMAND_LINE.search(output), (args, output)
