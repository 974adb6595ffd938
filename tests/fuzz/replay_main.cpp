// Runs a fuzz target's LLVMFuzzerTestOneInput over files, without libFuzzer: the seed
// corpus and every input that once crashed (tests/fuzz/corpus/<target>/) are replayed
// by CTest in the normal (and sanitizer) build. Usage: replay FILE_OR_DIR...
#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int files = 0;
    for (int i = 1; i < argc; ++i) {
        QStringList paths;
        if (QFileInfo(QString::fromLocal8Bit(argv[i])).isDir()) {
            QDirIterator it(QString::fromLocal8Bit(argv[i]), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                paths << it.next();
        } else {
            paths << QString::fromLocal8Bit(argv[i]);
        }
        paths.sort();
        for (const QString& p : paths) {
            QFile f(p);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(p));
                return 2;
            }
            const QByteArray d = f.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(d.constData()), size_t(d.size()));
            ++files;
        }
    }
    std::printf("replayed %d inputs\n", files);
    return files > 0 ? 0 : 1; // an empty corpus is a broken test, not a pass
}
