#pragma once

// The main window: profiles on the left, the selected profile's form, Connect/Disconnect,
// the status line with what to copy, traffic counters and a batched, filterable log.

#include "core/DispatcherController.h"
#include "core/ProfileStore.h"
#include "core/TrafficModel.h"
#include "core/TransportCatalog.h"

#include <QMainWindow>
#include <QTimer>

#include <deque>

class QListWidget;
class QLabel;
class QLineEdit;
class QPushButton;
class QPlainTextEdit;
class QComboBox;
class QSettings;
class QSystemTrayIcon;
class QAction;

namespace pt::bridge {
struct ImportedBridge;
struct ImportResult;
} // namespace pt::bridge

namespace pt::gui {

class ProfileForm;
class TrafficGraph;
using bridge::ImportedBridge;
using bridge::ImportResult;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // settings: where profiles live (owned by the caller, outlives the window).
    explicit MainWindow(QSettings& settings, QWidget* parent = nullptr);

    // Adds a profile from a bridge line or ss:// link (what the Import dialog does).
    bool importText(const QString& text, QString* error);
    DispatcherController& controller() { return m_controller; }
    // What the dispatcher says it has (-describe-transports); the form is built from it.
    const TransportCatalog& catalog() const { return m_catalog; }
    const TrafficModel& traffic() const { return m_trafficModel; }
    // Connect (or disconnect) the selected profile, as the button does.
    void toggleConnection();
    // Shows the window or, with start-minimized set and a tray, only the tray icon.
    void showAsConfigured();

protected:
    // A running dispatcher is stopped the polite way (stdin EOF) before the window goes.
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void reloadList(int select);
    void selectProfile(int row);
    void saveProfiles();
    void addProfile();
    void duplicateProfile();
    void deleteProfile();
    void renameProfile();
    void importProfile();
    void showQrCode();
    void addImported(const ImportedBridge& bridge);
    ImportResult checkedImport(const QString& text) const;
    void setupTray();
    void restoreWindow();
    void onStateChanged(DispatcherController::State state);
    void refreshStatus();
    void onStatus(const QList<std::pair<QString, QString>>& values);
    void appendLog(ipc::LogLevel level, const QString& text);
    void flushLog();
    void rerenderLog();
    void saveLog();
    bool passesFilter(ipc::LogLevel level) const;

    QSettings& m_settings;
    ProfileStore m_store;
    QList<Profile> m_profiles;
    int m_current = -1;
    DispatcherController m_controller;
    TransportCatalog m_catalog;

    QListWidget* m_list = nullptr;
    ProfileForm* m_form = nullptr;
    QPushButton* m_connect = nullptr;
    QLabel* m_state = nullptr;
    QLineEdit* m_address = nullptr;
    QLineEdit* m_share = nullptr;
    QLabel* m_shareLabel = nullptr;
    QPushButton* m_shareCopy = nullptr;
    QLabel* m_traffic = nullptr;
    TrafficModel m_trafficModel;
    TrafficGraph* m_graph = nullptr;
    QPushButton* m_shareQr = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QAction* m_trayConnect = nullptr;
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
    bool m_closing = false;
    bool m_quitting = false;
};

} // namespace pt::gui
