"""The check rules as a registry: one place for each code's severity and doc, the README's table
generated from it, and `run_checks` a loop over registered checks."""

from __future__ import annotations

import pytest

from factcheck.checks import CHECKS, check
from factcheck.rules import RULES, rules_table

from .conftest import REPO


def test_the_readme_table_is_the_registry() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert rules_table() in readme, "put factcheck.rules.rules_table() in the README:\n" + rules_table()


def test_every_check_reports_known_codes_and_each_code_has_one_check() -> None:
    codes = [code for run in CHECKS for code in run.codes]  # type: ignore[attr-defined]
    assert sorted(codes) == sorted(set(codes))
    assert set(codes) == {"drift", "stale-fact", "stale-evidence", "no-as-of", "no-rationale"}
    with pytest.raises(KeyError):
        check("no-such-rule")


def test_a_problem_takes_its_severity_from_its_rule() -> None:
    from factcheck.diagnostics import Location, Problem, Severity

    assert Problem(Location("f"), "stray-file", "m").severity == Severity.WARNING
    assert Problem(Location("f"), "syntax", "m").fatal
    assert not Problem(Location("f"), "drift", "m").fatal
    assert all(rule.doc and rule.code == code for code, rule in RULES.items())
