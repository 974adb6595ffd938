<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>FailureText</name>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="40"/>
        <source>Cannot reach the bridge: the connection was refused</source>
        <translation>دسترسی به پل ممکن نیست: اتصال رد شد</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="42"/>
        <source>Cannot reach the bridge: no answer in time (the address may be blocked, or the cert may be wrong)</source>
        <translation>دسترسی به پل ممکن نیست: پاسخی به‌موقع نیامد (شاید نشانی مسدود باشد یا cert نادرست باشد)</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="44"/>
        <source>Cannot reach the bridge: the network or the bridge&apos;s address is unreachable</source>
        <translation>دسترسی به پل ممکن نیست: شبکه یا نشانی پل در دسترس نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="46"/>
        <source>Cannot reach the bridge: its host name could not be found</source>
        <translation>دسترسی به پل ممکن نیست: نام میزبان آن پیدا نشد</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="48"/>
        <source>Cannot reach the bridge: the bridge closed the connection during the handshake (wrong cert or password?)</source>
        <translation>دسترسی به پل ممکن نیست: پل هنگام دست‌دادن اتصال را بست (cert یا گذرواژهٔ نادرست؟)</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="50"/>
        <source>Cannot reach the bridge: the secure (TLS) connection failed</source>
        <translation>دسترسی به پل ممکن نیست: اتصال امن (TLS) شکست خورد</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="52"/>
        <source>Cannot reach the bridge: the web server answered with an error (wrong address or path?)</source>
        <translation>دسترسی به پل ممکن نیست: کارساز وب با خطا پاسخ داد (نشانی یا مسیر نادرست؟)</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="54"/>
        <source>Cannot reach the bridge: the upstream proxy failed or refused the connection</source>
        <translation>دسترسی به پل ممکن نیست: پراکسی بالادستی شکست خورد یا اتصال را رد کرد</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="56"/>
        <source>The bridge line is not valid</source>
        <translation>خط پل معتبر نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="58"/>
        <source>Cannot reach the bridge</source>
        <translation>دسترسی به پل ممکن نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="67"/>
        <source>%1 (%2)</source>
        <extracomment>%1 is the plain-words reason, %2 the technical detail from the dispatcher (English)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../gui/app/Language.cpp" line="43"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages</comment>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="56"/>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing &apos;]&apos;</source>
        <translation type="vanished">نشانی «%1»: ‏&apos;]&apos; کم است</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing :port</source>
        <translation type="vanished">نشانی «%1»: ‏:port (درگاه) کم است</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: &quot;%2&quot; is not an IPv6 address</source>
        <translation type="vanished">نشانی «%1»: «%2» نشانی IPv6 نیست</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: IPv6 addresses need [brackets]</source>
        <translation type="vanished">نشانی «%1»: نشانی‌های IPv6 باید در [کروشه] باشند</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing host</source>
        <translation type="vanished">نشانی «%1»: میزبان کم است</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: port &quot;%2&quot; is not a number from 1 to 65535</source>
        <translation type="vanished">نشانی «%1»: درگاه «%2» عددی از ۱ تا ۶۵۵۳۵ نیست</translation>
    </message>
    <message>
        <source>the bridge line is empty</source>
        <translation type="vanished">خط پل خالی است</translation>
    </message>
    <message>
        <source>the bridge line names no transport (a plain Tor bridge needs no ptdispatcher)</source>
        <translation type="vanished">خط پل هیچ ترابری را نام نمی‌برد (پل ساده‌ی Tor به ptdispatcher نیازی ندارد)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a transport name</source>
        <translation type="vanished">«%1» نام ترابری نیست</translation>
    </message>
    <message>
        <source>the bridge line has no server address</source>
        <translation type="vanished">خط پل نشانی سرور ندارد</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a fingerprint (40 hex digits)</source>
        <translation type="vanished">«%1» اثر انگشت نیست (۴۰ رقم هگز)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key=value option</source>
        <translation type="vanished">«%1» گزینه‌ی key=value نیست</translation>
    </message>
    <message>
        <source>option &quot;%1&quot; appears twice</source>
        <translation type="vanished">گزینه‌ی «%1» دو بار آمده است</translation>
    </message>
    <message>
        <source>obfs4 bridge line has no cert= option</source>
        <translation type="vanished">خط پل obfs4 گزینه‌ی cert= ندارد</translation>
    </message>
    <message>
        <source>%1 bridge line has no url= option</source>
        <translation type="vanished">خط پل %1 گزینهٔ url= ندارد</translation>
    </message>
    <message>
        <source>this ptdispatcher has no %1 client</source>
        <translation type="vanished">این ptdispatcher کلاینت %1 ندارد</translation>
    </message>
    <message>
        <source>%1=%2 is not supported by this ptdispatcher (one of: %3)</source>
        <translation type="vanished">%1=%2 در این ptdispatcher پشتیبانی نمی‌شود (یکی از: %3)</translation>
    </message>
    <message>
        <source>iat-mode must be 0, 1 or 2, not &quot;%1&quot;</source>
        <translation type="vanished">iat-mode باید ۰، ۱ یا ۲ باشد، نه «%1»</translation>
    </message>
    <message>
        <source>not an ss:// URI</source>
        <translation type="vanished">یک نشانی ss://‎ نیست</translation>
    </message>
    <message>
        <source>ss:// plugins are not supported</source>
        <translation type="vanished">افزونه‌های ss://‎ پشتیبانی نمی‌شوند</translation>
    </message>
    <message>
        <source>ss:// URI has no &apos;@&apos; (the legacy all-base64 form is not supported)</source>
        <translation type="vanished">نشانی ss://‎ نویسه‌ی &apos;@&apos; ندارد (شکل قدیمی تمام‌base64 پشتیبانی نمی‌شود)</translation>
    </message>
    <message>
        <source>ss:// URI has no method:password</source>
        <translation type="vanished">نشانی ss://‎ بخش method:password ندارد</translation>
    </message>
    <message>
        <source>ss:// user info is neither base64 nor method:password</source>
        <translation type="vanished">اطلاعات کاربر در ss://‎ نه base64 است و نه method:password</translation>
    </message>
    <message>
        <source>ss:// user info has no &apos;:&apos; between method and password</source>
        <translation type="vanished">اطلاعات کاربر در ss://‎ میان روش و گذرواژه &apos;:&apos; ندارد</translation>
    </message>
    <message>
        <source>ss:// URI has an empty method</source>
        <translation type="vanished">روش در نشانی ss://‎ خالی است</translation>
    </message>
    <message>
        <source>ss:// URI has an empty password</source>
        <translation type="vanished">گذرواژه در نشانی ss://‎ خالی است</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="27"/>
        <source>not a JSON object</source>
        <translation>یک شیء JSON نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="32"/>
        <source>profile %1 (&quot;%2&quot;): %3</source>
        <translation>نمایه‌ی %1 («%2»): %3</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="34"/>
        <source>no name</source>
        <translation>بی‌نام</translation>
    </message>
</context>
<context>
    <name>pt::gui::BridgeChecker</name>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="32"/>
        <source>The bridge check did not work: %1</source>
        <extracomment>%1 says what went wrong with the check itself (the ptdispatcher child)</extracomment>
        <translation>بررسی پل انجام نشد: %1</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="80"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher پیدا نشد (PTDISPATCHER_BIN را تنظیم کنید یا آن را کنار برنامه بگذارید)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="135"/>
        <source>cannot start %1: %2</source>
        <translation>نمی‌توان %1 را آغاز کرد: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="152"/>
        <source>it gave no answer within %1 s</source>
        <translation>در %1 ثانیه پاسخی نداد</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="220"/>
        <source>ptdispatcher crashed</source>
        <translation>ptdispatcher از کار افتاد</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="223"/>
        <source>ptdispatcher gave no answer (exit code %1)</source>
        <translation>ptdispatcher پاسخی نداد (کد خروج %1)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="224"/>
        <location filename="../gui/core/BridgeChecker.cpp" line="263"/>
        <source>ptdispatcher gave an answer that is not understood: %1</source>
        <translation>ptdispatcher پاسخی داد که فهمیده نمی‌شود: %1</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="265"/>
        <source>ptdispatcher said OK but exited with code %1</source>
        <translation>ptdispatcher گفت درست است اما با کد %1 خارج شد</translation>
    </message>
</context>
<context>
    <name>pt::gui::DispatcherController</name>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="124"/>
        <source>Not connected</source>
        <translation>وصل نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="125"/>
        <source>Connecting…</source>
        <translation>در حال اتصال…</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="126"/>
        <source>Connected</source>
        <translation>وصل شد</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="127"/>
        <source>Cannot reach the bridge</source>
        <translation>دسترسی به پل ممکن نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="128"/>
        <source>Reconnecting…</source>
        <translation>اتصال دوباره…</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="211"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher پیدا نشد (PTDISPATCHER_BIN را تنظیم کنید یا آن را کنار برنامه بگذارید)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="255"/>
        <source>the bridge cannot be checked at start: %1</source>
        <translation>پل را نمی‌توان هنگام آغاز بررسی کرد: %1</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="352"/>
        <source>the dispatcher offers no method for this profile</source>
        <translation>دیسپچر برای این نمایه هیچ روشی ارائه نمی‌کند</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="392"/>
        <source>cannot start %1: %2</source>
        <translation>نمی‌توان %1 را آغاز کرد: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="427"/>
        <source>the dispatcher crashed</source>
        <translation>دیسپچر از کار افتاد</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="428"/>
        <source>the dispatcher exited unexpectedly (code %1)</source>
        <translation>دیسپچر به‌طور ناگهانی بسته شد (کد %1)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="431"/>
        <source>the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)</source>
        <translation>اجرای دیسپچر ممکن نشد: یک فایل DLL که لازم دارد وجود ندارد (ptdispatcher را دوباره نصب کنید)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="459"/>
        <source>Reconnecting in %1 s (attempt %2)</source>
        <extracomment>the dispatcher stopped by itself; %1 seconds until the next try, %2 counts the tries</extracomment>
        <translation>اتصال دوباره تا %1 ثانیهٔ دیگر (تلاش %2)</translation>
    </message>
</context>
<context>
    <name>pt::gui::Language</name>
    <message>
        <location filename="../gui/app/Language.cpp" line="13"/>
        <source>System language</source>
        <translation>زبان سیستم</translation>
    </message>
</context>
<context>
    <name>pt::gui::MainWindow</name>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="155"/>
        <location filename="../gui/app/MainWindow.cpp" line="1051"/>
        <location filename="../gui/app/MainWindow.cpp" line="1059"/>
        <source>ptdispatcher</source>
        <translation>ptdispatcher</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="167"/>
        <location filename="../gui/app/MainWindow.cpp" line="662"/>
        <source>New profile</source>
        <translation>نمایه‌ی تازه</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="170"/>
        <source>skipped a stored profile: %1</source>
        <translation>یک نمایه‌ی ذخیره‌شده نادیده گرفته شد: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="217"/>
        <source>Cannot read the transports from ptdispatcher: %1</source>
        <translation>نمی‌توان ترابری‌ها را از ptdispatcher خواند: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="276"/>
        <location filename="../gui/app/MainWindow.cpp" line="445"/>
        <location filename="../gui/app/MainWindow.cpp" line="886"/>
        <location filename="../gui/app/MainWindow.cpp" line="930"/>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="282"/>
        <source>Show window</source>
        <translation>نمایش پنجره</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="443"/>
        <source>Connection</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="464"/>
        <location filename="../gui/app/MainWindow.cpp" line="565"/>
        <source>Use as system proxy</source>
        <translation>استفاده به‌عنوان پراکسی سیستم</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="465"/>
        <source>While connected, the desktop&apos;s proxy setting points here, so browsers that follow it need no setup; it is put back on Disconnect and Quit.</source>
        <translation>تا وقتی وصل هستید، تنظیم پراکسی میزکار به این نشانی اشاره می‌کند، پس مرورگرهایی که از آن پیروی می‌کنند نیازی به تنظیم ندارند؛ با «قطع اتصال» و «خروج» به حالت قبل برمی‌گردد.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="470"/>
        <source>Test</source>
        <translation>آزمایش</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="471"/>
        <source>Check that the bridge answers, without connecting</source>
        <translation>بررسی پاسخ‌دادن پل، بدون وصل شدن</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="482"/>
        <source>shown once connected</source>
        <translation>پس از اتصال نشان داده می‌شود</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="509"/>
        <source>Traffic</source>
        <translation>ترافیک</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="530"/>
        <source>Log</source>
        <translation>گزارش</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="556"/>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="559"/>
        <source>Save log…</source>
        <translation>ذخیرهٔ گزارش…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="564"/>
        <source>&amp;Settings</source>
        <translation>&amp;تنظیمات</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="569"/>
        <source>Start at login</source>
        <translation>اجرا هنگام ورود به سیستم</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="572"/>
        <source>Start minimized when you log in, and connect the last profile</source>
        <translation>هنگام ورود، کوچک‌شده اجرا شود و به آخرین نمایه وصل شود</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="575"/>
        <source>Connect on start</source>
        <translation>اتصال هنگام اجرا</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Start minimized</source>
        <translation>آغاز به‌صورت کوچک‌شده</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="860"/>
        <source>Reconnecting in %1 s…</source>
        <translation>اتصال دوباره تا %1 ثانیهٔ دیگر…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="866"/>
        <source>Not connected</source>
        <translation>وصل نیست</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="288"/>
        <location filename="../gui/app/MainWindow.cpp" line="561"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="191"/>
        <source>The dispatcher stopped; reconnecting in %1 s (attempt %2).</source>
        <translation>دیسپچر متوقف شد؛ اتصال دوباره تا %1 ثانیهٔ دیگر (تلاش %2).</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="246"/>
        <source>The system proxy was still set by an earlier run that did not end normally; the previous settings are back.</source>
        <translation>پراکسی سیستم هنوز از اجرای قبلی که درست پایان نیافت تنظیم شده بود؛ تنظیمات پیشین بازگردانده شد.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="252"/>
        <location filename="../gui/app/MainWindow.cpp" line="253"/>
        <location filename="../gui/app/MainWindow.cpp" line="1022"/>
        <source>Cannot restore the system proxy: %1</source>
        <translation>بازگرداندن پراکسی سیستم ممکن نیست: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="281"/>
        <location filename="../gui/app/MainWindow.cpp" line="558"/>
        <source>Import from clipboard</source>
        <translation>وارد کردن از کلیپ‌بورد</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="381"/>
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="382"/>
        <source>Duplicate</source>
        <translation>رونوشت‌برداری</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="383"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="384"/>
        <source>Rename…</source>
        <translation>تغییر نام…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="385"/>
        <location filename="../gui/app/MainWindow.cpp" line="557"/>
        <source>Import…</source>
        <translation>درون‌ریزی…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="386"/>
        <source>Paste a Tor bridge line or an ss:// link</source>
        <translation>یک خط پل Tor یا پیوند ss://‎ را بچسبانید</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="387"/>
        <source>Test all</source>
        <translation>آزمایش همه</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="388"/>
        <source>Check every client profile&apos;s bridge at once</source>
        <translation>پل همهٔ نمایه‌های کارخواه را یک‌جا بررسی کن</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="398"/>
        <source>Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="409"/>
        <source>The language changes when ptdispatcher-gui starts again.</source>
        <translation>زبان پس از اجرای دوباره‌ی ptdispatcher-gui تغییر می‌کند.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">وضعیت</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="483"/>
        <source>Address:</source>
        <translation>نشانی:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="489"/>
        <source>Share:</source>
        <translation>هم‌رسانی:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="493"/>
        <source>QR code…</source>
        <translation>کد QR…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="514"/>
        <source>Log:</source>
        <translation>گزارش:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="522"/>
        <source>Save…</source>
        <translation>ذخیره…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="585"/>
        <source>Only the tray icon at start, where the desktop has a tray</source>
        <translation>هنگام اجرا فقط نماد سینی سیستم، اگر میزکار سینی داشته باشد</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="606"/>
        <source>This desktop (%1) has no system proxy setting ptdispatcher-gui knows how to change: set your browser&apos;s SOCKS5 proxy to the address shown.</source>
        <translation>این میزکار (%1) تنظیم پراکسی سیستمی ندارد که ptdispatcher-gui بتواند تغییرش دهد: پراکسی SOCKS5 مرورگر خود را روی نشانی نمایش‌داده تنظیم کنید.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="681"/>
        <source>Delete profile</source>
        <translation>حذف نمایه</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="681"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>نمایه‌ی «%1» حذف شود؟</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="692"/>
        <source>Rename profile</source>
        <translation>تغییر نام نمایه</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="692"/>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="704"/>
        <source>Import</source>
        <translation>درون‌ریزی</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="706"/>
        <source>Paste a Tor bridge line (obfs4, webtunnel, meek_lite …) or an ss:// link:</source>
        <translation>یک خط پل Tor (obfs4، webtunnel، meek_lite …) یا یک پیوند ss:// بچسبانید:</translation>
    </message>
    <message>
        <source>Paste a Tor bridge line (obfs4 …) or an ss:// link:</source>
        <translation type="vanished">یک خط پل Tor ‏(obfs4 …) یا پیوند ss://‎ را بچسبانید:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="765"/>
        <location filename="../gui/app/MainWindow.cpp" line="770"/>
        <source>QR code</source>
        <translation>کد QR</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="765"/>
        <source>This line is too long for a QR code.</source>
        <translation>این خط برای کد QR بیش از اندازه بلند است.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="806"/>
        <source>starting profile &quot;%1&quot;</source>
        <translation>آغاز نمایه‌ی «%1»</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="833"/>
        <location filename="../gui/app/MainWindow.cpp" line="863"/>
        <location filename="../gui/app/MainWindow.cpp" line="865"/>
        <source>Error: %1</source>
        <translation>خطا: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="vanished">متوقف</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="866"/>
        <source>Starting…</source>
        <translation>در حال آغاز…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="vanished">در حال اجرا</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="886"/>
        <location filename="../gui/app/MainWindow.cpp" line="930"/>
        <source>Disconnect</source>
        <translation>قطع اتصال</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="896"/>
        <location filename="../gui/app/MainWindow.cpp" line="987"/>
        <source>Could not set the system proxy: %1</source>
        <translation>تنظیم پراکسی سیستم ممکن نشد: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="898"/>
        <source>The system proxy points here: browsers that follow it need no setup.</source>
        <translation>پراکسی سیستم به این نشانی اشاره می‌کند: مرورگرهایی که از آن پیروی می‌کنند نیازی به تنظیم ندارند.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="900"/>
        <source>Set your browser&apos;s SOCKS5 proxy to this address (with remote DNS).</source>
        <translation>پراکسی SOCKS5 مرورگر خود را روی این نشانی تنظیم کنید (با DNS از راه دور).</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="906"/>
        <source>To begin, click Import… and paste the bridge line you were given.</source>
        <translation>برای شروع، روی «درون‌ریزی…» بزنید و خط پلی را که به شما داده‌اند بچسبانید.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="931"/>
        <source>ptdispatcher: %1</source>
        <translation>ptdispatcher: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="932"/>
        <source>Replace 0.0.0.0 by your public address and &lt;FINGERPRINT&gt; by your relay&apos;s</source>
        <translation>0.0.0.0 را با نشانی عمومی خود و &lt;FINGERPRINT&gt; را با اثر انگشت رله‌ی خود جایگزین کنید</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="983"/>
        <source>System proxy (%1) set to SOCKS %2.</source>
        <translation>پراکسی سیستم (%1) روی SOCKS %2 تنظیم شد.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1002"/>
        <source>Cannot start the system proxy guard: %1</source>
        <translation>نگهبان پراکسی سیستم اجرا نشد: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1019"/>
        <source>System proxy put back as it was.</source>
        <translation>پراکسی سیستم به حالت پیشین برگشت.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1033"/>
        <source>ptdispatcher-gui will start at login and connect.</source>
        <translation>ptdispatcher-gui هنگام ورود به سیستم اجرا و وصل می‌شود.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1034"/>
        <source>ptdispatcher-gui will no longer start at login.</source>
        <translation>ptdispatcher-gui دیگر هنگام ورود به سیستم اجرا نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1037"/>
        <source>Cannot change the start at login: %1</source>
        <translation>تغییر اجرای هنگام ورود ممکن نیست: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1049"/>
        <source>Imported &quot;%1&quot;.</source>
        <translation>«%1» وارد شد.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1055"/>
        <source>The clipboard holds no text to import.</source>
        <translation>کلیپ‌بورد متنی برای وارد کردن ندارد.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1056"/>
        <source>The clipboard holds no bridge line or ss:// link: %1</source>
        <translation>کلیپ‌بورد خط پل یا پیوند ss:// ندارد: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1082"/>
        <source>Nothing to test: this profile names no bridge address.</source>
        <translation>چیزی برای آزمایش نیست: این نمایه نشانی پلی ندارد.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1095"/>
        <source>testing…</source>
        <translation>در حال آزمایش…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1103"/>
        <source>%1 ms</source>
        <translation>%1 میلی‌ثانیه</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1104"/>
        <source>Test of &quot;%1&quot;: %2</source>
        <translation>آزمایش «%1»: %2</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1130"/>
        <source>Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5</source>
        <translation>ارسال: %1 ‏(%2/ث)   دریافت: %3 ‏(%4/ث)   اتصال‌ها: %5</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1176"/>
        <location filename="../gui/app/MainWindow.cpp" line="1180"/>
        <location filename="../gui/app/MainWindow.cpp" line="1186"/>
        <source>Save log</source>
        <translation>ذخیره‌ی گزارش</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1180"/>
        <location filename="../gui/app/MainWindow.cpp" line="1186"/>
        <source>Cannot write %1: %2</source>
        <translation>نمی‌توان در %1 نوشت: %2</translation>
    </message>
</context>
<context>
    <name>pt::gui::ProfileForm</name>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="61"/>
        <source>Client</source>
        <translation>کارخواه</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="62"/>
        <source>Server</source>
        <translation>سرور</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="63"/>
        <source>Role:</source>
        <translation>نقش:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="67"/>
        <source>Transport:</source>
        <translation>ترابری:</translation>
    </message>
    <message>
        <source>1.2.3.4:443</source>
        <translation type="vanished">1.2.3.4:443</translation>
    </message>
    <message>
        <source>cert from the bridge line</source>
        <translation type="vanished">cert از خط پل</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation type="vanished">نشانی سرور:</translation>
    </message>
    <message>
        <source>Cert:</source>
        <translation type="vanished">گواهی (cert):</translation>
    </message>
    <message>
        <source>IAT mode:</source>
        <translation type="vanished">حالت IAT:</translation>
    </message>
    <message>
        <source>1.2.3.4:8388</source>
        <translation type="vanished">1.2.3.4:8388</translation>
    </message>
    <message>
        <source>password</source>
        <translation type="vanished">گذرواژه</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="vanished">گذرواژه:</translation>
    </message>
    <message>
        <source>Cipher:</source>
        <translation type="vanished">رمز:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="98"/>
        <source>default (socks5)</source>
        <translation>پیش‌فرض (socks5)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="101"/>
        <source>Mode:</source>
        <translation>حالت:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="105"/>
        <source>127.0.0.1:0 (any free port)</source>
        <translation>127.0.0.1:0 (هر درگاه آزاد)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="107"/>
        <source>Listen address:</source>
        <translation>نشانی شنود:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="109"/>
        <source>socks5://127.0.0.1:1080 (optional)</source>
        <translation>socks5://127.0.0.1:1080 (اختیاری)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="111"/>
        <source>Upstream proxy:</source>
        <translation>پراکسی بالادستی:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="79"/>
        <source>127.0.0.1:9001 (where clients are forwarded)</source>
        <translation>127.0.0.1:9001 (جایی که کارخواه‌ها به آن فرستاده می‌شوند)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="80"/>
        <source>Target:</source>
        <translation>مقصد:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="81"/>
        <source>directory for keys (obfs4 server)</source>
        <translation>پوشه‌ی کلیدها (سرور obfs4)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="82"/>
        <source>State directory:</source>
        <translation>پوشه‌ی وضعیت:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="86"/>
        <source>Advanced</source>
        <translation>پیشرفته</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="87"/>
        <source>Transport details, listen address, upstream proxy, log level</source>
        <translation>جزئیات ترابرد، نشانی شنود، پراکسی بالادستی، سطح گزارش</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="117"/>
        <source>default</source>
        <translation>پیش‌فرض</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="120"/>
        <source>Log level:</source>
        <translation>سطح گزارش:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="133"/>
        <source>Reading the transports from ptdispatcher…</source>
        <translation>در حال خواندن ترابری‌ها از ptdispatcher…</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="184"/>
        <source>%1 (not in this ptdispatcher)</source>
        <translation>%1 (در این ptdispatcher نیست)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="197"/>
        <source>(not set)</source>
        <translation>(تنظیم نشده)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="208"/>
        <source>%1 (not offered by ptdispatcher)</source>
        <translation>%1 (ptdispatcher آن را ارائه نمی‌کند)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="228"/>
        <source>default: %1</source>
        <translation>پیش‌فرض: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="230"/>
        <source>required</source>
        <translation>الزامی</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="230"/>
        <source>required, e.g. %1</source>
        <translation>الزامی، مثلاً %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="232"/>
        <source>optional, e.g. %1</source>
        <translation>اختیاری، مثلاً %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="234"/>
        <source>optional</source>
        <translation>اختیاری</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="274"/>
        <source>This ptdispatcher has no transport &quot;%1&quot;.</source>
        <translation>این ptdispatcher ترابری «%1» را ندارد.</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="309"/>
        <source>Bridge address</source>
        <translation>نشانی پل</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="310"/>
        <source>Certificate (cert)</source>
        <translation>گواهی (cert)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="311"/>
        <source>Timing obfuscation (iat-mode)</source>
        <translation>پنهان‌سازی زمان‌بندی (iat-mode)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="312"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="313"/>
        <source>Cipher</source>
        <translation>رمز</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="314"/>
        <source>URL</source>
        <translation>نشانی وب (URL)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="315"/>
        <source>Front domain</source>
        <translation>دامنهٔ پوششی (front)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="316"/>
        <source>Connect to (addr)</source>
        <translation>اتصال به (addr)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="317"/>
        <source>TLS server name</source>
        <translation>نام کارساز TLS</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="318"/>
        <source>Version</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="319"/>
        <source>Idle timeout</source>
        <translation>مهلت بیکاری</translation>
    </message>
</context>
<context>
    <name>pt::gui::TrafficGraph</name>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="17"/>
        <source>Traffic graph</source>
        <translation>نمودار ترافیک</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="34"/>
        <source>%1/s</source>
        <translation>%1/ث</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="38"/>
        <source>down</source>
        <translation>دریافت</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="38"/>
        <source>up</source>
        <translation>ارسال</translation>
    </message>
</context>
<context>
    <name>pt::gui::TransportCatalog</name>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="18"/>
        <source>ptdispatcher -describe-transports did not answer within %1 s</source>
        <translation>ptdispatcher -describe-transports در %1 ثانیه پاسخ نداد</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="48"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher پیدا نشد (PTDISPATCHER_BIN را تنظیم کنید یا آن را کنار برنامه بگذارید)</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="58"/>
        <source>ptdispatcher -describe-transports printed more than %1 bytes</source>
        <translation>ptdispatcher -describe-transports بیش از %1 بایت چاپ کرد</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="68"/>
        <source>cannot start %1: %2</source>
        <translation>نمی‌توان %1 را آغاز کرد: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="92"/>
        <source>ptdispatcher -describe-transports crashed</source>
        <translation>ptdispatcher -describe-transports از کار افتاد</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="98"/>
        <source>this ptdispatcher cannot describe its transports (too old?): %1</source>
        <translation>این ptdispatcher نمی‌تواند ترابری‌هایش را شرح دهد (قدیمی است؟): %1</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="99"/>
        <source>ptdispatcher -describe-transports failed (exit code %1): %2</source>
        <translation>ptdispatcher -describe-transports ناموفق بود (کد خروج %1): %2</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="110"/>
        <source>cannot read what ptdispatcher -describe-transports printed: %1</source>
        <translation>خروجی ptdispatcher -describe-transports خوانا نیست: %1</translation>
    </message>
</context>
</TS>
