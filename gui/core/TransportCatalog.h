#pragma once

// The transports the dispatcher has, learned from the dispatcher itself: runs
// `ptdispatcher -describe-transports` (the program DispatcherController launches) and
// keeps what it printed. The GUI's forms, cipher lists and import checks come from here
// and from nowhere else, so they cannot offer what the dispatcher rejects.
// Never blocks: the child is read asynchronously, with a time limit and an output cap.

#include "shared/describe/TransportDescription.h"

#include <QList>
#include <QObject>
#include <QProcess>
#include <QTimer>

namespace pt::gui {

class TransportCatalog : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Empty,
        Loading,
        Ready,
        Failed
    };
    Q_ENUM(State)

    explicit TransportCatalog(QObject* parent = nullptr);
    ~TransportCatalog() override;

    // Empty: DispatcherController::findDispatcher().
    void setProgram(const QString& path) { m_program = path; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Starts reading the dispatcher's description (again). Ends in loaded() or failed().
    void load();
    // Takes a description directly (what load() does with the child's output); emits
    // loaded() or failed() like load().
    bool setDescription(const QByteArray& json, QString* error);

    State state() const { return m_state; }
    QString errorText() const { return m_error; }
    const QList<describe::Transport>& transports() const { return m_transports; }
    const describe::Transport* find(const QString& name) const;

Q_SIGNALS:
    void loaded();
    void failed(const QString& error);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void fail(const QString& error);

    QString m_program;
    QProcess* m_process = nullptr;
    QByteArray m_out;
    QByteArray m_err;
    QString m_killedBecause; // set when we ended the child (time limit, output cap)
    QTimer m_timer;
    int m_timeoutMs = 15000;
    State m_state = State::Empty;
    QString m_error;
    QList<describe::Transport> m_transports;
};

} // namespace pt::gui
