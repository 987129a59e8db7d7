#!/usr/bin/env bash
# Installs what Baiqiang needs on a fresh Debian 12/13 machine, beyond the .NET 10 SDK:
#   chromium          PDF briefings and the browser tests (headless, /usr/bin/chromium)
#   fonts-noto-cjk    Chinese glyphs in charts, screenshots and PDF briefings
#   nodejs, npm       the web build fetches ECharts and the map boundary files (npm ci)
#   postgresql        the PostgreSQL tests (.ci/run starts a throwaway cluster; BAIQIANG_TEST_PG switches them on)
# Run it once as root (or through sudo). It is idempotent: packages already there are left as they are.
set -euo pipefail

if [ "$(id -u)" != "0" ]; then
  exec sudo "$0" "$@"
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-noto-cjk nodejs npm postgresql ca-certificates clang zlib1g-dev

if ! command -v dotnet >/dev/null; then
  echo "The .NET 10 SDK is not installed: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  echo "(e.g. the dotnet-sdk-10.0 package from packages.microsoft.com)." >&2
  exit 1
fi

echo "Ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), node $(node --version), PostgreSQL $(ls /usr/lib/postgresql | sort -V | tail -n 1), dotnet $(dotnet --version)"
