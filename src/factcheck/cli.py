"""The command line: options in, core calls, a renderer out, an exit code.

Exit codes: 0 fine, 1 findings (`check` found problems), 2 unusable input or usage.
"""

# No `from __future__ import annotations` here: typer reads every command's annotations at each
# start, and evaluating them from strings took 3 of its 8 ms (benchmarks/startup.py).
import datetime as dt
import enum
import os
import re
import sys
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any, NoReturn

import typer

from . import __version__
from .diagnostics import FactcheckError, LedgerError, Problem, closest
from .edge import FactcheckGroup
from .formats import CheckFormat, DiffFormat, ReportFormat, View, renderer
from .verdicts import VERDICTS, Verdict

app = typer.Typer(
    cls=FactcheckGroup,  # one error path: every failure is one line on stderr (see edge.py)
    name="factcheck",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


ReviewVerdict = enum.Enum("ReviewVerdict", [(v, v) for v in (*VERDICTS, "none")], type=str)  # type: ignore[misc]


class Color(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _path(text: str) -> Path:
    """A path from the command line; an empty one (an unset shell variable) is refused, not read as '.'."""
    if not text:
        raise typer.BadParameter("empty: name a file or folder ('.' is the current folder)")
    return Path(text)


# Options every command takes, before or after its name (`factcheck --data DIR list` = `factcheck list --data DIR`).
DataOption = typer.Option(None, "--data", "-d", parser=_path, show_default=False,
                          help="The ledger folder (default: $FACTCHECK_DATA, or the current folder).")
ColorOption = typer.Option(None, "--color", help="Colour tables: auto (on a terminal, unless NO_COLOR is set; "
                           "FORCE_COLOR forces it), always or never.", show_default=False)
WidthOption = typer.Option(None, "--width", min=20, help="Lay tables out for this many columns (default: the "
                           "terminal's; piped tables are never cut).", show_default=False)
QuietOption = typer.Option(False, "--quiet", "-q", help="Results only: no summary line or progress bar.")
FormatOption = typer.Option(ReportFormat.table, "--format", "-f", help="Output format.")


def _parse_today(value: str | None) -> dt.date:
    """The one place that reads the clock: `--today`, FACTCHECK_TODAY, or the system date."""
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date (YYYY-MM-DD), from --today or FACTCHECK_TODAY") from None


TodayOption = typer.Option(None, "--today", envvar="FACTCHECK_TODAY", metavar="DATE",
                           help="The date to judge by (stale facts, predictions come due); default: the system date.")


def _fail(error: FactcheckError) -> NoReturn:
    raise error  # the edge (edge.py) reports it as one line and exits 2


_GLOBAL: dict[str, object] = {}
"""The options given before the command's name (or their environment variables): set by `main`."""


def _global(name: str):  # type: ignore[no-untyped-def]
    return _GLOBAL.get(name)


def _data(data: Path | None) -> Path:
    return data or _global("data") or Path(".")


def _quiet(quiet: bool) -> bool:
    return quiet or bool(_global("quiet"))


def _use_color(choice: Color | None, terminal: bool) -> bool:
    """--color, else NO_COLOR (https://no-color.org), else FORCE_COLOR, else whether it is a terminal."""
    choice = choice or _global("color") or Color.auto
    if choice != Color.auto:
        return choice == Color.always
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return terminal and os.environ.get("TERM") != "dumb"


def _show(view: View, fmt: str, color: Color | None = None, width: int | None = None, quiet: bool = False) -> None:
    """Render to stdout. Only `table`/`text` is laid out to a width (--width, else a terminal's)
    and coloured; piped, it keeps every cell whole."""
    import shutil

    if _quiet(quiet):
        view.summary = ""
    terminal = sys.stdout.isatty()
    width = width or _global("width") or (shutil.get_terminal_size().columns if terminal else None)
    if fmt in ("table", "text"):
        renderer(fmt, sys.stdout, width, _use_color(color, terminal)).render(view)
    else:
        renderer(fmt, sys.stdout).render(view)


def _ledger(data: Path | None, reviews: bool = False):  # type: ignore[no-untyped-def]
    from .ledger import load_or_raise

    return load_or_raise(_data(data), reviews)


def _parts(data: Path | None, every_verdict: bool = False):  # type: ignore[no-untyped-def]
    """The ledger in parts (ledger/parts.py), or a LedgerError when anything about it is wrong;
    `every_verdict` when the command shows every claim's verdict (they are computed as files are read)."""
    from .ledger import raise_errors
    from .ledger.parts import load_parts
    from .results import OutcomesAlone

    parts = load_parts(_data(data), first_read=OutcomesAlone() if every_verdict else None)
    raise_errors(parts.problems)
    return parts


def _engine(data: Path | None, reviews: bool = False):  # type: ignore[no-untyped-def]
    from .verdict import Engine

    return Engine(_ledger(data, reviews))


def _text_engine(data: Path | None):  # type: ignore[no-untyped-def]
    from .reading import text_engine

    return text_engine(_data(data))


def _checked_elsewhere(engine, data: Path | None, texts: list[str],  # type: ignore[no-untyped-def]
                       today: dt.date) -> list[list[dict]]:
    """For each text, the imported reviews of the same claim, as records (closest first);
    `engine()` makes the engine they are read with, called only when there are reviews."""
    from .claimreview.index import reviews_files

    files = list(reviews_files(_data(data)))
    if not files:
        return [[] for _ in texts]
    from .claimreview.match import ReviewMatcher
    from .formats.records import review_record

    matcher = ReviewMatcher(engine(), files)
    return [[review_record(review, score) for review, score in matcher.about(text, today)] for text in texts]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    data: Path | None = typer.Option(None, "--data", "-d", envvar="FACTCHECK_DATA", show_default=False, parser=_path,
                                     help="The ledger folder (default: the current folder)."),
    color: Color | None = ColorOption,
    width: int | None = WidthOption,
    quiet: bool = QuietOption,
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
    no_cache: bool = typer.Option(False, "--no-cache",
                                  help="Parse every ledger file, neither reading nor writing the cache "
                                       "(also FACTCHECK_NO_CACHE=1). The cache is $FACTCHECK_CACHE_DIR, else "
                                       "$XDG_CACHE_HOME/factcheck or ~/.cache/factcheck; entries unused for 30 "
                                       "days are removed, and deleting the folder clears it."),
) -> None:
    """Check claims against reference facts and the provenance of their sources.

    The ledger is sources.yaml, facts.yaml and claims.yaml in the current folder, --data DIR or
    $FACTCHECK_DATA. Options before the command apply to it (--data, --color, --width, -q).

    Examples:

        factcheck list

        factcheck --data ledger/ check
    """
    _GLOBAL.clear()
    _GLOBAL.update(data=data, color=color, width=width, quiet=quiet)
    if no_cache:
        import os

        os.environ["FACTCHECK_NO_CACHE"] = "1"  # read where the ledger is loaded


@app.command("list")
def list_claims(
    data: Path | None = DataOption,
    fmt: ReportFormat = FormatOption,
    verdict: list[Verdict] | None = typer.Option(None, "--verdict", help="Only claims with this verdict (repeatable)."),
    source: list[str] | None = typer.Option(None, "--source", help="Only claims from this source id (repeatable)."),
    color: Color | None = ColorOption,
    width: int | None = WidthOption,
    quiet: bool = QuietOption,
) -> None:
    """Every claim with its computed verdict, rating and source.

    Examples:

        factcheck list

        factcheck list --verdict false --verdict misleading --format markdown
    """
    from .formats.records import summary_line
    from .progress import Progress
    from .results import listing

    wanted = [v.value for v in verdict or ()]
    try:
        ledger = listing(_data(data))
        _check_filters(wanted, source, ledger.sources() if source else {})
    except FactcheckError as error:
        _fail(error)
    with _progress(Progress("verifying claims", ledger.total), quiet) as bar:
        shown = (row for row in bar.track(ledger.rows)
                 if (not source or row["source"] in source) and (not wanted or row["verdict"] in wanted))
        if fmt.value in STREAMED:  # rows go out as they are read: memory holds one file's at a time
            renderer(fmt.value, sys.stdout).stream(View("claims", shown))
            return
        listed = list(shown)
    _show(View("claims", listed, summary_line(listed)), fmt.value, color, width, quiet)


STREAMED = ("json", "csv")


def _progress(bar, quiet: bool):  # type: ignore[no-untyped-def]
    """A progress bar, off with -q."""
    if _quiet(quiet):
        bar.enabled = False
    return bar


def _check_filters(verdict: list[str] | None, source: list[str] | None, known: Collection[str]) -> None:
    """Refuse a verdict or a source id (of the `known` ones) that does not exist."""
    for word in verdict or ():
        if word not in VERDICTS:
            raise FactcheckError(f"unknown verdict '{word}' (one of: {', '.join(VERDICTS)})")
    for ident in source or ():
        if ident not in known:
            hint = closest(ident, known)
            raise FactcheckError(f"unknown source '{ident}'" + (f" (did you mean '{hint[0]}'?)" if hint else ""))


def _filtered(engine, verdict: list[str] | None, source: list[str] | None):  # type: ignore[no-untyped-def]
    """The verifications `export` writes: only the verdicts and sources asked for; a claim from
    another source is never verified."""
    _check_filters(verdict, source, engine.ledger.sources)
    claims = [c for c in engine.ledger.claims.values() if not source or c.source in source]
    return [v for v in map(engine.verify, claims) if not verdict or v.verdict in verdict]


@app.command()
def verify(
    claim: str = typer.Argument(..., help="A claim id from claims.yaml, or a sentence to check."),
    data: Path | None = DataOption,
    fmt: ReportFormat = FormatOption,
    today: str | None = TodayOption,
    color: Color | None = ColorOption,
    width: int | None = WidthOption,
    quiet: bool = QuietOption,
) -> None:
    """One claim, by id or as free text: verdict, rating, evidence and provenance chain.

    Examples:

        factcheck verify mondo-crimea-treaty-2013

        factcheck verify "Turkey withdrew from NATO in 2023" --format json
    """
    from .edge import text_argument
    from .ledger.schema import ID_PATTERN

    claim = text_argument(claim)
    if not claim.strip():
        raise typer.BadParameter("give a claim id or a sentence, not empty text", param_hint="'CLAIM'")
    try:
        if re.match(ID_PATTERN, claim):  # every claim's id is written so: an id, never a sentence
            record, engine = _claim_record(data, claim)
        else:
            record, engine = _sentence_record(data, claim, _parse_today(today))
        [record["reviews"]] = _checked_elsewhere(engine, data, [record["text"]], _parse_today(today))
    except FactcheckError as error:
        _fail(error)
    _show(View("verification", record), fmt.value, color, width, quiet)


def _claim_record(data: Path | None, claim_id: str):  # type: ignore[no-untyped-def]
    """`verify <id>`: what it shows, read from the claim's own file and those its verdict depends
    on; and how to make an engine of the ledger, should imported reviews be searched."""
    from .results import verification_record

    parts = _parts(data)
    record = verification_record(parts, claim_id)
    if record is None:
        near = closest(claim_id, parts.claim_ids(), count=3, cutoff=0.5)
        hint = f"; closest: {', '.join(near)}" if near else ""
        raise FactcheckError(f"no claim '{claim_id}' in the ledger{hint}")
    return record, lambda: parts.engine


def _sentence_record(data: Path | None, sentence: str, today: dt.date):  # type: ignore[no-untyped-def]
    """`verify "<sentence>"`: what it shows, and the engine it was read with (see text_engine)."""
    from .formats.records import verification_record
    from .reading import verify_text

    engine = _text_engine(data)
    return verification_record(verify_text(engine, sentence, today), engine), lambda: engine


@app.command()
def sources(data: Path | None = DataOption, fmt: ReportFormat = FormatOption, color: Color | None = ColorOption,
            width: int | None = WidthOption, quiet: bool = QuietOption) -> None:
    """The sources: outlets, platforms and people, with their reliability grades.

    Examples:

        factcheck sources

        factcheck sources --format csv > sources.csv
    """
    from .formats.records import source_record

    try:
        ledger = _ledger(data)
    except FactcheckError as error:
        _fail(error)
    records = [source_record(s) for s in ledger.sources.values()]
    _show(View("sources", records, f"{len(records)} sources"), fmt.value, color, width, quiet)


@app.command()
def facts(data: Path | None = DataOption, fmt: ReportFormat = FormatOption, color: Color | None = ColorOption,
          width: int | None = WidthOption, quiet: bool = QuietOption) -> None:
    """The reference facts, with their dates and citations.

    Examples:

        factcheck facts

        factcheck facts --format json
    """
    from .formats.records import fact_record

    try:
        ledger = _ledger(data)
    except FactcheckError as error:
        _fail(error)
    records = [fact_record(f) for f in ledger.facts.values()]
    _show(View("facts", records, f"{len(records)} facts"), fmt.value, color, width, quiet)


@app.command()
def check(
    paths: list[Path] | None = typer.Argument(
        None, parser=_path, help="Ledger folders, or files of one (their ledger is checked). Default: --data."),
    data: Path | None = DataOption,
    fmt: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    max_age: int = typer.Option(730, "--max-age", min=1, help="Days after which a fact's as_of date is stale."),
    today: str | None = TodayOption,
    color: Color | None = ColorOption,
    quiet: bool = QuietOption,
) -> None:
    """Check the ledger: schema, YAML hazards, references, drift of rulings, stale facts.

    Exit status: 0 clean, 1 problems found, 2 unusable input.

    Examples:

        factcheck check

        factcheck check --strict --format github
    """
    from .folder import ledger_folder
    from .formats.records import problem_record, problem_summary
    from .results import checked

    when = _parse_today(today)
    folders = list(dict.fromkeys(ledger_folder(p) for p in (paths or [_data(data)])))
    kept = [found for found in (checked(folder, when, max_age) for folder in folders) if found is not None]
    unusable: list[Problem] = []
    if len(kept) == len(folders):  # no file changed since a run kept what it found: nothing loaded or verified
        problems, files = [p for found in kept for p in found.problems], sum(found.files for found in kept)
    else:
        problems, files, unusable = _check_folders(folders, when, max_age, quiet)
    first_unusable = sorted(unusable, key=lambda p: p.sort_key())[:1]
    if any(p.code == "no-ledger" for p in unusable):  # nothing was checked: an error, not a report
        raise LedgerError(first_unusable)
    _show(View("problems", [problem_record(p) for p in problems], problem_summary(problems, files)), fmt.value,
          color, quiet=quiet)
    if unusable:
        raise LedgerError(first_unusable)  # the report is on stdout; the reason it is unusable on stderr
    failing = [p for p in problems if strict or p.severity.value == "error"]
    raise typer.Exit(1 if failing else 0)


def _check_folders(folders: list[Path], today: dt.date, max_age: int,
                   quiet: bool) -> tuple[list[Problem], int, list[Problem]]:
    """Load and check each ledger: every problem, how many files were read, and the problems that
    made a ledger unusable. What is found in a small ledger is kept (results.py)."""
    from .checks import CheckOptions, run_checks
    from .ledger.parts import load_parts
    from .progress import Progress
    from .results import OutcomesAlone, keep_checked

    options = CheckOptions(today=today, max_age_days=max_age)
    problems, files, unusable = [], 0, []
    with _progress(Progress("checking claims"), quiet) as bar:
        for folder in folders:
            parts = load_parts(folder, reviews=True, first_read=OutcomesAlone())
            files += len(parts.file_names)
            unusable += [p for p in parts.problems if p.fatal]
            bar.total = (bar.total or 0) + parts.count
            found = run_checks(parts, options, bar.advance)
            keep_checked(folder, parts, found, today, max_age)
            problems += found
    return problems, files, unusable


class FailOn(str, enum.Enum):
    false = "false"
    misleading = "misleading"


FAIL_ON_VERDICTS = {FailOn.false: ("false",), FailOn.misleading: ("false", "misleading")}


@app.command()
def scan(
    file: str = typer.Argument(..., help="An article as plain text or markdown; - reads standard input."),
    data: Path | None = DataOption,
    fmt: ReportFormat = FormatOption,
    show_all: bool = typer.Option(False, "--all", help="Show every check-worthy statement, not only flagged ones."),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help="Exit 1 when a statement is judged this or worse "
                                          "(false is worse than misleading): for CI."),
    today: str | None = TodayOption,
    color: Color | None = ColorOption,
    width: int | None = WidthOption,
    quiet: bool = QuietOption,
) -> None:
    """Check an article: its headline (also against its own body) and every check-worthy sentence.

    Statements judged false or misleading are flagged; --all shows the rest too. With --fail-on,
    the exit status is 1 when a statement at or above that verdict is flagged.

    Examples:

        factcheck scan article.txt

        factcheck scan article.md --fail-on misleading

        curl -s https://example.org/story.txt | factcheck scan - --format json
    """
    from .formats.records import scan_record
    from .reading import scan_text

    when = _parse_today(today)
    try:
        engine = _text_engine(data)
        text = _read_article(file)
    except FactcheckError as error:
        _fail(error)
    from .progress import Progress

    with Progress("reading sentences", unit="sentences") as bar:
        items = scan_text(engine, text, when, bar)
    flagged = [item for item in items if item.flagged]
    shown = items if show_all else flagged
    counts = Counter(str(item.verification.verdict) for item in items)
    tally = ", ".join(f"{counts[v]} {v}" for v in VERDICTS if counts[v])
    summary = (f"{len(items)} statement{'s' if len(items) != 1 else ''} checked" + (f" ({tally})" if tally else "")
               + f"; {len(flagged)} flagged")
    records = [scan_record(i.text, i.kind, i.verification, engine) for i in shown]
    try:
        elsewhere = _checked_elsewhere(lambda: engine, data, [i.text for i in shown], when)
    except FactcheckError as error:
        _fail(error)
    for record, reviews in zip(records, elsewhere, strict=True):
        record["reviews"] = reviews
    _show(View("scan", records, summary), fmt.value, color, width, quiet)
    failing = FAIL_ON_VERDICTS[fail_on] if fail_on else ()
    raise typer.Exit(1 if any(item.verification.verdict in failing for item in items) else 0)


@app.command()
def init(
    directory: Path = typer.Argument(Path("."), parser=_path, help="Where to create the ledger (created if missing)."),
    example: bool = typer.Option(False, "--example", help="Copy the bundled example ledger instead of the starter."),
) -> None:
    """Start a ledger: commented starter files, their JSON Schemas and a pre-commit configuration.

    Never overwrites: when a ledger or a schema is already there, nothing is written.

    Examples:

        factcheck init

        factcheck init my-ledger --example
    """
    from .scaffold import create_ledger

    try:
        created = create_ledger(directory, example=example)
    except FactcheckError as error:
        _fail(error)
    for name in created.written:
        typer.echo(f"created {name}")
    for name in created.kept:
        typer.echo(f"kept {name} as it was (add the factcheck-check hook yourself: see the README)")
    where = "" if directory.resolve() == Path.cwd() else f"cd {directory} && "
    typer.echo(f"next: {where}factcheck list && factcheck check")


add_app = typer.Typer(
    name="add", no_args_is_help=True,
    help="Append a source, fact or claim to the ledger: from options, or asked field by field on a terminal."
         "\n\nExample:\n\n    factcheck add claim --interactive")
app.add_typer(add_app)

AskOption = typer.Option(None, "--interactive/--no-interactive", "-i",
                         show_default="on a terminal, when a required field is missing",
                         help="Ask for the fields not given as options.")


@add_app.command("source")
def add_source(
    ident: str | None = typer.Option(None, "--id", help="Unique id: lower-case words joined by hyphens."),
    name: str | None = typer.Option(None, "--name", help="Display name."),
    kind: str | None = typer.Option(None, "--kind", help="news-outlet, news-agency, state-media, think-tank, blog, "
                                    "website, aggregator, platform, official-body or person."),
    reliability: str | None = typer.Option(None, "--reliability", help="Admiralty grade: A reliable ... E unreliable, "
                                           "F cannot be judged."),
    rationale: str | None = typer.Option(None, "--rationale", help="Why it has this grade."),
    url: str | None = typer.Option(None, "--url", help="Home page."),
    country: str | None = typer.Option(None, "--country", help="Country of registration or residence."),
    alias: list[str] | None = typer.Option(None, "--alias", help="Another name it goes by (repeatable)."),
    republishes: list[str] | None = typer.Option(None, "--republishes", help="A source it reposts (repeatable)."),
    data: Path | None = DataOption,
    interactive: bool | None = AskOption,
) -> None:
    """Append a source to sources.yaml.

    Nothing is written unless the whole ledger, with it, loads without an error.

    Example:

        factcheck add source --id example-wire --name "Example Wire" --kind news-agency --reliability B
    """
    _add("source", {"id": ident, "name": name, "kind": kind, "reliability": reliability, "rationale": rationale,
                    "url": url, "country": country, "aliases": alias, "republishes": republishes},
         ("id", "name", "kind", "reliability", "rationale", "url"), data, interactive)


@add_app.command("fact")
def add_fact(
    ident: str | None = typer.Option(None, "--id", help="Unique id: lower-case words joined by hyphens."),
    statement: str | None = typer.Option(None, "--statement", help="The fact in plain words."),
    subject: list[str] | None = typer.Option(None, "--subject", help="Who or what it is about: an entity or "
                                             "source id (repeat for a joint subject)."),
    relation: str | None = typer.Option(None, "--relation", help="A relation id."),
    obj: str | None = typer.Option(None, "--object", help="The other party, if any."),
    date: str | None = typer.Option(None, "--date", help="When the event happened (YYYY, YYYY-MM or YYYY-MM-DD)."),
    start: str | None = typer.Option(None, "--from", help="When the state began."),
    end: str | None = typer.Option(None, "--until", help="When the state ended."),
    value: str | None = typer.Option(None, "--value", help="The number (count, amount, rank)."),
    unit: str | None = typer.Option(None, "--unit", help="The number's unit."),
    negated: bool = typer.Option(False, "--negated", help="The fact is that this did not happen or did not hold."),
    as_of: str | None = typer.Option(None, "--as-of", help="When the fact was last checked."),
    note: str | None = typer.Option(None, "--note", help="Anything an editor should know."),
    title: str | None = typer.Option(None, "--citation-title", help="The citation's title."),
    link: str | None = typer.Option(None, "--citation-url", help="The citation's address."),
    published: str | None = typer.Option(None, "--citation-date", help="The citation's publication date."),
    publisher: str | None = typer.Option(None, "--citation-publisher", help="Who published the citation."),
    data: Path | None = DataOption,
    interactive: bool | None = AskOption,
) -> None:
    """Append a fact, with one citation, to facts.yaml.

    Nothing is written unless the whole ledger, with it, loads without an error.

    Examples:

        factcheck add fact --interactive

        factcheck add fact --id eris-found --statement "Eris was found in 2005." --subject eris --relation found ...
    """
    _add("fact", {"id": ident, "statement": statement, "subject": subject, "relation": relation, "object": obj,
                  "date": date, "from": start, "until": end, "value": value, "unit": unit, "negated": negated,
                  "as_of": as_of, "note": note, "citation.title": title, "citation.url": link,
                  "citation.date": published, "citation.publisher": publisher},
         ("id", "statement", "subject", "relation", "object", "date", "from", "until", "value", "as_of",
          "citation.title", "citation.url", "citation.date", "citation.publisher"), data, interactive)


@add_app.command("claim")
def add_claim(
    ident: str | None = typer.Option(None, "--id", help="Unique id: lower-case words joined by hyphens."),
    text: str | None = typer.Option(None, "--text", help="The claim as published, quoted."),
    source: str | None = typer.Option(None, "--source", help="The source id of the outlet it appeared in."),
    date: str | None = typer.Option(None, "--date", help="When it appeared (YYYY, YYYY-MM or YYYY-MM-DD)."),
    url: str | None = typer.Option(None, "--url", help="Where it appeared."),
    article: str | None = typer.Option(None, "--article", help="Groups a headline with its article's claims."),
    kind: str | None = typer.Option(None, "--kind", help="statement (default), headline, opinion, prediction "
                                    "or question."),
    attributed_to: list[str] | None = typer.Option(None, "--attributed-to", help="A source id it is attributed "
                                                   "to (repeatable)."),
    via: list[str] | None = typer.Option(None, "--via", help="An intermediary's source id (repeatable, in order)."),
    anonymous: bool = typer.Option(False, "--anonymous", help="Credited to an unnamed report or source."),
    assertion: list[str] | None = typer.Option(None, "--assertion", help="What it asserts, as key=value words: "
                                               "'subject=ID relation=ID object=ID date=2014' (repeatable)."),
    ruling: str | None = typer.Option(None, "--ruling", help="The editor's verdict, for check to compare."),
    ruling_note: str | None = typer.Option(None, "--ruling-note", help="Why."),
    data: Path | None = DataOption,
    interactive: bool | None = AskOption,
) -> None:
    """Append a claim to claims.yaml, and show the verdict computed for it.

    Nothing is written unless the whole ledger, with it, loads without an error.

    Examples:

        factcheck add claim --interactive

        factcheck add claim --id daily-pluto-2006 --text "Pluto became a dwarf planet in 2006." --source example-daily

        factcheck add claim ... --assertion "subject=pluto relation=classified-as object=dwarf-planet date=2006"
    """
    _add("claim", {"id": ident, "text": text, "source": source, "date": date, "url": url, "article": article,
                   "kind": kind, "attributed_to": attributed_to, "via": via, "anonymous": anonymous,
                   "assertions": assertion, "ruling": ruling, "ruling_note": ruling_note},
         ("id", "text", "source", "date", "url", "assertions", "ruling"), data, interactive)


def _add(kind: str, given: dict[str, object], asked: tuple[str, ...], data: Path | None,
         interactive: bool | None) -> None:
    """Fill in what options left out (asking on a terminal), build the record, append it."""
    from .ledger import display_path
    from .ledger.append import append_record, assemble, field_value, is_required

    data = _data(data)

    try:
        fields = {key: field_value(kind, key, value) for key, value in given.items()}
        missing = [key for key in asked if is_required(kind, key) and fields.get(key) in (None, "", [])]
        ask = bool(missing) and sys.stdin.isatty() if interactive is None else interactive
        for key in asked:
            if fields.get(key) not in (None, "", []):
                continue
            if not ask:
                if is_required(kind, key):
                    option = "--" + key.replace(".", "-").replace("_", "-")
                    raise FactcheckError(f"missing {option} (or use --interactive to be asked)")
                continue
            fields[key] = _ask(kind, key, is_required(kind, key))
        record = assemble(kind, fields)
        added = append_record(data, kind, record)
    except typer.Abort:
        _fail(FactcheckError("the input ended before the record was complete; nothing was written"))
    except FactcheckError as error:
        _fail(error)
    typer.echo(f"added {kind} '{record['id']}' to {display_path(added.path)}:{added.line}")
    if kind == "claim":
        engine = _engine(data)
        result = engine.verify(engine.ledger.claims[str(record["id"])])
        ruling = result.claim.ruling
        said = ("as its ruling says" if ruling == result.verdict else
                f"its ruling says {ruling}: factcheck check will report the difference" if ruling else
                "record a --ruling for factcheck check to compare with")
        typer.echo(f"computed verdict: {result.verdict} ({result.rating}), {said}")


def _ask(kind: str, key: str, required: bool) -> object:
    """Ask for one field on the terminal, as text typed the way options take it."""
    from .ledger.append import parse_fields, typed

    record, _, field = key.rpartition(".")
    if key == "assertions":
        found: list[dict[str, Any]] = []
        while True:
            words = typer.prompt("assertion, as key=value words (subject=... relation=... object=... date=...; "
                                 "Enter when done)", default="", show_default=False)
            if not words.strip():
                return found
            try:
                found.append(parse_fields("assertion", words))
            except FactcheckError as error:
                typer.echo(f"  {error}", err=True)
    label = f"{record} {field}" if record else field
    while True:
        answer = typer.prompt(label + ("" if required else " (Enter to skip)"), default="", show_default=False)
        if answer.strip():
            try:
                return typed(record or kind, field, answer)
            except FactcheckError as error:
                typer.echo(f"  {error}", err=True)
        elif not required:
            return None


export_app = typer.Typer(help="Write the ledger's verdicts in a format other tools read."
                         "\n\nExample:\n\n    factcheck export claimreview --out reviews.jsonld",
                         no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("claimreview")
def export_claimreview(
    data: Path | None = DataOption,
    out: Path | None = typer.Option(None, "--out", "-o", parser=_path,
                                    help="Write to this file instead of standard output."),
    lines: bool = typer.Option(False, "--lines", help="JSON Lines: one ClaimReview per line, not a DataFeed."),
    base_url: str | None = typer.Option(None, "--base-url", metavar="URL",
                                        help="Where claim pages live: a review's url is URL + the claim id.",
                                        show_default="review_url, else url, of the desk in factcheck.yaml"),
    verdict: list[Verdict] | None = typer.Option(None, "--verdict", help="Only claims with this verdict (repeatable)."),
    source: list[str] | None = typer.Option(None, "--source", help="Only claims from this source id (repeatable)."),
    quiet: bool = QuietOption,
) -> None:
    """One schema.org ClaimReview per claim, signed by the desk set in factcheck.yaml.

    A DataFeed JSON-LD document (the shape of the Data Commons fact-check feed), or JSON Lines.

    Examples:

        factcheck export claimreview --out feed.jsonld

        factcheck export claimreview --lines --verdict false --base-url https://desk.example/claims/
    """
    from .claimreview import feed, review
    from .ledger import display_path

    data = _data(data)
    try:
        engine = _engine(data)
        desk = engine.ledger.desk
        if desk is None:
            raise FactcheckError("no desk to sign the reviews: add factcheck.yaml with `desk:` and its `name` "
                                 f"and `url` (see README, Export) in {display_path(data)}")
        shown = _filtered(engine, [v.value for v in verdict or ()], source)
    except FactcheckError as error:
        _fail(error)
    document = feed((review(v, desk, base_url, context=False) for v in shown), desk)
    view = View("claimreview", document)
    name = "claimreview-lines" if lines else "claimreview"
    if out is None:
        renderer(name, sys.stdout).render(view)
        return
    import io

    from .atomic import write_text_atomically

    buffer = io.StringIO()
    renderer(name, buffer).render(view)
    try:
        write_text_atomically(out, buffer.getvalue())
    except OSError as error:
        _fail(FactcheckError(f"cannot write {out}: {error.strerror}"))
    if not _quiet(quiet):
        typer.echo(f"{len(shown)} reviews written to {out}", err=True)


@app.command()
def site(
    directory: Path = typer.Argument(..., parser=_path,
                                     help="The folder to write the site into: new, empty, or an earlier site."),
    data: Path | None = DataOption,
    title: str | None = typer.Option(None, "--title", help="The site's name, shown on every page.",
                                     show_default="the desk's name in factcheck.yaml"),
    base_url: str | None = typer.Option(None, "--base-url", metavar="URL",
                                        help="Where claim pages live: a review's url is URL + the claim id.",
                                        show_default="review_url, else url, of the desk in factcheck.yaml"),
    quiet: bool = QuietOption,
) -> None:
    """Write a static website of the ledger: verdict counts, a chart per source, a searchable
    claim table, the sources with their grades, and one page per claim with its verdict,
    evidence, provenance chain and ClaimReview JSON-LD (the same as `export claimreview`).

    The pages use relative links: open DIR/index.html from the file system, or publish the
    folder on any static host. A rebuild replaces the files it wrote before and nothing else.

    Examples:

        factcheck site public

        factcheck site public --data ledger --base-url https://desk.example/checks/claims/
    """
    from .site import build

    try:
        built = build(_engine(data), directory, title=title, base_url=base_url)
    except FactcheckError as error:
        _fail(error)
    if not built.signed:
        typer.echo("factcheck: warning: no desk in factcheck.yaml to sign the reviews: "
                   "the claim pages carry no ClaimReview JSON-LD", err=True)
    if not _quiet(quiet):
        typer.echo(f"wrote {len(built.files)} files to {directory}: "
                   f"index.html, sources.html and {built.claims} claim pages")


import_app = typer.Typer(help="Add what other tools publish to the ledger."
                         "\n\nExample:\n\n    factcheck import claimreview published-checks/ --dry-run",
                         no_args_is_help=True)
app.add_typer(import_app, name="import")


@import_app.command("claimreview")
def import_claimreview(
    inputs: list[str] = typer.Argument(..., help="ClaimReview files (JSON-LD, JSON Lines, HTML pages), folders "
                                                 "of them, or - for standard input."),
    data: Path | None = DataOption,
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Show what would be added; write nothing."),
    fmt: ReportFormat = FormatOption,
    color: Color | None = ColorOption,
    width: int | None = WidthOption,
    quiet: bool = QuietOption,
) -> None:
    """Add fact-checks published elsewhere to the ledger's reviews.yaml, never to its claims.

    Reads one review, a list, @graph, a DataFeed, the Fact Check Tools API's answer, JSON Lines
    and pages with ld+json scripts. The same review (URL and claim) is added once. On any bad
    input nothing is written.

    Examples:

        factcheck import claimreview feed.jsonld

        factcheck import claimreview --dry-run saved-pages/
    """
    from .claimreview.index import reviews_files
    from .claimreview.parse import ImportFailures, read_inputs
    from .claimreview.ratings import RatingTable
    from .claimreview.store import plan, write
    from .formats.records import review_record
    from .ledger import display_path

    data = _data(data)
    try:
        ledger = _ledger(data)
        files = list(reviews_files(_data(data)))
        imported = read_inputs(inputs, RatingTable(ledger.rating_words))
        change = plan(data, imported, files)
        if not dry_run:
            write(change)
    except ImportFailures as failures:
        from .edge import report

        for failure in failures.failures[:-1]:  # one line each; the last is reported as the error
            report(failure)
        _fail(failures.failures[-1])
    except FactcheckError as error:
        _fail(error)
    where = display_path(change.target)
    already = f"; {change.already} already there" if change.already else ""
    if dry_run:
        summary = f"{len(change.added)} reviews would be added to {where}{already} (dry run: nothing written)"
    else:
        summary = f"{len(change.added)} reviews added to {where}{already}"
    if dry_run or fmt != ReportFormat.table:  # the table of a real import is its summary line alone
        _show(View("reviews", [review_record(r.record) for r in change.added], summary), fmt.value, color, width,
              quiet)
    elif not _quiet(quiet):
        typer.echo(summary)


@app.command()
def reviews(
    data: Path | None = DataOption,
    fmt: ReportFormat = FormatOption,
    publisher: list[str] | None = typer.Option(None, "--publisher", help="Only this publisher's (repeatable; "
                                                                          "case and accents ignored)."),
    verdict: list[ReviewVerdict] | None = typer.Option(None, "--verdict", help="Only reviews whose rating means this "
                                                       "verdict (repeatable; none: rating words not mapped)."),
    since: str | None = typer.Option(None, "--since", metavar="DATE", help="Only reviews published on or after."),
    until: str | None = typer.Option(None, "--until", metavar="DATE", help="Only reviews published on or before."),
    text: str | None = typer.Option(None, "--text", help="Only reviews whose claim contains these words."),
    color: Color | None = ColorOption,
    width: int | None = WidthOption,
    quiet: bool = QuietOption,
) -> None:
    """The fact-checks imported from other publishers, with their rating words and verdicts.

    Examples:

        factcheck reviews --publisher AFP --verdict false

        factcheck reviews --since 2022-01 --text "Champs-Elysées" --format json
    """
    from .claimreview.ratings import fold
    from .formats.records import review_record
    from .model import PartialDate

    try:
        ledger = _ledger(data, reviews=True)
        bounds = []
        for option, value in (("--since", since), ("--until", until)):
            try:
                bounds.append(PartialDate.parse(value) if value else None)
            except ValueError:
                raise FactcheckError(f"{option}: '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    except FactcheckError as error:
        _fail(error)
    first, last = bounds
    publishers = {fold(p) for p in publisher or ()}
    words = fold(text or "")
    shown = [r for r in ledger.reviews
             if (not publishers or fold(r.publisher) in publishers)
             and (not verdict or (r.verdict or "none") in {v.value for v in verdict})
             and (first is None or (r.date is not None and r.date.last >= first.first))
             and (last is None or (r.date is not None and r.date.first <= last.last))
             and (not words or f" {words} " in f" {fold(r.claim)} ")]
    summary = f"{len(shown)} of {len(ledger.reviews)} imported reviews"
    _show(View("reviews", [review_record(r) for r in shown], summary), fmt.value, color, width, quiet)


@app.command()
def diff(
    revision: str = typer.Argument(..., help="A git revision: a commit, branch or tag (HEAD~1, origin/main)."),
    other: str | None = typer.Argument(None, help="A second revision; default: the working tree."),
    data: Path | None = DataOption,
    fmt: DiffFormat = typer.Option(DiffFormat.table, "--format", "-f",
                                   help="Output format; markdown suits a pull request or a GitHub step summary."),
    color: Color | None = ColorOption,
    width: int | None = WidthOption,
    quiet: bool = QuietOption,
) -> None:
    """The claims whose verdict or rating a change to the ledger flips, and the change behind each.

    Compares the ledger at REVISION with the working tree, or with OTHER.

    Examples:

        factcheck diff HEAD~1

        factcheck diff origin/main HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from .changes import verdict_changes
    from .formats.records import change_record
    from .ledger.revision import Repository

    data = _data(data)
    try:
        repository = Repository.of(data)
        old = repository.load(revision)
        new = repository.load(other) if other is not None else _ledger(data)
    except FactcheckError as error:
        _fail(error)
    changes = verdict_changes(old, new)
    compared = f"{revision} -> {other or 'the working tree'}"
    count = f"{len(changes)} claim{'s' if len(changes) != 1 else ''}"
    summary = f"{count} changed verdict or rating ({compared})" if changes else f"no verdict changed ({compared})"
    _show(View("changes", [change_record(c) for c in changes], summary), fmt.value, color, width, quiet)


def _read_article(file: str) -> str:
    from .inputs import read_article

    return read_article(file)


def run() -> None:
    """The console script (see edge.py for the error path)."""
    import gc

    # A run builds a ledger and its verdicts and frees almost nothing before it ends; with the
    # default thresholds the collector's passes over them cost a third of the verdicts' time on a
    # 100,000-claim ledger, for nothing found (benchmarks/README.md).
    gc.set_threshold(100_000, 50, 100)
    from .edge import run as run_guarded

    run_guarded(app)
