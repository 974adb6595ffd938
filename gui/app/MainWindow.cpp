#include "MainWindow.h"

#include "Language.h"
#include "ProfileForm.h"
#include "TrafficGraph.h"
#include "core/Autostart.h"
#include "core/FailureText.h"
#include "core/QrCode.h"
#include "core/SystemProxy.h"
#include "shared/bridge/BridgeLine.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pt::gui {

namespace {
constexpr int kMaxLogLines = 5000;

QPushButton* copyButton(QLineEdit* source, QWidget* parent)
{
    auto* b = new QPushButton(QObject::tr("Copy"), parent);
    QObject::connect(b, &QPushButton::clicked, b,
                     [source] { QGuiApplication::clipboard()->setText(source->text()); });
    return b;
}

QString levelName(ipc::LogLevel l)
{
    return ipc::logLevelName(l);
}

// Profile list item data: the last test's words and whether it passed.
constexpr int kLatencyRole = Qt::UserRole + 1;
constexpr int kLatencyOkRole = Qt::UserRole + 2;

// Draws a profile's name and, at the far end of the row, its last test result ("123 ms"
// in grey, a failure in red, elided; the whole text is the item's tooltip).
class LatencyDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const QString latency = index.data(kLatencyRole).toString();
        if (latency.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem o = option;
        initStyleOption(&o, index);
        const int room = std::min(o.rect.width() / 2, o.fontMetrics.horizontalAdvance(latency) + 8);
        const bool rtl = o.direction == Qt::RightToLeft;
        QRect nameRect = o.rect;
        QRect latencyRect = o.rect;
        if (rtl) {
            nameRect.setLeft(o.rect.left() + room);
            latencyRect.setRight(o.rect.left() + room);
        } else {
            nameRect.setRight(o.rect.right() - room);
            latencyRect.setLeft(o.rect.right() - room);
        }
        // The background and selection over the whole row, then the two texts.
        QStyleOptionViewItem whole = o;
        whole.text.clear();
        QStyle* style = o.widget ? o.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &whole, painter, o.widget);
        painter->save();
        const bool selected = o.state & QStyle::State_Selected;
        painter->setPen(o.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(nameRect.adjusted(4, 0, -4, 0),
                          Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft),
                          o.fontMetrics.elidedText(o.text, Qt::ElideRight, nameRect.width() - 8));
        const bool ok = index.data(kLatencyOkRole).toBool();
        painter->setPen(selected ? o.palette.color(QPalette::HighlightedText)
                        : ok     ? o.palette.color(QPalette::PlaceholderText)
                                 : QColor(0xb0, 0x00, 0x20));
        painter->drawText(latencyRect.adjusted(0, 0, -4, 0),
                          Qt::AlignVCenter | (rtl ? Qt::AlignLeft : Qt::AlignRight),
                          o.fontMetrics.elidedText(latency, Qt::ElideRight, latencyRect.width() - 4));
        painter->restore();
    }
};

// "127.0.0.1:1080", "[::1]:1080", "0.0.0.0:1080" -> the host a local program dials and
// the port. False when the address has no port.
bool localEndpoint(const QString& address, QString* host, quint16* port)
{
    const int colon = int(address.lastIndexOf(QLatin1Char(':')));
    if (colon <= 0) return false;
    bool ok = false;
    const uint p = address.mid(colon + 1).toUInt(&ok);
    if (!ok || p == 0 || p > 65535) return false;
    QString h = address.left(colon);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']'))) h = h.mid(1, h.size() - 2);
    if (h == QLatin1String("0.0.0.0") || h.isEmpty()) h = QStringLiteral("127.0.0.1");
    if (h == QLatin1String("::")) h = QStringLiteral("::1");
    *host = h;
    *port = quint16(p);
    return true;
}

QString defaultJournalPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/system-proxy-journal.json");
}
} // namespace

MainWindow::MainWindow(QSettings& settings, QWidget* parent) : MainWindow(settings, Options{}, parent) {}

MainWindow::MainWindow(QSettings& settings, const Options& options, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_options(options), m_store(settings)
{
    // Before anything else: a system proxy still pointing at a port of ours from a run
    // that crashed (or was killed) goes back to what the user had.
    m_systemProxy = std::make_unique<SystemProxy>(m_options.journalPath.isEmpty() ? defaultJournalPath()
                                                                                  : m_options.journalPath);
    m_autostart = std::make_unique<Autostart>(QCoreApplication::applicationFilePath());
    setWindowTitle(tr("ptdispatcher"));
    buildUi();
    buildMenus();
    startUpRestore();

    QStringList problems;
    m_profiles = m_store.load(&problems);
    if (m_profiles.isEmpty()) {
        LaunchConfig c;
        c.transports = {QStringLiteral("obfs4")};
        c.proxyListenAddr = QStringLiteral("127.0.0.1:0");
        c.logLevel = QStringLiteral("INFO");
        m_profiles.append(Profile{tr("New profile"), c});
    }
    for (const QString& p : std::as_const(problems))
        appendLog(ipc::LogLevel::Warn, tr("skipped a stored profile: %1").arg(p));
    int last = 0;
    const QString lastName = m_settings.value(QLatin1String(settingsKey::kLastProfile)).toString();
    for (int i = 0; i < m_profiles.size(); ++i)
        if (m_profiles.at(i).name == lastName) last = i;

    connect(&m_controller, &DispatcherController::stateChanged, this, &MainWindow::onStateChanged);
    connect(&m_controller, &DispatcherController::logLine, this, &MainWindow::appendLog);
    connect(&m_controller, &DispatcherController::statusReceived, this, &MainWindow::onStatus);
    connect(&m_controller, &DispatcherController::crashed, this,
            [this](const QString& reason, const QStringList& lastStderr) {
                appendLog(ipc::LogLevel::Error, reason);
                for (const QString& l : lastStderr)
                    appendLog(ipc::LogLevel::Error, QStringLiteral("stderr: ") + l);
            });
    connect(&m_controller, &DispatcherController::linkChanged, this, &MainWindow::onLinkChanged);
    connect(&m_controller, &DispatcherController::reconnectScheduled, this, [this](int seconds, int attempt) {
        m_reconnectIn = seconds;
        m_reconnectClock.start();
        m_countdown.start(1000);
        appendLog(ipc::LogLevel::Warn,
                  tr("The dispatcher stopped; reconnecting in %1 s (attempt %2).").arg(seconds).arg(attempt));
        refreshStatus();
    });
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        if (m_controller.link() != DispatcherController::Link::Reconnecting) m_countdown.stop();
        refreshStatus();
    });
    // A new address after a restart (or the first one): the system proxy follows it.
    connect(&m_controller, &DispatcherController::methodReady, this, [this] { applySystemProxy(); });
    connect(&m_checker, &BridgeChecker::finished, this, &MainWindow::onCheckFinished);
    connect(&m_logTimer, &QTimer::timeout, this, &MainWindow::flushLog);
    m_logTimer.start(200);
    // The child may outlive a state change (an error, then its exit): the button follows both.
    connect(&m_controller, &DispatcherController::finished, this, [this] {
        // Gone for good (not about to restart): nothing may point at its port any more.
        if (!m_controller.restartPending()) restoreSystemProxy();
        refreshStatus();
        if (m_pendingSwitch >= 0 && !m_controller.isActive()) {
            const int row = m_pendingSwitch;
            m_pendingSwitch = -1;
            switchToProfile(row);
        }
    });
    // The transports and their forms come from the dispatcher itself.
    connect(&m_catalog, &TransportCatalog::loaded, this,
            [this] { m_form->setTransports(m_catalog.transports()); });
    connect(&m_catalog, &TransportCatalog::failed, this, [this](const QString& error) {
        const QString text = tr("Cannot read the transports from ptdispatcher: %1").arg(error);
        m_form->setTransportsUnavailable(text);
        appendLog(ipc::LogLevel::Error, text);
    });
    setupTray();
    reloadList(last);
    m_catalog.load();
    restoreWindow();
    refreshStatus();
}

MainWindow::~MainWindow()
{
    // Whatever path led here, our port is not left as the desktop's proxy.
    restoreSystemProxy();
    if (m_guard) {
        // Its end of file now: with the journal gone it exits at once, doing nothing.
        m_guard->closeWriteChannel();
        if (!m_guard->waitForFinished(3000)) m_guard->kill();
        m_guard->waitForFinished(1000);
    }
}

void MainWindow::startUpRestore()
{
    if (!m_systemProxy->hasJournal()) return;
    QString error;
    if (m_systemProxy->restore(&error))
        appendLog(ipc::LogLevel::Warn,
                  tr("The system proxy was still set by an earlier run that did not end normally; "
                     "the previous settings are back."));
    else {
        // Said where it is seen at once, not only in the log: the desktop may be without a
        // working proxy until this is fixed (the journal is kept and named in error).
        m_systemProxyError = error;
        appendLog(ipc::LogLevel::Error, tr("Cannot restore the system proxy: %1").arg(error));
        statusBar()->showMessage(tr("Cannot restore the system proxy: %1").arg(error));
    }
}

void MainWindow::restoreWindow()
{
    const QByteArray geometry = m_settings.value(QStringLiteral("ui/geometry")).toByteArray();
    if (!geometry.isEmpty()) restoreGeometry(geometry);
}

void MainWindow::showAsConfigured(bool minimized)
{
    minimized = minimized || m_settings.value(QLatin1String(settingsKey::kStartMinimized), false).toBool();
    if (minimized && m_tray) return; // the tray icon is the way back
    show();
}

void MainWindow::setupTray()
{
    // The menu is built everywhere (tests read it); the icon only where there is a tray.
    m_trayMenu = new QMenu(this);
    m_trayMenu->setObjectName(QStringLiteral("trayMenu"));
    m_trayConnect = m_trayMenu->addAction(tr("Connect"), this, &MainWindow::toggleConnection);
    m_trayMenu->addSeparator();
    m_trayProfileGroup = new QActionGroup(this);
    m_trayProfileGroup->setExclusive(true);
    m_trayProfilesEnd = m_trayMenu->addSeparator();
    m_trayMenu->addAction(tr("Import from clipboard"), this, &MainWindow::importFromClipboard);
    m_trayMenu->addAction(tr("Show window"), this, [this] {
        show();
        raise();
        activateWindow();
    });
    m_trayMenu->addSeparator();
    m_trayMenu->addAction(tr("Quit"), this, &MainWindow::quit);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return; // e.g. offscreen or a desktop without a tray: the window is all there is
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->setContextMenu(m_trayMenu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger) setVisible(!isVisible());
    });
    m_tray->show();
}

void MainWindow::rebuildTrayProfiles()
{
    if (!m_trayMenu) return;
    for (QAction* a : std::as_const(m_trayProfiles)) {
        m_trayProfileGroup->removeAction(a);
        m_trayMenu->removeAction(a);
        a->deleteLater();
    }
    m_trayProfiles.clear();
    for (int i = 0; i < m_profiles.size(); ++i) {
        auto* a = new QAction(m_profiles.at(i).name, m_trayMenu);
        a->setCheckable(true);
        a->setChecked(i == m_current);
        m_trayProfileGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, i] { switchToProfile(i); });
        m_trayMenu->insertAction(m_trayProfilesEnd, a);
        m_trayProfiles << a;
    }
}

void MainWindow::switchToProfile(int row)
{
    if (row < 0 || row >= m_profiles.size()) return;
    const bool connected = m_controller.isActive() || m_controller.restartPending();
    if (row == m_current && connected) return;
    if (m_controller.isActive()) {
        // The new one is connected once the old one is gone (finished()).
        m_pendingSwitch = row;
        m_userStopped = true;
        restoreSystemProxy();
        m_controller.stop();
        return;
    }
    if (m_controller.restartPending()) m_controller.stop();
    m_list->setCurrentRow(row);
    toggleConnection(); // a profile picked in the tray is one to use now
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    const bool connected = m_controller.isActive() || m_controller.restartPending();
    // With a tray icon, closing the window while connected keeps the connection.
    if (m_tray && m_tray->isVisible() && !m_quitting && connected) {
        hide();
        event->ignore();
        return;
    }
    if (!m_controller.isActive()) {
        if (m_controller.restartPending()) m_controller.stop();
        restoreSystemProxy();
        event->accept();
        if (m_quitting) QTimer::singleShot(0, this, &MainWindow::quitFinished);
        return;
    }
    event->ignore();
    if (m_closing) return;
    m_closing = true;
    m_userStopped = true;
    restoreSystemProxy(); // now: the port goes away next
    connect(&m_controller, &DispatcherController::finished, this, &QWidget::close);
    m_controller.stop();
}

void MainWindow::buildUi()
{
    auto* splitter = new QSplitter(this);

    // Left: profiles, each with its last test result.
    auto* left = new QWidget;
    auto* lv = new QVBoxLayout(left);
    m_list = new QListWidget;
    m_list->setItemDelegate(new LatencyDelegate(m_list));
    lv->addWidget(m_list);
    auto* buttons = new QGridLayout;
    auto* add = new QPushButton(tr("Add"));
    auto* dup = new QPushButton(tr("Duplicate"));
    auto* del = new QPushButton(tr("Delete"));
    auto* ren = new QPushButton(tr("Rename…"));
    auto* imp = new QPushButton(tr("Import…"));
    imp->setToolTip(tr("Paste a Tor bridge line or an ss:// link"));
    m_testAll = new QPushButton(tr("Test all"));
    m_testAll->setToolTip(tr("Check every client profile's bridge at once"));
    buttons->addWidget(imp, 0, 0, 1, 2);
    buttons->addWidget(add, 1, 0);
    buttons->addWidget(dup, 1, 1);
    buttons->addWidget(ren, 2, 0);
    buttons->addWidget(del, 2, 1);
    buttons->addWidget(m_testAll, 3, 0, 1, 2);
    lv->addLayout(buttons);
    // Language: applies at the next start (every string is built once, at start-up).
    auto* langRow = new QHBoxLayout;
    langRow->addWidget(new QLabel(tr("Language:")));
    auto* language = new QComboBox;
    language->setObjectName(QStringLiteral("languageBox"));
    const QString chosen = m_settings.value(QStringLiteral("ui/language")).toString();
    for (const LanguageChoice& l : availableLanguages()) {
        language->addItem(l.nativeName, l.code);
        if (l.code == chosen) language->setCurrentIndex(language->count() - 1);
    }
    connect(language, &QComboBox::activated, this, [this, language](int i) {
        m_settings.setValue(QStringLiteral("ui/language"), language->itemData(i).toString());
        appendLog(ipc::LogLevel::Info, tr("The language changes when ptdispatcher-gui starts again."));
    });
    langRow->addWidget(language, 1);
    lv->addLayout(langRow);
    add->setObjectName(QStringLiteral("addButton"));
    dup->setObjectName(QStringLiteral("duplicateButton"));
    del->setObjectName(QStringLiteral("deleteButton"));
    ren->setObjectName(QStringLiteral("renameButton"));
    imp->setObjectName(QStringLiteral("importButton"));
    m_testAll->setObjectName(QStringLiteral("testAllButton"));
    connect(add, &QPushButton::clicked, this, &MainWindow::addProfile);
    connect(dup, &QPushButton::clicked, this, &MainWindow::duplicateProfile);
    connect(del, &QPushButton::clicked, this, &MainWindow::deleteProfile);
    connect(ren, &QPushButton::clicked, this, &MainWindow::renameProfile);
    connect(imp, &QPushButton::clicked, this, &MainWindow::importProfile);
    connect(m_testAll, &QPushButton::clicked, this, &MainWindow::testAll);
    connect(m_list, &QListWidget::currentRowChanged, this, &MainWindow::selectProfile);
    splitter->addWidget(left);

    // Right: the bridge, Connect and what is going on; traffic and log in tabs below.
    auto* right = new QWidget;
    auto* rv = new QVBoxLayout(right);
    m_form = new ProfileForm;
    m_form->setAdvanced(m_settings.value(QLatin1String(settingsKey::kAdvanced), false).toBool());
    connect(m_form, &ProfileForm::advancedToggled, this,
            [this](bool on) { m_settings.setValue(QLatin1String(settingsKey::kAdvanced), on); });
    connect(m_form, &ProfileForm::edited, this, [this] {
        if (m_current < 0 || m_current >= m_profiles.size()) return;
        m_profiles[m_current].config = m_form->config();
        saveProfiles();
        refreshStatus(); // Test follows the role
    });
    rv->addWidget(m_form);

    auto* statusBox = new QGroupBox(tr("Connection"));
    auto* sg = new QGridLayout(statusBox);
    m_connect = new QPushButton(tr("Connect"));
    m_connect->setMinimumHeight(48);
    m_connect->setMinimumWidth(160);
    QFont big = m_connect->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_connect->setFont(big);
    m_connect->setDefault(true);
    connect(m_connect, &QPushButton::clicked, this, &MainWindow::toggleConnection);
    m_state = new QLabel;
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont stateFont = m_state->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.15);
    m_state->setFont(stateFont);
    sg->addWidget(m_connect, 0, 0, 2, 1);
    sg->addWidget(m_state, 0, 1, 1, 3);

    auto* options = new QHBoxLayout;
    m_systemProxyBox = new QCheckBox(tr("Use as system proxy"));
    m_systemProxyBox->setToolTip(tr("While connected, the desktop's proxy setting points here, so browsers "
                                    "that follow it need no setup; it is put back on Disconnect and Quit."));
    connect(m_systemProxyBox, &QCheckBox::toggled, this, &MainWindow::setSystemProxyEnabled);
    options->addWidget(m_systemProxyBox);
    options->addStretch();
    m_test = new QPushButton(tr("Test"));
    m_test->setToolTip(tr("Check that the bridge answers, without connecting"));
    connect(m_test, &QPushButton::clicked, this, &MainWindow::testSelected);
    options->addWidget(m_test);
    sg->addLayout(options, 1, 1, 1, 3);
    m_testResult = new QLabel;
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sg->addWidget(m_testResult, 2, 1, 1, 3);

    m_address = new QLineEdit;
    m_address->setReadOnly(true);
    m_address->setPlaceholderText(tr("shown once connected"));
    sg->addWidget(new QLabel(tr("Address:")), 3, 0);
    sg->addWidget(m_address, 3, 1, 1, 2);
    sg->addWidget(copyButton(m_address, this), 3, 3);
    m_addressHint = new QLabel;
    m_addressHint->setWordWrap(true);
    sg->addWidget(m_addressHint, 4, 1, 1, 3);
    m_shareLabel = new QLabel(tr("Share:"));
    m_share = new QLineEdit;
    m_share->setReadOnly(true);
    m_shareCopy = copyButton(m_share, this);
    m_shareQr = new QPushButton(tr("QR code…"));
    connect(m_shareQr, &QPushButton::clicked, this, &MainWindow::showQrCode);
    sg->addWidget(m_shareLabel, 5, 0);
    sg->addWidget(m_share, 5, 1, 1, 2);
    sg->addWidget(m_shareCopy, 5, 3);
    sg->addWidget(m_shareQr, 6, 3);
    sg->setColumnStretch(1, 1);
    rv->addWidget(statusBox);

    auto* tabs = new QTabWidget;
    auto* trafficTab = new QWidget;
    auto* tv = new QVBoxLayout(trafficTab);
    m_traffic = new QLabel;
    tv->addWidget(m_traffic);
    m_graph = new TrafficGraph(m_trafficModel);
    tv->addWidget(m_graph, 1);
    tabs->addTab(trafficTab, tr("Traffic"));

    auto* logTab = new QWidget;
    auto* logLayout = new QVBoxLayout(logTab);
    auto* logBar = new QHBoxLayout;
    logBar->addWidget(new QLabel(tr("Log:")));
    m_logFilter = new QComboBox;
    for (auto l : {ipc::LogLevel::Error, ipc::LogLevel::Warn, ipc::LogLevel::Info, ipc::LogLevel::Debug})
        m_logFilter->addItem(levelName(l), int(l));
    m_logFilter->setCurrentIndex(3);
    connect(m_logFilter, &QComboBox::currentIndexChanged, this, &MainWindow::rerenderLog);
    logBar->addWidget(m_logFilter);
    logBar->addStretch();
    auto* save = new QPushButton(tr("Save…"));
    connect(save, &QPushButton::clicked, this, &MainWindow::saveLog);
    logBar->addWidget(save);
    logLayout->addLayout(logBar);
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    logLayout->addWidget(m_log, 1);
    tabs->addTab(logTab, tr("Log"));
    rv->addWidget(tabs, 1);
    splitter->addWidget(right);
    // Names for tests and accessibility tools.
    m_list->setObjectName(QStringLiteral("profileList"));
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_address->setObjectName(QStringLiteral("addressField"));
    m_addressHint->setObjectName(QStringLiteral("addressHint"));
    m_systemProxyBox->setObjectName(QStringLiteral("systemProxyBox"));
    m_test->setObjectName(QStringLiteral("testButton"));
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_share->setObjectName(QStringLiteral("shareField"));
    m_traffic->setObjectName(QStringLiteral("trafficLabel"));
    m_graph->setObjectName(QStringLiteral("trafficGraph"));
    m_shareQr->setObjectName(QStringLiteral("qrButton"));
    m_log->setObjectName(QStringLiteral("logView"));
    m_logFilter->setObjectName(QStringLiteral("logFilter"));
    tabs->setObjectName(QStringLiteral("tabs"));
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    resize(900, 720);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Import…"), this, &MainWindow::importProfile);
    file->addAction(tr("Import from clipboard"), this, &MainWindow::importFromClipboard);
    file->addAction(tr("Save log…"), this, &MainWindow::saveLog);
    file->addSeparator();
    QAction* quitAction = file->addAction(tr("Quit"), this, &MainWindow::quit);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    m_systemProxyAction = settings->addAction(tr("Use as system proxy"));
    m_systemProxyAction->setObjectName(QStringLiteral("systemProxyAction"));
    m_systemProxyAction->setCheckable(true);
    connect(m_systemProxyAction, &QAction::toggled, this, &MainWindow::setSystemProxyEnabled);
    m_startAtLoginAction = settings->addAction(tr("Start at login"));
    m_startAtLoginAction->setObjectName(QStringLiteral("startAtLoginAction"));
    m_startAtLoginAction->setCheckable(true);
    m_startAtLoginAction->setToolTip(tr("Start minimized when you log in, and connect the last profile"));
    m_startAtLoginAction->setChecked(m_autostart->isEnabled());
    connect(m_startAtLoginAction, &QAction::toggled, this, &MainWindow::setStartAtLogin);
    m_connectOnStartAction = settings->addAction(tr("Connect on start"));
    m_connectOnStartAction->setObjectName(QStringLiteral("connectOnStartAction"));
    m_connectOnStartAction->setCheckable(true);
    m_connectOnStartAction->setChecked(
        m_settings.value(QLatin1String(settingsKey::kConnectOnStart), false).toBool());
    connect(m_connectOnStartAction, &QAction::toggled, this,
            [this](bool on) { m_settings.setValue(QLatin1String(settingsKey::kConnectOnStart), on); });
    m_startMinimizedAction = settings->addAction(tr("Start minimized"));
    m_startMinimizedAction->setObjectName(QStringLiteral("startMinimizedAction"));
    m_startMinimizedAction->setCheckable(true);
    m_startMinimizedAction->setToolTip(tr("Only the tray icon at start, where the desktop has a tray"));
    m_startMinimizedAction->setChecked(
        m_settings.value(QLatin1String(settingsKey::kStartMinimized), false).toBool());
    connect(m_startMinimizedAction, &QAction::toggled, this,
            [this](bool on) { m_settings.setValue(QLatin1String(settingsKey::kStartMinimized), on); });

    // The system proxy switch: on by default where the desktop has one we can set, so
    // that paste, Connect and browse needs nothing else.
    const bool supported = m_systemProxy->supported();
    const bool on = supported && m_settings.value(QLatin1String(settingsKey::kSystemProxy), true).toBool();
    for (QObject* o : {static_cast<QObject*>(m_systemProxyBox), static_cast<QObject*>(m_systemProxyAction)}) {
        const QSignalBlocker block(o);
        if (auto* box = qobject_cast<QCheckBox*>(o)) {
            box->setChecked(on);
            box->setEnabled(supported);
        } else if (auto* action = qobject_cast<QAction*>(o)) {
            action->setChecked(on);
            action->setEnabled(supported);
        }
    }
    if (!supported) {
        const QString why = tr("This desktop (%1) has no system proxy setting ptdispatcher-gui knows how to "
                               "change: set your browser's SOCKS5 proxy to the address shown.")
                                .arg(SystemProxy::desktopName(SystemProxy::detect()));
        m_systemProxyBox->setToolTip(why);
        m_systemProxyAction->setToolTip(why);
    }
}

void MainWindow::reloadList(int select)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const Profile& p : std::as_const(m_profiles)) {
        auto* item = new QListWidgetItem(p.name, m_list);
        const auto latency = m_latency.constFind(p.name);
        if (latency != m_latency.constEnd()) {
            item->setData(kLatencyRole, latency->text);
            item->setData(kLatencyOkRole, latency->ok);
            item->setToolTip(latency->text);
        }
    }
    m_current = -1;
    select = std::clamp(select, 0, int(m_profiles.size()) - 1);
    m_list->setCurrentRow(select);
    selectProfile(select);
}

void MainWindow::selectProfile(int row)
{
    m_current = row;
    const bool valid = row >= 0 && row < m_profiles.size();
    m_form->setEnabled(valid && !m_controller.isActive());
    if (valid) m_form->setConfig(m_profiles.at(row).config);
    const auto latency = valid ? m_latency.value(m_profiles.at(row).name) : Latency{};
    m_testResult->setText(latency.text);
    m_testResult->setStyleSheet(latency.ok ? QString() : QStringLiteral("color: #b00020"));
    rebuildTrayProfiles();
    refreshStatus();
}

bool MainWindow::isClient(int row) const
{
    return row >= 0 && row < m_profiles.size() &&
           m_profiles.at(row).config.role == LaunchConfig::Role::Client;
}

void MainWindow::saveProfiles()
{
    m_store.save(m_profiles);
}

void MainWindow::addProfile()
{
    LaunchConfig c;
    c.transports = {QStringLiteral("obfs4")};
    c.proxyListenAddr = QStringLiteral("127.0.0.1:0");
    m_profiles.append(Profile{ProfileStore::uniqueName(m_profiles, tr("New profile")), c});
    saveProfiles();
    reloadList(int(m_profiles.size()) - 1);
}

void MainWindow::duplicateProfile()
{
    if (m_current < 0) return;
    Profile p = m_profiles.at(m_current);
    p.name = ProfileStore::uniqueName(m_profiles, p.name);
    m_profiles.insert(m_current + 1, p);
    saveProfiles();
    reloadList(m_current + 1);
}

void MainWindow::deleteProfile()
{
    if (m_current < 0 || m_profiles.size() <= 1) return; // always keep one to edit
    const auto answer = QMessageBox::question(
        this, tr("Delete profile"), tr("Delete the profile \"%1\"?").arg(m_profiles.at(m_current).name));
    if (answer != QMessageBox::Yes) return;
    m_profiles.removeAt(m_current);
    saveProfiles();
    reloadList(m_current);
}

void MainWindow::renameProfile()
{
    if (m_current < 0) return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename profile"), tr("Name:"), QLineEdit::Normal,
                                               m_profiles.at(m_current).name, &ok)
                             .trimmed();
    if (!ok || name.isEmpty() || name == m_profiles.at(m_current).name) return;
    m_profiles[m_current].name = ProfileStore::uniqueName(m_profiles, name);
    saveProfiles();
    reloadList(m_current);
}

void MainWindow::importProfile()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Import"));
    auto* v = new QVBoxLayout(&dialog);
    v->addWidget(new QLabel(tr("Paste a Tor bridge line (obfs4, webtunnel, meek_lite …) or an ss:// link:")));
    auto* edit = new QPlainTextEdit;
    edit->setObjectName(QStringLiteral("importText"));
    v->addWidget(edit);
    auto* error = new QLabel;
    error->setObjectName(QStringLiteral("importError"));
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #b00020"));
    v->addWidget(error);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    v->addWidget(box);
    ImportResult result;
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(box, &QDialogButtonBox::accepted, &dialog, [&] {
        result = checkedImport(edit->toPlainText());
        if (result.ok)
            dialog.accept();
        else
            error->setText(result.error); // keep the dialog open so the user can fix it
    });
    if (dialog.exec() != QDialog::Accepted) return;
    addImported(result.bridge);
}

ImportResult MainWindow::checkedImport(const QString& text) const
{
    // Without the dispatcher's description the dispatcher itself will judge the values.
    const ImportResult r = bridge::importAny(text);
    return m_catalog.state() == TransportCatalog::State::Ready
               ? bridge::checkImport(r, m_catalog.transports())
               : r;
}

bool MainWindow::importText(const QString& text, QString* error)
{
    const ImportResult result = checkedImport(text);
    if (!result.ok) {
        if (error) *error = result.error;
        return false;
    }
    addImported(result.bridge);
    return true;
}

void MainWindow::addImported(const ImportedBridge& b)
{
    LaunchConfig c;
    c.transports = {b.transport};
    c.options.insert(b.transport, b.options);
    c.proxyListenAddr = QStringLiteral("127.0.0.1:0");
    c.logLevel = QStringLiteral("INFO");
    const QString base =
        b.name.isEmpty() ? QStringLiteral("%1 %2").arg(b.transport, b.serverAddress) : b.name;
    m_profiles.append(Profile{ProfileStore::uniqueName(m_profiles, base), c});
    saveProfiles();
    reloadList(int(m_profiles.size()) - 1);
}

void MainWindow::showQrCode()
{
    const QrCode code = QrCode::encode(m_share->text());
    if (code.isNull()) {
        QMessageBox::warning(this, tr("QR code"), tr("This line is too long for a QR code."));
        return;
    }
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("QR code"));
    auto* v = new QVBoxLayout(dialog);
    auto* picture = new QLabel;
    picture->setObjectName(QStringLiteral("qrImage"));
    picture->setPixmap(QPixmap::fromImage(code.toImage(std::max(2, 360 / (code.size() + 8)))));
    picture->setAlignment(Qt::AlignCenter);
    v->addWidget(picture);
    auto* text = new QLabel(m_share->text());
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(text);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    v->addWidget(box);
    dialog->open(); // not exec(): the event loop (and the dispatcher's pipe) keep running
}

void MainWindow::toggleConnection()
{
    if (m_controller.isActive() || m_controller.restartPending() ||
        m_controller.state() == DispatcherController::State::Starting) {
        m_userStopped = true;
        m_pendingSwitch = -1;
        restoreSystemProxy(); // before the port goes away
        m_controller.stop();
        refreshStatus();
        return;
    }
    if (m_current < 0) return;
    m_profiles[m_current].config = m_form->config();
    saveProfiles();
    m_settings.setValue(QLatin1String(settingsKey::kLastProfile), m_profiles.at(m_current).name);
    m_userStopped = false;
    m_traffic->clear();
    m_trafficModel.clear();
    m_graph->update();
    appendLog(ipc::LogLevel::Info, tr("starting profile \"%1\"").arg(m_profiles.at(m_current).name));
    // A client recovers by itself from an exit nobody asked for; a server reports it.
    m_controller.setAutoRestart(isClient(m_current));
    m_controller.start(m_profiles.at(m_current).config);
    refreshStatus();
}

void MainWindow::connectLastUsed()
{
    const QString name = m_settings.value(QLatin1String(settingsKey::kLastProfile)).toString();
    int row = m_current >= 0 ? m_current : 0;
    for (int i = 0; i < m_profiles.size(); ++i)
        if (m_profiles.at(i).name == name) row = i;
    if (m_controller.isActive() || m_controller.restartPending()) return;
    m_list->setCurrentRow(row);
    toggleConnection();
}

void MainWindow::rememberSelectedAsLastUsed()
{
    if (m_current >= 0 && m_current < m_profiles.size())
        m_settings.setValue(QLatin1String(settingsKey::kLastProfile), m_profiles.at(m_current).name);
}

void MainWindow::onStateChanged(DispatcherController::State state)
{
    if (state == DispatcherController::State::Error) {
        appendLog(ipc::LogLevel::Error, tr("Error: %1").arg(m_controller.errorText()));
        if (!m_controller.restartPending()) restoreSystemProxy();
    }
    if (state == DispatcherController::State::Running) applySystemProxy(); // if the bridge answered first
    refreshStatus();
}

void MainWindow::onLinkChanged()
{
    using L = DispatcherController::Link;
    const L link = m_controller.link();
    if (link != L::Idle)
        appendLog(link == L::Unreachable ? ipc::LogLevel::Warn : ipc::LogLevel::Info,
                  m_controller.linkText());
    if (link == L::Connected) applySystemProxy();
    if (link == L::Idle && !m_controller.isActive()) restoreSystemProxy();
    refreshStatus();
}

QString MainWindow::statusText() const
{
    using L = DispatcherController::Link;
    using S = DispatcherController::State;
    const L link = m_controller.link();
    if (link == L::Reconnecting) {
        const int left = std::max(
            0, m_reconnectIn - int(m_reconnectClock.isValid() ? m_reconnectClock.elapsed() / 1000 : 0));
        return tr("Reconnecting in %1 s…").arg(left);
    }
    if (m_controller.state() == S::Error && !m_controller.isActive())
        return tr("Error: %1").arg(m_controller.errorText());
    if (link == L::Idle) {
        if (m_controller.state() == S::Error) return tr("Error: %1").arg(m_controller.errorText());
        return m_controller.isActive() ? tr("Starting…") : tr("Not connected");
    }
    const QString text = m_controller.linkText();
    return text.isEmpty() ? DispatcherController::linkName(link) : text;
}

void MainWindow::refreshStatus()
{
    using L = DispatcherController::Link;
    const DispatcherController::State state = m_controller.state();
    using S = DispatcherController::State;
    const QString text = statusText();
    m_state->setText(text);
    const L link = m_controller.link();
    m_state->setStyleSheet(link == L::Connected ? QStringLiteral("color: #1b7a2f; font-weight: bold")
                           : link == L::Unreachable || (state == S::Error && !m_controller.isActive())
                               ? QStringLiteral("color: #b00020; font-weight: bold")
                               : QString());
    const bool busy = state == S::Starting || state == S::Running || m_controller.isActive() ||
                      m_controller.restartPending();
    m_connect->setText(busy ? tr("Disconnect") : tr("Connect"));
    m_form->setEnabled(!busy && m_current >= 0);
    m_list->setEnabled(!busy);
    m_test->setEnabled(isClient(m_current));

    const bool running = state == S::Running;
    m_address->setText(running ? m_controller.address() : QString());
    QString hint;
    if (running && isClient(m_current)) {
        if (!m_systemProxyError.isEmpty())
            hint = tr("Could not set the system proxy: %1").arg(m_systemProxyError);
        else if (!m_appliedProxy.isEmpty())
            hint = tr("The system proxy points here: browsers that follow it need no setup.");
        else
            hint = tr("Set your browser's SOCKS5 proxy to this address (with remote DNS).");
    }
    // A first start (or an empty new profile): say where the bridge line goes.
    const bool noBridge = !busy && isClient(m_current) &&
                          DispatcherController::checkLineFor(m_profiles.at(m_current).config).isEmpty() &&
                          m_profiles.at(m_current)
                              .config.options.value(m_profiles.at(m_current).config.transports.value(0))
                              .isEmpty();
    if (noBridge) hint = tr("To begin, click Import… and paste the bridge line you were given.");
    m_addressHint->setText(hint);
    m_addressHint->setStyleSheet(m_systemProxyError.isEmpty() || noBridge ? QString()
                                                                          : QStringLiteral("color: #b00020"));
    m_addressHint->setVisible(!hint.isEmpty());
    // Server: the SMETHOD line, and for obfs4 a bridge line the user can hand out.
    QString share;
    const bool server = m_current >= 0 && m_profiles.at(m_current).config.role == LaunchConfig::Role::Server;
    if (running && server) {
        const auto args = m_controller.methodArgs();
        if (m_controller.methodTransport() == QLatin1String("obfs4")) {
            QStringList kv;
            for (const auto& [k, v] : args)
                kv << k + QLatin1Char('=') + v;
            share = QStringLiteral("Bridge obfs4 %1 <FINGERPRINT> %2")
                        .arg(m_controller.address(), kv.join(QLatin1Char(' ')));
        } else {
            share = QString::fromUtf8(ipc::format(
                ipc::Message::smethod(m_controller.methodTransport(), m_controller.address(), args)));
        }
    }
    m_share->setText(share);
    for (QWidget* w : {static_cast<QWidget*>(m_share), static_cast<QWidget*>(m_shareLabel),
                       static_cast<QWidget*>(m_shareCopy), static_cast<QWidget*>(m_shareQr)})
        w->setVisible(!share.isEmpty());
    if (m_trayConnect) m_trayConnect->setText(busy ? tr("Disconnect") : tr("Connect"));
    if (m_tray) m_tray->setToolTip(tr("ptdispatcher: %1").arg(text));
    m_share->setToolTip(tr("Replace 0.0.0.0 by your public address and <FINGERPRINT> by your relay's"));
    const QString full = text + QLatin1Char('\n') + m_address->text() + QLatin1Char('\n') + m_appliedProxy;
    if (full != m_lastStatus) {
        m_lastStatus = full;
        Q_EMIT statusChanged(text);
    }
}

bool MainWindow::systemProxyWanted() const
{
    return m_systemProxy->supported() &&
           m_settings.value(QLatin1String(settingsKey::kSystemProxy), true).toBool();
}

void MainWindow::setSystemProxyEnabled(bool on)
{
    for (QObject* o : {static_cast<QObject*>(m_systemProxyBox), static_cast<QObject*>(m_systemProxyAction)}) {
        const QSignalBlocker block(o);
        if (auto* box = qobject_cast<QCheckBox*>(o))
            box->setChecked(on);
        else if (auto* action = qobject_cast<QAction*>(o))
            action->setChecked(on);
    }
    m_settings.setValue(QLatin1String(settingsKey::kSystemProxy), on);
    if (on)
        applySystemProxy();
    else
        restoreSystemProxy();
}

void MainWindow::applySystemProxy()
{
    // Only a client's SOCKS listener can serve as the desktop's proxy, and only once the
    // bridge answered (never pointing browsers at a bridge known not to work).
    if (!systemProxyWanted() || !isClient(m_current) || m_userStopped) return;
    const QString mode = m_profiles.at(m_current).config.mode;
    if (!mode.isEmpty() && mode != QLatin1String("socks5")) return;
    using L = DispatcherController::Link;
    const L link = m_controller.link();
    if (m_appliedProxy.isEmpty() && link != L::Connected) return;
    if (m_controller.state() != DispatcherController::State::Running) return;
    QString host;
    quint16 port = 0;
    if (!localEndpoint(m_controller.address(), &host, &port)) return;
    const QString target = host + QLatin1Char(':') + QString::number(port);
    if (target == m_appliedProxy) return;
    QString error;
    if (m_systemProxy->apply(host, port, &error)) {
        startGuard();
        m_appliedProxy = target;
        m_systemProxyError.clear();
        appendLog(ipc::LogLevel::Info, tr("System proxy (%1) set to SOCKS %2.")
                                           .arg(SystemProxy::desktopName(SystemProxy::detect()), target));
    } else {
        m_systemProxyError = error;
        appendLog(ipc::LogLevel::Error, tr("Could not set the system proxy: %1").arg(error));
    }
    refreshStatus();
}

void MainWindow::startGuard()
{
    // One guard for the life of this process: it only acts on a journal left behind.
    if (m_guard || m_options.guardProgram.isEmpty()) return;
    m_guard = new QProcess(this);
    m_guard->setProgram(m_options.guardProgram);
    m_guard->setArguments({QStringLiteral("--guard-system-proxy"), m_systemProxy->journalPath()});
    m_guard->setProcessChannelMode(QProcess::ForwardedChannels);
    connect(m_guard, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            appendLog(ipc::LogLevel::Warn,
                      tr("Cannot start the system proxy guard: %1").arg(m_guard->errorString()));
    });
    m_guard->start(); // its stdin stays open (a pipe from us) until this process ends
}

void MainWindow::restoreSystemProxy()
{
    if (!m_systemProxy) return;
    const bool wasOurs = !m_appliedProxy.isEmpty();
    m_appliedProxy.clear();
    if (!m_systemProxy->hasJournal()) {
        if (wasOurs && m_state) refreshStatus();
        return;
    }
    QString error;
    if (m_systemProxy->restore(&error)) {
        m_systemProxyError.clear();
        if (m_log) appendLog(ipc::LogLevel::Info, tr("System proxy put back as it was."));
    } else {
        m_systemProxyError = error;
        if (m_log) appendLog(ipc::LogLevel::Error, tr("Cannot restore the system proxy: %1").arg(error));
    }
    if (m_state) refreshStatus();
}

void MainWindow::setStartAtLogin(bool on)
{
    QStringList args{QStringLiteral("--minimized"), QStringLiteral("--connect")};
    args += m_options.autostartExtraArgs;
    QString error;
    if (m_autostart->setEnabled(on, args, &error)) {
        appendLog(ipc::LogLevel::Info, on ? tr("ptdispatcher-gui will start at login and connect.")
                                          : tr("ptdispatcher-gui will no longer start at login."));
        return;
    }
    const QString text = tr("Cannot change the start at login: %1").arg(error);
    appendLog(ipc::LogLevel::Error, text);
    statusBar()->showMessage(text, 15000);
    const QSignalBlocker block(m_startAtLoginAction);
    m_startAtLoginAction->setChecked(m_autostart->isEnabled());
}

void MainWindow::importFromClipboard()
{
    QString error;
    const QString text = QGuiApplication::clipboard()->text().trimmed();
    if (importText(text, &error)) {
        const QString done = tr("Imported \"%1\".").arg(m_profiles.at(m_current).name);
        statusBar()->showMessage(done, 10000);
        if (m_tray && !isVisible()) m_tray->showMessage(tr("ptdispatcher"), done);
        return;
    }
    const QString text2 = text.isEmpty()
                              ? tr("The clipboard holds no text to import.")
                              : tr("The clipboard holds no bridge line or ss:// link: %1").arg(error);
    appendLog(ipc::LogLevel::Warn, text2);
    statusBar()->showMessage(text2, 15000);
    if (m_tray && !isVisible()) m_tray->showMessage(tr("ptdispatcher"), text2, QSystemTrayIcon::Warning);
}

void MainWindow::testSelected()
{
    if (!isClient(m_current)) return;
    m_profiles[m_current].config = m_form->config();
    startTest(m_current);
}

void MainWindow::testAll()
{
    // Every client profile that names a bridge (an empty new profile is not a failure).
    for (int i = 0; i < m_profiles.size(); ++i)
        if (isClient(i) && !DispatcherController::checkLineFor(m_profiles.at(i).config).isEmpty())
            startTest(i);
}

void MainWindow::startTest(int row)
{
    const Profile& p = m_profiles.at(row);
    const QString line = DispatcherController::checkLineFor(p.config);
    if (line.isEmpty()) {
        setLatency(p.name, tr("Nothing to test: this profile names no bridge address."), false);
        return;
    }
    for (auto it = m_checks.begin(); it != m_checks.end();) {
        // A new test of the same profile replaces the one still running.
        if (it.value() == p.name) {
            m_checker.cancel(it.key());
            it = m_checks.erase(it);
        } else {
            ++it;
        }
    }
    m_checks.insert(m_checker.check(line, p.config.proxy), p.name);
    setLatency(p.name, tr("testing…"), true);
}

void MainWindow::onCheckFinished(int id, const CheckResult& r)
{
    const QString name = m_checks.take(id);
    if (name.isEmpty()) return;
    // What a user feels at each new connection: the TCP connect plus the handshake.
    const QString text = r.ok ? tr("%1 ms").arg(std::max(0, r.tcpMs) + std::max(0, r.handshakeMs)) : r.text;
    appendLog(r.ok ? ipc::LogLevel::Info : ipc::LogLevel::Warn, tr("Test of \"%1\": %2").arg(name, text));
    setLatency(name, text, r.ok);
}

void MainWindow::setLatency(const QString& profile, const QString& text, bool ok)
{
    m_latency.insert(profile, Latency{text, ok});
    for (int i = 0; i < m_profiles.size() && i < m_list->count(); ++i) {
        if (m_profiles.at(i).name != profile) continue;
        QListWidgetItem* item = m_list->item(i);
        item->setData(kLatencyRole, text);
        item->setData(kLatencyOkRole, ok);
        item->setToolTip(text);
        if (i == m_current) {
            m_testResult->setText(text);
            m_testResult->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020"));
        }
    }
}

void MainWindow::onStatus(const QList<std::pair<QString, QString>>& values)
{
    if (!m_statusClock.isValid()) m_statusClock.start();
    m_trafficModel.addStatus(values, m_statusClock.elapsed());
    const TrafficModel::Sample now = m_trafficModel.current();
    const QLocale l;
    m_traffic->setText(
        tr("Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5")
            .arg(l.formattedDataSize(m_trafficModel.totalUp()), l.formattedDataSize(qint64(now.upPerSec)),
                 l.formattedDataSize(m_trafficModel.totalDown()), l.formattedDataSize(qint64(now.downPerSec)))
            .arg(m_trafficModel.connections()));
    m_graph->update();
}

bool MainWindow::passesFilter(ipc::LogLevel level) const
{
    return int(level) <= m_logFilter->currentData().toInt();
}

void MainWindow::appendLog(ipc::LogLevel level, const QString& text)
{
    const QString line = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss ")) +
                         levelName(level) + QLatin1Char(' ') + text;
    m_logEntries.push_back({level, line});
    while (m_logEntries.size() > size_t(kMaxLogLines))
        m_logEntries.pop_front();
    m_pendingLog.append({level, line});
    if (m_pendingLog.size() > kMaxLogLines) m_pendingLog.remove(0, m_pendingLog.size() - kMaxLogLines);
}

void MainWindow::flushLog()
{
    // One appendPlainText per batch: a chatty DEBUG child must not stall the GUI.
    QStringList lines;
    for (const LogEntry& e : std::as_const(m_pendingLog))
        if (passesFilter(e.level)) lines << e.text;
    m_pendingLog.clear();
    if (!lines.isEmpty()) m_log->appendPlainText(lines.join(QLatin1Char('\n')));
}

void MainWindow::rerenderLog()
{
    m_pendingLog.clear();
    QStringList lines;
    for (const LogEntry& e : m_logEntries)
        if (passesFilter(e.level)) lines << e.text;
    m_log->setPlainText(lines.join(QLatin1Char('\n')));
}

void MainWindow::saveLog()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save log"), QStringLiteral("ptdispatcher.log"));
    if (path.isEmpty()) return;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text)) {
        QMessageBox::warning(this, tr("Save log"), tr("Cannot write %1: %2").arg(path, f.errorString()));
        return;
    }
    f.write(m_log->toPlainText().toUtf8());
    f.write("\n");
    if (!f.commit())
        QMessageBox::warning(this, tr("Save log"), tr("Cannot write %1: %2").arg(path, f.errorString()));
}

} // namespace pt::gui
