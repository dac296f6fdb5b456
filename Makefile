# Two commands do all the set-up (see README.md):
#   make run   install, pull the default models, build the index if missing or stale, start the chat UI
#              on http://127.0.0.1:7860
#   make test  install what the tests need, then run the whole test suite
PY := .venv/bin/python
GPUMKT := .venv/bin/gpumkt

.PHONY: run test install install-test

install:
	bash scripts/install.sh run

install-test:
	bash scripts/install.sh test

run: install
	$(GPUMKT) models pull
	$(GPUMKT) index
	$(PY) -m gpumkt.chat

test: install-test
	$(GPUMKT) models pull smollm2-135m
	$(PY) -m pytest -ra tests
