# Muster: the two commands are `make run` and `make test`; both install what is missing.
# Other targets: build (release binary), asan (sanitizer build), bench-sts, format, clean.

BUILD_DIR ?= build/release
ASAN_DIR  ?= build/asan
DATA_DIR  ?= ./muster-data
LISTEN    ?= 127.0.0.1:8080
JOBS      ?= $(shell nproc)
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: all deps configure build run test asan format format-check bench-sts clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@ninja -C $(BUILD_DIR) -j $(JOBS) muster

run: build
	$(BUILD_DIR)/src/cli/muster --data-dir $(DATA_DIR) serve --demo --listen $(LISTEN)

test: deps
	@scripts/test.sh

asan: deps
	@cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMUSTER_SANITIZE=ON \
	  -DMUSTER_BUILD_BENCH=OFF >/dev/null
	@ninja -C $(ASAN_DIR) -j $(JOBS)

format:
	@scripts/format.sh fix

format-check:
	@scripts/format.sh check

bench-sts: build
	@bench/sts.sh

clean:
	rm -rf build
