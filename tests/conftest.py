"""Shared fixtures: small ledgers written for the tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.ledger import load, load_or_raise
from factcheck.model import Ledger
from factcheck.verdict import Engine

TESTS = Path(__file__).parent
MINI = TESTS / "ledgers" / "mini"
REPO = TESTS.parent
TODAY = dt.date(2026, 12, 1)
"""The tests' clock: results must not depend on the day the suite runs (it passes under faketime)."""


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command run by a test, in process or installed, reads today from FACTCHECK_TODAY."""
    monkeypatch.setenv("FACTCHECK_TODAY", TODAY.isoformat())


def repository_files() -> list[str]:
    """This project's files as a commit of it would hold them now (tracked, or new and not
    ignored); from an unpacked sdist, every file but caches and environments."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, text=True)
    if listed.returncode == 0 and (REPO / ".git").exists():
        return sorted(p for p in listed.stdout.split("\0") if p and (REPO / p).is_file())
    skipped = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache"}
    return sorted(str(p.relative_to(REPO)) for p in REPO.rglob("*")
                  if p.is_file() and not skipped & set(p.relative_to(REPO).parts) and ".egg-info" not in str(p))


def copy_of_repository(target: Path) -> Path:
    """A copy of this project as it is now, to build or install from without touching it."""
    for name in repository_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)
    return target


@pytest.fixture(scope="session")
def wheelhouse() -> Path:
    """Wheels of what installing this project needs (its dependencies and its build backend),
    fetched once per environment and pyproject.toml: later installs into fresh environments
    (the wheel test, pre-commit's own environment) read only these, with no network, so they are
    quick and pass with the clock set years ahead (when no certificate would verify)."""
    from importlib.metadata import requires

    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    build = re.search(r"\[build-system\]\s*requires\s*=\s*\[(.*?)\]", pyproject, re.S)
    assert build, "pyproject.toml names its build backend"
    needed = [*re.findall(r'"([^"]+)"', build.group(1)),
              *(r for r in requires("factcheck-ledger") or () if "extra ==" not in r)]
    key = hashlib.sha256("\n".join([sys.version, *needed]).encode()).hexdigest()[:16]
    folder = Path(sys.prefix) / f"wheelhouse-{key}"
    if not (folder / ".complete").exists():
        fetched = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                                  "--dest", str(folder), *needed], capture_output=True, text=True, timeout=900)
        assert fetched.returncode == 0, fetched.stdout[-3000:] + fetched.stderr[-3000:]
        (folder / ".complete").touch()
    return folder


def offline_pip(wheelhouse: Path) -> dict[str, str]:
    """Environment variables that make every pip run (and pip under pre-commit) install from the
    wheelhouse alone."""
    return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


@pytest.fixture(scope="module")
def bundled() -> Engine:
    """The bundled ledger, at the root of the repository."""
    return Engine(load_or_raise(REPO))


@pytest.fixture(scope="module")
def transit() -> Engine:
    """The made-up transport ledger every reader rule is shown on besides the bundled one."""
    return Engine(load_or_raise(TESTS / "eval" / "transit"))


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini ledger."""
    target = tmp_path / "ledger"
    shutil.copytree(MINI, target)
    return target


SOURCES = """
sources:
  - {id: wire, name: Wire, kind: news-agency, reliability: B, rationale: test}
  - {id: paper, name: Paper, kind: news-outlet, reliability: A, rationale: test}
  - {id: blog, name: Blog, kind: blog, reliability: F, rationale: test}
  - {id: state-tv, name: State TV, kind: state-media, reliability: E, rationale: test}
  - {id: mirror, name: Mirror, kind: website, reliability: D, rationale: test, republishes: [state-tv]}
  - {id: minister, name: A Minister, kind: person, reliability: C, rationale: test}
"""

VOCABULARY = """
entities:
  - {id: ruritania, name: Ruritania, aliases: [Strelsau]}
  - {id: borduria, name: Borduria}
  - {id: pact, name: The Northern Pact}
  - {id: accord, name: The Border Accord}
  - {id: office-pm, name: Prime Minister of Ruritania}
  - {id: league, name: The Trade League}
relations:
  - {id: member-of, kind: state, words: [member], start_words: [joined], end_words: [left]}
  - {id: signed, kind: event, words: [signed]}
  - {id: visited, kind: event, words: [visited], repeatable: true}
  - {id: holds-office, kind: state, words: [is], one_per_object: true}
  - {id: top-partner, kind: state, words: [top partner], one_per_subject: true}
  - {id: allied-with, kind: state, words: [allied], symmetric: true}
  - {id: member-count, kind: value, words: [members]}
  - {id: sanctioned, kind: event, words: [sanctioned], implies: [criticised]}
  - {id: criticised, kind: event, words: [criticised], repeatable: true}
"""


def cite(url: str = "https://example.org/a") -> str:
    return f"[{{title: T, url: '{url}', date: 2020-01-01}}]"


PACT_FACT = """
    - id: pact-signed
      statement: Ruritania signed the Northern Pact in 2015.
      subject: ruritania
      relation: signed
      object: pact
      date: 2015-05-01
      citations: [{title: Treaty text, url: 'https://treaties.example/pact', date: 2015-05-02, publisher: UN}]
"""


def write_ledger(root: Path, facts: str, claims: str, sources: str = SOURCES, vocabulary: str = VOCABULARY) -> Path:
    """Write a ledger from YAML snippets: `facts` and `claims` are the bodies of their lists."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sources.yaml").write_text(textwrap.dedent(sources), encoding="utf-8")
    (root / "facts.yaml").write_text(textwrap.dedent(vocabulary) + "facts:\n" + textwrap.indent(
        textwrap.dedent(facts), "  "), encoding="utf-8")
    (root / "claims.yaml").write_text("claims:\n" + textwrap.indent(textwrap.dedent(claims), "  "), encoding="utf-8")
    return root


def load_clean(root: Path) -> Ledger:
    result = load(root)
    assert [str(p) for p in result.problems] == []
    return result.ledger


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test reads and writes a cache of its own, never the user's."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder the test can look into, not yet created."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    return folder
