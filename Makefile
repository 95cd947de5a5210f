# svccheck — the two commands a newcomer needs are `make run` and `make test`.
GO ?= go

.PHONY: run test interop build bench test-browser

## run: the main job — conformance run of specs/ against the embedded reference host, both flavors.
run:
	$(GO) run ./cmd/svccheck run

## test: unit, end-to-end and CLI script tests.
test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

## build: the svccheck binary in bin/.
build:
	$(GO) build -o bin/svccheck ./cmd/svccheck

## interop: differential test of reference/datacontract against Mono's DataContractJsonSerializer.
interop:
	bash reference/datacontract/interop/run.sh

## bench: benchmarks recorded in docs/performance.md.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## test-browser: report.html rendered in Debian's headless Chromium (installed when missing); DOM
## assertions and a screenshot in the test's artifacts (reports/browser/).
test-browser:
	bash harness/report/browser/run.sh
