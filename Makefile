# cpms — see README.md. Only the Swift toolchain is needed.
SWIFT ?= swift
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
DEMO_DIR ?= demo-output
RELEASE_BIN = .build/release/cpms
DEBUG_BIN = .build/debug/cpms

.PHONY: build release test demo install uninstall format lint bench clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

## Builds everything and runs all tests (unit and end-to-end).
test:
	$(SWIFT) build
	$(SWIFT) test

## Runs the main job on the bundled example.
demo: build
	@sh Data/examples/demo.sh $(DEBUG_BIN) $(DEMO_DIR)

install: release
	install -d "$(BINDIR)"
	install -m 755 $(RELEASE_BIN) "$(BINDIR)/cpms"

uninstall:
	rm -f "$(BINDIR)/cpms"

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

## Times the main commands over repeated runs (release build); not part of the tests.
bench: release
	@sh Data/examples/bench.sh $(RELEASE_BIN)

clean:
	rm -rf .build $(DEMO_DIR)
