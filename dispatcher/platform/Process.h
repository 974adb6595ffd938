#pragma once

// The platform seam for the process itself: set-up before anything else runs, and
// the raw writes of IPC lines to stdout/stderr. Process_posix.cpp or Process_win.cpp.

#include <QtGlobal>

namespace pt::platform {

// Once, first thing in main(), before any thread starts.
//  POSIX: SIGPIPE ignored (a parent that closes our stdout, or a peer that resets a
//  socket, must not kill us).
//  Windows: stdout and stderr in binary mode (no "\r\n" in IPC lines), no error
//  dialog boxes (a headless parent would wait on them forever), winsock started.
void prepareProcess();

// Writes all of data to descriptor 1 (stdout) or 2 (stderr), retrying short and
// interrupted writes. False when the reader is gone.
bool writeAll(int fd, const char* data, qint64 size);

} // namespace pt::platform
