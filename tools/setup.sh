#!/usr/bin/env bash
# Installs what Wijkplatform needs on Debian 12 and is not there yet: Debian
# packages (apt) and the front-end packages (npm, NL Design System CSS).
#
#   tools/setup.sh            what building and running the server needs
#   tools/setup.sh --test     also what the tests need (SMTP sink, PostgreSQL, Chromium)
#   tools/setup.sh --bench    also what the benchmarks need (wrk, nginx)
#
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_bench=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --bench) want_bench=1 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  ccache                                  # compiler cache: fast rebuilds
  lld                                     # fast linker for the large test binaries
  libboost-dev libboost-system-dev        # HTTP server (Boost.Beast/Asio)
  libsqlite3-dev sqlite3                  # default embedded database
  libpq-dev                               # PostgreSQL client library
  libsodium-dev                           # Argon2id, random tokens, SHA-256
  nlohmann-json3-dev                      # JSON
  libcurl4-openssl-dev                    # SMTP delivery
  coinor-libcbc-dev coinor-libclp-dev     # LP/MIP solvers for sortition
  libeigen3-dev                           # linear algebra for the opinion map (PCA)
  libcairo2-dev libqrencode-dev           # printable letters with QR codes
  libxlsxwriter-dev                       # open data of the dashboards as XLSX
  libpoppler-cpp-dev                      # text of archive PDFs for full-text search
  libmagick++-dev                         # uploaded photos re-encoded without EXIF/GPS (core/image)
  fonts-dejavu-core                       # the font of the letters
  tzdata                                  # Europe/Amsterdam for event times and calendar feeds
  libzbar-dev                             # tests decode the QR codes on the letters
  libgtest-dev libgmock-dev               # tests are built with the project
  zlib1g-dev libbrotli-dev                # the stylesheet is precompressed at build time (gzip, brotli)
)
if [ "$want_test" = 1 ]; then
  packages+=(python3-aiosmtpd postgresql chromium chromium-driver fonts-dejavu-core)
  packages+=(nginx openssl)               # tests/deploy: nginx -t on deploy/nginx, a throwaway certificate
  packages+=(clang-14 libclang-rt-14-dev) # tools/fuzz.sh: libFuzzer targets (clang; libFuzzer and sanitizer runtimes)
fi
if [ "$want_bench" = 1 ]; then
  packages+=(wrk libbenchmark-dev nginx)  # nginx: bench/http/run_pages.sh compares the pages with it
fi
# Node.js and npm only when the machine has none (it may have its own build).
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup.sh: installing ${missing[*]}"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Front-end packages, pinned by package-lock.json; compiled into the binary. The dev packages are
# for tests: axe-core and playwright-core (tests/browser), and the OpenAPI 3 validator
# @seriousme/openapi-schema-validator (tests/openapi; Debian 12 has no python3-openapi-spec-validator).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup.sh: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
