#pragma once

// Edits one LaunchConfig: role, transport and the transport's options, mode, listen
// address, upstream proxy, log level. The transports and their option fields are built
// from the dispatcher's own description (TransportCatalog, `-describe-transports`):
// a text field per option, a list for enums (exactly the dispatcher's choices), a
// password field for secrets, a check box for booleans. Only what the user typed goes
// in; the dispatcher validates. Option keys the form does not show (a bridge line's
// utls=, a placeholder serverAddress) are kept as they are.
//
// The first screen is for someone who was handed a bridge: the transport, the server
// address and the options a bridge cannot work without (required or secret ones).
// Everything else (role, optional options such as obfs4's iat-mode, mode, listen
// address, upstream proxy, log level) is behind the Advanced toggle. A server profile
// also shows its role, listen (bind) address, target and state directory.

#include "shared/describe/TransportDescription.h"
#include "shared/launch/LaunchConfig.h"

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace pt::gui {

class ProfileForm : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileForm(QWidget* parent = nullptr);

    // The transports to offer (from TransportCatalog). Until then, or after
    // setTransportsUnavailable(), the form shows the profile's transport without fields
    // and keeps its options untouched.
    void setTransports(const QList<describe::Transport>& transports);
    void setTransportsUnavailable(const QString& error);

    void setConfig(const LaunchConfig& config);
    LaunchConfig config() const;

    // Shows (or hides) the fields behind Advanced. Off by default.
    void setAdvanced(bool on);
    bool isAdvanced() const { return m_advanced; }

Q_SIGNALS:
    void edited();
    void advancedToggled(bool on);

private:
    struct Field
    {
        describe::Option option;
        QWidget* widget = nullptr;
    };

    bool isServer() const;
    QString currentTransport() const;
    const describe::Transport* describedTransport() const;
    void fillTransports(const QString& select);
    void rebuildFields();
    QWidget* makeField(const describe::Option& o, const QJsonValue& value);
    void storeField(const Field& f);
    void updateRoleVisibility();
    // Whether an option of the described transport belongs on the first screen.
    static bool essential(const describe::Option& o);
    // What the form calls an option: plain, translated words for the ones bridge lines carry.
    static QString optionLabel(const QString& name);
    QLineEdit* addLine(const QString& placeholder);

    LaunchConfig m_base; // keeps fields this form does not show
    QList<describe::Transport> m_transports;
    QString m_unavailable;
    QMap<QString, QJsonObject> m_options; // per transport, as edited
    QList<Field> m_fields;
    QList<QWidget*> m_advancedOptionRows; // labels and fields of non-essential options
    bool m_loading = false;
    bool m_advanced = false;
    QWidget* m_advancedToggle;
    QComboBox* m_role;
    QComboBox* m_transport;
    QLabel* m_transportHelp;
    QWidget* m_fieldsBox;
    QFormLayout* m_fieldsForm;
    QComboBox* m_mode;
    QLineEdit* m_listen;
    QLabel* m_listenLabel;
    QLineEdit* m_proxy;
    QLineEdit* m_target;
    QLineEdit* m_stateDir;
    QComboBox* m_logLevel;
    QList<QWidget*> m_clientOnly;
    QList<QWidget*> m_serverOnly;
    QList<QWidget*> m_advancedOnly; // rows shown only with Advanced on
    QList<QWidget*> m_roleRow;
};

} // namespace pt::gui
