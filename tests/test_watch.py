"""`sitrep watch` against feeds served on loopback (no network): a new item, an updated item with a revised toll,
ETag / Last-Modified honoured, a broken feed, a feed that does not answer in time, and feed files with --once."""
from __future__ import annotations

import json
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.store import Store
from sitrep.watch import Watcher, parse_every

# Our own invented reports, in the style of wire copy.
KADUNA = ("Gunmen abducted 200 students from a boarding school in Kaduna, Nigeria, on Friday, police said. The "
          "attackers arrived on motorcycles before dawn and fired into the air as they rounded up pupils from their "
          "dormitories. Parents gathered outside the school gates as security forces began a search of the "
          "surrounding forest. No group has claimed the kidnapping.")
KADUNA_REVISED = ("The number of students abducted by gunmen from a boarding school in Kaduna, Nigeria, on Friday "
                  "has risen to 287, officials said on Sunday. The attackers arrived on motorcycles before dawn and "
                  "fired into the air as they rounded up pupils from their dormitories. Parents gathered outside the "
                  "school gates as security forces began a search of the surrounding forest.")
BAIDOA = ("A car bomb killed 12 people at a market in Baidoa, Somalia, on Thursday, a local official said. Another "
          "30 people were wounded in the blast, which struck during the busiest hour of the morning. Ambulances "
          "ferried the wounded to the city's main hospital, where doctors appealed for blood donations. "
          "Al-Shabaab said it carried out the attack.")


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(f"<item><guid>{guid}</guid><title>{escape(title)}</title>"
                   f"<pubDate>Sun, 10 Mar 2024 09:00:00 GMT</pubDate><description>{escape(text)}</description></item>"
                   for guid, title, text in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>{body}</channel></rss>'
            ).encode()


class Feeds:
    """Loopback feeds: path -> (body, etag); '/broken' answers 500, '/slow' answers too late."""

    def __init__(self):
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        feeds = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the http.server API)
                feeds.requests.append((self.path, dict(self.headers)))
                if self.path == "/broken":
                    self.send_error(500, "Internal Server Error")
                    return
                if self.path == "/slow":
                    time.sleep(1.5)
                if self.path not in feeds.pages:
                    self.send_error(404)
                    return
                body, etag = feeds.pages[self.path]
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", formatdate(usegmt=True))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_watch_over_http(tmp_path, extractor):
    clock = Clock()
    with Feeds() as feeds, Store(tmp_path / "w.duckdb") as store:
        feeds.pages["/wire"] = (rss(("k1", "Students abducted", KADUNA)), '"v1"')
        feeds.pages["/slow"] = (rss(("b1", "Market bomb", BAIDOA)), '"s1"')
        sources = [feeds.url + "/broken", feeds.url + "/wire", feeds.url + "/slow"]
        w = Watcher(store, sources, extractor, every=900, timeout=0.5, clock=clock)

        first = w.poll()
        assert first.new == 1
        lines = [c for c in first.changes]
        assert [c.kind for c in lines] == ["new"]
        assert lines[0].event["place"] == "Kaduna" and lines[0].event["figures"]["abducted"]["best"] == 200
        failed = " | ".join(first.errors)
        assert "/broken: could not be fetched: HTTP 500" in failed
        assert "/slow: could not be fetched" in failed and "retried in 60 s" in failed
        agents = {h.get("User-Agent") for _, h in feeds.requests}
        assert all(a and a.startswith("sitrep/") for a in agents)

        # Nothing is due before the interval: the feed is not asked, failed feeds wait their backoff.
        feeds.requests.clear()
        clock.now += 30
        assert w.poll().not_modified == 0 and feeds.requests == []
        assert 0 < w.next_due() <= 30  # the failed feeds' first retry, a minute after they failed

        # After the interval: the feed answers 304 to our ETag; nothing is stored or printed.
        clock.now += 900
        second = w.poll()
        assert (second.new, second.updated, second.changes, second.not_modified) == (0, 0, [], 1)
        assert [h.get("If-None-Match") for p, h in feeds.requests if p == "/wire"] == ['"v1"']
        assert w.feeds[feeds.url + "/broken"].failures == 2  # retried, failed again: next try in 2 minutes

        # The item is revised and the slow feed answers in time: a revised toll and a new event.
        feeds.pages["/wire"] = (rss(("k1", "Students abducted", KADUNA_REVISED)), '"v2"')
        w.timeout = 5
        clock.now += 900
        third = w.poll()
        assert third.updated == 1 and third.new == 1
        by_kind = {c.kind: c for c in third.changes}
        assert set(by_kind) == {"new", "revised"}
        from sitrep.report.changes import describe

        assert describe(by_kind["revised"]).endswith("287 abducted (was 200), 1 report")
        assert "Baidoa, SO: new explosion remote violence, 12 killed, 30 injured" in describe(by_kind["new"])
        assert "/broken: could not be fetched" in " ".join(third.errors) and "retried in 4 min" in third.errors[0]
        assert store.con.execute("SELECT count(*) FROM article_history").fetchone()[0] == 1


def test_watch_once_on_feed_files(tmp_path, monkeypatch, extractor):
    import sitrep.pipeline

    monkeypatch.setattr(sitrep.pipeline, "Extractor", lambda: extractor)  # one loaded model for the test run
    feed = tmp_path / "wire.xml"
    feed.write_bytes(rss(("k1", "Students abducted", KADUNA), ("b1", "Market bomb", BAIDOA)))
    broken = tmp_path / "broken.xml"
    broken.write_text("not xml at all <<<", encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    run = CliRunner()

    result = run.invoke(main, ["watch", str(broken), str(feed), "--db", db, "--once"])
    assert result.exit_code == 1  # a feed failed; the other was stored all the same
    assert "Kaduna, NG: new abduction, 200 abducted, 1 report" in result.stdout
    assert "Baidoa, SO: new explosion remote violence" in result.stdout
    assert "broken.xml: is not an RSS or Atom feed" in result.stderr and "failure 1" in result.stderr

    again = run.invoke(main, ["watch", str(feed), "--db", db, "--once", "--format", "jsonl"])
    assert again.exit_code == 0 and again.stdout == ""  # the file has not changed since
    assert "0 new, 0 updated, 1 unchanged, 0 failed" in again.stderr

    feed.write_bytes(rss(("k1", "Students abducted", KADUNA_REVISED), ("b1", "Market bomb", BAIDOA)))
    third = run.invoke(main, ["watch", str(feed), "--db", db, "--once", "--format", "jsonl"])
    assert third.exit_code == 0, third.output
    (line,) = [json.loads(x) for x in third.stdout.splitlines()]
    assert line["change"] == "revised" and line["revisions"][0]["category"] == "abducted"
    assert (line["revisions"][0]["before"]["best"], line["revisions"][0]["after"]["best"]) == (200, 287)
    assert Path(db + ".watch.json").exists()


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("1h", 3600), ("90s", 90), ("2h30m", 9000), ("45", 45)])
def test_parse_every(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["soon", "0", "15x", ""])
def test_parse_every_rejects(text):
    with pytest.raises(ValueError):
        parse_every(text)


def test_watch_rejects_what_is_not_a_feed(tmp_path):
    result = CliRunner().invoke(main, ["watch", str(tmp_path / "notes.txt"), "--db", str(tmp_path / "w.duckdb"),
                                       "--once"])
    assert result.exit_code == 2 and "give a feed URL" in result.output


def test_an_empty_feed_file_fails_and_a_feed_with_no_items_does_not(tmp_path, monkeypatch, extractor):
    """A 0-byte file is a feed caught half-written (or no feed): a failure, retried; an RSS channel with no items
    today is a working feed."""
    import sitrep.pipeline

    monkeypatch.setattr(sitrep.pipeline, "Extractor", lambda: extractor)
    empty, quiet = tmp_path / "empty.xml", tmp_path / "quiet.xml"
    empty.write_bytes(b"")
    quiet.write_bytes(rss())
    result = CliRunner().invoke(main, ["watch", str(empty), str(quiet), "--db", str(tmp_path / "w.duckdb"), "--once"])
    assert result.exit_code == 1
    assert "empty.xml: is empty: not an RSS or Atom feed (failure 1" in result.stderr
    assert "quiet.xml" not in result.stderr and "0 new, 0 updated, 0 unchanged, 1 failed" in result.stderr


def test_ctrl_c_leaves_the_store_whole(tmp_path, monkeypatch, extractor):
    """Interrupted while extracting the second feed: the first feed's report is stored and merged, nothing half."""
    import sitrep.pipeline

    calls = []

    class Interrupted:
        def extract_many(self, articles):
            calls.append(len(articles))
            if len(calls) > 1:
                raise KeyboardInterrupt
            return extractor.extract_many(articles)

    monkeypatch.setattr(sitrep.pipeline, "Extractor", Interrupted)
    one, two = tmp_path / "one.xml", tmp_path / "two.xml"
    one.write_bytes(rss(("k1", "Students abducted", KADUNA)))
    two.write_bytes(rss(("b1", "Market bomb", BAIDOA)))
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(main, ["watch", str(one), str(two), "--db", str(db), "--once"])
    assert result.exit_code == 130 and "stopped" in result.stderr
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        (place,) = store.con.execute("SELECT location_name FROM merged_events").fetchone()
        assert place == "Kaduna"
        unlinked = store.con.execute("SELECT count(*) FROM report_events WHERE event_id NOT IN "
                                     "(SELECT event_id FROM merge_links)").fetchone()[0]
        assert unlinked == 0
