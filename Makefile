# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium

.PHONY: site test serve check diff setup browser bench bench-check bench-search bench-extract lint clean

# The site is built into a fresh folder and swapped in only when the build succeeds: a failed or
# interrupted build (a CI timeout, a broken file) leaves the last good site/ whole, never emptied.
SITE_TMP := .site-building
site: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m generator check
	rm -rf $(SITE_TMP) .site-previous
	$(BIN)/mkdocs build --strict --site-dir $(SITE_TMP)
	if [ -d site ]; then mv site .site-previous; fi
	mv $(SITE_TMP) site
	rm -rf .site-previous

test: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/ruff check generator tests
	$(BIN)/python -m generator schema --check
	$(BIN)/python -m pytest

serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(STAMP)
	$(BIN)/python -m generator check

# What a pull request changes in the fact base, as Markdown: make diff BASE=origin/main HEAD=HEAD
BASE ?= origin/main
HEAD ?= HEAD
diff: $(STAMP)
	@$(BIN)/python -m generator diff $(BASE) $(HEAD)

setup: $(STAMP) $(NODE_STAMP)

# Re-install when the lock file or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The site's typeface (vazirmatn, subset at build time) and axe-core for the browser tests' accessibility
# audit, exactly as package-lock.json pins them.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { \
	  echo "installing Debian's npm for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work here).
browser:
	@test -x $(CHROMIUM) || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

bench: $(STAMP)
	$(BIN)/python -m tests.bench_pipeline --mkdocs
	$(BIN)/python -m tests.bench_visual

# check on 10,000 and 40,000 synthetic actors with 1,000 mistyped references, beside difflib's full scan.
bench-check: $(STAMP)
	$(BIN)/python -m tests.bench_check

# Search on a synthetic 10,000-actor site: bytes a first search downloads, index size, build time (minutes).
bench-search: $(STAMP) browser
	$(BIN)/python -m tests.bench_search

# Quote extraction: recall, precision and speaker accuracy, direct and reported speech, on our corpus's
# development and held-out halves and on the seeds (add -v through ARGS=-v to list the misses on dev).
bench-extract: $(STAMP)
	$(BIN)/python -m tests.bench_extract $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check generator tests

clean:
	test ! -x $(BIN)/python || $(BIN)/python -m generator clean
	rm -rf site $(SITE_TMP) .site-previous $(VENV) node_modules
