#include "ProfileForm.h"

#include "shared/ipc/IpcMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLayoutItem>
#include <QLineEdit>
#include <QToolButton>

namespace pt::gui {

namespace {
using describe::OptionType;

// A JSON option value as the text a field shows (Tor-style options are strings; JSON
// may carry numbers and booleans).
QString valueText(const QJsonValue& v)
{
    if (v.isString()) return v.toString();
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString();
}

// Adds a form row and returns its label, so the caller can hide the row by role.
QLabel* addRow(QFormLayout* form, const QString& label, QWidget* field)
{
    auto* l = new QLabel(label);
    form->addRow(l, field);
    return l;
}

// Keys described for the other role only (a client's cert on a server profile): kept in
// the profile, not sent.
bool describedForOtherRoleOnly(const describe::Transport& t, bool server, const QString& key)
{
    return !t.findOption(server, key) && t.findOption(!server, key);
}
} // namespace

QLineEdit* ProfileForm::addLine(const QString& placeholder)
{
    auto* e = new QLineEdit;
    e->setPlaceholderText(placeholder);
    connect(e, &QLineEdit::textEdited, this, [this] {
        if (!m_loading) Q_EMIT edited();
    });
    return e;
}

ProfileForm::ProfileForm(QWidget* parent) : QWidget(parent)
{
    auto emitEdited = [this] {
        if (!m_loading) Q_EMIT edited();
    };
    auto* form = new QFormLayout(this);

    m_role = new QComboBox;
    m_role->setObjectName(QStringLiteral("roleBox"));
    m_role->addItem(tr("Client"), int(LaunchConfig::Role::Client));
    m_role->addItem(tr("Server"), int(LaunchConfig::Role::Server));
    m_roleRow << addRow(form, tr("Role:"), m_role) << m_role;

    m_transport = new QComboBox;
    m_transport->setObjectName(QStringLiteral("transportBox"));
    form->addRow(tr("Transport:"), m_transport);
    m_transportHelp = new QLabel;
    m_transportHelp->setObjectName(QStringLiteral("transportHelp"));
    m_transportHelp->setWordWrap(true);
    form->addRow(m_transportHelp);

    m_fieldsBox = new QWidget;
    m_fieldsBox->setObjectName(QStringLiteral("transportOptions"));
    m_fieldsForm = new QFormLayout(m_fieldsBox);
    m_fieldsForm->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_fieldsBox);

    m_target = addLine(tr("127.0.0.1:9001 (where clients are forwarded)"));
    m_serverOnly << addRow(form, tr("Target:"), m_target) << m_target;
    m_stateDir = addLine(tr("directory for keys (obfs4 server)"));
    m_serverOnly << addRow(form, tr("State directory:"), m_stateDir) << m_stateDir;

    auto* toggle = new QToolButton;
    toggle->setObjectName(QStringLiteral("advancedToggle"));
    toggle->setText(tr("Advanced"));
    toggle->setToolTip(tr("Transport details, listen address, upstream proxy, log level"));
    toggle->setCheckable(true);
    toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toggle->setArrowType(Qt::RightArrow);
    toggle->setAutoRaise(true);
    connect(toggle, &QToolButton::toggled, this, &ProfileForm::setAdvanced);
    m_advancedToggle = toggle;
    form->addRow(toggle);

    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("modeBox"));
    m_mode->addItem(tr("default (socks5)"), QString());
    for (const QString& m : ipc::proxyModeNames())
        m_mode->addItem(m, m);
    QLabel* modeLabel = addRow(form, tr("Mode:"), m_mode);
    m_clientOnly << modeLabel << m_mode;
    m_advancedOnly << modeLabel << m_mode;

    m_listen = addLine(tr("127.0.0.1:0 (any free port)"));
    m_listen->setObjectName(QStringLiteral("listenField"));
    m_listenLabel = addRow(form, tr("Listen address:"), m_listen);
    m_advancedOnly << m_listenLabel << m_listen;
    m_proxy = addLine(tr("socks5://127.0.0.1:1080 (optional)"));
    m_proxy->setObjectName(QStringLiteral("upstreamProxyField"));
    QLabel* proxyLabel = addRow(form, tr("Upstream proxy:"), m_proxy);
    m_clientOnly << proxyLabel << m_proxy;
    m_advancedOnly << proxyLabel << m_proxy;

    m_logLevel = new QComboBox;
    m_logLevel->setObjectName(QStringLiteral("logLevelBox"));
    m_logLevel->addItem(tr("default"), QString());
    for (const QString& l : ipc::logLevelNames())
        m_logLevel->addItem(l, l);
    m_advancedOnly << addRow(form, tr("Log level:"), m_logLevel) << m_logLevel;

    connect(m_role, &QComboBox::currentIndexChanged, this, [this, emitEdited] {
        updateRoleVisibility();
        rebuildFields(); // each role has its own options
        emitEdited();
    });
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this, emitEdited] {
        rebuildFields();
        emitEdited();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, emitEdited);
    connect(m_logLevel, &QComboBox::currentIndexChanged, this, emitEdited);
    setTransportsUnavailable(tr("Reading the transports from ptdispatcher…"));
}

bool ProfileForm::isServer() const
{
    return m_role->currentData().toInt() == int(LaunchConfig::Role::Server);
}

QString ProfileForm::currentTransport() const
{
    return m_transport->currentData().toString();
}

const describe::Transport* ProfileForm::describedTransport() const
{
    const QString name = currentTransport();
    for (const describe::Transport& t : m_transports)
        if (t.name == name) return &t;
    return nullptr;
}

void ProfileForm::setTransports(const QList<describe::Transport>& transports)
{
    m_transports = transports;
    m_unavailable.clear();
    const bool wasLoading = m_loading;
    m_loading = true;
    fillTransports(currentTransport());
    rebuildFields();
    m_loading = wasLoading;
}

void ProfileForm::setTransportsUnavailable(const QString& error)
{
    m_transports.clear();
    m_unavailable = error;
    const bool wasLoading = m_loading;
    m_loading = true;
    fillTransports(currentTransport());
    rebuildFields();
    m_loading = wasLoading;
}

void ProfileForm::fillTransports(const QString& select)
{
    const QSignalBlocker block(m_transport);
    m_transport->clear();
    for (const describe::Transport& t : std::as_const(m_transports))
        m_transport->addItem(t.name, t.name);
    if (!select.isEmpty() && m_transport->findData(select) < 0) {
        // A stored profile's transport this dispatcher does not have: shown, not lost.
        m_transport->addItem(
            m_transports.isEmpty() ? select : tr("%1 (not in this ptdispatcher)").arg(select), select);
    }
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(select)));
}

QWidget* ProfileForm::makeField(const describe::Option& o, const QJsonValue& value)
{
    const QString text = valueText(value);
    QWidget* w = nullptr;
    if (o.type == OptionType::Enum) {
        auto* box = new QComboBox;
        if (!o.required && o.defaultValue.isEmpty()) box->addItem(tr("(not set)"), QString());
        for (const QString& c : o.choices)
            box->addItem(c, c);
        int index = box->findData(text.isEmpty() ? o.defaultValue : text);
        if (index < 0 && !text.isEmpty()) {
            // Transports compare some names without case (ss:// links use lower case).
            for (int i = 0; i < box->count(); ++i)
                if (box->itemData(i).toString().compare(text, Qt::CaseInsensitive) == 0) index = i;
        }
        if (index < 0 && !text.isEmpty()) {
            // A stored value the dispatcher does not offer: shown as such, not replaced.
            box->addItem(tr("%1 (not offered by ptdispatcher)").arg(text), text);
            index = box->count() - 1;
        }
        box->setCurrentIndex(std::max(0, index));
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            for (const Field& f : std::as_const(m_fields))
                storeField(f);
            if (!m_loading) Q_EMIT edited();
        });
        w = box;
    } else if (o.type == OptionType::Bool) {
        auto* box = new QCheckBox;
        box->setChecked((text.isEmpty() ? o.defaultValue : text) == QLatin1String("true"));
        connect(box, &QCheckBox::toggled, this, [this] {
            for (const Field& f : std::as_const(m_fields))
                storeField(f);
            if (!m_loading) Q_EMIT edited();
        });
        w = box;
    } else {
        QString hint;
        if (!o.defaultValue.isEmpty())
            hint = tr("default: %1").arg(o.defaultValue);
        else if (o.required)
            hint = o.example.isEmpty() || o.secret ? tr("required") : tr("required, e.g. %1").arg(o.example);
        else if (!o.example.isEmpty() && !o.secret)
            hint = tr("optional, e.g. %1").arg(o.example);
        else
            hint = tr("optional");
        auto* line = new QLineEdit(text);
        line->setPlaceholderText(hint);
        if (o.secret) line->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        connect(line, &QLineEdit::textEdited, this, [this] {
            for (const Field& f : std::as_const(m_fields))
                storeField(f);
            if (!m_loading) Q_EMIT edited();
        });
        w = line;
    }
    w->setObjectName(QStringLiteral("option:") + o.name);
    w->setToolTip(o.help); // the dispatcher's words (English)
    return w;
}

void ProfileForm::storeField(const Field& f)
{
    QJsonObject& o = m_options[currentTransport()];
    QString value;
    if (auto* box = qobject_cast<QComboBox*>(f.widget))
        value = box->currentData().toString();
    else if (auto* check = qobject_cast<QCheckBox*>(f.widget))
        value = check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    else if (auto* line = qobject_cast<QLineEdit*>(f.widget))
        value = f.option.secret ? line->text() : line->text().trimmed();
    if (value.isEmpty())
        o.remove(f.option.name);
    else
        o.insert(f.option.name, value);
}

void ProfileForm::rebuildFields()
{
    while (m_fieldsForm->rowCount() > 0)
        m_fieldsForm->removeRow(0);
    m_fields.clear();
    m_advancedOptionRows.clear();
    const describe::Transport* t = describedTransport();
    if (!t) {
        m_transportHelp->setText(
            m_unavailable.isEmpty() ? tr("This ptdispatcher has no transport \"%1\".").arg(currentTransport())
                                    : m_unavailable);
        m_transportHelp->setStyleSheet(QStringLiteral("color: #b00020"));
        return;
    }
    m_transportHelp->setText(t->help);
    m_transportHelp->setStyleSheet(QString());
    const bool wasLoading = m_loading;
    m_loading = true;
    const QJsonObject values = m_options.value(t->name);
    for (const describe::Option& o : t->role(isServer()).options) {
        Field f{o, makeField(o, values.value(o.name))};
        auto* label =
            new QLabel(optionLabel(o.name) + (o.required ? QStringLiteral(" *:") : QStringLiteral(":")));
        label->setToolTip(o.name); // the name bridge lines and -options use
        m_fieldsForm->addRow(label, f.widget);
        if (!essential(o)) m_advancedOptionRows << label << f.widget;
        m_fields << f;
    }
    updateRoleVisibility();
    // Enum and bool fields show a value even when the profile has none: store it, so what
    // is sent is what is shown.
    for (const Field& f : std::as_const(m_fields))
        if (f.option.type == OptionType::Enum || f.option.type == OptionType::Bool) storeField(f);
    m_loading = wasLoading;
}

QString ProfileForm::optionLabel(const QString& name)
{
    // Plain words for the options users meet in bridge lines; the rest (server-side
    // key material, mostly) keep the name the dispatcher and the docs use.
    static const struct
    {
        const char* name;
        const char* label;
    } kLabels[] = {
        {"serverAddress", QT_TR_NOOP("Bridge address")},
        {"cert", QT_TR_NOOP("Certificate (cert)")},
        {"iat-mode", QT_TR_NOOP("Timing obfuscation (iat-mode)")},
        {"password", QT_TR_NOOP("Password")},
        {"cipherName", QT_TR_NOOP("Cipher")},
        {"url", QT_TR_NOOP("URL")},
        {"front", QT_TR_NOOP("Front domain")},
        {"addr", QT_TR_NOOP("Connect to (addr)")},
        {"servername", QT_TR_NOOP("TLS server name")},
        {"ver", QT_TR_NOOP("Version")},
        {"idle-timeout", QT_TR_NOOP("Idle timeout")},
    };
    for (const auto& l : kLabels)
        if (name == QLatin1String(l.name)) return tr(l.label);
    return name;
}

bool ProfileForm::essential(const describe::Option& o)
{
    // What a bridge line carries and a bridge cannot work without; defaults and tuning
    // (obfs4's iat-mode, a cipher with a default) wait behind Advanced.
    return o.required || o.secret || o.name == QLatin1String("serverAddress");
}

void ProfileForm::setAdvanced(bool on)
{
    if (auto* toggle = qobject_cast<QToolButton*>(m_advancedToggle)) {
        const QSignalBlocker block(toggle);
        toggle->setChecked(on);
        toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    }
    if (m_advanced == on) return;
    m_advanced = on;
    updateRoleVisibility();
    Q_EMIT advancedToggled(on);
}

void ProfileForm::updateRoleVisibility()
{
    const bool server = isServer();
    // A server profile always shows that it is one.
    for (QWidget* w : std::as_const(m_roleRow))
        w->setVisible(m_advanced || server);
    for (QWidget* w : std::as_const(m_clientOnly))
        w->setVisible(!server && (m_advanced || !m_advancedOnly.contains(w)));
    for (QWidget* w : std::as_const(m_serverOnly))
        w->setVisible(server);
    for (QWidget* w : std::as_const(m_advancedOnly))
        if (!m_clientOnly.contains(w)) w->setVisible(m_advanced);
    for (QWidget* w : std::as_const(m_advancedOptionRows))
        w->setVisible(m_advanced);
    // A server's listen address is where its clients come: part of its first screen.
    m_listenLabel->setVisible(m_advanced || server);
    m_listen->setVisible(m_advanced || server);
}

void ProfileForm::setConfig(const LaunchConfig& c)
{
    m_loading = true;
    m_base = c;
    m_options = c.options;
    {
        const QSignalBlocker block(m_role);
        m_role->setCurrentIndex(c.role == LaunchConfig::Role::Server ? 1 : 0);
    }
    const QString t = c.transports.value(0, m_transports.isEmpty() ? QString() : m_transports.first().name);
    fillTransports(t);
    rebuildFields();
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(c.mode)));
    m_logLevel->setCurrentIndex(std::max(0, m_logLevel->findData(c.logLevel)));
    m_listen->setText(c.role == LaunchConfig::Role::Server ? c.bindAddrs.value(t) : c.proxyListenAddr);
    m_proxy->setText(c.proxy);
    m_target->setText(c.target);
    m_stateDir->setText(c.stateDir);
    updateRoleVisibility();
    m_loading = false;
}

LaunchConfig ProfileForm::config() const
{
    LaunchConfig c = m_base;
    const bool server = isServer();
    c.role = server ? LaunchConfig::Role::Server : LaunchConfig::Role::Client;
    const QString t = currentTransport();
    if (!t.isEmpty()) c.transports = {t};
    QJsonObject o = m_options.value(t);
    if (const describe::Transport* d = describedTransport()) {
        for (const QString& key : o.keys())
            if (describedForOtherRoleOnly(*d, server, key)) o.remove(key);
    }
    c.options.clear();
    if (!o.isEmpty()) c.options.insert(t, o);
    c.mode = m_mode->currentData().toString();
    c.logLevel = m_logLevel->currentData().toString();
    c.bindAddrs.clear();
    if (server) {
        if (!m_listen->text().trimmed().isEmpty()) c.bindAddrs.insert(t, m_listen->text().trimmed());
    } else {
        c.proxyListenAddr = m_listen->text().trimmed();
    }
    c.proxy = m_proxy->text().trimmed();
    c.target = m_target->text().trimmed();
    c.stateDir = m_stateDir->text().trimmed();
    return c;
}

} // namespace pt::gui
