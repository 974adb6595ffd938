#pragma once

// Ends the GUI the orderly way (MainWindow::quit: disconnect, put the system proxy back)
// when the system asks the process to stop: SIGTERM (logout, shutdown, `kill`), SIGINT and
// SIGHUP on POSIX systems. On Windows a session end reaches Qt as window messages
// instead (closing windows, then QCoreApplication::aboutToQuit), so nothing is installed.

#include <functional>

namespace pt::gui {

// onQuit runs on the GUI thread, from the event loop (never in a signal handler).
void installQuitSignals(std::function<void()> onQuit);

} // namespace pt::gui
