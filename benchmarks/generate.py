"""Generate a ledger shaped like a real desk's, at any size. Deterministic for a given size.

    python benchmarks/generate.py OUT --claims 100000 [--files 100] [--article OUT.txt]

Shape (per the scaling issue): facts ~ claims/5, entities ~ claims/20, sources ~ claims/50,
dozens to hundreds of relations (state, event and value; some one-holder, repeatable, symmetric,
implying weaker ones), 1-3 assertions a claim (most about a fact, some wrong by a date or a
number, some about nothing the facts know), headlines grouped with their article bodies,
provenance chains, multi-word names with aliases, citations, comments. `--files N` splits the
claims into N files under claims/; `--article` writes an article of about 200 KB built from the
ledger's own claims and filler prose, for `scan`.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SYLLABLES = ("ar", "ba", "cor", "del", "en", "fa", "gor", "hal", "is", "jun", "ka", "lor", "mar", "nes",
             "or", "pel", "quin", "ros", "sal", "tor", "ul", "ven", "wes", "xan", "yor", "zel")
KINDS_OF_THING = (("country", "Republic of {}"), ("body", "{} Council"), ("person", "{} {}"),
                  ("alliance", "{} Pact"), ("company", "{} Holdings"), ("treaty", "Treaty of {}"),
                  ("region", "{} Valley"), ("office", "Minister of {}"))
SOURCE_KINDS = ("news-outlet", "news-agency", "state-media", "blog", "website", "platform", "person",
                "think-tank", "official-body", "aggregator")
GRADES = "ABCDEF"
VERBS = ("signed", "ratified", "visited", "met", "funded", "sanctioned", "recognised", "annexed", "hosted",
         "attacked", "supplied", "acquired", "condemned", "endorsed", "mediated", "blockaded", "audited",
         "licensed", "banned", "invested in", "allied with", "partnered with", "bordered", "owned",
         "governed", "chaired", "employed", "armed", "exported to", "imported from")


def word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def unique_names(rng: random.Random, count: int, pattern_words: int) -> list[str]:
    seen: set[str] = set()
    names = []
    lengths = (2, 3) if count < 10_000 else (2, 3, 4)  # 2-3 syllables make 18,252 words: enough below 10k
    while len(names) < count:
        name = " ".join(word(rng, rng.choice(lengths)) for _ in range(pattern_words))
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def date_text(rng: random.Random, precision: int | None = None) -> str:
    year = rng.randint(1995, 2024)
    precision = precision if precision is not None else rng.choice((1, 2, 3, 3))
    if precision == 1:
        return str(year)
    if precision == 2:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


class Generator:
    def __init__(self, claims: int, seed: int = 12) -> None:
        self.rng = random.Random(seed * 1_000_003 + claims)
        self.n_claims = claims
        self.n_facts = max(20, claims // 5)
        self.n_entities = max(12, claims // 20)
        self.n_sources = max(5, claims // 50)
        self.n_relations = min(400, max(24, 12 * round(claims ** 0.25)))
        self.entities: list[tuple[str, str, str, list[str]]] = []  # id, name, kind, aliases
        self.relations: list[dict[str, object]] = []
        self.facts: list[dict[str, object]] = []
        self.sources: list[str] = []

    # vocabulary --------------------------------------------------------------------------

    def make_entities(self) -> None:
        rng = self.rng
        names = unique_names(rng, self.n_entities, 1)
        for index, base in enumerate(names):
            kind, pattern = KINDS_OF_THING[index % len(KINDS_OF_THING)]
            name = pattern.format(base, word(rng)) if pattern.count("{}") == 2 else pattern.format(base)
            aliases = [base] if kind in ("country", "company") else []
            if kind == "country":
                aliases.append(base + "ian")
            self.entities.append((f"e{index}-{base.lower()}", name, kind, aliases))

    def make_relations(self) -> None:
        rng = self.rng
        for index in range(self.n_relations):
            verb = VERBS[index % len(VERBS)]
            kind = ("event", "state", "event", "value", "state")[index % 5]
            relation: dict[str, object] = {"id": f"r{index}-{verb.replace(' ', '-')}", "kind": kind}
            qualifier = word(rng).lower()
            relation["words"] = [f"{verb} {qualifier}", f"{qualifier} {verb}"]
            if kind == "state":
                relation["start_words"] = [f"began {qualifier}"]
                relation["end_words"] = [f"stopped {qualifier}"]
                if index % 7 == 1:
                    relation["one_per_object"] = True
                elif index % 7 == 3:
                    relation["one_per_subject"] = True
            if kind == "event" and index % 4 == 0:
                relation["repeatable"] = True
            if index % 9 == 2:
                relation["symmetric"] = True
            if index >= 5 and index % 11 == 0:
                weaker = self.relations[index - 5]
                if weaker["kind"] == kind:
                    relation["implies"] = [weaker["id"]]
            self.relations.append(relation)

    def make_sources(self) -> None:
        rng = self.rng
        names = unique_names(rng, self.n_sources, 2)
        for index, name in enumerate(names):
            self.sources.append(f"s{index}-{name.split()[0].lower()}")
        self.source_names = names

    def make_facts(self) -> None:
        rng = self.rng
        for index in range(self.n_facts):
            relation = rng.choice(self.relations)
            subject = rng.choice(self.entities)
            obj = rng.choice(self.entities)
            while obj is subject:
                obj = rng.choice(self.entities)
            fact: dict[str, object] = {"id": f"f{index}", "relation": relation, "subject": subject, "object": obj}
            if relation["kind"] == "state":
                fact["from"] = date_text(rng)
                if rng.random() < 0.5:
                    fact["until"] = f"{rng.randint(int(str(fact['from'])[:4]) + 1, 2026)}"
                else:
                    fact["as_of"] = f"2025-{rng.randint(1, 12):02d}"
            else:
                fact["date"] = date_text(rng)
            if relation["kind"] == "value":
                fact["value"] = rng.randint(1, 100_000)
                fact["unit"] = rng.choice(("troops", "tonnes", "million dollars", "votes"))
            fact["negated"] = rng.random() < 0.03
            self.facts.append(fact)

    # writing -----------------------------------------------------------------------------

    def write_sources(self, path: Path) -> None:
        rng = self.rng
        with path.open("w", encoding="utf-8") as out:
            out.write("# Generated for benchmarks: outlets, agencies and people.\nsources:\n")
            for index, (ident, name) in enumerate(zip(self.sources, self.source_names, strict=True)):
                kind = SOURCE_KINDS[index % len(SOURCE_KINDS)]
                out.write(f"  - id: {ident}\n    name: {name}\n    kind: {kind}\n"
                          f"    reliability: {rng.choice(GRADES)}\n")
                if rng.random() < 0.9:
                    out.write(f"    rationale: Graded after a review of {name}'s corrections policy "
                              f"and ownership in {rng.randint(2015, 2025)}.\n")
                out.write(f"    url: https://{name.split()[0].lower()}.example/\n")
                out.write(f"    country: {word(rng)[:2].upper()}\n")
                if index and rng.random() < 0.2:
                    out.write(f"    republishes: [{self.sources[rng.randrange(index)]}]\n")
                if rng.random() < 0.5:
                    out.write("    provenance:\n      - about: owner\n"
                              f"        value: Owned by {word(rng)} {word(rng)} since {rng.randint(1990, 2020)}.\n")
                    if kind == "state-media":
                        out.write("      - about: state-affiliation\n        value: Funded by a ministry.\n"
                                  "        citation: {title: Annual report, url: 'https://registry.example/"
                                  f"{ident}', date: {rng.randint(2010, 2024)}}}\n")

    def write_facts(self, path: Path) -> None:
        rng = self.rng
        with path.open("w", encoding="utf-8") as out:
            out.write("# Generated for benchmarks: the vocabulary and the reference facts.\nentities:\n")
            for ident, name, kind, aliases in self.entities:
                alias = f", aliases: [{', '.join(aliases)}]" if aliases else ""
                out.write(f"  - {{id: {ident}, name: {name}, kind: {kind}{alias}}}\n")
            out.write("relations:\n")
            for relation in self.relations:
                out.write(f"  - id: {relation['id']}\n    kind: {relation['kind']}\n")
                for key in ("words", "start_words", "end_words", "implies"):
                    if key in relation:
                        out.write(f"    {key}: [{', '.join(relation[key])}]\n")  # type: ignore[arg-type]
                for key in ("repeatable", "symmetric", "one_per_subject", "one_per_object"):
                    if relation.get(key):
                        out.write(f"    {key}: true\n")
            out.write("facts:\n")
            for fact in self.facts:
                relation, subject, obj = fact["relation"], fact["subject"], fact["object"]
                verb = relation["words"][0]  # type: ignore[index]
                when = fact.get("date") or fact.get("from")
                statement = f"{subject[1]} {'did not ' if fact['negated'] else ''}{verb} {obj[1]} ({when})."  # type: ignore[index]
                out.write(f"  - id: {fact['id']}\n    statement: {quote(statement)}\n"
                          f"    subject: {subject[0]}\n    relation: {relation['id']}\n"  # type: ignore[index]
                          f"    object: {obj[0]}\n")  # type: ignore[index]
                for key in ("date", "from", "until", "as_of", "value", "unit"):
                    if key in fact:
                        out.write(f"    {key}: {fact[key]}\n")
                if fact["negated"]:
                    out.write("    negated: true\n")
                out.write("    citations:\n")
                for _ in range(rng.choice((1, 1, 2))):
                    site = rng.choice(self.source_names).split()[0].lower()
                    out.write(f"      - title: {quote(statement[:60])}\n        url: https://{site}.example/"
                              f"{fact['id']}/{rng.randint(1, 10**6)}\n        date: {date_text(rng, 3)}\n"
                              f"        publisher: {site.capitalize()}\n")

    def claim(self, index: int, article: str, kind: str) -> tuple[str, str]:
        """One claim's YAML, and its text."""
        rng = self.rng
        assertions = []
        texts = []
        for number in range(rng.choice((1, 1, 1, 2, 2, 3))):
            fact = rng.choice(self.facts)
            relation, subject, obj = fact["relation"], fact["subject"], fact["object"]
            assertion = f"{{subject: {subject[0]}, relation: {relation['id']}, object: {obj[0]}"  # type: ignore[index]
            when = str(fact.get("date") or fact.get("from"))[:4]
            roll = rng.random()
            if roll < 0.15:  # a wrong year
                when = str(int(when) + rng.choice((-2, -1, 1, 2)))
            elif roll < 0.25:  # about nothing the facts know
                obj = rng.choice(self.entities)
                assertion = f"{{subject: {subject[0]}, relation: {relation['id']}, object: {obj[0]}"  # type: ignore[index]
            if relation["kind"] != "state" or rng.random() < 0.5:  # type: ignore[index]
                assertion += f", date: {when}"
            if relation["kind"] == "value" and "value" in fact:  # type: ignore[index]
                value = int(fact["value"]) if rng.random() < 0.8 else int(fact["value"]) * 2  # type: ignore[call-overload]
                assertion += f", value: {value}"
            if number:
                assertion += ", role: detail"
            assertions.append(assertion + "}")
            name = rng.choice([subject[1], *subject[3]])  # type: ignore[index]
            texts.append(f"{name} {relation['words'][0]} {obj[1]} in {when}")  # type: ignore[index]
        text = "; ".join(texts)
        text = text[0].upper() + text[1:] + ("?" if kind == "question" else ".")
        source = rng.choice(self.sources)
        lines = [f"  - id: c{index}", f"    text: {quote(text)}", f"    source: {source}",
                 f"    date: {date_text(rng)}"]
        if kind != "statement":
            lines.append(f"    kind: {kind}")
        lines.append(f"    article: {article}")
        lines.append(f"    url: https://{source.split('-', 1)[1]}.example/{article}")
        if rng.random() < 0.2:
            lines.append(f"    via: [{rng.choice(self.sources)}]")
        if rng.random() < 0.3:
            lines.append(f"    attributed_to: [{rng.choice(self.sources)}]")
        if rng.random() < 0.05:
            lines.append("    anonymous: true")
        lines.append("    assertions:")
        lines += [f"      - {a}" for a in assertions]
        if rng.random() < 0.1:  # editors' rulings on some claims; random, so some drift
            lines.append(f"    ruling: {rng.choice(('true', 'false', 'mostly-true', 'misleading', 'unproven'))}")
        return "\n".join(lines) + "\n", text

    def write_claims(self, root: Path, files: int) -> list[str]:
        """Claims in one file, or in `files` files under claims/; returns a sample of texts."""
        rng = self.rng
        texts: list[str] = []
        if files <= 1:
            targets = [root / "claims.yaml"]
        else:
            (root / "claims").mkdir()
            targets = [root / "claims" / f"part-{i:04d}.yaml" for i in range(files)]
        per_file = -(-self.n_claims // len(targets))
        index = 0
        for target in targets:
            with target.open("w", encoding="utf-8") as out:
                out.write("# Generated for benchmarks: claims as they appeared.\nclaims:\n")
                while index < self.n_claims and index < per_file * (targets.index(target) + 1):
                    article = f"art-{index // 6}"
                    kind = "headline" if index % 6 == 0 else rng.choice(
                        ("statement",) * 12 + ("opinion", "prediction", "question"))
                    yaml_text, text = self.claim(index, article, kind)
                    out.write(yaml_text)
                    if len(texts) < 5000:
                        texts.append(text)
                    index += 1
        return texts

    def write(self, root: Path, files: int) -> list[str]:
        root.mkdir(parents=True, exist_ok=True)
        self.make_entities()
        self.make_relations()
        self.make_sources()
        self.make_facts()
        self.write_sources(root / "sources.yaml")
        self.write_facts(root / "facts.yaml")
        return self.write_claims(root, files)


def article(texts: list[str], size: int = 200_000, seed: int = 7) -> str:
    """An article of about `size` characters: a headline, ledger claims and ordinary prose."""
    rng = random.Random(seed)
    filler = ("Officials declined to comment on the talks.", "The meeting lasted three hours.",
              "Analysts said the move was expected.", "Further details were not released.",
              "Residents gathered in the square on Sunday.")
    parts = [texts[0].rstrip(".") + "\n"]
    while sum(len(p) for p in parts) < size:
        paragraph = [rng.choice(texts) if rng.random() < 0.4 else rng.choice(filler) for _ in range(5)]
        parts.append(" ".join(paragraph) + "\n")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the ledger folder to create (must not exist)")
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=1, help="split claims into this many files under claims/")
    parser.add_argument("--article", type=Path, help="also write an article for `scan` here")
    options = parser.parse_args()
    if options.out.exists():
        parser.error(f"{options.out} exists")
    texts = Generator(options.claims).write(options.out, options.files)
    if options.article:
        options.article.write_text(article(texts), encoding="utf-8")


if __name__ == "__main__":
    main()
