#pragma once

// The main window. The first screen is what a new user needs: the profiles (with their
// last test result), the selected bridge, a big Connect, whether the connection works
// (the controller's Link, in plain words) and the address to use. Everything else is
// behind Advanced (ProfileForm), in the Settings menu or in the Log tab.
//
// Around the connection it keeps three promises (issue 16):
// - Use as system proxy: the desktop's proxy points at the SOCKS address while a client
//   profile is connected, and is put back on Disconnect, Quit and close; a journal left
//   by a crash is played back at the next start (SystemProxy).
// - Start at login (Autostart, with --minimized --connect) and Connect on start.
// - An unasked exit of the dispatcher reconnects with backoff (the controller's
//   auto-restart), shown as a countdown.

#include "core/BridgeChecker.h"
#include "core/DispatcherController.h"
#include "core/ProfileStore.h"
#include "core/TrafficModel.h"
#include "core/TransportCatalog.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QTimer>

#include <deque>
#include <memory>

class QListWidget;
class QLabel;
class QLineEdit;
class QPushButton;
class QPlainTextEdit;
class QComboBox;
class QCheckBox;
class QSettings;
class QSystemTrayIcon;
class QAction;
class QProcess;
class QActionGroup;
class QMenu;

namespace pt::bridge {
struct ImportedBridge;
struct ImportResult;
} // namespace pt::bridge

namespace pt::gui {

class ProfileForm;
class TrafficGraph;
class SystemProxy;
class Autostart;
using bridge::ImportedBridge;
using bridge::ImportResult;

// QSettings keys of the Settings menu (the app's own settings file).
namespace settingsKey {
inline constexpr char kSystemProxy[] = "proxy/useSystemProxy";  // bool, default true
inline constexpr char kConnectOnStart[] = "app/connectOnStart"; // bool, default false
inline constexpr char kStartMinimized[] = "ui/startMinimized";  // bool, default false
inline constexpr char kLastProfile[] = "app/lastProfile";       // profile name
inline constexpr char kAdvanced[] = "ui/advanced";              // bool, default false
} // namespace settingsKey

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        // The system proxy journal; empty: <AppDataLocation>/system-proxy-journal.json.
        QString journalPath;
        // Extra arguments for the login entry (--settings PATH when not the default file).
        QStringList autostartExtraArgs;
        // ptdispatcher-gui itself: started as `--guard-system-proxy JOURNAL` once the system
        // proxy is set, it restores it if this process dies without doing so. Empty: no
        // guard (tests that run the window inside their own program).
        QString guardProgram;
    };

    // settings: where profiles and settings live (owned by the caller, outlives the
    // window). Before anything else, a system proxy journal left by a crash is played back.
    explicit MainWindow(QSettings& settings, QWidget* parent = nullptr);
    MainWindow(QSettings& settings, const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Adds a profile from a bridge line or ss:// link (what the Import dialog does).
    bool importText(const QString& text, QString* error);
    DispatcherController& controller() { return m_controller; }
    // What the dispatcher says it has (-describe-transports); the form is built from it.
    const TransportCatalog& catalog() const { return m_catalog; }
    const TrafficModel& traffic() const { return m_trafficModel; }
    SystemProxy& systemProxy() { return *m_systemProxy; }
    // Runs Test and Test all (tests shorten its timeout).
    BridgeChecker& checker() { return m_checker; }
    // Connect (or disconnect) the selected profile, as the button does.
    void toggleConnection();
    // Selects the profile connected last (else the first) and connects it (--connect,
    // Connect on start).
    void connectLastUsed();
    // The selected profile becomes the one connectLastUsed() picks.
    void rememberSelectedAsLastUsed();
    // Shows the window or, when minimized (the argument or the Start minimized setting)
    // and a tray exists, only the tray icon.
    void showAsConfigured(bool minimized = false);
    // Disconnects, restores the system proxy and closes; quitFinished() follows (what
    // the tray's and the menu's Quit do; main() also calls it on SIGTERM).
    void quit();
    // Puts the system proxy back now, synchronously (the last thing before exit).
    void restoreSystemProxy();
    // The plain words of the status line (tests, the tray's tooltip).
    QString statusText() const;

Q_SIGNALS:
    // Emitted once the window closed after quit(): the application can end.
    void quitFinished();
    // The status line changed (link, address, system proxy).
    void statusChanged(const QString& text);

protected:
    // A running dispatcher is stopped the polite way (stdin EOF) before the window goes.
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    void reloadList(int select);
    void selectProfile(int row);
    void saveProfiles();
    void addProfile();
    void duplicateProfile();
    void deleteProfile();
    void renameProfile();
    void importProfile();
    void importFromClipboard();
    void showQrCode();
    void addImported(const ImportedBridge& bridge);
    ImportResult checkedImport(const QString& text) const;
    void setupTray();
    void rebuildTrayProfiles();
    void switchToProfile(int row);
    void restoreWindow();
    void onStateChanged(DispatcherController::State state);
    void onLinkChanged();
    void refreshStatus();
    void onStatus(const QList<std::pair<QString, QString>>& values);
    void appendLog(ipc::LogLevel level, const QString& text);
    void flushLog();
    void rerenderLog();
    void saveLog();
    bool passesFilter(ipc::LogLevel level) const;
    bool isClient(int row) const;

    // System proxy
    bool systemProxyWanted() const;
    void setSystemProxyEnabled(bool on);
    void applySystemProxy();
    void startUpRestore();
    void startGuard();
    // Start at login
    void setStartAtLogin(bool on);
    // Test
    void testSelected();
    void testAll();
    void startTest(int row);
    void onCheckFinished(int id, const CheckResult& r);
    void setLatency(const QString& profile, const QString& text, bool ok);

    QSettings& m_settings;
    Options m_options;
    ProfileStore m_store;
    QList<Profile> m_profiles;
    int m_current = -1;
    DispatcherController m_controller;
    TransportCatalog m_catalog;
    BridgeChecker m_checker;
    std::unique_ptr<SystemProxy> m_systemProxy;
    std::unique_ptr<Autostart> m_autostart;

    QListWidget* m_list = nullptr;
    ProfileForm* m_form = nullptr;
    QPushButton* m_connect = nullptr;
    QLabel* m_state = nullptr;
    QLineEdit* m_address = nullptr;
    QLabel* m_addressHint = nullptr;
    QProcess* m_guard = nullptr; // --guard-system-proxy, alive while this process is
    QCheckBox* m_systemProxyBox = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_testAll = nullptr;
    QLabel* m_testResult = nullptr;
    QLineEdit* m_share = nullptr;
    QLabel* m_shareLabel = nullptr;
    QPushButton* m_shareCopy = nullptr;
    QLabel* m_traffic = nullptr;
    TrafficModel m_trafficModel;
    TrafficGraph* m_graph = nullptr;
    QPushButton* m_shareQr = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QMenu* m_trayMenu = nullptr;
    QAction* m_trayConnect = nullptr;
    QAction* m_trayProfilesEnd = nullptr; // the separator after the tray's profile list
    QList<QAction*> m_trayProfiles;
    QActionGroup* m_trayProfileGroup = nullptr;
    QAction* m_systemProxyAction = nullptr;
    QAction* m_startAtLoginAction = nullptr;
    QAction* m_connectOnStartAction = nullptr;
    QAction* m_startMinimizedAction = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QComboBox* m_logFilter = nullptr;

    struct LogEntry
    {
        ipc::LogLevel level;
        QString text;
    };
    std::deque<LogEntry> m_logEntries; // the last kMaxLogLines, for refiltering
    QList<LogEntry> m_pendingLog;      // flushed into the view every 200 ms
    QTimer m_logTimer;
    QTimer m_countdown;             // the Reconnecting line, once a second
    QElapsedTimer m_reconnectClock; // since reconnectScheduled()
    int m_reconnectIn = 0;          // seconds, as scheduled
    QElapsedTimer m_statusClock;    // STATUS arrival times for the traffic model
    QHash<int, QString> m_checks;   // BridgeChecker id -> profile name
    struct Latency
    {
        QString text; // "123 ms", "testing…" or the plain failure words
        bool ok = true;
    };
    QHash<QString, Latency> m_latency; // profile name -> last test
    QString m_appliedProxy;            // the host:port the system proxy points at ("" = ours is not set)
    QString m_systemProxyError;        // the last apply/restore failure, shown under the address
    QString m_lastStatus;
    int m_pendingSwitch = -1; // the tray picked another profile while connected
    bool m_closing = false;
    bool m_quitting = false;
    bool m_userStopped = false;
};

} // namespace pt::gui
