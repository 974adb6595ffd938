#include "ProfileStore.h"

#include <QJsonDocument>
#include <QSettings>

namespace pt::gui {

namespace {
const QString kGroup = QStringLiteral("profiles");
const QString kName = QStringLiteral("name");
const QString kConfig = QStringLiteral("config");
} // namespace

QList<Profile> ProfileStore::load(QStringList* problems) const
{
    QList<Profile> out;
    const int n = m_settings.beginReadArray(kGroup);
    for (int i = 0; i < n; ++i) {
        m_settings.setArrayIndex(i);
        const QString name = m_settings.value(kName).toString();
        QJsonParseError jerr{};
        const QJsonDocument doc =
            QJsonDocument::fromJson(m_settings.value(kConfig).toString().toUtf8(), &jerr);
        QString why;
        std::optional<LaunchConfig> cfg;
        if (!doc.isObject())
            why = QObject::tr("not a JSON object");
        else
            cfg = LaunchConfig::fromJson(doc.object(), &why);
        if (name.isEmpty() || !cfg) {
            if (problems)
                problems->append(QObject::tr("profile %1 (\"%2\"): %3")
                                     .arg(i + 1)
                                     .arg(name, name.isEmpty() ? QObject::tr("no name") : why));
            continue;
        }
        out.append(Profile{name, *cfg});
    }
    m_settings.endArray();
    return out;
}

void ProfileStore::save(const QList<Profile>& profiles)
{
    m_settings.remove(kGroup);
    m_settings.beginWriteArray(kGroup, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(kName, profiles.at(i).name);
        m_settings.setValue(
            kConfig,
            QString::fromUtf8(QJsonDocument(profiles.at(i).config.toJson()).toJson(QJsonDocument::Compact)));
    }
    m_settings.endArray();
    m_settings.sync();
}

QString ProfileStore::uniqueName(const QList<Profile>& profiles, const QString& base)
{
    auto taken = [&](const QString& n) {
        for (const Profile& p : profiles)
            if (p.name == n) return true;
        return false;
    };
    if (!taken(base)) return base;
    for (int i = 2;; ++i) {
        QString n = QStringLiteral("%1 (%2)").arg(base).arg(i);
        if (!taken(n)) return n;
    }
}

} // namespace pt::gui
