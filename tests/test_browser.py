"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): the map shows the
sample's events, an event shows its evidence highlighted, the paste box extracts, and injected markup stays inert."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.ingest.run import ingest
from sitrep.store import Store
from sitrep.web.app import create_app
from sitrep.web.local import running
from tests.conftest import SAMPLE

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
INJECTION = {
    "id": "injection",
    "title": "<script>window.__pwned = 1</script> Bomb kills 5",
    "text": "<img src=x onerror=\"window.__pwned = 2\"> A car bomb killed 5 people in Kirkuk on Monday, police "
            "said. <a href=\"javascript:window.__pwned = 3\">read more</a> <script>window.__pwned = 4</script>\n",
    "url": "javascript:window.__pwned = 5",
    "outlet": "<b onmouseover=\"window.__pwned = 6\">Evil Wire</b>",
    "published": "2024-01-15",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory, extractor):
    tmp = tmp_path_factory.mktemp("web")
    bad = tmp / "injection.jsonl"
    bad.write_text(json.dumps(INJECTION) + "\n", encoding="utf-8")
    db = tmp / "web.duckdb"
    with Store(db) as store:
        report = ingest([str(SAMPLE), str(bad)], store, extractor)
        assert report.new == 9 and report.failed == 0
    app = create_app(db)
    app.state.service._extractor = extractor
    with running(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Debian's chromium is needed for the browser tests (.ci/run installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    ctx.close()


def open_dashboard(page, server):
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=20000)


def test_browser_map_shows_the_samples_events(page, server, tmp_path):
    open_dashboard(page, server)
    page.wait_for_timeout(800)
    markers = page.locator("#map path.leaflet-interactive").count() + page.locator("#map .cluster-icon").count()
    assert markers >= 3
    assert page.locator("#map .leaflet-overlay-pane path").count() > 50  # the shipped world outline
    assert page.locator("#events tbody tr").count() == 9
    assert page.locator("#timeline rect.killed").count() >= 3
    page.screenshot(path=str(tmp_path / "dashboard.png"))
    assert not page.errors


def test_browser_timeline_is_continuous_small_multiples(page, server):
    """One panel per category on its own scale, a continuous axis (2014 to 2024 has every month), labelled axes."""
    open_dashboard(page, server)
    panels = page.locator("#timeline g.panel")
    assert [panels.nth(i).get_attribute("data-category") for i in range(panels.count())] == \
        ["killed", "displaced", "abducted"]
    assert page.locator("#timeline-by").inner_text() == "month"
    # each panel's top tick is its own maximum: the largest toll of a month, not one shared scale
    tops = {c: page.locator(f"#timeline g.panel.{c} text.tick.y").first.text_content() for c in ("killed", "displaced", "abducted")}
    assert tops == {"killed": "358", "displaced": "15,000", "abducted": "276"}
    # bars sit in time: Chibok (2014-01) far left of Kirkuk (2024-01), Mogadishu (2017-10) in between
    def x_of(cat, month):
        return float(page.locator(f"#timeline g.panel.{cat} rect", has=page.locator(f"title:text-matches('^{month}')")).get_attribute("x"))
    chibok, mogadishu, kirkuk = x_of("abducted", "2014-01"), x_of("killed", "2017-10"), x_of("killed", "2024-01")
    months = (2017 - 2014) * 12 + 9, (2024 - 2014) * 12
    assert abs((mogadishu - chibok) / (kirkuk - chibok) - months[0] / months[1]) < 0.01
    labels = page.locator("#timeline text.tick.x").all_text_contents()
    assert labels[0] in ("2014", "2015") and all(x.isdigit() for x in labels)
    assert len(set(int(b) - int(a) for a, b in zip(labels, labels[1:]))) == 1  # evenly spaced years
    assert "month of the event" in page.locator("#timeline text.axis-label").text_content()
    assert not page.errors


def test_browser_timeline_by_week_spans_the_filter(page, server):
    open_dashboard(page, server)
    page.fill("#filters input[name=since]", "2017-09-01")
    page.fill("#filters input[name=until]", "2017-12-31")
    page.click("#filters button[type=submit]")
    page.locator("#timeline-by", has_text="week").wait_for()  # (the page's CSP forbids evaluated strings)
    labels = page.locator("#timeline text.tick.x").all_text_contents()
    assert labels == ["Sep 2017", "Oct", "Nov", "Dec"]  # the filter's months, not only the events'
    assert page.locator("#timeline g.panel.killed rect").count() == 1  # Mogadishu
    assert not page.errors


def test_browser_table_and_event_page_show_abducted_and_figure_status(page, server):
    open_dashboard(page, server)
    heads = page.locator("#events thead th").all_inner_texts()
    assert heads[3:7] == ["Killed", "Injured", "Displaced", "Abducted"]
    dapchi = page.locator("#events tbody tr", has_text="Dapchi").locator("td").all_inner_texts()
    assert dapchi[6] == "110"
    page.locator("#events tbody tr", has_text="Khartoum").click()
    page.wait_for_selector(".report table.figures")
    rows = page.locator(".report table.figures tbody tr")
    texts = [rows.nth(i).inner_text() for i in range(rows.count())]
    assert any("108" in t and "unconfirmed" in t and "doctors" in t for t in texts)  # source and status visible
    assert any("at least 500" in t for t in texts)
    superseded = page.locator(".report table.figures tr.superseded")
    assert superseded.count() >= 1 and "superseded" in superseded.first.inner_text()
    assert not page.errors


def test_browser_event_page_highlights_evidence(page, server):
    open_dashboard(page, server)
    page.locator("#events tbody tr", has_text="Mogadishu").click()
    page.wait_for_selector(".report .text mark.figure")
    figures = page.locator(".report .text mark.figure").all_inner_texts()
    assert "358" in figures and "228" in figures
    assert page.locator(".report .text mark.place").count() >= 1
    assert "best 358" in page.locator("#event-facts").inner_text()
    assert not page.errors


def test_browser_paste_box_extracts_and_highlights(page, server):
    page.goto(server + "/#/paste")
    page.fill("#paste-form textarea", "Gunmen killed 12 villagers in Zamfara state on Friday, police said.")
    page.fill("#paste-form input[name=published]", "2024-03-08")
    page.click("#paste-form button")
    page.wait_for_selector("#paste-result .text mark.figure")
    assert page.locator("#paste-result .text mark.figure").inner_text() == "12"
    assert "killed 12..12" in page.locator("#paste-events").inner_text()
    assert "Zamfara" in page.locator("#paste-result .text mark.place").inner_text()


def test_browser_injected_markup_stays_inert(page, server):
    open_dashboard(page, server)
    page.locator("#events tbody tr", has_text="Kirkuk").click()
    page.wait_for_selector(".report .text mark.figure")
    report = page.locator(".report")
    assert "<script>window.__pwned = 1</script>" in report.locator("h3").inner_text()
    assert "<img src=x" in report.locator(".text").inner_text()
    assert report.locator("img, script, b").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    # the paste box too
    page.goto(server + "/#/paste")
    page.fill("#paste-form textarea", INJECTION["text"])
    page.click("#paste-form button")
    page.wait_for_selector("#paste-result .text")
    assert page.locator("#paste-result img, #paste-result script, #paste-result a").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert not page.errors
