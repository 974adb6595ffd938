// Windows only (CTest under wine): Ctrl-Break and Ctrl-C reach the dispatcher as
// console control events and it stops gracefully with exit code 0. The test is the
// parent: it shares a console with the dispatcher, starts it in a new process group
// with stdout on a pipe, reads up to CMETHODS DONE, sends the event to that group and
// waits for the exit code.
//   ctrl_break PTDISPATCHER.EXE
#include <windows.h>

#include <cstdio>
#include <string>

namespace {

bool runOnce(const std::wstring& exe, DWORD event, const char* name)
{
    SECURITY_ATTRIBUTES sa{sizeof sa, nullptr, TRUE};
    HANDLE readEnd = nullptr, writeEnd = nullptr;
    if (!::CreatePipe(&readEnd, &writeEnd, &sa, 0))
        return false;
    ::SetHandleInformation(readEnd, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOW si{};
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = ::GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = writeEnd;
    si.hStdError = ::GetStdHandle(STD_ERROR_HANDLE);
    std::wstring cmd = L"\"" + exe + L"\" -transports plain -proxylistenaddr 127.0.0.1:0";
    PROCESS_INFORMATION pi{};
    if (!::CreateProcessW(exe.c_str(), cmd.data(), nullptr, nullptr, TRUE, CREATE_NEW_PROCESS_GROUP, nullptr,
                          nullptr, &si, &pi)) {
        std::printf("FAIL %s: cannot start the dispatcher (error %lu)\n", name, ::GetLastError());
        return false;
    }
    ::CloseHandle(writeEnd);
    std::string out;
    char buf[512];
    DWORD got = 0;
    while (out.find("CMETHODS DONE") == std::string::npos && ::ReadFile(readEnd, buf, sizeof buf, &got, nullptr)
           && got > 0)
        out.append(buf, got);
    if (out.find("CMETHODS DONE") == std::string::npos) {
        std::printf("FAIL %s: no CMETHODS DONE; stdout: %s\n", name, out.c_str());
        return false;
    }
    if (out.find('\r') != std::string::npos) {
        std::printf("FAIL %s: \\r in the IPC lines (stdout must be binary)\n", name);
        return false;
    }
    // CTRL_C_EVENT cannot be sent to one group (the system sends it to every process on
    // the console, this one included, which ignores it); CTRL_BREAK_EVENT can.
    if (event == CTRL_C_EVENT)
        ::SetConsoleCtrlHandler(nullptr, TRUE);
    const DWORD group = event == CTRL_C_EVENT ? 0 : pi.dwProcessId;
    if (!::GenerateConsoleCtrlEvent(event, group)) {
        std::printf("FAIL %s: GenerateConsoleCtrlEvent failed (error %lu)\n", name, ::GetLastError());
        ::TerminateProcess(pi.hProcess, 1);
        return false;
    }
    if (::WaitForSingleObject(pi.hProcess, 10000) != WAIT_OBJECT_0) {
        std::printf("FAIL %s: the dispatcher still runs 10 s after the event\n", name);
        ::TerminateProcess(pi.hProcess, 1);
        return false;
    }
    DWORD code = 1;
    ::GetExitCodeProcess(pi.hProcess, &code);
    ::CloseHandle(pi.hProcess);
    ::CloseHandle(pi.hThread);
    ::CloseHandle(readEnd);
    if (code != 0) {
        std::printf("FAIL %s: exit code %lu, expected 0\n", name, code);
        return false;
    }
    std::printf("ok %s: exit code 0\n", name);
    return true;
}

} // namespace

int wmain(int argc, wchar_t** argv)
{
    if (argc != 2) {
        std::printf("usage: ctrl_break PTDISPATCHER.EXE\n");
        return 2;
    }
    // A console to share with the child (none when started from a pipe).
    if (!::GetConsoleWindow())
        ::AllocConsole();
    // CTest gives the build machine's path; under wine "/x/y" is drive Z:.
    std::wstring exe = argv[1];
    if (!exe.empty() && exe[0] == L'/')
        exe = L"Z:" + exe;
    for (auto& c : exe)
        if (c == L'/')
            c = L'\\';
    const bool a = runOnce(exe, CTRL_BREAK_EVENT, "ctrl-break");
    const bool b = runOnce(exe, CTRL_C_EVENT, "ctrl-c");
    std::printf("%d passed, %d failed\n", int(a) + int(b), 2 - int(a) - int(b));
    return a && b ? 0 : 1;
}
