# Sourced by the Windows scripts: the dependency cache, wine, and the DLL search path
# for programs run from the build tree (an installed copy needs none of it).
PT_WIN_CACHE=${PT_WIN_CACHE:-/var/cache/ptdispatcher-windows}
PT_WIN_PREFIX=$PT_WIN_CACHE/prefix
WINE=${WINE:-/usr/lib/wine/wine64}
WINESERVER=${WINESERVER:-/usr/lib/wine/wineserver}
export PT_WIN_CACHE PT_WIN_PREFIX WINE WINESERVER
export WINEDEBUG=${WINEDEBUG:--all}
# Wine turns the UTF-8 command line into Windows' UTF-16 one by the locale.
export LANG=${LANG:-C.UTF-8}
[ "$LANG" = C ] && export LANG=C.UTF-8
# No Mono or Gecko installer dialogs in a fresh prefix.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}

# winpath /unix/dir -> Z:\unix\dir
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# pt_wine_prefix DIR: a wine prefix made once (about 10 s), reused after.
pt_wine_prefix() {
  export WINEPREFIX=$(realpath -m "$1")
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    mkdir -p "$WINEPREFIX"
    "$WINE" wineboot -i >/dev/null 2>&1 || true
    "$WINESERVER" -w
  fi
}

# The MinGW runtime: libstdc++ and libgcc under gcc's directory, winpthread in the sysroot.
# Before a GUI run: a new wine session. Wine makes its desktop once per wineserver
# session; one begun by a program without a display (the CLI tests) has none, and a
# GUI started in it waits forever.
pt_wine_new_session() {
  "$WINESERVER" -k 2>/dev/null || true
  "$WINESERVER" -w 2>/dev/null || true
}

mingw_dll_dir() { dirname "$(realpath -m "$(x86_64-w64-mingw32-g++-posix -print-file-name="$1")")"; }
export WINEPATH="$(winpath "$PT_WIN_PREFIX/qt/bin");$(winpath "$PT_WIN_PREFIX/bin");$(winpath "$(mingw_dll_dir libstdc++-6.dll)");$(winpath "$(mingw_dll_dir libwinpthread-1.dll)")"
# Qt's plugins (platforms/qwindows.dll, qoffscreen.dll) for programs in the build tree.
export QT_PLUGIN_PATH="$(winpath "$PT_WIN_PREFIX/qt/plugins")"
