# genorisk — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup system-deps lint typecheck layers pytest bench clean

# Compiling first keeps start-up quick where PYTHONDONTWRITEBYTECODE is set (Python then never caches
# bytecode itself, and would recompile genorisk on every start); it is instant when nothing changed.
run: setup
	@$(BIN)/python -m compileall -q genorisk >/dev/null
	$(BIN)/genorisk

test: setup lint layers typecheck pytest

setup: system-deps $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# System packages: Graphviz `dot` (ecomap, DOT comparison), Xvfb (one real-X test),
# poppler-utils (pdftoppm for looking at reports), and the X/GL libraries Qt's xcb plugin needs.
SYSTEM_PACKAGES := graphviz xvfb poppler-utils libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 fonts-dejavu-core
system-deps:
	@if command -v dot >/dev/null && command -v Xvfb >/dev/null && command -v pdftoppm >/dev/null \
	    && ldconfig -p | grep -q libxcb-cursor.so.0 && ldconfig -p | grep -q libEGL.so.1; then \
	  exit 0; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  echo "Installing system packages: $(SYSTEM_PACKAGES)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	elif command -v apt-get >/dev/null && command -v sudo >/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	else \
	  echo "genorisk needs Graphviz (dot), Xvfb and poppler-utils, and Qt's X11 libraries."; \
	  echo "This machine has no apt-get we can use: install them with your package manager"; \
	  echo "(e.g. 'brew install graphviz poppler' on macOS), then run make again."; \
	  exit 1; \
	fi

lint:
	$(BIN)/ruff check .

layers:
	$(BIN)/lint-imports

typecheck:
	$(BIN)/mypy genorisk

pytest:
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/genogram.py
	$(BIN)/python benchmarks/ui.py
	$(BIN)/python benchmarks/report.py
	$(BIN)/python benchmarks/risk.py
	$(BIN)/python benchmarks/gedcom_io.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
