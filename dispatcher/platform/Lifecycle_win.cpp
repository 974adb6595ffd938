// Windows process life: console control events, stdin on a thread, and a handle to
// the parent process.
#include "dispatcher/platform/Lifecycle.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWinEventNotifier>

#include <windows.h>

// tlhelp32.h needs windows.h first.
#include <tlhelp32.h>

#include <atomic>
#include <thread>

namespace pt {

namespace {
std::atomic<Lifecycle*> g_lifecycle{nullptr}; // for the console handler

// Posts a stop request to the main thread (from any thread); the pointer is only
// dereferenced there, where the Lifecycle lives.
void postRequest(QPointer<Lifecycle> target, const QString& why)
{
    QCoreApplication* app = QCoreApplication::instance();
    if (!app) return;
    QMetaObject::invokeMethod(
        app,
        [p = std::move(target), why] {
            if (p) p->request(why);
        },
        Qt::QueuedConnection);
}

BOOL WINAPI onConsoleControl(DWORD type)
{
    Lifecycle* l = g_lifecycle.load();
    if (!l) return FALSE;
    QString why;
    switch (type) {
    case CTRL_C_EVENT:
        why = QStringLiteral("Ctrl-C");
        break;
    case CTRL_BREAK_EVENT:
        why = QStringLiteral("Ctrl-Break");
        break;
    case CTRL_CLOSE_EVENT:
        why = QStringLiteral("console closed");
        break;
    default:
        why = QStringLiteral("logoff or shutdown");
        break;
    }
    postRequest(l, why);
    // For close, logoff and shutdown the system ends the process as soon as this
    // returns: wait here (the system allows a few seconds) while the event loop stops
    // and main() returns with 0, which ends this thread too.
    if (type == CTRL_CLOSE_EVENT || type == CTRL_LOGOFF_EVENT || type == CTRL_SHUTDOWN_EVENT)
        ::Sleep(INFINITE);
    return TRUE;
}

DWORD parentProcessId()
{
    const DWORD me = ::GetCurrentProcessId();
    HANDLE snap = ::CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snap == INVALID_HANDLE_VALUE) return 0;
    PROCESSENTRY32W e{};
    e.dwSize = sizeof e;
    DWORD parent = 0;
    for (BOOL ok = ::Process32FirstW(snap, &e); ok; ok = ::Process32NextW(snap, &e)) {
        if (e.th32ProcessID == me) {
            parent = e.th32ParentProcessID;
            break;
        }
    }
    ::CloseHandle(snap);
    return parent;
}

quint64 creationTime(HANDLE process)
{
    FILETIME created{}, exited{}, kernel{}, user{};
    if (!::GetProcessTimes(process, &created, &exited, &kernel, &user)) return 0;
    return (quint64(created.dwHighDateTime) << 32) | created.dwLowDateTime;
}
} // namespace

struct Lifecycle::Impl
{
    HANDLE parent = nullptr;
    QWinEventNotifier* parentNotifier = nullptr;
};

Lifecycle::Lifecycle(QObject* parent) : QObject(parent), d(std::make_unique<Impl>()) {}

Lifecycle::~Lifecycle()
{
    Lifecycle* self = this;
    g_lifecycle.compare_exchange_strong(self, nullptr);
    delete d->parentNotifier;
    if (d->parent) ::CloseHandle(d->parent);
}

bool Lifecycle::installSignalHandlers()
{
    g_lifecycle.store(this);
    return ::SetConsoleCtrlHandler(onConsoleControl, TRUE) != 0;
}

void Lifecycle::watchStdin()
{
    // A pipe cannot be watched by the event loop on Windows: a thread reads and
    // throws away whatever comes, and posts the request at EOF or on an error
    // (ERROR_BROKEN_PIPE when the parent closes its end). It is never joined: it
    // may sit in ReadFile until the process ends.
    HANDLE in = ::GetStdHandle(STD_INPUT_HANDLE);
    if (in == nullptr || in == INVALID_HANDLE_VALUE) {
        postRequest(this, QStringLiteral("no stdin"));
        return;
    }
    std::thread([in, target = QPointer<Lifecycle>(this)] {
        char buf[4096];
        DWORD got = 0;
        while (::ReadFile(in, buf, sizeof buf, &got, nullptr) && got > 0) {
        }
        postRequest(target, QStringLiteral("stdin closed"));
    }).detach();
}

void Lifecycle::watchParent()
{
    const DWORD ppid = parentProcessId();
    if (ppid == 0) return;
    HANDLE h = ::OpenProcess(SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, FALSE, ppid);
    if (!h) return; // gone already, or not ours to watch
    // Process ids are reused: a "parent" that started after us is someone else,
    // and ours is gone.
    const quint64 parentStart = creationTime(h);
    const quint64 ourStart = creationTime(::GetCurrentProcess());
    if (parentStart && ourStart && parentStart > ourStart) {
        ::CloseHandle(h);
        postRequest(this, QStringLiteral("parent process exited"));
        return;
    }
    d->parent = h;
    d->parentNotifier = new QWinEventNotifier(h, this);
    connect(d->parentNotifier, &QWinEventNotifier::activated, this,
            [this] { request(QStringLiteral("parent process exited")); });
}

} // namespace pt
