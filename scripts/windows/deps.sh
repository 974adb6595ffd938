#!/usr/bin/env bash
# Builds the Windows (x86_64, MinGW-w64) dependencies of ptdispatcher from Debian's
# own source packages into a cache outside the repository: Qt 6 qtbase (Core, Gui,
# Widgets, Network, Test and the windows platform plugin), libsodium, OpenSSL 3 and
# libqrencode. Nothing prebuilt is downloaded: `apt-get source` fetches Debian's
# sources, Debian's MinGW-w64 compiles them.
#
# Idempotent: each library is rebuilt only when its Debian version (or this
# script's recipe, PT_WIN_RECIPE) changed; a finished build leaves a stamp file.
# Usage: deps.sh [all|apt|libs|qt] (apt: the Debian packages only).
# Environment: PT_WIN_CACHE (default /var/cache/ptdispatcher-windows), PT_SKIP_APT=1.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${PT_WIN_CACHE:-/var/cache/ptdispatcher-windows}
PREFIX=$CACHE/prefix
SRC=$CACHE/src
JOBS=${JOBS:-$(nproc)}
HOST=x86_64-w64-mingw32
PT_WIN_RECIPE=3 # bump when a recipe below changes: every library is rebuilt
mkdir -p "$PREFIX" "$SRC"

log() { echo "windows-deps: $*"; }

packages=(g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix mingw-w64-tools binutils-mingw-w64-x86-64
          wine64 nsis dpkg-dev cmake ninja-build perl pkg-config make autoconf automake libtool file xvfb xauth
          qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools)

if [ "${PT_SKIP_APT:-0}" != 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  # deb-src lines for the archive this machine already uses (same URIs and suites).
  if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      sed -E 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        > /etc/apt/sources.list.d/ptdispatcher-src.sources
    elif [ -f /etc/apt/sources.list ]; then
      grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
        > /etc/apt/sources.list.d/ptdispatcher-src.list
    fi
    apt-get update -q
  fi
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get install -y -q --no-install-recommends "${missing[@]}" || { apt-get update -q; apt-get install -y -q --no-install-recommends "${missing[@]}"; }
  fi
fi

# Debian's source version of a binary package's source, e.g. "6.4.2+dfsg-10".
srcver() { apt-cache showsrc "$1" | awk '/^Version:/ {print $2; exit}'; }

# fetch NAME: unpacks Debian's source of NAME (with Debian's patches) under $SRC,
# prints the directory.
fetch() {
  local name=$1 ver dir
  ver=$(srcver "$name")
  [ -n "$ver" ] || { echo "windows-deps: no source package $name (deb-src missing?)" >&2; exit 1; }
  dir=$SRC/$name-$ver
  if [ ! -f "$dir/.unpacked" ]; then
    rm -rf "$dir" "$SRC/tmp-$name"
    mkdir -p "$SRC/tmp-$name"
    if ! (cd "$SRC/tmp-$name" && apt-get source -q "$name=$ver" >&2); then
      # A mirror that lacks the Debian diff (seen here for qrencode's debian.tar.xz)
      # still served the .dsc and the orig tarball: build the upstream source as
      # Debian ships it, without Debian's patches, and say so.
      local orig
      orig=$(ls "$SRC/tmp-$name"/*.orig.tar.* 2>/dev/null | head -1)
      [ -n "$orig" ] || { echo "windows-deps: cannot fetch the source of $name $ver" >&2; exit 1; }
      echo "windows-deps: WARNING: $name $ver without Debian's patches (only $(basename "$orig") could be fetched)" >&2
      (cd "$SRC/tmp-$name" && rm -rf -- */ && tar -xf "$orig")
    fi
    local top
    top=$(find "$SRC/tmp-$name" -mindepth 1 -maxdepth 1 -type d | head -1)
    [ -n "$top" ] || { echo "windows-deps: no source tree for $name $ver" >&2; exit 1; }
    mv "$top" "$dir"
    rm -rf "$SRC/tmp-$name"
    touch "$dir/.unpacked"
  fi
  echo "$dir"
}

stamp_ok() { [ -f "$PREFIX/.stamp-$1" ] && [ "$(cat "$PREFIX/.stamp-$1")" = "$2" ]; }
stamp_set() { echo "$2" > "$PREFIX/.stamp-$1"; }

export PATH=/usr/bin:$PATH

build_sodium() {
  local ver key dir
  ver=$(srcver libsodium); key="$ver/$PT_WIN_RECIPE"
  stamp_ok sodium "$key" && { log "libsodium $ver: cached"; return; }
  dir=$(fetch libsodium) || exit 1
  log "libsodium $ver: building"
  # Debian's source is the upstream git tree: configure is made by autoreconf, as
  # debian/rules does.
  [ -x "$dir/configure" ] || (cd "$dir" && autoreconf -fi >/dev/null 2>&1)
  rm -rf "$CACHE/build-sodium" && mkdir -p "$CACHE/build-sodium"
  (cd "$CACHE/build-sodium" && "$dir/configure" -q --host=$HOST --prefix="$PREFIX" --disable-static \
      --enable-shared CC=$HOST-gcc-posix CFLAGS="-O2" && make -s -j"$JOBS" && make -s install)
  stamp_set sodium "$key"
}

build_openssl() {
  local ver key dir
  ver=$(srcver openssl); key="$ver/$PT_WIN_RECIPE"
  stamp_ok openssl "$key" && { log "openssl $ver: cached"; return; }
  dir=$(fetch openssl) || exit 1
  log "openssl $ver: building"
  rm -rf "$CACHE/build-openssl" && mkdir -p "$CACHE/build-openssl"
  (cd "$CACHE/build-openssl" && perl "$dir/Configure" mingw64 --cross-compile-prefix=$HOST- \
      --prefix="$PREFIX" --libdir=lib shared no-tests no-engine no-module \
      CC=gcc-posix CXX=g++-posix >/dev/null && make -s -j"$JOBS" build_libs >/dev/null && make -s install_dev >/dev/null)
  stamp_set openssl "$key"
}

build_qrencode() {
  local ver key dir
  ver=$(srcver qrencode); key="$ver/$PT_WIN_RECIPE"
  stamp_ok qrencode "$key" && { log "qrencode $ver: cached"; return; }
  dir=$(fetch qrencode) || exit 1
  log "qrencode $ver: building"
  rm -rf "$CACHE/build-qrencode" && mkdir -p "$CACHE/build-qrencode"
  cmake -S "$dir" -B "$CACHE/build-qrencode" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$here/cmake/mingw-w64-x86_64.cmake" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" -DBUILD_SHARED_LIBS=ON -DWITH_TOOLS=OFF \
      -DWITH_TESTS=OFF -DCMAKE_POLICY_DEFAULT_CMP0057=NEW >/dev/null
  cmake --build "$CACHE/build-qrencode" -j"$JOBS" >/dev/null
  cmake --install "$CACHE/build-qrencode" >/dev/null
  # Its CMake installs the DLL with the import library; Windows loads DLLs from bin.
  mkdir -p "$PREFIX/bin"
  mv -f "$PREFIX/lib/libqrencode.dll" "$PREFIX/bin/"
  # qrencode's CMake build installs no .pc file; write the one pkg-config needs.
  mkdir -p "$PREFIX/lib/pkgconfig"
  cat > "$PREFIX/lib/pkgconfig/libqrencode.pc" <<EOF
prefix=$PREFIX
libdir=\${prefix}/lib
includedir=\${prefix}/include
Name: libqrencode
Description: A QR Code encoding library
Version: ${ver%%-*}
Libs: -L\${libdir} -lqrencode
Cflags: -I\${includedir}
EOF
  stamp_set qrencode "$key"
}

build_qt() {
  local ver key dir
  ver=$(srcver qt6-base); key="$ver/$PT_WIN_RECIPE"
  stamp_ok qt "$key" && { log "qtbase $ver: cached"; return; }
  dir=$(fetch qt6-base) || exit 1
  log "qtbase $ver: building (about 30 minutes on 2 cores)"
  rm -rf "$CACHE/build-qt" && mkdir -p "$CACHE/build-qt"
  # Traps: the Debian source has no wintab.h (tablet events off); the windows platform
  # plugin does not compile without OpenGL (left on). Qt's own TLS is not used (the
  # dispatcher calls OpenSSL itself), so Qt Network keeps only the schannel backend.
  cmake -S "$dir" -B "$CACHE/build-qt" -G Ninja \
      -DCMAKE_TOOLCHAIN_FILE="$here/cmake/mingw-w64-x86_64.cmake" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX/qt" \
      -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake \
      -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_BUILD_BENCHMARKS=OFF \
      -DBUILD_WITH_PCH=OFF \
      -DFEATURE_tabletevent=OFF -DFEATURE_sql=OFF -DFEATURE_dbus=OFF -DFEATURE_printsupport=OFF \
      -DFEATURE_concurrent=OFF -DFEATURE_openssl=OFF -DFEATURE_sql_sqlite=OFF \
      -DFEATURE_system_zlib=OFF -DFEATURE_system_pcre2=OFF -DFEATURE_system_harfbuzz=OFF \
      -DFEATURE_system_freetype=OFF -DFEATURE_system_png=OFF -DFEATURE_system_jpeg=OFF \
      -DFEATURE_system_doubleconversion=OFF -DFEATURE_jpeg=OFF -DFEATURE_gif=OFF \
      -DFEATURE_vulkan=OFF -DFEATURE_androiddeployqt=OFF -DFEATURE_windeployqt=OFF \
      -DINPUT_opengl=desktop > "$CACHE/qt-configure.log" 2>&1 \
    || { tail -60 "$CACHE/qt-configure.log"; exit 1; }
  cmake --build "$CACHE/build-qt" -j"$JOBS" > "$CACHE/qt-build.log" 2>&1 || { tail -60 "$CACHE/qt-build.log"; exit 1; }
  cmake --install "$CACHE/build-qt" >/dev/null
  rm -rf "$CACHE/build-qt" # 2+ GB of objects; the prefix is what is kept
  stamp_set qt "$key"
}

case "${1:-all}" in
  apt) ;; # the packages above only
  libs) build_sodium; build_openssl; build_qrencode ;;
  qt) build_qt ;;
  all) build_sodium; build_openssl; build_qrencode; build_qt ;;
  *) echo "usage: $0 [all|apt|libs|qt]" >&2; exit 2 ;;
esac
log "ready in $PREFIX"
