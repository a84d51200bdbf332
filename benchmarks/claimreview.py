"""How fast ClaimReview is imported and searched: a generated DataFeed of --reviews reviews
(default 100,000) imported into a copy of the bundled ledger, then `verify` against them.
Prints figures; asserts nothing.

    python benchmarks/claimreview.py [--reviews 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).parent / "factcheck")
LEDGER_FILES = ("sources.yaml", "facts.yaml", "claims.yaml", "factcheck.yaml")

SUBJECTS = ["The minister", "A viral video", "The mayor", "A senator", "The central bank", "A television channel",
            "The health agency", "A football club", "The army", "A celebrity", "The railway company", "A union"]
VERBS = ["announced", "banned", "doubled", "cancelled", "denied", "approved", "closed", "opened", "sold", "bought"]
OBJECTS = ["the bridge", "fuel prices", "the vaccine", "the airport", "a new tax", "the elections", "the border",
           "the pension reform", "the stadium", "the harbour", "school meals", "the power plant"]
PLACES = ["in Lisbon", "in Nairobi", "in Lyon", "in Manila", "in Bogotá", "in Kraków", "in Accra", "in Osaka"]
WORDS = ["False", "Faux", "Falso", "Engañoso", "Misleading", "Pants on Fire", "Mostly true", "True", "Trompeur",
         "Half true", "Unproven", "Satire", "Missing context"]
PUBLISHERS = ["AFP", "Maldita", "PolitiFact", "Full Fact", "Correctiv", "Les Surligneurs", "Africa Check", "Rappler"]

SENTENCE = "Putin signed the Crimea Annexation Treaty in 2013"
"""A sentence the feed holds one review of (as the bundled ledger's own desk would publish it)."""


def feed(count: int) -> dict:
    """A DataFeed of `count` distinct reviews, of the shape the Data Commons feed serves."""
    rng = random.Random(9)
    items = []
    for number in range(count):
        year = 2015 + number % 10
        text = (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)} "
                f"in {year} ({number})")
        if number == count // 2:
            text = SENTENCE
        publisher = rng.choice(PUBLISHERS)
        items.append({"@type": "DataFeedItem", "item": [{
            "@type": "ClaimReview",
            "url": f"https://{publisher.lower().replace(' ', '')}.example/checks/{number}",
            "claimReviewed": text,
            "datePublished": f"{year}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            "author": {"@type": "Organization", "name": publisher},
            "reviewRating": {"@type": "Rating", "ratingValue": str(1 + number % 5), "worstRating": "1",
                             "bestRating": "5", "alternateName": rng.choice(WORDS)},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Someone"},
                             "datePublished": f"{year}-01-01",
                             "appearance": [{"@type": "CreativeWork", "url": f"https://social.example/p/{number}"}]},
        }]})
    return {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": items}


CPU: list[float] = []
"""The CPU time (user + system) of each command run by `timed`, in order."""


def timed(args: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall time of one command; its CPU time goes to `CPU` (on a shared machine, the steadier figure)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([FACTCHECK, *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=100_000)
    count = parser.parse_args().reviews
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        ledger = work / "ledger"
        ledger.mkdir()
        for name in LEDGER_FILES:
            shutil.copy(REPO / name, ledger / name)
        source = work / "feed.jsonld"
        source.write_text(json.dumps(feed(count), ensure_ascii=False), encoding="utf-8")
        print(f"feed: {count:,} reviews, {source.stat().st_size / 1e6:.1f} MB; load average {os.getloadavg()}")

        seconds, result = timed(["import", "claimreview", str(source), "--data", str(ledger)])
        assert result.returncode == 0, result.stderr
        size = (ledger / "reviews.yaml").stat().st_size / 1e6
        print(f"factcheck import claimreview (new reviews.yaml, {size:.1f} MB): {seconds:.2f} s, CPU {CPU[-1]:.2f} s  "
              f"[{result.stdout.strip()}]")
        seconds, result = timed(["import", "claimreview", str(source), "--data", str(ledger)])
        print(f"the same import again (nothing to add): {seconds:.2f} s, CPU {CPU[-1]:.2f} s  "
              f"[{result.stdout.strip()}]")

        runs = []
        for _ in range(5):
            seconds, result = timed(["verify", SENTENCE, "--data", str(ledger), "--format", "json"])
            assert result.returncode == 0, result.stderr
            runs.append(seconds)
        found = [r["url"] for r in json.loads(result.stdout)["reviews"]]
        print(f"factcheck verify \"{SENTENCE}\" against them: median {statistics.median(runs):.2f} s, "
              f"slowest {max(runs):.2f} s, CPU median {statistics.median(CPU[-5:]):.2f} s; reviews listed: {found}")

        from factcheck.claimreview.index import reviews_files
        from factcheck.claimreview.match import ReviewMatcher
        from factcheck.ledger import load_or_raise
        from factcheck.verdict import Engine

        engine = Engine(load_or_raise(ledger))
        start = time.perf_counter()
        files = list(reviews_files(ledger))
        loaded = time.perf_counter()
        matcher = ReviewMatcher(engine, files)
        indexed = time.perf_counter()
        matcher.about("Erdogan met Putin in 2016")  # the reader's vocabulary is built on first use
        calls = []
        for sentence in (SENTENCE, "The mayor closed the airport in Lisbon in 2019", "Turkey withdrew from NATO"):
            begin = time.perf_counter()
            matcher.about(sentence)
            calls.append(time.perf_counter() - begin)
        print(f"in process: read and index reviews.yaml {loaded - start:.2f} s, prepare the search "
              f"{(indexed - loaded) * 1000:.0f} ms, search one sentence {statistics.median(calls) * 1000:.0f} ms "
              f"(median of {len(calls)})")


if __name__ == "__main__":
    main()
