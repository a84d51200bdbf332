"""Imported reviews without reading every record: what `verify`, `scan` and `import` need of a
large reviews.yaml.

Reading a YAML record costs about 100 µs, so a hundred thousand imported reviews would take
seconds to load before each `verify`. A file in the form `import` writes (each item opening
with `- claim: "..."` on one line, at one indentation, under a single `reviews:` key) is instead
indexed with a few regular expressions: the claims (and URLs) come out at C speed, and a review
is read in full, with the same validation and locations as `check`, only when it is shown. Any
file in another form (edited by hand, flow style, block scalars) is read the ordinary way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import FactcheckError, LedgerError, Location
from ..ledger import REVIEWS_FILE, display_path, ledger_documents, load_text
from ..model import ExternalReview, review_key

_QUOTED = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'  # unrolled: one character class a run
_ITEM = re.compile(rf'- claim: ({_QUOTED})[ \t]*(?=\n|$)')
_TOP_LEVEL = re.compile(r"\n[^\s#-].*")  # a line that opens with a key: the file's top level
_REVIEWS_KEY = re.compile(r"reviews:[ \t]*(#.*)?")


@dataclass
class IndexedFile:
    """One reviews file: its items' claims and where each item starts. `records` holds the
    reviews already read in full (all of them for a file not in the indexable form)."""

    path: Path
    text: str
    claims: list[str]
    starts: list[int] = field(default_factory=list)  # offset of the line each item opens
    indent: str = ""
    records: dict[int, ExternalReview] = field(default_factory=dict)

    @property
    def indexed(self) -> bool:
        return bool(self.starts)

    def review(self, index: int) -> ExternalReview:
        """The review at `index`, read and validated from its own lines (raises LedgerError)."""
        if index not in self.records:
            start = self.starts[index]
            end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            line = self.text.count("\n", 0, start) + 1
            # Blank lines in front keep the item's own line numbers in every location.
            result = load_text(display_path(self.path), "\n" * (line - 2) + "reviews:\n" + self.text[start:end],
                               REVIEWS_FILE)
            if result.problems:
                raise LedgerError(result.problems)
            [self.records[index]] = result.ledger.reviews
        return self.records[index]

    def url(self, index: int) -> str | None:
        """The item's url as written, if it is on one line of its own."""
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        found = re.search(rf'^{self.indent}  url: ({_QUOTED})[ \t]*$', self.text[start:end], re.M)
        return json.loads(found.group(1)) if found else None


def index_text(path: Path, text: str) -> IndexedFile | None:
    """The file's index, or None when it is not in the form `import` writes. Every step is one
    scan in C (a literal search, a count, one JSON decode): a 40 MB file takes a fraction of a
    second."""
    top = _TOP_LEVEL.findall("\n" + text)
    if len(top) != 1 or not _REVIEWS_KEY.fullmatch(top[0][1:]):
        return None
    items = list(_ITEM.finditer(text))
    if not items:
        return None
    starts = [text.rfind("\n", 0, m.start()) + 1 for m in items]
    indent = text[starts[0]:items[0].start()]
    if indent.strip(" ") or any(text[start:m.start()] != indent for start, m in zip(starts, items, strict=True)):
        return None
    if text.count(f"\n{indent}-") != len(items):  # an item written another way, or stray lines
        return None
    try:
        claims = json.loads("[" + ",".join(m.group(1) for m in items) + "]")
    except json.JSONDecodeError:  # an escape JSON does not know: YAML will say what is wrong
        return None
    return IndexedFile(path, text, claims, starts, indent)


def reviews_files(root: Path) -> Iterator[IndexedFile]:
    """Every reviews file of the ledger in `root`, indexed when it can be, else read in full
    (raises LedgerError when such a file has problems)."""
    from ..inputs import decode, read_ledger_bytes

    for path in ledger_documents(root, REVIEWS_FILE):
        shown = display_path(path)
        try:
            text = decode(read_ledger_bytes(path, shown)[0], shown)
        except OSError as error:
            raise FactcheckError(f"cannot read: {error.strerror or error}", Location(shown)) from None
        except FactcheckError as error:  # too large, not UTF-8
            raise FactcheckError(error.message, error.location or Location(shown)) from None
        indexed = index_text(path, text)
        if indexed is not None:
            yield indexed
            continue
        result = load_text(shown, text, REVIEWS_FILE)
        if result.problems:
            raise LedgerError(result.problems)
        reviews = result.ledger.reviews
        yield IndexedFile(path, text, [r.claim for r in reviews], records=dict(enumerate(reviews)))


def existing_keys(files: list[IndexedFile]) -> set[tuple[str, str]]:
    """The URL and claim of every review already imported."""
    keys = set()
    for file in files:
        for index, claim in enumerate(file.claims):
            url = file.records[index].url if index in file.records else file.url(index)
            if url is None:
                url = file.review(index).url
            keys.add(review_key(url, claim))
    return keys
