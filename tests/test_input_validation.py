"""Input checked at the edge: each field of a JSON line, a meta.json or an API body has its type and range, the
publication date is a plausible day, and the language is told by a real identifier -- every refusal names the
input and the field or the language found, and the good inputs of the same run go on."""
from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.ingest import InputError, read_inputs
from sitrep.ingest.fields import published_date
from sitrep.ingest.files import check_text, read_corpus
from sitrep.ingest.language import declared_english, detect
from sitrep.ingest.run import ingest
from sitrep.store import Store

REPORT = "Gunmen killed 12 people in Kano on Friday, police said."


# ---------------------------------------------------------------- language
@pytest.mark.parametrize("text", [
    # Short notes in the style of ACLED's, written for this test: few common English words, many names.
    "Al Shabaab shell an AMISOM camp near Qoryoley, Lower Shabelle. No casualties reported.",
    "On 3 May 2021, unidentified gunmen killed 2 residents of Bassa LGA, Plateau.",
    "Taliban attack ANDSF checkpoint in Nad Ali district, Helmand; 4 ANA soldiers killed.",
    "ISWAP fighters abduct 5 aid workers near Monguno (Borno).",
    "Protesters in Cochabamba block roads against fuel prices; police disperse them with tear gas.",
    "Police arrest 3 suspected members of Jalisco Cartel in Guadalajara, Jalisco.",
    "FDLR militia loot cattle in Rutshuru territory, Nord-Kivu.",
    "12 killed.",
    # English with a quotation in another language.
    "Gunmen killed 12 people in Kano on Friday, police said. 'Nous avons vu les corps,' a witness told reporters "
    "in French, adding that the attackers fled towards the border before soldiers arrived at the scene.",
])
def test_english_notes_are_read_as_english(text):
    assert check_text(text, "note") in ("en", None)


@pytest.mark.parametrize("text,language", [
    ("Des hommes armés ont tué douze villageois vendredi soir dans le nord du pays, selon la police.", "French"),
    ("Hombres armados mataron a doce campesinos el viernes en una aldea del norte, informó la policía.", "Spanish"),
    ("قتل مسلحون اثني عشر قرويا مساء الجمعة في شمال البلاد، بحسب الشرطة.", "Arabic"),
    ("警方称，周五晚上武装分子在该国北部杀害了十二名村民。", "Chinese"),
    ("Вооружённые люди убили двенадцать жителей деревни в пятницу вечером на севере страны, сообщила полиция.",
     "Russian"),
])
def test_other_languages_are_refused_naming_the_language(text, language):
    with pytest.raises(InputError) as err:
        check_text(text, "report.txt")
    assert str(err.value).startswith("report.txt: does not look like English text") and language in str(err.value)


@pytest.mark.parametrize("text", ["12", "...", "Kano", "a\ud800b killed", "x\x85y\x7f\x00 z\ufffe", "\u200b" * 40])
def test_text_the_detector_cannot_place_or_refuses_passes_without_a_language(text):
    found = detect(text)
    assert not found.foreign
    assert check_text(text, "t") in (None, "en")


@pytest.mark.parametrize("declared,english", [("en", True), ("EN-gb", True), ("English", True), ("eng", True),
                                              ("fr", False), ("de-DE", False), ("enx", False)])
def test_declared_language(declared, english):
    assert declared_english(declared) is english


# ---------------------------------------------------------------- publication dates
@pytest.mark.parametrize("value,expected", [
    ("2024-03-08", date(2024, 3, 8)),
    ("2024-03-08T10:15:00Z", date(2024, 3, 8)),
    ("", None),
    (None, None),
    ("08/03/2024", "is not YYYY-MM-DD"),
    (20240308, "is not YYYY-MM-DD"),
    ("2024-02-30", "not a real day"),
    ("0001-01-01", "outside 1900-01-01..2100-12-31"),
    ("9999-12-31", "outside"),
])
def test_published_date(value, expected):
    if isinstance(expected, str):
        with pytest.raises(ValueError, match=expected):
            published_date(value)
    else:
        assert published_date(value) == expected


@pytest.mark.parametrize("value,message", [("0001-01-01", "outside 1900-01-01"), ("9999-12-31", "outside")])
def test_cli_published_out_of_range_is_a_usage_error(tmp_path, value, message):
    p = tmp_path / "r.txt"
    p.write_text(REPORT, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(p), "--published", value])
    assert res.exit_code == 2 and "--published" in res.output and message in res.output
    assert "Traceback" not in res.output


# ---------------------------------------------------------------- JSON Lines and meta.json fields
@pytest.mark.parametrize("fields,message", [
    ({"url": 123}, "field 'url': Input should be a valid string (got 123)"),
    ({"source_url": ["https://a.invalid"]}, "field 'source_url'"),
    ({"title": {"en": "Attack"}}, "field 'title'"),
    ({"outlet": 7}, "field 'outlet'"),
    ({"published": "0001-01-01"}, "field 'published': published date 0001-01-01 is outside"),
    ({"published": 2024}, "field 'published'"),
    ({"id": True}, "field 'id'"),
    ({"id": {"a": 1}}, "field 'id'"),
    ({"language": "fr"}, "is in language 'fr'"),
    ({"text": 5}, "field 'text'"),
    ({"text": None}, "field 'text'"),
    ({"title": "x" * 5000}, "field 'title': String should have at most 2000 characters"),
])
def test_jsonl_field_of_the_wrong_kind_is_named_with_its_line(tmp_path, fields, message):
    p = tmp_path / "in.jsonl"
    good = {"id": "good", "text": REPORT, "url": "https://a.invalid/1"}
    p.write_text(json.dumps({"text": REPORT, **fields}) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    items = list(read_inputs([str(p)]))
    assert isinstance(items[0], InputError) and str(items[0]).startswith(f"{p}:1: ")
    assert message in str(items[0])
    assert items[1].id == "good" and items[1].source_url == "https://a.invalid/1" and items[1].language == "en"


def test_jsonl_numbers_as_ids_and_blank_fields_are_fine(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": 17, "text": REPORT, "title": "", "outlet": None, "published": "2024-03-08"}) + "\n"
                 + json.dumps({"text": "Kano, Nigeria.", "language": "English", "extra": [1]}) + "\n",
                 encoding="utf-8")
    article, short = read_inputs([str(p)])
    assert (article.id, article.title, article.outlet, article.published) == ("17", None, None, date(2024, 3, 8))
    assert (article.language, short.language) == ("en", "en")  # detected; declared (too short to tell)


@pytest.mark.parametrize("meta,message", [
    ({"published": "0001-01-01"}, "field 'published'"),
    ({"source_url": 42}, "field 'source_url'"),
    ({"title": ["a", "b"]}, "field 'title'"),
    ({"outlet": {"name": "x"}}, "field 'outlet'"),
    ({"language": 1}, "field 'language'"),
])
def test_meta_json_field_of_the_wrong_kind_is_named_with_its_file(tmp_path, meta, message):
    for name, m in (("a-bad", meta), ("b-good", {"published": "2024-03-08", "origin": "kept out, not refused"})):
        (tmp_path / name).mkdir()
        (tmp_path / name / "text.txt").write_text(REPORT, encoding="utf-8")
        (tmp_path / name / "meta.json").write_text(json.dumps(m), encoding="utf-8")
    bad, good = read_corpus(tmp_path)
    assert isinstance(bad, InputError) and str(bad).startswith(f"{tmp_path / 'a-bad' / 'meta.json'}: ")
    assert message in str(bad)
    assert good.id == "b-good" and good.published == date(2024, 3, 8) and good.language == "en"


def test_ingest_of_bad_fields_stores_the_good_reports_and_keeps_the_schema(tmp_path, extractor):
    """The issue's reproduction: a JSON line whose url is a number used to stop the run with nothing stored."""
    p = tmp_path / "mixed.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in [
        {"text": REPORT, "url": 123},
        {"text": "A car bomb killed 9 people in Mogadishu on Tuesday, police said.", "published": "0001-01-01"},
        {"text": "Des hommes armés ont tué douze villageois vendredi soir dans le nord du pays, selon la police."},
        {"text": REPORT, "url": "https://a.invalid/kano", "published": "2024-03-08"},
    ]) + "\n", encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([str(p)], store, extractor)
        assert (report.new, report.failed) == (1, 3)
        assert [str(e).split(": ", 2)[1] for e in report.errors] == [
            "field 'url'", "field 'published'", "does not look like English text"]
        assert store.con.execute("SELECT url, language FROM articles").fetchall() == [("https://a.invalid/kano", "en")]


def test_cli_corpus_with_a_bad_meta_field_exits_1_naming_file_and_field(tmp_path):
    for name, meta in (("a", {"source_url": 123}), ("b", {"published": "2024-03-08"})):
        (tmp_path / name).mkdir()
        (tmp_path / name / "text.txt").write_text(REPORT, encoding="utf-8")
        (tmp_path / name / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--corpus", str(tmp_path)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert f"{tmp_path / 'a' / 'meta.json'}: field 'source_url': Input should be a valid string (got 123)" in res.stderr
    (rec,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert rec["article"]["id"] == "b" and rec["article"]["language"] == "en"


def test_feed_entry_dated_year_1_keeps_the_report_without_the_date(tmp_path):
    body = ("Gunmen killed 12 people in Kano on Friday, police said. The attackers fled on motorbikes towards the "
            "forest after the raid, residents said, and soldiers were later deployed to search for them. Police said "
            "investigations had begun and that no group had claimed the attack. Local officials called for calm.")
    p = tmp_path / "feed.rss"
    p.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Kano attack'
                 f'</title><link>https://wire.invalid/a</link><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate>'
                 f'<description>{body}</description></item></channel></rss>', encoding="utf-8")
    (article,) = read_inputs([str(p)])
    assert (article.published, article.language, article.source_url) == (None, "en", "https://wire.invalid/a")


def test_a_lone_surrogate_in_a_json_line_is_made_text_and_the_report_is_stored(tmp_path, extractor):
    """JSON can carry "\\ud800", which is no text: it used to stop the run when the report was hashed for the store."""
    p = tmp_path / "surrogate.jsonl"
    p.write_text('{"text": "Gunmen killed 5 people in Kano on Friday \\ud800, police said.", "title": "Kano \\udfff",'
                 ' "published": "2024-03-08"}\n', encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([str(p)], store, extractor)
        assert (report.new, report.failed) == (1, 0)
        ((text, title),) = store.con.execute("SELECT text, title FROM articles").fetchall()
        assert text == "Gunmen killed 5 people in Kano on Friday \ufffd, police said." and title == "Kano \ufffd"
        assert store.con.execute("SELECT category, min_value, max_value FROM figures").fetchall() == [("killed", 5, 5)]
