# cpms — see README.md. Only the Swift toolchain is needed.
SWIFT ?= swift
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
DEMO_DIR ?= demo-output
RELEASE_BIN = .build/release/cpms
DEBUG_BIN = .build/debug/cpms

.PHONY: build release test test-hostile test-tools test-differential test-print test-languages demo install uninstall format \
	lint bench clean fuzz fuzz-smoke

build:
	$(SWIFT) build

## A fully static release binary (Swift runtime, FoundationEssentials and the C library linked in):
## it runs when copied alone to any Linux machine of the same architecture, and starts fastest
## because the dynamic loader has nothing to resolve.
release:
	$(SWIFT) build -c release -Xswiftc -static-executable

## Heavy hostile-input tests (100 MB inputs, thousands of files): named testHeavy…, run by
## `make test-hostile` (and CI), left out of `make test` to keep daily runs under a minute.
HEAVY_TESTS = HostileInputTests/testHeavy
## Sweeps through the binary over every language or every standard (seconds each): named testSweep…, run
## by `make test-languages` (and CI), left out of `make test` for the same reason.
SWEEP_TESTS = /testSweep

## Builds everything and runs the unit and end-to-end tests, except the heavy hostile-input ones and the
## sweeps.
test:
	$(SWIFT) build
	@echo "make test: the heavy hostile-input tests (testHeavy*) run with 'make test-hostile', the sweeps over every language (testSweep*) with 'make test-languages'."
	$(SWIFT) test --disable-swift-testing --skip '$(HEAVY_TESTS)' --skip '$(SWEEP_TESTS)'

## Installs the programs tests read cpms's output with (zsh, fish, groff, libhxl) when missing; needs root.
test-tools:
	bash Tests/setup.sh

## The heavy hostile-input tests alone: 100 MB files, a million keys, 10,000 ballots; then the differential
## test on DIFFERENTIAL_HOSTILE_COUNT files from another seed than the daily run's.
test-hostile:
	$(SWIFT) build
	$(SWIFT) test --disable-swift-testing --filter '$(HEAVY_TESTS)'
	Tests/Differential/run.sh $(DIFFERENTIAL_HOSTILE_COUNT) $(DIFFERENTIAL_HOSTILE_SEED)

## The differential test (Tests/Differential): DIFFERENTIAL_COUNT generated contextualization and workshop
## files, each checked by `cpms validate` and by check-jsonschema with Data/schema/; fails on any disagreement
## not allow-listed in Tests/Differential/allowlist.json. Installs check-jsonschema when missing. Seeded
## (DIFFERENTIAL_SEED), so a failure reproduces; `make test-hostile` runs DIFFERENTIAL_HOSTILE_COUNT files.
DIFFERENTIAL_COUNT ?= 400
DIFFERENTIAL_SEED ?= 12
DIFFERENTIAL_HOSTILE_COUNT ?= 5000
DIFFERENTIAL_HOSTILE_SEED ?= 2
test-differential:
	$(SWIFT) build
	Tests/Differential/run.sh $(DIFFERENTIAL_COUNT) $(DIFFERENTIAL_SEED)

## The sweeps (tests named testSweep…), then the whole example workshop in French, Spanish and Arabic with
## only LANG set (help, ballots, prioritize, the pack, the charts, monitoring, validate, errors, man) and fails
## on any English sentence left in what a person reads (Tests/I18n/english_left.py); the outputs stay in
## .build/languages/LANG/. Needs python3 and openpyxl (make test-tools).
test-languages: build
	$(SWIFT) test --disable-swift-testing --filter '$(SWEEP_TESTS)'
	python3 Tests/I18n/english_left.py $(DEBUG_BIN)

## Runs the main job on the bundled example workshop (Data/examples/): validates its files (the
## monitoring sheets against the example context), recommends a selection from the three example
## ballots, writes the workshop pack (Markdown, and HTML to print), then the monitoring round trip:
## the next round's sheet and the report over two rounds from three partners
## (Data/examples/monitoring/), as text and as HXL CSV.
demo: build
	$(DEBUG_BIN) validate --context Data/examples/contextualization.json Data/examples
	$(DEBUG_BIN) prioritize --workshop Data/examples/workshop.json
	mkdir -p $(DEMO_DIR)
	$(DEBUG_BIN) pack --workshop Data/examples/workshop.json -o $(DEMO_DIR)/pack --force
	$(DEBUG_BIN) pack --workshop Data/examples/workshop.json --single-file -o $(DEMO_DIR)/pack.md --force
	$(DEBUG_BIN) pack --workshop Data/examples/workshop.json --format html -o $(DEMO_DIR)/pack.html --force
	$(DEBUG_BIN) monitor template --workshop Data/examples/workshop.json --units Data/examples/monitoring/units.csv \
	  --period-start 2026-07-01 --period-end 2026-09-30 -o $(DEMO_DIR)/monitoring-round3.csv --force
	$(DEBUG_BIN) monitor report --workshop Data/examples/workshop.json Data/examples/monitoring/round*.csv
	$(DEBUG_BIN) monitor report --workshop Data/examples/workshop.json Data/examples/monitoring/round*.csv \
	  --format csv -o $(DEMO_DIR)/monitoring-report.csv --force 2>/dev/null
	$(DEBUG_BIN) prioritize --workshop Data/examples/workshop.json --format svg -o $(DEMO_DIR)/ranking.svg --force
	$(DEBUG_BIN) monitor report --workshop Data/examples/workshop.json Data/examples/monitoring/round*.csv \
	  --format svg -o $(DEMO_DIR)/monitoring.svg --force 2>/dev/null
	$(DEBUG_BIN) monitor report --workshop Data/examples/workshop.json Data/examples/monitoring/round*.csv \
	  --format html -o $(DEMO_DIR)/monitoring.html --force 2>/dev/null
	@echo "The workshop pack is in $(DEMO_DIR)/pack/README.md (one file: $(DEMO_DIR)/pack.md)."
	@echo "To print it, open $(DEMO_DIR)/pack.html in a browser (A4; --paper letter for US Letter)."
	@echo "The next monitoring sheet is $(DEMO_DIR)/monitoring-round3.csv; the report as HXL CSV is $(DEMO_DIR)/monitoring-report.csv."
	@echo "The charts for the wall: $(DEMO_DIR)/ranking.svg and $(DEMO_DIR)/monitoring.svg; the monitoring report to print: $(DEMO_DIR)/monitoring.html."

## Prints the demo pack's HTML with headless Chromium on A4 and on US Letter and checks the PDFs
## (nothing outside the printable area or cut off, each part and standard on a new page, page counts),
## the HTML (well-formed, self-contained, a hostile context name only as text) and the Word conversion.
## Installs Chromium, poppler-utils, pandoc and python-docx first when missing (Tests/Print/setup.sh).
test-print: demo
	bash Tests/Print/setup.sh
	python3 Tests/Print/check_print.py $(DEBUG_BIN) $(DEMO_DIR)/print

## Installs the binary and its manual page (`man cpms`).
install: release
	install -d "$(BINDIR)" "$(MANDIR)"
	install -m 755 -s $(RELEASE_BIN) "$(BINDIR)/cpms"
	$(RELEASE_BIN) man > "$(MANDIR)/cpms.1"

uninstall:
	rm -f "$(BINDIR)/cpms" "$(MANDIR)/cpms.1"

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

## Benchmarks cpms against its peers with hyperfine and writes BENCHMARKS.md (see
## Tests/Benchmarks/bench.sh). Builds its own release binary in .build-bench and installs hyperfine,
## jq, gcc, GNU time and check-jsonschema when they are missing. Takes a few minutes; not run by CI.
bench:
	SWIFT="$(SWIFT)" bash Tests/Benchmarks/bench.sh

## libFuzzer targets for the JSON, workshop, ballot, monitoring-sheet and argument parsers (Tests/Fuzz), built in
## .build-fuzz and run one after the other for FUZZ_SECONDS each; fails if any finds a crash or hang.
FUZZ_SECONDS ?= 150
fuzz:
	SWIFT=$(SWIFT) Tests/Fuzz/run.sh $(FUZZ_SECONDS)

## The same, 15 seconds per target: a quick check that the fuzz targets build and survive, for CI.
fuzz-smoke:
	SWIFT=$(SWIFT) Tests/Fuzz/run.sh 15

clean:
	rm -rf .build .build-fuzz $(DEMO_DIR)
