# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

.PHONY: site test serve check setup browser bench lint clean

site: $(STAMP)
	$(BIN)/python -m generator check
	$(BIN)/mkdocs build --strict

test: $(STAMP) browser
	$(BIN)/ruff check generator tests
	$(BIN)/python -m generator schema --check
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(STAMP)
	$(BIN)/python -m generator check

setup: $(STAMP)

# Re-install when the lock file or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work here).
browser:
	@test -x $(CHROMIUM) || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

bench: $(STAMP)
	$(BIN)/python -m tests.bench_pipeline --mkdocs

lint: $(STAMP)
	$(BIN)/ruff check generator tests

clean:
	test ! -x $(BIN)/python || $(BIN)/python -m generator clean
	rm -rf site $(VENV)
