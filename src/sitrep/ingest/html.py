"""HTML pages: the article text, title, date and outlet, with trafilatura (offline; no page is fetched here)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sitrep.ingest.files import InputError, check_text, parse_date
from sitrep.model import Article


def read_html_file(path: Path) -> Article:
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(where, f"cannot be read ({e.strerror or e})") from None
    return article_from_html(data, where, article_id=path.stem)


def article_from_html(data: bytes | str, where: str, article_id: str, url: str | None = None,
                      published: date | None = None, title: str | None = None, outlet: str | None = None) -> Article:
    """The report inside an HTML page; boilerplate (menus, comments, share buttons) left out."""
    import trafilatura

    if isinstance(data, bytes):
        if b"\x00" in data[:4096]:
            raise InputError(where, "is a binary file, not an HTML page")
        html = data.decode("utf-8", errors="replace")
    else:
        html = data
    if not html.strip():
        raise InputError(where, "is empty: there is no page to read")
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as e:  # trafilatura raises many kinds on broken markup
        raise InputError(where, f"could not be parsed as HTML ({type(e).__name__})") from None
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise InputError(where, "has no article text that could be extracted (broken or empty page)")
    text = doc.text.strip() + "\n"
    page_title = title or getattr(doc, "title", None)
    if page_title and not text.startswith(page_title):
        text = f"{page_title}\n\n{text}"  # the headline is part of the report, as in a corpus text.txt
    language = check_text(text, where)
    when = published or _date(getattr(doc, "date", None))
    return Article(id=article_id, text=text, title=page_title, published=when,
                   outlet=outlet or getattr(doc, "sitename", None), source_url=url or getattr(doc, "url", None),
                   language=language)  # the page's own lang attribute is often wrong: the text says


def _date(value) -> date | None:
    try:
        return parse_date(value, "page")
    except InputError:
        return None
