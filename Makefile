# Set-up and entry points. `make run` and `make test` work on a fresh clone.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BUN := .tools/node_modules/.bin/bun
NPM_REGISTRY := $(shell npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)

export PATH := $(CURDIR)/.tools/node_modules/.bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := 0
export NPM_CONFIG_REGISTRY := $(NPM_REGISTRY)

.PHONY: run test install install-test browser fonts lint format bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(BUN):
	npm install --prefix .tools --no-audit --no-fund --loglevel=error bun@1.4.5

install: $(VENV)/.installed $(BUN)

# Debian's Chromium; Playwright's own browser download is not used.
browser:
	@command -v chromium >/dev/null || { apt-get update -q && apt-get install -y -q chromium; }
	@command -v pdftotext >/dev/null || apt-get install -y -q poppler-utils

# AR PL UMing: the TrueType CJK font that document PDFs embed.
fonts:
	@test -f /usr/share/fonts/truetype/arphic/uming.ttc || { apt-get update -q && apt-get install -y -q fonts-arphic-uming; }

run: install fonts
	$(PY) -m portal migrate
	$(PY) -m portal create-admin
	$(PY) -m portal purge-staged
	$(VENV)/bin/reflex run --env prod --single-port

lint: $(VENV)/.installed
	$(VENV)/bin/ruff format --check portal tests benchmarks alembic rxconfig.py
	$(VENV)/bin/ruff check portal tests benchmarks alembic rxconfig.py

format: $(VENV)/.installed
	$(VENV)/bin/ruff format portal tests benchmarks alembic rxconfig.py
	$(VENV)/bin/ruff check --fix portal tests benchmarks alembic rxconfig.py

test: install browser fonts lint
	$(VENV)/bin/pytest -q

bench: install
	$(PY) benchmarks/chat_matrix.py --setup sqlite --messages 5 --interval 2
	$(PY) benchmarks/chat_matrix.py --setup postgres --messages 5 --interval 2

clean:
	rm -rf .web .states
