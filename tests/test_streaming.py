"""`list` writes JSON and CSV rows as they are computed: the same text as rendering them at once."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.formats import View, renderer

from .conftest import MINI

RECORDS = [{"id": "a", "text": "é \u202e x", "n": [1, {"k": None}]}, {"id": "b", "text": "two\nlines"}]


def rendered(fmt: str, records: list, streamed: bool) -> str:
    out = io.StringIO()
    view = View("claims", iter(records) if streamed else records, "")
    target = renderer(fmt, out)
    target.stream(view) if streamed else target.render(view)
    return out.getvalue()


def test_streamed_json_is_the_json_of_the_whole_list() -> None:
    for records in (RECORDS, RECORDS[:1], []):
        assert rendered("json", records, True) == rendered("json", records, False)
        assert json.loads(rendered("json", records, True)) == records


def test_streamed_json_in_batches_is_the_json_of_the_whole_list() -> None:
    from factcheck.formats.json import STREAM_BATCH

    for count in (STREAM_BATCH - 1, STREAM_BATCH, STREAM_BATCH + 1, 2 * STREAM_BATCH + 1):
        records = [{**RECORDS[i % 2], "id": str(i)} for i in range(count)]
        assert rendered("json", records, True) == rendered("json", records, False)


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner) | st.tuples(inner, inner)
                      | st.dictionaries(st.text(), inner) | st.dictionaries(st.integers() | st.booleans(), inner),
                      max_leaves=30)


@given(VALUES, st.integers(0, 3))
def test_indented_json_is_what_json_dumps_writes(value: object, level: int) -> None:
    from factcheck.formats.json import indented

    expected = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)
    assert indented(value, level) == expected


def test_streamed_csv_is_the_csv_of_the_whole_list() -> None:
    rows = [{"id": "a", "verdict": "true", "text": "=1+1"}, {"id": "b", "verdict": "false", "text": "x"}]
    assert rendered("csv", rows, True) == rendered("csv", rows, False)


def test_list_json_holds_every_row_and_filters_before_rendering() -> None:
    runner = CliRunner()
    every = json.loads(runner.invoke(app, ["list", "--data", str(MINI), "--format", "json"]).output)
    false = json.loads(runner.invoke(app, ["list", "--data", str(MINI), "--format", "json",
                                           "--verdict", "false"]).output)
    assert every and false == [row for row in every if row["verdict"] == "false"]
    csv_text = runner.invoke(app, ["list", "--data", str(MINI), "--format", "csv"]).output
    assert len(csv_text.splitlines()) == len(every) + 1
