"""Polite HTTP: a named user agent, timeouts, a size cap, and clear errors. Used for feeds and their articles."""
from __future__ import annotations

import urllib.error
import urllib.request

from sitrep.ingest.files import InputError

USER_AGENT = "sitrep/0.1 (+https://github.com/sitrep; conflict-news research)"
TIMEOUT = 15
MAX_BYTES = 5_000_000


def fetch(url: str, timeout: float = TIMEOUT) -> bytes:
    """The body at `url`, or an InputError that says why not (never a traceback)."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            data = resp.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as e:
        raise InputError(url, f"could not be fetched: HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        raise InputError(url, f"could not be fetched: {e.reason}") from None
    except TimeoutError:
        raise InputError(url, f"could not be fetched: no answer within {timeout:g} s") from None
    except OSError as e:
        raise InputError(url, f"could not be fetched: {e}") from None
    if len(data) > MAX_BYTES:
        raise InputError(url, f"is larger than {MAX_BYTES // 1_000_000} MB: not a news page")
    return data
