#include "MainWindow.h"

#include "Language.h"
#include "ProfileForm.h"
#include "TrafficGraph.h"
#include "shared/bridge/BridgeLine.h"
#include "core/QrCode.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

namespace pt::gui {

namespace {
constexpr int kMaxLogLines = 5000;

QPushButton* copyButton(QLineEdit* source, QWidget* parent)
{
    auto* b = new QPushButton(QObject::tr("Copy"), parent);
    QObject::connect(b, &QPushButton::clicked, b, [source] {
        QGuiApplication::clipboard()->setText(source->text());
    });
    return b;
}

QString levelName(ipc::LogLevel l)
{
    return ipc::logLevelName(l);
}
} // namespace

MainWindow::MainWindow(QSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_store(settings)
{
    setWindowTitle(tr("ptdispatcher"));
    buildUi();

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
    reloadList(0);

    connect(&m_controller, &DispatcherController::stateChanged, this, &MainWindow::onStateChanged);
    connect(&m_controller, &DispatcherController::logLine, this, &MainWindow::appendLog);
    connect(&m_controller, &DispatcherController::statusReceived, this, &MainWindow::onStatus);
    connect(&m_controller, &DispatcherController::crashed, this,
            [this](const QString& reason, const QStringList& lastStderr) {
                appendLog(ipc::LogLevel::Error, reason);
                for (const QString& l : lastStderr)
                    appendLog(ipc::LogLevel::Error, QStringLiteral("stderr: ") + l);
            });
    connect(&m_logTimer, &QTimer::timeout, this, &MainWindow::flushLog);
    m_logTimer.start(200);
    // The child may outlive a state change (an error, then its exit): the button follows both.
    connect(&m_controller, &DispatcherController::finished, this, &MainWindow::refreshStatus);
    // The transports and their forms come from the dispatcher itself.
    connect(&m_catalog, &TransportCatalog::loaded, this, [this] { m_form->setTransports(m_catalog.transports()); });
    connect(&m_catalog, &TransportCatalog::failed, this, [this](const QString& error) {
        const QString text = tr("Cannot read the transports from ptdispatcher: %1").arg(error);
        m_form->setTransportsUnavailable(text);
        appendLog(ipc::LogLevel::Error, text);
    });
    m_catalog.load();
    setupTray();
    restoreWindow();
    refreshStatus();
}

void MainWindow::restoreWindow()
{
    const QByteArray geometry = m_settings.value(QStringLiteral("ui/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

void MainWindow::showAsConfigured()
{
    if (m_settings.value(QStringLiteral("ui/startMinimized"), false).toBool() && m_tray)
        return; // the tray icon is the way back
    show();
}

void MainWindow::setupTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return; // e.g. offscreen or a desktop without a tray: the window is all there is
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    auto* menu = new QMenu(this);
    m_trayConnect = menu->addAction(tr("Connect"), this, &MainWindow::toggleConnection);
    menu->addAction(tr("Show window"), this, [this] {
        show();
        raise();
        activateWindow();
    });
    auto* minimized = menu->addAction(tr("Start minimized"));
    minimized->setCheckable(true);
    minimized->setChecked(m_settings.value(QStringLiteral("ui/startMinimized"), false).toBool());
    connect(minimized, &QAction::toggled, this,
            [this](bool on) { m_settings.setValue(QStringLiteral("ui/startMinimized"), on); });
    menu->addSeparator();
    menu->addAction(tr("Quit"), this, [this] {
        m_quitting = true;
        close();
    });
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger)
            setVisible(!isVisible());
    });
    m_tray->show();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    // With a tray icon, closing the window while connected keeps the connection.
    if (m_tray && m_tray->isVisible() && !m_quitting && m_controller.isActive()) {
        hide();
        event->ignore();
        return;
    }
    if (!m_controller.isActive()) {
        event->accept();
        return;
    }
    event->ignore();
    if (m_closing) return;
    m_closing = true;
    connect(&m_controller, &DispatcherController::finished, this, &QWidget::close);
    m_controller.stop();
}

void MainWindow::buildUi()
{
    auto* splitter = new QSplitter(this);

    // Left: profiles.
    auto* left = new QWidget;
    auto* lv = new QVBoxLayout(left);
    m_list = new QListWidget;
    lv->addWidget(m_list);
    auto* buttons = new QGridLayout;
    auto* add = new QPushButton(tr("Add"));
    auto* dup = new QPushButton(tr("Duplicate"));
    auto* del = new QPushButton(tr("Delete"));
    auto* ren = new QPushButton(tr("Rename…"));
    auto* imp = new QPushButton(tr("Import…"));
    imp->setToolTip(tr("Paste a Tor bridge line or an ss:// link"));
    buttons->addWidget(add, 0, 0);
    buttons->addWidget(dup, 0, 1);
    buttons->addWidget(ren, 1, 0);
    buttons->addWidget(del, 1, 1);
    buttons->addWidget(imp, 2, 0, 1, 2);
    lv->addLayout(buttons);
    // Language: applies at the next start (every string is built once, at start-up).
    auto* langRow = new QHBoxLayout;
    langRow->addWidget(new QLabel(tr("Language:")));
    auto* language = new QComboBox;
    language->setObjectName(QStringLiteral("languageBox"));
    const QString chosen = m_settings.value(QStringLiteral("ui/language")).toString();
    for (const LanguageChoice& l : availableLanguages()) {
        language->addItem(l.nativeName, l.code);
        if (l.code == chosen)
            language->setCurrentIndex(language->count() - 1);
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
    connect(add, &QPushButton::clicked, this, &MainWindow::addProfile);
    connect(dup, &QPushButton::clicked, this, &MainWindow::duplicateProfile);
    connect(del, &QPushButton::clicked, this, &MainWindow::deleteProfile);
    connect(ren, &QPushButton::clicked, this, &MainWindow::renameProfile);
    connect(imp, &QPushButton::clicked, this, &MainWindow::importProfile);
    connect(m_list, &QListWidget::currentRowChanged, this, &MainWindow::selectProfile);
    splitter->addWidget(left);

    // Right: form, status, log.
    auto* right = new QWidget;
    auto* rv = new QVBoxLayout(right);
    m_form = new ProfileForm;
    connect(m_form, &ProfileForm::edited, this, [this] {
        if (m_current < 0 || m_current >= m_profiles.size()) return;
        m_profiles[m_current].config = m_form->config();
        saveProfiles();
    });
    rv->addWidget(m_form);

    auto* statusBox = new QGroupBox(tr("Status"));
    auto* sg = new QGridLayout(statusBox);
    m_connect = new QPushButton(tr("Connect"));
    connect(m_connect, &QPushButton::clicked, this, &MainWindow::toggleConnection);
    m_state = new QLabel;
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sg->addWidget(m_connect, 0, 0);
    sg->addWidget(m_state, 0, 1, 1, 2);
    m_address = new QLineEdit;
    m_address->setReadOnly(true);
    sg->addWidget(new QLabel(tr("Address:")), 1, 0);
    sg->addWidget(m_address, 1, 1);
    sg->addWidget(copyButton(m_address, this), 1, 2);
    m_shareLabel = new QLabel(tr("Share:"));
    m_share = new QLineEdit;
    m_share->setReadOnly(true);
    m_shareCopy = copyButton(m_share, this);
    m_shareQr = new QPushButton(tr("QR code…"));
    connect(m_shareQr, &QPushButton::clicked, this, &MainWindow::showQrCode);
    sg->addWidget(m_shareLabel, 2, 0);
    sg->addWidget(m_share, 2, 1);
    sg->addWidget(m_shareCopy, 2, 2);
    sg->addWidget(m_shareQr, 2, 3);
    m_traffic = new QLabel;
    sg->addWidget(m_traffic, 3, 0, 1, 4);
    m_graph = new TrafficGraph(m_trafficModel);
    sg->addWidget(m_graph, 4, 0, 1, 4);
    rv->addWidget(statusBox);

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
    rv->addLayout(logBar);
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    rv->addWidget(m_log, 1);
    splitter->addWidget(right);
    // Names for tests and accessibility tools.
    m_list->setObjectName(QStringLiteral("profileList"));
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_address->setObjectName(QStringLiteral("addressField"));
    m_share->setObjectName(QStringLiteral("shareField"));
    m_traffic->setObjectName(QStringLiteral("trafficLabel"));
    m_graph->setObjectName(QStringLiteral("trafficGraph"));
    m_shareQr->setObjectName(QStringLiteral("qrButton"));
    m_log->setObjectName(QStringLiteral("logView"));
    m_logFilter->setObjectName(QStringLiteral("logFilter"));
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    resize(900, 700);
}

void MainWindow::reloadList(int select)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const Profile& p : std::as_const(m_profiles))
        m_list->addItem(p.name);
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
    return m_catalog.state() == TransportCatalog::State::Ready ? bridge::checkImport(r, m_catalog.transports()) : r;
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
    const QString base = b.name.isEmpty() ? QStringLiteral("%1 %2").arg(b.transport, b.serverAddress) : b.name;
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
    if (m_controller.isActive() || m_controller.state() == DispatcherController::State::Starting) {
        m_controller.stop();
        return;
    }
    if (m_current < 0) return;
    m_profiles[m_current].config = m_form->config();
    saveProfiles();
    m_traffic->clear();
    m_trafficModel.clear();
    m_graph->update();
    appendLog(ipc::LogLevel::Info, tr("starting profile \"%1\"").arg(m_profiles.at(m_current).name));
    m_controller.start(m_profiles.at(m_current).config);
}

void MainWindow::onStateChanged(DispatcherController::State state)
{
    if (state == DispatcherController::State::Error)
        appendLog(ipc::LogLevel::Error, tr("Error: %1").arg(m_controller.errorText()));
    refreshStatus();
}

void MainWindow::refreshStatus()
{
    const DispatcherController::State state = m_controller.state();
    using S = DispatcherController::State;
    QString text;
    switch (state) {
    case S::Stopped: text = tr("Stopped"); break;
    case S::Starting: text = tr("Starting…"); break;
    case S::Running: text = tr("Running"); break;
    case S::Error: text = tr("Error: %1").arg(m_controller.errorText()); break;
    }
    m_state->setText(text);
    const bool busy = state == S::Starting || state == S::Running || m_controller.isActive();
    m_connect->setText(busy ? tr("Disconnect") : tr("Connect"));
    m_form->setEnabled(!busy && m_current >= 0);
    m_list->setEnabled(!busy);

    const bool running = state == S::Running;
    m_address->setText(running ? m_controller.address() : QString());
    // Server: the SMETHOD line, and for obfs4 a bridge line the user can hand out.
    QString share;
    const bool server = m_current >= 0 && m_profiles.at(m_current).config.role == LaunchConfig::Role::Server;
    if (running && server) {
        const auto args = m_controller.methodArgs();
        if (m_controller.methodTransport() == QLatin1String("obfs4")) {
            QStringList kv;
            for (const auto& [k, v] : args)
                kv << k + QLatin1Char('=') + v;
            share = QStringLiteral("Bridge obfs4 %1 <FINGERPRINT> %2").arg(m_controller.address(), kv.join(QLatin1Char(' ')));
        } else {
            share = QString::fromUtf8(ipc::format(
                ipc::Message::smethod(m_controller.methodTransport(), m_controller.address(), args)));
        }
    }
    m_share->setText(share);
    for (QWidget* w : {static_cast<QWidget*>(m_share), static_cast<QWidget*>(m_shareLabel),
                       static_cast<QWidget*>(m_shareCopy), static_cast<QWidget*>(m_shareQr)})
        w->setVisible(!share.isEmpty());
    if (m_tray) {
        m_tray->setToolTip(tr("ptdispatcher: %1").arg(text));
        m_trayConnect->setText(busy ? tr("Disconnect") : tr("Connect"));
    }
    m_share->setToolTip(tr("Replace 0.0.0.0 by your public address and <FINGERPRINT> by your relay's"));
}

void MainWindow::onStatus(const QList<std::pair<QString, QString>>& values)
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    m_trafficModel.addStatus(values, clock.elapsed());
    const TrafficModel::Sample now = m_trafficModel.current();
    const QLocale l;
    m_traffic->setText(tr("Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5")
                           .arg(l.formattedDataSize(m_trafficModel.totalUp()),
                                l.formattedDataSize(qint64(now.upPerSec)),
                                l.formattedDataSize(m_trafficModel.totalDown()),
                                l.formattedDataSize(qint64(now.downPerSec)))
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
    const QString path = QFileDialog::getSaveFileName(this, tr("Save log"), QStringLiteral("ptdispatcher.log"));
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
