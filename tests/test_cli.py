"""The `sitrep` command as a user runs it: outputs, exit codes (SPEC §4) and clear errors for bad input."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from tests.conftest import SAMPLE

REPORT = ("Gunmen killed at least 14 villagers and wounded 9 others in an attack on Monday night, "
          "a local official told reporters on Tuesday.\n")


@pytest.fixture()
def runner():
    return CliRunner()


def lines(output: str) -> list[dict]:
    return [json.loads(x) for x in output.splitlines() if x.strip()]


def test_cli_extract_file_prints_records(runner, tmp_path):
    p = tmp_path / "attack.txt"
    p.write_text(REPORT, encoding="utf-8")
    res = runner.invoke(main, ["extract", str(p), "--published", "2023-06-13"])
    assert res.exit_code == 0, res.output
    (rec,) = lines(res.stdout)
    assert rec["schema"] == "sitrep/1"
    assert rec["article"] == {"id": "attack", "title": REPORT.strip(), "published": "2023-06-13", "outlet": None,
                              "source_url": None, "language": "en"}
    figs = {(f["category"], f["min"], f["max"]) for e in rec["events"] for f in e["figures"]}
    assert figs == {("killed", 14, None), ("injured", 9, 9)}


def test_cli_extract_corpus_writes_jsonl_in_folder_order(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    res = runner.invoke(main, ["extract", "--corpus", str(SAMPLE), "-o", str(out)])
    assert res.exit_code == 0, res.output
    ids = [r["article"]["id"] for r in lines(out.read_text(encoding="utf-8"))]
    assert ids == sorted(p.name for p in SAMPLE.iterdir() if p.is_dir())
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_cli_pretty_output_is_indented_json(runner, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(REPORT, encoding="utf-8")
    res = runner.invoke(main, ["extract", str(p), "--pretty"])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["article"]["id"] == "a"
    assert "\n  " in res.stdout


@pytest.mark.parametrize(
    "name,content,problem",
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"   \n\n  ", "is empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Des réfugiés ont fui la ville.".encode("latin-1"), "not valid UTF-8"),
        ("french.txt", ("Au moins douze personnes ont été tuées lundi dans une attaque contre un village du nord, "
                        "selon des sources locales qui ont parlé à la presse.").encode(), "does not look like English"),
        ("huge.txt", ("Ten people were killed. " * 30000).encode(), "more than one report"),
    ],
)
def test_cli_bad_file_is_named_and_the_rest_goes_on(runner, tmp_path, name, content, problem):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    res = runner.invoke(main, ["extract", str(bad), str(good)])
    assert res.exit_code == 1
    assert f"{bad}: " in res.stderr and problem in res.stderr
    assert "Traceback" not in res.output
    assert [r["article"]["id"] for r in lines(res.stdout)] == ["good"]


def test_cli_missing_file_and_folder_given_as_file(runner, tmp_path):
    res = runner.invoke(main, ["extract", str(tmp_path / "nope.txt"), str(tmp_path)])
    assert res.exit_code == 1
    assert "nope.txt: cannot be read" in res.stderr
    assert "is a folder: use --corpus" in res.stderr


def test_cli_corpus_with_bad_articles_keeps_the_good_ones(runner, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus)
    (corpus / "kabul-airport" / "meta.json").write_text("{not json", encoding="utf-8")
    (corpus / "mariupol-theatre" / "text.txt").unlink()
    (corpus / "zz-german").mkdir()
    (corpus / "zz-german" / "text.txt").write_text("Zwölf Menschen wurden getötet.", encoding="utf-8")
    (corpus / "zz-german" / "meta.json").write_text('{"language": "de"}', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(main, ["extract", "--corpus", str(corpus), "-o", str(out)])
    assert res.exit_code == 1
    assert "kabul-airport/meta.json: is not valid JSON" in res.stderr
    assert "mariupol-theatre: has no text.txt" in res.stderr
    assert "zz-german: is in language 'de'" in res.stderr
    ids = [r["article"]["id"] for r in lines(out.read_text(encoding="utf-8"))]
    assert len(ids) == 6 and "kabul-airport" not in ids and "dapchi-school" in ids


@pytest.mark.parametrize(
    "args,message",
    [
        (["extract"], "give report FILEs or --corpus DIR"),
        (["extract", "a.txt", "--corpus", "."], "not both"),
        (["extract", "a.txt", "--published", "18/05/2015"], "--published"),
        (["nonsense"], "No such command"),
    ],
)
def test_cli_bad_usage_exits_2(runner, args, message):
    res = runner.invoke(main, args)
    assert res.exit_code == 2
    assert message in res.output


def test_cli_reads_standard_input(runner):
    res = runner.invoke(main, ["extract", "-", "--published", "2020-01-01"], input=REPORT)
    assert res.exit_code == 0
    (rec,) = lines(res.stdout)
    assert rec["article"]["id"] == "stdin" and rec["events"]


def test_cli_schema_is_json(runner):
    res = runner.invoke(main, ["schema"])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["properties"]["schema"]["const"] == "sitrep/1"


def test_cli_rerun_is_identical(runner, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (a, b):
        assert runner.invoke(main, ["extract", "--corpus", str(SAMPLE), "-o", str(out)]).exit_code == 0
    assert Path(a).read_bytes() == Path(b).read_bytes()


def test_cli_places_lists_resolved_mentions_with_candidates(runner):
    res = runner.invoke(main, ["places", "-", "--candidates", "2"],
                        input="Clashes erupted in Tripoli between rival Libyan militias, officials in Misrata said.\n")
    assert res.exit_code == 0, res.output
    (doc,) = lines(res.stdout)
    by_text = {p["text"]: p for p in doc["places"]}
    tripoli = by_text["Tripoli"]
    assert (tripoli["geonames_id"], tripoli["country"], tripoli["feature_class"]) == (2210247, "LY", "P")
    assert tripoli["start"] == 19 and tripoli["end"] == 26
    assert len(tripoli["candidates"]) == 2 and tripoli["candidates"][0]["reasons"]
    assert doc["focus"]["LY"] > 0


def test_cli_places_bad_file_exits_1(runner, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    res = runner.invoke(main, ["places", str(bad)])
    assert res.exit_code == 1 and "is empty" in res.stderr


def test_cli_defaults_follow_the_library():
    """The CLI spells some library constants out so that it starts without importing the store; keep them equal."""
    from sitrep.cli import main
    from sitrep.export import FORMATS
    from sitrep.ingest.run import BATCH
    from sitrep.scale import PARTITION

    params = {p.name: p for p in main.commands["ingest"].params}
    assert params["batch_size"].default == BATCH
    # None: the option was not given (then the run is on the processes of sitrep.parallel, not Dask)
    assert params["partition_size"].default is None and f"default {PARTITION})" in params["partition_size"].help
    fmt = next(p for p in main.commands["export"].params if p.name == "fmt")
    assert tuple(fmt.type.choices) == FORMATS


def test_cli_merge_explain_a_report_without_events(runner, tmp_path, extractor):
    """A stored report that tells no event is known, not missing: --explain says it has nothing to merge."""
    from sitrep.ingest.run import ingest
    from sitrep.store import Store

    reports = tmp_path / "reports.jsonl"
    reports.write_text(json.dumps({"id": "raid", "published": "2024-03-05", "text": REPORT}) + "\n"
                       + json.dumps({"id": "budget", "published": "2024-03-05",
                                     "text": "The finance ministry presented its budget to parliament on Monday.\n"})
                       + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert ingest([str(reports)], store, extractor).failed == 0
    out = runner.invoke(main, ["merge", "--db", str(db), "--explain", "raid", "budget"])
    assert out.exit_code == 0, out.output
    assert out.output.strip() == "budget: no events (nothing to merge)"


@pytest.mark.parametrize("from_stdin", [False, True])
def test_cli_explain_tells_each_number_from_a_file_or_stdin(runner, tmp_path, from_stdin):
    """`sitrep explain FILE` and `sitrep explain -` both say which numbers became figures and why."""
    text = ("Gunmen killed 14 villagers in an attack on a market on Tuesday, police said. "
            "The market had about 300 stalls.")
    if from_stdin:
        result = runner.invoke(main, ["explain", "-"], input=text.encode())
    else:
        path = tmp_path / "report.txt"
        path.write_text(text)
        result = runner.invoke(main, ["explain", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("'14'" in line and "FIGURE" in line and "killed" in line for line in lines), result.output
    assert any("'about 300'" in line and "no figure" in line for line in lines), result.output
