#!/bin/sh
# CTest's emulator for the cross-built tests (cmake/mingw-w64-x86_64.cmake): runs one
# under wine. QtTest's own stdout does not reach a pipe under wine, so the tst_*
# programs log to a file, which is printed for CTest's log.
exe=$1
shift
case "$(basename "$exe")" in
  tst_*)
    log=$(mktemp /tmp/ptd-qtest.XXXXXX)
    "${WINE:-/usr/lib/wine/wine64}" "$exe" "$@" -o "Z:$(echo "$log" | tr / '\\\\'),txt"
    rc=$?
    cat "$log"
    rm -f "$log"
    exit $rc
    ;;
  *) exec "${WINE:-/usr/lib/wine/wine64}" "$exe" "$@" ;;
esac
