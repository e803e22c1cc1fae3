# The two commands of the README. Both create .venv with the pinned dependencies the first time.
VENV := .venv
PYTHON ?= python3

.PHONY: serve test build clean

serve: $(VENV)/.installed  ## build the sample site, serve it on http://127.0.0.1:8000 with live reload
	$(VENV)/bin/invoke livereload

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
