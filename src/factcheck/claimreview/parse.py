"""Reading ClaimReview in the shapes it is published in.

One review, a list, `@graph`, a `DataFeed` (`dataFeedElement[].item`), any JSON that nests
reviews deeper, the Fact Check Tools API's `claims[].claimReview[]`, JSON Lines, and HTML pages
with `<script type="application/ld+json">`. Every review becomes the plain record reviews.yaml
keeps. Anything unusable stops the whole read with its `file:line:col`: an import writes all it
read or nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..diagnostics import FactcheckError, Location
from ..model import PartialDate
from .ratings import RatingTable

SUFFIXES = (".json", ".jsonld", ".jsonl", ".ndjson", ".html", ".htm")
"""The files a folder is searched for."""

_LINES_SUFFIXES = (".jsonl", ".ndjson")
_HTML_SUFFIXES = (".html", ".htm")
_TYPE = re.compile(r"^(?:https?://schema\.org/|schema:)?ClaimReview$")
_DATE = re.compile(r"^\s*([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_UNSAFE = re.compile("[\ud800-\udfff]")  # lone surrogates from \\u escapes: not text


class ImportFailure(FactcheckError):
    """Input that cannot be imported: the message names the place."""


class ImportFailures(ImportFailure):
    """Several inputs that cannot be imported: the error is the first, `failures` all of them."""

    def __init__(self, failures: list[ImportFailure]) -> None:
        first = failures[0]
        super().__init__(first.message, first.location)
        self.failures = failures


@dataclass(frozen=True)
class ImportedReview:
    """One review as reviews.yaml keeps it (`record`), and the file it was read from."""

    record: dict[str, Any]
    origin: str

    @property
    def key(self) -> tuple[str, str]:
        from ..model import review_key

        return review_key(self.record["url"], self.record["claim"])


def read_inputs(paths: list[str], table: RatingTable) -> list[ImportedReview]:
    """Every review of every input (files, folders searched for `SUFFIXES`, `-` for standard
    input), in order. Every unusable file is reported, not only the first: `ImportFailures`."""
    found: list[ImportedReview] = []
    failures: list[ImportFailure] = []
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            files = [str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES]
            if not files:
                failures.append(ImportFailure(f"no ClaimReview files ({', '.join(SUFFIXES)}) in this folder",
                                              Location(name)))
        else:
            files = [name]
        for file in files:
            try:
                found += read_text("<stdin>" if file == "-" else file, read_input(file), table)
            except ImportFailure as failure:
                failures.append(failure)
            except FactcheckError as error:  # too large, not UTF-8
                failures.append(ImportFailure(error.message, error.location or Location(file)))
    if failures:
        raise ImportFailures(failures)
    return found


def read_input(name: str) -> str:
    """A file's text, or standard input's for `-`: UTF-8, up to the ledger file limit."""
    import sys

    from ..inputs import DEFAULT_LEDGER_FILE_MB, LEDGER_FILE_LIMIT_ENV, decode, limit_bytes, read_limited

    limit = limit_bytes(LEDGER_FILE_LIMIT_ENV, DEFAULT_LEDGER_FILE_MB)
    shown = "<stdin>" if name == "-" else name
    try:
        if name == "-":
            if sys.stdin is None or getattr(sys.stdin, "buffer", None) is None:
                raise ImportFailure("cannot read standard input: it is closed")
            data = read_limited(sys.stdin.buffer, limit, "standard input")
        else:
            with open(name, "rb") as file:
                data = read_limited(file, limit, shown)
    except OSError as error:
        raise ImportFailure(f"cannot read: {error.strerror or error}", Location(shown)) from None
    return decode(data, shown)


def read_text(name: str, text: str, table: RatingTable) -> list[ImportedReview]:
    """The reviews of one document, whatever its shape."""
    try:
        return _read_text(name, text, table)
    except RecursionError:  # `[[[[...` a hundred thousand deep: refused, not a traceback
        raise ImportFailure("nested too deeply to read", Location(name, 1, 1)) from None


def _read_text(name: str, text: str, table: RatingTable) -> list[ImportedReview]:
    suffix = Path(name).suffix.lower()
    if suffix in _HTML_SUFFIXES or (suffix not in _LINES_SUFFIXES and text.lstrip().startswith("<")):
        return _from_html(name, text, table)
    if suffix in _LINES_SUFFIXES:
        return _from_lines(name, text, table)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and _looks_like_lines(text):
            return _from_lines(name, text, table)
        raise ImportFailure(f"invalid JSON: {error.msg}", Location(name, error.lineno, error.colno)) from None
    found = list(_reviews(document, Source(name, text), table))
    if not found:
        raise ImportFailure("no ClaimReview in this document", Location(name, 1, 1))
    return found


def _looks_like_lines(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _from_lines(name: str, text: str, table: RatingTable) -> list[ImportedReview]:
    found: list[ImportedReview] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            document = json.loads(line)
        except json.JSONDecodeError as error:
            raise ImportFailure(f"invalid JSON: {error.msg}", Location(name, number, error.colno)) from None
        reviews = list(_reviews(document, Source(name, line, number), table))
        if not reviews:
            raise ImportFailure("no ClaimReview on this line", Location(name, number, 1))
        found += reviews
    if not found:
        raise ImportFailure("no ClaimReview in this document", Location(name, 1, 1))
    return found


class _Scripts(HTMLParser):
    """The `application/ld+json` scripts of a page, with the line and column each starts at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str, int, int]] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = dict(attrs).get("type") or ""
        self._open = tag == "script" and kind.split(";")[0].strip().lower() == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._open:
            line, offset = self.getpos()
            self.scripts.append((data, line, offset))

    def handle_endtag(self, tag: str) -> None:
        self._open = False


def _from_html(name: str, text: str, table: RatingTable) -> list[ImportedReview]:
    parser = _Scripts()
    parser.feed(text)
    parser.close()
    found: list[ImportedReview] = []
    for script, line, offset in parser.scripts:
        try:
            document = json.loads(script)
        except json.JSONDecodeError as error:
            column = error.colno + offset if error.lineno == 1 else error.colno
            raise ImportFailure(f"invalid JSON in a ld+json script: {error.msg}",
                                Location(name, line + error.lineno - 1, column)) from None
        found += _reviews(document, Source(name, script, line, offset), table)
    if not found:
        what = "no ClaimReview in this page" if parser.scripts else "no ld+json script in this page"
        raise ImportFailure(what, Location(name, 1, 1))
    return found


# where a node was written ----------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A parsed JSON text and where it starts in its file, to locate a node found wrong in it."""

    name: str
    text: str
    line: int = 1
    column: int = 0  # of the text's first character, 0-based

    def locate(self, path: tuple[Any, ...]) -> Location:
        """The position of the object at `path` (keys and indexes from the root). Parsing keeps no
        positions, so this parses again, slowly, only when a message needs one."""
        offsets: dict[int, int] = {}
        keep: list[Any] = []
        decoder = json.JSONDecoder()
        plain = json.decoder.JSONObject  # type: ignore[attr-defined]  # the stdlib's own object parser

        def parse_object(s_and_end, *args):  # type: ignore[no-untyped-def]
            start = s_and_end[1] - 1
            value, end = plain(s_and_end, *args)
            offsets[id(value)] = start
            keep.append(value)
            return value, end

        decoder.parse_object = parse_object  # type: ignore[attr-defined]
        decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
        node = decoder.decode(self.text)
        for step in path:
            node = node[step]
        offset = offsets.get(id(node), 0)
        line = self.text.count("\n", 0, offset)
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return Location(self.name, self.line + line, column + (self.column if line == 0 else 0))


# finding and reading reviews -------------------------------------------------------------------

def _is_review(node: dict[str, Any]) -> bool:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and _TYPE.match(k) for k in kinds)


def _reviews(document: Any, source: Source, table: RatingTable) -> Iterator[ImportedReview]:
    """Every ClaimReview in a document, however deep, with the publisher of the nearest object
    around it that names one (an article listing its reviews), for reviews that name none."""
    stack: list[tuple[Any, tuple[Any, ...], str]] = [(document, (), "")]
    found: list[tuple[dict[str, Any], tuple[Any, ...], str]] = []
    while stack:
        node, path, around = stack.pop()
        if isinstance(node, list):
            stack.extend((item, (*path, i), around) for i, item in reversed(list(enumerate(node))))
        elif isinstance(node, dict):
            if _is_review(node):
                found.append((node, path, around))
                continue
            if isinstance(node.get("claims"), list) and any(isinstance(c, dict) and "claimReview" in c
                                                            for c in node["claims"]):
                yield from _from_api(node["claims"], (*path, "claims"), source, table)
                continue
            around = _name(node.get("publisher")) or _name(node.get("provider")) or _name(node.get("author")) or around
            stack.extend((value, (*path, key), around) for key, value in reversed(list(node.items())))
    for node, path, around in found:
        yield ImportedReview(_record(node, path, around, source, table), source.name)


def _fail(message: str, source: Source, path: tuple[Any, ...]) -> ImportFailure:
    return ImportFailure(message, source.locate(path))


def _record(node: dict[str, Any], path: tuple[Any, ...], around: str, source: Source,
            table: RatingTable) -> dict[str, Any]:
    claim = node.get("claimReviewed")
    if claim is None or (isinstance(claim, str) and not claim.strip()):
        raise _fail("a ClaimReview with no claimReviewed (the claim it reviews)", source, path)
    if not isinstance(claim, str):
        raise _fail("claimReviewed must be text", source, path)
    url = _review_url(node.get("url"), "ClaimReview", source, path)
    rating = _first_dict(node.get("reviewRating"))
    words = _text(rating.get("alternateName")) or _text(rating.get("name"))
    record: dict[str, Any] = {
        "claim": _clean(claim),
        "publisher": _name(node.get("author")) or _name(node.get("publisher")) or around or _host(url),
        "url": url,
        "date": _date(node.get("datePublished")),
        "rating": words,
        "verdict": table.verdict(words),
        "rating_value": _number(rating.get("ratingValue")),
        "worst_rating": _number(rating.get("worstRating")),
        "best_rating": _number(rating.get("bestRating")),
        "title": _text(node.get("name")) or _text(node.get("headline")),
        "language": _language(node.get("inLanguage")),
    }
    item = _first_dict(node.get("itemReviewed"))
    record["claimant"] = _name(item.get("author"))
    record["claim_date"] = _date(item.get("datePublished"))
    media = _first_dict(_first_dict(node.get("associatedMediaReview")).get("itemReviewed"))
    record["appearances"] = list(dict.fromkeys(_urls(item.get("appearance")) + _urls(item.get("firstAppearance"))
                                               + _urls(media.get("mediaItemAppearance"))))
    return _compact(record)


def _from_api(claims: list[Any], path: tuple[Any, ...], source: Source,
              table: RatingTable) -> Iterator[ImportedReview]:
    """The Fact Check Tools API answer: claims, each with the reviews published about it."""
    for index, claim in enumerate(claims):
        if not isinstance(claim, dict):
            continue
        text = _text(claim.get("text"))
        for number, review in enumerate(claim.get("claimReview") or ()):
            where = (*path, index, "claimReview", number)
            if not isinstance(review, dict):
                continue
            if not text:
                raise _fail("a claim with no text (the claim its reviews are about)", source, (*path, index))
            url = _review_url(review.get("url"), "claimReview", source, where)
            given = review.get("publisher")
            publisher = given if isinstance(given, dict) else {}
            words = _text(review.get("textualRating"))
            record = _compact({
                "claim": text,
                "publisher": _text(publisher.get("name")) or _text(publisher.get("site")) or _host(url),
                "url": url,
                "date": _date(review.get("reviewDate")),
                "rating": words,
                "verdict": table.verdict(words),
                "title": _text(review.get("title")),
                "language": _text(review.get("languageCode")),
                "claimant": _text(claim.get("claimant")),
                "claim_date": _date(claim.get("claimDate")),
            })
            yield ImportedReview(record, source.name)


# values ----------------------------------------------------------------------------------------

def _clean(text: str) -> str:
    return _UNSAFE.sub("\ufffd", text).strip()


def _text(value: Any) -> str:
    return _clean(value) if isinstance(value, str) else ""


def _name(value: Any) -> str:
    """The name of a Person or Organization, of the first of a list, or a bare name."""
    if isinstance(value, list):
        return next((n for n in map(_name, value) if n), "")
    if isinstance(value, dict):
        return _text(value.get("name")) or _text(value.get("alternateName"))
    return _text(value)


def _first_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    return value if isinstance(value, dict) else {}


def _urls(value: Any) -> list[str]:
    """`appearance` as a URL, a CreativeWork (its url, else its contentUrl) or a list of either."""
    if isinstance(value, list):
        return [url for item in value for url in _urls(item)]
    if isinstance(value, dict):
        url = _text(value.get("url")) or _text(value.get("contentUrl")) or _text(value.get("@id"))
        return [url] if url else []
    text = _text(value)
    return [text] if text else []


def _date(value: Any) -> str | None:
    """The date part of an ISO date or time ("2022-02-11 11:40" is 2022-02-11); None when none."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if not match:
        return None
    text = "-".join(part for part in match.groups() if part)
    try:
        PartialDate.parse(text)
    except ValueError:
        return None
    return text


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = value
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if float(number).is_integer() else number


def _language(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("alternateName")) or _text(value.get("name"))
    return _text(value)


def _review_url(value: Any, kind: str, source: Source, path: tuple[Any, ...]) -> str:
    """The review's address: every review needs one, and one the ledger will accept."""
    url = _text(value)
    if not url:
        raise _fail(f"a {kind} with no url (the address of the review)", source, path)
    if not _parses(url):
        raise _fail(f"the review's url is not a valid address: {url}", source, path)
    return url


def _parses(url: str) -> bool:
    """An address the ledger will accept (a bad host or port does not parse)."""
    try:
        urlsplit(url).port  # noqa: B018 - parsing is the check
    except ValueError:
        return False
    return True


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.") or url


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [])}
