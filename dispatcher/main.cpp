// ptdispatcher: a Pluggable Transports dispatcher (Dispatcher IPC Interface 3.0).
#include "dispatcher/core/Dispatcher.h"
#include "dispatcher/platform/Process.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    // SIGPIPE ignored (POSIX); binary stdout and no error dialogs (Windows).
    pt::platform::prepareProcess();
    // Qt's own UNIX event dispatcher, not GLib's: GLib aborts the process ("Creating
    // pipes for GWakeup: Too many open files") when it needs a wake-up pipe while the
    // process is out of descriptors, which a busy server must survive. The dispatcher
    // has no use for GLib integration.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB")) qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    args.removeFirst();
    pt::Dispatcher dispatcher;
    QObject::connect(&dispatcher, &pt::Dispatcher::stopped, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    const int code = dispatcher.start(args);
    if (code >= 0) return code;
    return app.exec();
}
