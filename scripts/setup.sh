#!/usr/bin/env bash
# Installs every Debian package ptdispatcher needs (build, tests, real peers),
# then configures and builds. Idempotent and non-interactive; run as root on
# Debian 12. Environment: BUILD_DIR (default ./build), BUILD_TYPE (RelWithDebInfo),
# CMAKE_ARGS (extra configure flags), PT_SKIP_APT=1 to skip the package step.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$here/build}
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}

packages=(
  # toolchain and libraries
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libsodium-dev libssl-dev
  # fuzzing (libFuzzer) and the sanitizer suites: clang with its runtime libraries;
  # the code checks (scripts/lint.sh)
  clang libclang-rt-14-dev clang-format clang-tidy
  # tests and benchmarks: real peers and tools
  python3 socat iperf3 procps iproute2
  # packaging and GUI screenshots
  dpkg-dev file xvfb xauth libqrencode-dev
  obfs4proxy shadowsocks-libev tor coturn microsocks dante-server tinyproxy dnsmasq dnsutils
  nginx-light curl openssl ca-certificates
  # a real browser through our SOCKS port (tests/interop/browser.py) and a font to render with
  chromium fonts-dejavu-core
  # the GUI's system proxy and autostart tests: gsettings with the GNOME proxy schema,
  # a private session bus (dbus-daemon, dbus-monitor, dbus-send), gio to launch a .desktop
  libglib2.0-bin gsettings-desktop-schemas dbus
)

if [ "${PT_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Daemons from the peer packages must not start as system services.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d
    fi
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
# Objects shared between build directories (build, build-portable) and clones: paths
# below the source tree are hashed relative to it, and the build directory is not
# part of the hash (debug info may then name another build directory's path).
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$here} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
cmake -S "$here" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" ${CMAKE_ARGS:-}
cmake --build "$BUILD_DIR" -j"$(nproc)"
