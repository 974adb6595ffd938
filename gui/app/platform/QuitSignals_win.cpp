#include "QuitSignals.h"

namespace pt::gui {

// Windows ends a GUI program with window messages (WM_QUERYENDSESSION / WM_ENDSESSION,
// WM_CLOSE), which Qt turns into close events and aboutToQuit(); main() restores the
// system proxy there.
void installQuitSignals(std::function<void()>) {}

} // namespace pt::gui
