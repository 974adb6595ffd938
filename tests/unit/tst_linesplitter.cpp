// pt::ipc::LineSplitter: lines across feeds, CRLF, the length cap and EOF.

#include "shared/ipc/IpcMessage.h"

#include <QTest>

using pt::ipc::LineSplitter;

namespace {

QList<QByteArray> texts(const QList<LineSplitter::Line>& lines)
{
    QList<QByteArray> out;
    for (const auto& l : lines)
        out.append(l.text);
    return out;
}

} // namespace

class TstLineSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineSplitAcrossFeedsIsJoined();
    void severalLinesInOneFeed();
    void everyByteFedSeparatelyGivesSameLines();
    void crlfIsStripped();
    void emptyLinesAreKept();
    void overlongLineIsReportedOnceTruncatedAndTailDiscarded();
    void overlongLineInsideOneFeedIsTruncated();
    void lineOfExactlyMaxIsNotTruncatedEvenWithCrSplitOff();
    void finishReturnsPartialLastLine();
    void finishAfterTruncatedTailReturnsNothing();
    void finishWithNothingPendingReturnsNothing();
};

void TstLineSplitter::lineSplitAcrossFeedsIsJoined()
{
    LineSplitter s;
    QVERIFY(s.feed("VERS").isEmpty());
    QVERIFY(s.feed("ION 3").isEmpty());
    const auto lines = s.feed(".0\nCMETH");
    QCOMPARE(texts(lines), QList<QByteArray>{"VERSION 3.0"});
    QVERIFY(!lines[0].truncated);
    QCOMPARE(texts(s.feed("ODS DONE\n")), QList<QByteArray>{"CMETHODS DONE"});
}

void TstLineSplitter::severalLinesInOneFeed()
{
    LineSplitter s;
    const auto lines = s.feed("VERSION 3.0\nCMETHOD a socks5 127.0.0.1:1\nCMETHODS DONE\npartial");
    QCOMPARE(texts(lines),
             (QList<QByteArray>{"VERSION 3.0", "CMETHOD a socks5 127.0.0.1:1", "CMETHODS DONE"}));
    const auto rest = s.finish();
    QVERIFY(rest.has_value());
    QCOMPARE(rest->text, QByteArray("partial"));
}

void TstLineSplitter::everyByteFedSeparatelyGivesSameLines()
{
    const QByteArray stream = "A 1\r\nB 2\n\nC 3\n";
    LineSplitter s;
    QList<QByteArray> got;
    for (char c : stream)
        got += texts(s.feed(QByteArray(1, c)));
    QCOMPARE(got, (QList<QByteArray>{"A 1", "B 2", "", "C 3"}));
    QVERIFY(!s.finish().has_value());
}

void TstLineSplitter::crlfIsStripped()
{
    LineSplitter s;
    QCOMPARE(texts(s.feed("A\r\nB\r")), QList<QByteArray>{"A"});
    QCOMPARE(texts(s.feed("\nC\r\r\n")),
             (QList<QByteArray>{"B", "C\r"})); // only one CR belongs to the newline
}

void TstLineSplitter::emptyLinesAreKept()
{
    LineSplitter s;
    QCOMPARE(texts(s.feed("\n\r\n\n")), (QList<QByteArray>{"", "", ""}));
}

void TstLineSplitter::overlongLineIsReportedOnceTruncatedAndTailDiscarded()
{
    LineSplitter s(8);
    auto lines = s.feed("0123456");
    QVERIFY(lines.isEmpty());
    lines = s.feed("789abcdef"); // now 16 bytes without a newline
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0].text, QByteArray("01234567"));
    QVERIFY(lines[0].truncated);
    // More of the same line: nothing new is reported and nothing is buffered.
    QVERIFY(s.feed(QByteArray(100000, 'x')).isEmpty());
    lines = s.feed("yyy\nNEXT\n");
    QCOMPARE(texts(lines), QList<QByteArray>{"NEXT"});
    QVERIFY(!lines[0].truncated);
}

void TstLineSplitter::overlongLineInsideOneFeedIsTruncated()
{
    LineSplitter s(4);
    const auto lines = s.feed("abcdefgh\nok\n");
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].text, QByteArray("abcd"));
    QVERIFY(lines[0].truncated);
    QCOMPARE(lines[1].text, QByteArray("ok"));
    QVERIFY(!lines[1].truncated);
}

void TstLineSplitter::lineOfExactlyMaxIsNotTruncatedEvenWithCrSplitOff()
{
    LineSplitter s(4);
    QVERIFY(s.feed("abcd\r").isEmpty());
    const auto lines = s.feed("\nwxyz\n");
    QCOMPARE(texts(lines), (QList<QByteArray>{"abcd", "wxyz"}));
    QVERIFY(!lines[0].truncated);
    QVERIFY(!lines[1].truncated);
    // One byte more is over the cap.
    const auto over = s.feed("abcde\n");
    QCOMPARE(over.size(), 1);
    QVERIFY(over[0].truncated);
    QCOMPARE(over[0].text, QByteArray("abcd"));
}

void TstLineSplitter::finishReturnsPartialLastLine()
{
    LineSplitter s;
    QVERIFY(s.feed("LOG INFO bye\r").isEmpty());
    const auto last = s.finish();
    QVERIFY(last.has_value());
    QCOMPARE(last->text, QByteArray("LOG INFO bye"));
    QVERIFY(!last->truncated);
    QVERIFY(!s.finish().has_value()); // consumed
}

void TstLineSplitter::finishAfterTruncatedTailReturnsNothing()
{
    LineSplitter s(4);
    const auto lines = s.feed("abcdefghij");
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines[0].truncated);
    QVERIFY(!s.finish().has_value());
    // The splitter is usable again afterwards.
    QCOMPARE(texts(s.feed("ok\n")), QList<QByteArray>{"ok"});
}

void TstLineSplitter::finishWithNothingPendingReturnsNothing()
{
    LineSplitter s;
    QVERIFY(!s.finish().has_value());
    QCOMPARE(s.feed("x\n").size(), 1);
    QVERIFY(!s.finish().has_value());
}

QTEST_APPLESS_MAIN(TstLineSplitter)
#include "tst_linesplitter.moc"
