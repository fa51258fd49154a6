"""The `sitrep` command: thin commands over the library.

Exit codes (SPEC §4): 0 success; 1 a bad input was met (named on stderr; the good inputs are still written);
2 bad command-line use. No traceback for a user error.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import click

from sitrep.model import Article
from sitrep.sources import InputError, decode_text, read_corpus, read_text_file


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitrep")
def main() -> None:
    """sitrep: conflict news reports in, event data with evidence out."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False), help="A corpus folder (SPEC §1).")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date of the FILEs (YYYY-MM-DD): anchors relative dates.")
@click.option("-o", "--output", type=click.Path(path_type=Path, allow_dash=True, dir_okay=False), default="-",
              show_default=True, help="Where to write the records (JSON Lines); '-' is standard output.")
@click.option("--pretty", is_flag=True, help="Indent the JSON (one record per block instead of per line).")
def extract(files: tuple[Path, ...], corpus: Path | None, published, output: Path, pretty: bool) -> None:
    """Extract events, figures and their evidence from reports.

    \b
    Examples:
      sitrep extract report.txt --published 2015-05-18
      sitrep extract --corpus sample/corpus -o out.jsonl
    """
    if not files and corpus is None:
        raise click.UsageError("give report FILEs or --corpus DIR")
    if files and corpus is not None:
        raise click.UsageError("give either FILEs or --corpus, not both")
    pub = published.date() if published else None
    inputs = list(_corpus_inputs(corpus) if corpus is not None else _file_inputs(files, pub))
    failures: list[InputError] = [x for x in inputs if isinstance(x, InputError)]
    articles = [x for x in inputs if isinstance(x, Article)]
    for err in failures:
        click.echo(f"sitrep: {err}", err=True)
    records = _extract(articles, show_progress=str(output) != "-" and len(articles) > 1)
    _write(records, output, pretty)
    if failures:
        click.echo(f"sitrep: {len(failures)} input(s) could not be read; {len(articles)} extracted.", err=True)
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--candidates", default=5, show_default=True, help="How many weighed candidates to show per place.")
def places(files: tuple[Path, ...], candidates: int) -> None:
    """Every place a report names, resolved offline: words, offsets, GeoNames id, kind, coordinates, candidates.

    \b
    Example:
      echo "Shelling hit Homs and the Homs Governorate town of Talbiseh." | sitrep places -
    """
    from sitrep.nlp import NLP
    from sitrep.places import Geoparser, mention_to_dict

    inputs = list(_file_inputs(files, None))
    failures = [x for x in inputs if isinstance(x, InputError)]
    for err in failures:
        click.echo(f"sitrep: {err}", err=True)
    articles = [x for x in inputs if isinstance(x, Article)]
    if articles:
        nlp, geoparser = NLP(), Geoparser()
        for article, parsed in nlp.parse_articles(articles):
            mentions, focus = geoparser.parse(parsed)
            click.echo(json.dumps({"id": article.id, "focus": dict(focus.countries.most_common()),
                                   "places": [mention_to_dict(m, candidates) for m in mentions]},
                                  ensure_ascii=False))
    if failures:
        sys.exit(1)


@main.command()
def info() -> None:
    """Show the NLP model and the rule files in use."""
    from sitrep import lexicon
    from sitrep.nlp import NLP

    nlp = NLP()
    meta = nlp.meta
    click.echo(f"model: {meta.get('name')} {meta.get('version')} (spaCy {meta.get('spacy_version')})")
    click.echo(f"pipeline: {', '.join(nlp._nlp.pipe_names)}")
    for name in ("numbers", "casualties", "context", "attribution", "event_types"):
        click.echo(f"rules: data/{name}.toml version {lexicon.load(name).get('version')}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output record (SPEC §2)."""
    from sitrep.record import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


# ---------------------------------------------------------------- helpers
def _file_inputs(files: Iterable[Path], published: date | None) -> Iterator[Article | InputError]:
    for path in files:
        try:
            if str(path) == "-":
                text = decode_text(sys.stdin.buffer.read(), "<stdin>")
                yield Article(id="stdin", text=text, published=published)
            else:
                yield read_text_file(path, published)
        except InputError as e:
            yield e


def _corpus_inputs(folder: Path) -> Iterator[Article | InputError]:
    yield from read_corpus(folder)


def _extract(articles: list[Article], show_progress: bool):
    from sitrep.nlp import ModelError
    from sitrep.pipeline import Extractor

    if not articles:
        return []
    try:
        extractor = Extractor()
    except ModelError as e:
        raise click.ClickException(str(e)) from None
    records = extractor.extract_many(articles)
    if show_progress and sys.stderr.isatty():
        with click.progressbar(records, length=len(articles), label="extracting", file=sys.stderr) as bar:
            return list(bar)
    return list(records)


def _write(records, output: Path, pretty: bool) -> None:
    from sitrep.record import record_to_dict

    lines = [json.dumps(record_to_dict(r), ensure_ascii=False, indent=2 if pretty else None) for r in records]
    text = "".join(line + "\n" for line in lines)
    if str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    # Write beside the target and rename, so a crash never leaves a half-written file.
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
