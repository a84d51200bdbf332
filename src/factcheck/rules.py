"""Every problem `factcheck check` reports, in one place: its code, severity and one-line doc.

A `Problem` takes its severity (and whether it makes the ledger unusable) from here, and the
README's rule table is generated from here (a test compares them). The checks that run on a
loaded ledger are in `checks.py`, each registered under the codes it reports; the rest are
found while reading and validating the files (`ledger/`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Severity


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    doc: str
    unusable: bool = False
    """The ledger cannot be used at all (exit 2); reading goes no further than it can."""

    @property
    def severity_text(self) -> str:
        return f"{self.severity.value} (unusable)" if self.unusable else self.severity.value


_E, _W = Severity.ERROR, Severity.WARNING

RULES: dict[str, Rule] = {rule.code: rule for rule in (
    Rule("syntax", _E, "the YAML does not parse, or has a tab outside a quoted or block value or a comment "
         "(libyaml reads it, other YAML readers refuse it)", unusable=True),
    Rule("unreadable", _E, "a file or folder cannot be read, or is not UTF-8 (with the line, column and byte offset)",
         unusable=True),
    Rule("too-large", _E, "a ledger file larger than the limit (64 MB; `FACTCHECK_MAX_LEDGER_FILE_MB`), "
         "or with a line longer than 1 MB (`FACTCHECK_MAX_LEDGER_LINE_MB`)",
         unusable=True),
    Rule("nesting", _E, "collections nested deeper than 64 levels (reading stops there)", unusable=True),
    Rule("no-ledger", _E, "no ledger in the folder, or a folder that cannot be opened", unusable=True),
    Rule("missing-file", _E, "one of the ledger's three files is missing", unusable=True),
    Rule("empty", _E, "a file that is empty or holds only comments"),
    Rule("duplicate-key", _E, "a key twice in one mapping (YAML would silently keep the last)"),
    Rule("alias", _E, "an anchor/alias or merge key: refused at its first reuse, so an alias bomb fails at once"),
    Rule("tag", _E, "a tag such as `!!python/object`: refused, never constructed"),
    Rule("ambiguous", _E, "a plain value YAML 1.1 and YAML 1.2 read differently (`yes`, `off`, `1_000`, `017`, "
                          "`33:33`): quote it, or write `true`/`false` or a plain number"),
    Rule("unknown-field", _E, "a field the format does not have (a typo like `rulng`, with a hint)"),
    Rule("missing-field", _E, "a required field missing"),
    Rule("type", _E, "a value of the wrong type, or an explicit `null` / empty value for a field"),
    Rule("value", _E, "a value outside its choices, not a real date, a number out of bounds (a negative "
                      "`tolerance`, beyond 1e300) or an address that does not parse"),
    Rule("range", _E, "a period no date fits in: `from` after `until`, `after` not earlier than `before`"),
    Rule("no-citation", _E, "a fact with an empty `citations` list"),
    Rule("duplicate-id", _E, "an id used twice, in one file or across files"),
    Rule("unknown-reference", _E, "a source, entity, relation or quoted-via id that does not exist (with a hint)"),
    Rule("cycle", _E, "sources that republish each other in a loop"),
    Rule("symlink", _E, "a symbolic link that leads outside the ledger folder, or nowhere: not followed"),
    Rule("stray-file", _W, "a subfolder, FIFO or non-YAML file inside `claims/` (or `facts/`, `sources/`): not read"),
    Rule("drift", _E, "the computed verdict differs from the editor's `ruling`: the claim, both verdicts, why, "
                      "and the deciding fact"),
    Rule("stale-fact", _W, "a fact's `as_of` is older than `--max-age` days"),
    Rule("stale-evidence", _W, "a claim's verdict rests on a stale fact"),
    Rule("no-as-of", _W, "a fact that still holds (no `until`) has no `as_of`"),
    Rule("no-rationale", _W, "a source's grade has no `rationale`"),
)}


def rules_table() -> str:
    """The README's rule table, in markdown."""
    rows = [f"| `{r.code}` | {r.severity_text} | {r.doc} |" for r in RULES.values()]
    return "\n".join(["| code | severity | what |", "|---|---|---|", *rows]) + "\n"
