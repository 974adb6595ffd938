#include "ProfileForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>

namespace pt::gui {

namespace {
const QStringList kTransports{QStringLiteral("obfs4"), QStringLiteral("shadow"), QStringLiteral("plain")};
const QStringList kCiphers{QStringLiteral("chacha20-ietf-poly1305"), QStringLiteral("aes-256-gcm"),
                           QStringLiteral("aes-128-gcm"), QStringLiteral("2022-blake3-aes-128-gcm"),
                           QStringLiteral("2022-blake3-aes-256-gcm")};

void setText(QLineEdit* e, const QJsonObject& o, const QString& key)
{
    e->setText(o.value(key).toString());
}

void putIfSet(QJsonObject& o, const QString& key, const QString& value)
{
    if (!value.trimmed().isEmpty()) o.insert(key, value.trimmed());
}

// Adds a form row and returns its label, so the caller can hide the row by role.
QLabel* addRow(QFormLayout* form, const QString& label, QWidget* field)
{
    auto* l = new QLabel(label);
    form->addRow(l, field);
    return l;
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
    m_role->addItem(tr("Client"), int(LaunchConfig::Role::Client));
    m_role->addItem(tr("Server"), int(LaunchConfig::Role::Server));
    form->addRow(tr("Role:"), m_role);

    m_transport = new QComboBox;
    m_transport->addItems(kTransports);
    form->addRow(tr("Transport:"), m_transport);

    m_stack = new QStackedWidget;
    {
        auto* w = new QWidget;
        auto* f = new QFormLayout(w);
        f->setContentsMargins(0, 0, 0, 0);
        m_obfs4Server = addLine(tr("1.2.3.4:443"));
        m_obfs4Cert = addLine(tr("cert from the bridge line"));
        m_obfs4Iat = new QComboBox;
        m_obfs4Iat->addItems({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")});
        connect(m_obfs4Iat, &QComboBox::currentIndexChanged, this, emitEdited);
        m_clientOnly << addRow(f, tr("Server address:"), m_obfs4Server) << m_obfs4Server;
        m_clientOnly << addRow(f, tr("Cert:"), m_obfs4Cert) << m_obfs4Cert;
        f->addRow(tr("IAT mode:"), m_obfs4Iat);
        m_stack->addWidget(w);
    }
    {
        auto* w = new QWidget;
        auto* f = new QFormLayout(w);
        f->setContentsMargins(0, 0, 0, 0);
        m_shadowServer = addLine(tr("1.2.3.4:8388"));
        m_shadowPassword = addLine(tr("password"));
        m_shadowPassword->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        m_shadowCipher = new QComboBox;
        m_shadowCipher->setEditable(true);
        m_shadowCipher->addItems(kCiphers);
        connect(m_shadowCipher, &QComboBox::currentTextChanged, this, emitEdited);
        m_clientOnly << addRow(f, tr("Server address:"), m_shadowServer) << m_shadowServer;
        f->addRow(tr("Password:"), m_shadowPassword);
        f->addRow(tr("Cipher:"), m_shadowCipher);
        m_stack->addWidget(w);
    }
    {
        auto* w = new QWidget;
        auto* f = new QFormLayout(w);
        f->setContentsMargins(0, 0, 0, 0);
        m_plainServer = addLine(tr("1.2.3.4:443"));
        m_clientOnly << addRow(f, tr("Server address:"), m_plainServer) << m_plainServer;
        m_stack->addWidget(w);
    }
    form->addRow(m_stack);

    m_mode = new QComboBox;
    m_mode->addItem(tr("default (socks5)"), QString());
    for (const char* m : {"socks5", "transparent-TCP", "transparent-UDP", "STUN"})
        m_mode->addItem(QString::fromLatin1(m), QString::fromLatin1(m));
    m_clientOnly << addRow(form, tr("Mode:"), m_mode) << m_mode;

    m_listen = addLine(tr("127.0.0.1:0 (any free port)"));
    form->addRow(tr("Listen address:"), m_listen);
    m_proxy = addLine(tr("socks5://127.0.0.1:1080 (optional)"));
    m_clientOnly << addRow(form, tr("Upstream proxy:"), m_proxy) << m_proxy;
    m_target = addLine(tr("127.0.0.1:9001 (where clients are forwarded)"));
    m_serverOnly << addRow(form, tr("Target:"), m_target) << m_target;
    m_stateDir = addLine(tr("directory for keys (obfs4 server)"));
    m_serverOnly << addRow(form, tr("State directory:"), m_stateDir) << m_stateDir;

    m_logLevel = new QComboBox;
    m_logLevel->addItem(tr("default"), QString());
    for (const char* l : {"NONE", "ERROR", "WARN", "INFO", "DEBUG"})
        m_logLevel->addItem(QString::fromLatin1(l), QString::fromLatin1(l));
    form->addRow(tr("Log level:"), m_logLevel);

    connect(m_role, &QComboBox::currentIndexChanged, this, [this, emitEdited] {
        updateRoleVisibility();
        emitEdited();
    });
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this, emitEdited](int i) {
        m_stack->setCurrentIndex(i);
        emitEdited();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, emitEdited);
    connect(m_logLevel, &QComboBox::currentIndexChanged, this, emitEdited);
    updateRoleVisibility();
}

void ProfileForm::updateRoleVisibility()
{
    const bool server = m_role->currentData().toInt() == int(LaunchConfig::Role::Server);
    for (QWidget* w : std::as_const(m_clientOnly))
        w->setVisible(!server);
    for (QWidget* w : std::as_const(m_serverOnly))
        w->setVisible(server);
}

void ProfileForm::setConfig(const LaunchConfig& c)
{
    m_loading = true;
    m_base = c;
    m_role->setCurrentIndex(c.role == LaunchConfig::Role::Server ? 1 : 0);
    const QString t = c.transports.value(0, QStringLiteral("obfs4"));
    const int ti = kTransports.indexOf(t);
    m_transport->setCurrentIndex(ti < 0 ? 0 : int(ti));
    m_stack->setCurrentIndex(m_transport->currentIndex());
    const QJsonObject o = c.options.value(m_transport->currentText());
    for (QLineEdit* e : {m_obfs4Server, m_obfs4Cert, m_shadowServer, m_shadowPassword, m_plainServer})
        e->clear();
    setText(m_obfs4Server, o, QStringLiteral("serverAddress"));
    setText(m_shadowServer, o, QStringLiteral("serverAddress"));
    setText(m_plainServer, o, QStringLiteral("serverAddress"));
    setText(m_obfs4Cert, o, QStringLiteral("cert"));
    setText(m_shadowPassword, o, QStringLiteral("password"));
    m_obfs4Iat->setCurrentText(o.value(QStringLiteral("iat-mode")).toString(QStringLiteral("0")));
    m_shadowCipher->setCurrentText(o.value(QStringLiteral("cipherName")).toString(kCiphers.first()));
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
    const bool server = m_role->currentData().toInt() == int(LaunchConfig::Role::Server);
    c.role = server ? LaunchConfig::Role::Server : LaunchConfig::Role::Client;
    const QString t = m_transport->currentText();
    c.transports = {t};
    QJsonObject o;
    if (t == QLatin1String("obfs4")) {
        if (!server) {
            putIfSet(o, QStringLiteral("serverAddress"), m_obfs4Server->text());
            putIfSet(o, QStringLiteral("cert"), m_obfs4Cert->text());
        }
        o.insert(QStringLiteral("iat-mode"), m_obfs4Iat->currentText());
    } else if (t == QLatin1String("shadow")) {
        if (!server) putIfSet(o, QStringLiteral("serverAddress"), m_shadowServer->text());
        putIfSet(o, QStringLiteral("password"), m_shadowPassword->text());
        putIfSet(o, QStringLiteral("cipherName"), m_shadowCipher->currentText());
    } else if (!server) {
        putIfSet(o, QStringLiteral("serverAddress"), m_plainServer->text());
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
