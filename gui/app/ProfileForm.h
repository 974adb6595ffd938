#pragma once

// Edits one LaunchConfig: role, transport with its own small form, mode, listen address,
// upstream proxy, log level. Only what the user typed goes in; the dispatcher validates.

#include "shared/launch/LaunchConfig.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QStackedWidget;
class QLabel;

namespace pt::gui {

class ProfileForm : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileForm(QWidget* parent = nullptr);

    void setConfig(const LaunchConfig& config);
    LaunchConfig config() const;

Q_SIGNALS:
    void edited();

private:
    void updateRoleVisibility();
    QLineEdit* addLine(const QString& placeholder);

    LaunchConfig m_base; // keeps fields this form does not show
    bool m_loading = false;
    QComboBox* m_role;
    QComboBox* m_transport;
    QStackedWidget* m_stack;
    QLineEdit* m_obfs4Server;
    QLineEdit* m_obfs4Cert;
    QComboBox* m_obfs4Iat;
    QLineEdit* m_shadowServer;
    QLineEdit* m_shadowPassword;
    QComboBox* m_shadowCipher;
    QLineEdit* m_plainServer;
    QComboBox* m_mode;
    QLineEdit* m_listen;
    QLineEdit* m_proxy;
    QLineEdit* m_target;
    QLineEdit* m_stateDir;
    QComboBox* m_logLevel;
    QList<QWidget*> m_clientOnly;
    QList<QWidget*> m_serverOnly;
};

} // namespace pt::gui
