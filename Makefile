# The two commands of the README. Both create .venv with the pinned dependencies the first time.
VENV := .venv
PYTHON ?= python3

.PHONY: serve test build clean

HOST ?= 127.0.0.1
PORT ?= 8000

serve: $(VENV)/.installed  ## the preview: build (drafts shown), serve on http://$(HOST):$(PORT), rebuild and reload on every save
	$(VENV)/bin/invoke serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed  ## run the whole test suite
	$(VENV)/bin/python -m pytest

build: $(VENV)/.installed  ## build the site into output/
	$(VENV)/bin/invoke build

clean:
	$(VENV)/bin/invoke clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@
