"""Wrapping text to a width: every line fits, no word is lost, and long words are cut."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.formats.layout import width_of, wrap

WORDS = st.lists(st.text(alphabet=st.sampled_from("ab漢é\u0301-/"), min_size=1, max_size=30), max_size=40)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, width=st.integers(min_value=1, max_value=40))
def test_every_line_fits_and_every_character_stays_in_order(words: list[str], width: int) -> None:
    lines = wrap(" ".join(words), width)
    assert all(width_of(line) <= width or len(line) == 1 for line in lines)
    assert "".join(line.replace(" ", "") for line in lines) == "".join(words)


def test_words_fill_a_line_before_the_next_one_starts() -> None:
    assert wrap("Turkey joined NATO in 1952", 11) == ["Turkey", "joined NATO", "in 1952"]


def test_a_word_longer_than_the_line_is_cut_and_its_tail_starts_a_line() -> None:
    assert wrap("see https://example.org/a/long/path here", 10) == [
        "see", "https://ex", "ample.org/", "a/long/pat", "h here"]


def test_a_wide_character_in_a_one_cell_column_still_moves_on() -> None:
    assert wrap("漢字", 1) == ["漢", "字"]


def test_empty_text_is_one_empty_line() -> None:
    assert wrap("", 20) == [""]
