#pragma once

// Named launch profiles kept in QSettings, each as LaunchConfig::toJson() text so the
// stored form is the same one scripts and the dispatcher docs use.

#include "shared/launch/LaunchConfig.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSettings;

namespace pt::gui {

struct Profile
{
    QString name;
    LaunchConfig config;
};

class ProfileStore
{
public:
    explicit ProfileStore(QSettings& settings) : m_settings(settings) {}
    // Profiles that do not parse are skipped and named in problems (never fatal: one
    // hand-edited entry must not cost the user all the others).
    QList<Profile> load(QStringList* problems = nullptr) const;
    void save(const QList<Profile>& profiles);

    // base, or "base (2)", "base (3)", ... whichever is not taken yet.
    static QString uniqueName(const QList<Profile>& profiles, const QString& base);

private:
    QSettings& m_settings;
};

} // namespace pt::gui
