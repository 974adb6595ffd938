// Placeholder until the GUI issue: shows that the Widgets app builds against shared/.
#include "shared/ipc/IpcMessage.h"

#include <QApplication>
#include <QLabel>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QLabel label(QObject::tr("ptdispatcher GUI is not implemented yet."));
    label.show();
    return app.exec();
}
