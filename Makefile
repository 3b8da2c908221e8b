# Two commands do all the set-up on a fresh Debian machine with Python 3.11:
#   make serve   preview the site at http://127.0.0.1:8000, reloading on every edit
#   make test    run every test (what CI runs, through .ci/run)
# Both create .venv and install the exact, hashed versions of requirements.lock first;
# make test adds the test tools of requirements-test.lock (pytest, Playwright, ruff ...).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Installed once per change of the lock file or of the package metadata: what building and
# serving need (STAMP), then the test tools (TEST_STAMP).
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# tests/browser drive Debian's Chromium: Playwright cannot download a browser here.
CHROMIUM := /usr/bin/chromium
# axe-core, vnu-jar (Nu Html Checker) and Lighthouse, exact versions from package-lock.json.
NODE_STAMP := node_modules/.installed
# Material prints an end-of-life notice on every run; it is not a build warning.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint check lock bench clean

# --livereload forces reloading on: some click releases turned MkDocs 1.6.1's default off.
# --dirty: a page edit rebuilds that page, a data or snippet edit the pages that show it, a
# template edit every page (src/divergence/plugin/serving.py). mkdocs.yml's `watch:` has
# data/, includes/ and overrides/ (not --watch-theme: see there).
# SITE_URL: serve at the root of 127.0.0.1:8000, not under the published site's path.
SERVE_FLAGS := --livereload --dirty
serve: $(STAMP)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 $(SERVE_FLAGS)

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# A copy to read without a server, search included: open site-offline/index.html. Material's
# offline plugin links to .html files there; the published build keeps directory URLs.
.PHONY: offline
offline: $(STAMP)
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline

test: lint check pytest

# The tests alone; CI runs the linters and the content check as steps of their own.
# Options after PYTEST_ARGS=, e.g. PYTEST_ARGS="tests/unit -q".
.PHONY: pytest
pytest: $(TEST_STAMP) $(NODE_STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Node.js (20) and Java (for the Nu checker) come from Debian when the machine lacks them.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm)
	@command -v java >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless)
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

$(CHROMIUM):
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium || \
	  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)

# The editors' content checks on the whole site (docs/contributing/checks.md).
check: $(STAMP)
	$(BIN)/divergence check

lint: $(TEST_STAMP) lint-workflows
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

# The GitHub workflows: actionlint (syntax, expressions, and the shell of every `run:` through
# the ShellCheck of .venv, so that every machine finds the same) and zizmor (security).
# --offline leaves out zizmor's audits that ask GitHub's API: this runs without a network.
.PHONY: lint-workflows
lint-workflows: $(TEST_STAMP)
	$(BIN)/actionlint -shellcheck=$(BIN)/shellcheck -pyflakes=
	$(BIN)/zizmor --offline --no-progress .github/workflows

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version'
	@# Debian splits venv support out of the interpreter package.
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || apt-get install -y python3.11-venv || \
	  (apt-get update && apt-get install -y python3.11-venv)
	@# The preview image for shared links (og:image) sets the site's title in DejaVu Sans.
	@test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-dejavu-core || \
	  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-dejavu-core)
	$(PYTHON) -m venv $(VENV)
	@# Every file checked against the lock's hashes: nothing else can be installed.
	$(BIN)/python -m pip install --quiet --require-hashes --requirement requirements.lock
	@# Our package on top of the locked set, without resolving anything again.
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $@

# The test tools on top: requirements-test.lock holds the same pins plus the test extras.
$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install --quiet --require-hashes --requirement requirements-test.lock
	touch $@

# Re-resolve the dependency ranges of pyproject.toml: requirements.lock for building and
# serving, requirements-test.lock for the tests (the same pins, constrained by the first,
# plus the test extras). Exact pins, each with the hashes of its files for every
# platform; --allow-unsafe pins setuptools too, which a hashed install needs.
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
  --no-emit-find-links
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile $(LOCK_FLAGS) --output-file requirements.lock pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra test --constraint requirements.lock \
	  --output-file requirements-test.lock pyproject.toml

clean:
	rm -rf $(VENV) site site-offline node_modules

# Build time against a plain Material build of the same pages and where it goes, cost per
# page with 100, 500 and 1000 synthetic pages, mkdocs serve's edit-to-reload latency, and
# `divergence check` cold, warm and on one page.
# Prints figures (BENCHMARKS.md); options after ARGS=, e.g. ARGS="--only scaling --quick".
bench: $(TEST_STAMP) $(CHROMIUM)
	$(BIN)/python benchmarks/bench.py $(ARGS)

# Lighthouse (mobile and desktop) on each page type and the page weight of every page on a
# first visit, beside a plain Material build; prints figures against DESIGN.md's budgets.
.PHONY: audit
audit: $(TEST_STAMP) $(NODE_STAMP) $(CHROMIUM)
	$(BIN)/python benchmarks/audit.py $(ARGS)
