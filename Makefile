# `make run` and `make test` are all a fresh clone needs: both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test bench eval fuzz clean chromium screenshots bytecode

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@rm -f $(VENV)/.installed-* && touch $@

# pip compiles what it installs, but not the editable install's own modules: where
# PYTHONDONTWRITEBYTECODE is set, Python would compile them at every start (a third of `list`'s).
# compileall writes their bytecode anyway and skips what is up to date; a module edited since is
# compiled afresh by Python at each start (it never runs stale bytecode) until the next make.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q src

run: bytecode
	$(BIN)/factcheck list
	$(BIN)/factcheck verify mondo-crimea-treaty-2013

# The site tests drive Debian's chromium headless, and one test runs the command under Debian's
# faketime. When either is missing, root (as in CI) installs it; anyone else gets a note, and
# those tests skip saying why.
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v faketime >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium faketime >/dev/null; \
	  else echo "chromium or faketime is missing (only root with apt-get installs them here): their tests will skip"; fi; }

test: bytecode chromium
	$(BIN)/ruff check src tests benchmarks setup.py
	$(BIN)/mypy
	$(BIN)/python -m pytest
	$(BIN)/factcheck check

# The README's pictures: the site of the bundled ledger in headless chromium.
SHOT := chromium --headless --no-sandbox --hide-scrollbars --force-device-scale-factor=1 --window-size=1000,1300
screenshots: bytecode chromium
	rm -rf build/site && $(BIN)/factcheck site build/site
	$(SHOT) --screenshot=docs/site-index.png build/site/index.html
	$(SHOT) --screenshot=docs/site-claim.png build/site/claims/en-nato-not-in-afghanistan.html

# A long fuzz run: fresh examples for FUZZ_MINUTES on FUZZ_JOBS processes, figures at the end.
FUZZ_MINUTES ?= 10
FUZZ_JOBS ?= 2
fuzz: bytecode
	$(BIN)/python benchmarks/fuzz.py --minutes $(FUZZ_MINUTES) --jobs $(FUZZ_JOBS)

# Every benchmark script; SIZES picks the generated ledgers (add 1000000 for the million-claim run).
SIZES ?= 1000 10000 100000
bench: bytecode
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/verify_text.py
	nice $(BIN)/python benchmarks/scale.py --sizes $(SIZES)
	$(BIN)/python benchmarks/site.py
	nice $(BIN)/python benchmarks/claimreview.py
	nice $(BIN)/python benchmarks/reader_scaling.py
	$(BIN)/python benchmarks/hostile.py

eval: bytecode
	$(BIN)/python benchmarks/eval.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
	find src -name __pycache__ -prune -exec rm -rf {} +
