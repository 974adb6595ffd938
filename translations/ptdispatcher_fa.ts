<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
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
        <location filename="../gui/app/MainWindow.cpp" line="46"/>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="27"/>
        <source>address &quot;%1&quot;: missing &apos;]&apos;</source>
        <translation>نشانی «%1»: ‏&apos;]&apos; کم است</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="30"/>
        <location filename="../gui/core/BridgeLineImport.cpp" line="38"/>
        <source>address &quot;%1&quot;: missing :port</source>
        <translation>نشانی «%1»: ‏:port (درگاه) کم است</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="35"/>
        <source>address &quot;%1&quot;: &quot;%2&quot; is not an IPv6 address</source>
        <translation>نشانی «%1»: «%2» نشانی IPv6 نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="42"/>
        <source>address &quot;%1&quot;: IPv6 addresses need [brackets]</source>
        <translation>نشانی «%1»: نشانی‌های IPv6 باید در [کروشه] باشند</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="44"/>
        <source>address &quot;%1&quot;: missing host</source>
        <translation>نشانی «%1»: میزبان کم است</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="48"/>
        <source>address &quot;%1&quot;: port &quot;%2&quot; is not a number from 1 to 65535</source>
        <translation>نشانی «%1»: درگاه «%2» عددی از ۱ تا ۶۵۵۳۵ نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="57"/>
        <source>the bridge line is empty</source>
        <translation>خط پل خالی است</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="62"/>
        <source>the bridge line names no transport (a plain Tor bridge needs no ptdispatcher)</source>
        <translation>خط پل هیچ ترابری را نام نمی‌برد (پل ساده‌ی Tor به ptdispatcher نیازی ندارد)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="66"/>
        <source>&quot;%1&quot; is not a transport name</source>
        <translation>«%1» نام ترابری نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="67"/>
        <source>the bridge line has no server address</source>
        <translation>خط پل نشانی سرور ندارد</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="74"/>
        <source>&quot;%1&quot; is not a fingerprint (40 hex digits)</source>
        <translation>«%1» اثر انگشت نیست (۴۰ رقم هگز)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="80"/>
        <source>&quot;%1&quot; is not a key=value option</source>
        <translation>«%1» گزینه‌ی key=value نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="82"/>
        <source>option &quot;%1&quot; appears twice</source>
        <translation>گزینه‌ی «%1» دو بار آمده است</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="89"/>
        <source>obfs4 bridge line has no cert= option</source>
        <translation>خط پل obfs4 گزینه‌ی cert= ندارد</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="92"/>
        <source>%1 bridge line has no url= option</source>
        <translation>خط پل %1 گزینهٔ url= ندارد</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="164"/>
        <source>this ptdispatcher has no %1 client</source>
        <translation>این ptdispatcher کلاینت %1 ندارد</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="173"/>
        <source>%1=%2 is not supported by this ptdispatcher (one of: %3)</source>
        <translation>%1=%2 در این ptdispatcher پشتیبانی نمی‌شود (یکی از: %3)</translation>
    </message>
    <message>
        <source>iat-mode must be 0, 1 or 2, not &quot;%1&quot;</source>
        <translation type="vanished">iat-mode باید ۰، ۱ یا ۲ باشد، نه «%1»</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="105"/>
        <source>not an ss:// URI</source>
        <translation>یک نشانی ss://‎ نیست</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="118"/>
        <source>ss:// plugins are not supported</source>
        <translation>افزونه‌های ss://‎ پشتیبانی نمی‌شوند</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="124"/>
        <source>ss:// URI has no &apos;@&apos; (the legacy all-base64 form is not supported)</source>
        <translation>نشانی ss://‎ نویسه‌ی &apos;@&apos; ندارد (شکل قدیمی تمام‌base64 پشتیبانی نمی‌شود)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="127"/>
        <source>ss:// URI has no method:password</source>
        <translation>نشانی ss://‎ بخش method:password ندارد</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="139"/>
        <source>ss:// user info is neither base64 nor method:password</source>
        <translation>اطلاعات کاربر در ss://‎ نه base64 است و نه method:password</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="143"/>
        <source>ss:// user info has no &apos;:&apos; between method and password</source>
        <translation>اطلاعات کاربر در ss://‎ میان روش و گذرواژه &apos;:&apos; ندارد</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="146"/>
        <source>ss:// URI has an empty method</source>
        <translation>روش در نشانی ss://‎ خالی است</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="147"/>
        <source>ss:// URI has an empty password</source>
        <translation>گذرواژه در نشانی ss://‎ خالی است</translation>
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
    <name>pt::gui::DispatcherController</name>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="101"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher پیدا نشد (PTDISPATCHER_BIN را تنظیم کنید یا آن را کنار برنامه بگذارید)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="176"/>
        <source>the dispatcher offers no method for this profile</source>
        <translation>دیسپچر برای این نمایه هیچ روشی ارائه نمی‌کند</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="210"/>
        <source>cannot start %1: %2</source>
        <translation>نمی‌توان %1 را آغاز کرد: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="235"/>
        <source>the dispatcher crashed</source>
        <translation>دیسپچر از کار افتاد</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="236"/>
        <source>the dispatcher exited unexpectedly (code %1)</source>
        <translation>دیسپچر به‌طور ناگهانی بسته شد (کد %1)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="239"/>
        <source>the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)</source>
        <translation>اجرای دیسپچر ممکن نشد: یک فایل DLL که لازم دارد وجود ندارد (ptdispatcher را دوباره نصب کنید)</translation>
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
        <location filename="../gui/app/MainWindow.cpp" line="62"/>
        <source>ptdispatcher</source>
        <translation>ptdispatcher</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="72"/>
        <location filename="../gui/app/MainWindow.cpp" line="325"/>
        <source>New profile</source>
        <translation>نمایه‌ی تازه</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="75"/>
        <source>skipped a stored profile: %1</source>
        <translation>یک نمایه‌ی ذخیره‌شده نادیده گرفته شد: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="94"/>
        <source>Cannot read the transports from ptdispatcher: %1</source>
        <translation>نمی‌توان ترابری‌ها را از ptdispatcher خواند: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="124"/>
        <location filename="../gui/app/MainWindow.cpp" line="233"/>
        <location filename="../gui/app/MainWindow.cpp" line="486"/>
        <location filename="../gui/app/MainWindow.cpp" line="513"/>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="125"/>
        <source>Show window</source>
        <translation>نمایش پنجره</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="130"/>
        <source>Start minimized</source>
        <translation>آغاز به‌صورت کوچک‌شده</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="136"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="178"/>
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="179"/>
        <source>Duplicate</source>
        <translation>رونوشت‌برداری</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="180"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="181"/>
        <source>Rename…</source>
        <translation>تغییر نام…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="182"/>
        <source>Import…</source>
        <translation>درون‌ریزی…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="183"/>
        <source>Paste a Tor bridge line or an ss:// link</source>
        <translation>یک خط پل Tor یا پیوند ss://‎ را بچسبانید</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="192"/>
        <source>Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="203"/>
        <source>The language changes when ptdispatcher-gui starts again.</source>
        <translation>زبان پس از اجرای دوباره‌ی ptdispatcher-gui تغییر می‌کند.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="231"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="242"/>
        <source>Address:</source>
        <translation>نشانی:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="245"/>
        <source>Share:</source>
        <translation>هم‌رسانی:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="249"/>
        <source>QR code…</source>
        <translation>کد QR…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="262"/>
        <source>Log:</source>
        <translation>گزارش:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="270"/>
        <source>Save…</source>
        <translation>ذخیره…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="344"/>
        <source>Delete profile</source>
        <translation>حذف نمایه</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="344"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>نمایه‌ی «%1» حذف شود؟</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="355"/>
        <source>Rename profile</source>
        <translation>تغییر نام نمایه</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="355"/>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="367"/>
        <source>Import</source>
        <translation>درون‌ریزی</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="369"/>
        <source>Paste a Tor bridge line (obfs4, webtunnel, meek_lite …) or an ss:// link:</source>
        <translation>یک خط پل Tor (obfs4، webtunnel، meek_lite …) یا یک پیوند ss:// بچسبانید:</translation>
    </message>
    <message>
        <source>Paste a Tor bridge line (obfs4 …) or an ss:// link:</source>
        <translation type="vanished">یک خط پل Tor ‏(obfs4 …) یا پیوند ss://‎ را بچسبانید:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="428"/>
        <location filename="../gui/app/MainWindow.cpp" line="433"/>
        <source>QR code</source>
        <translation>کد QR</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="428"/>
        <source>This line is too long for a QR code.</source>
        <translation>این خط برای کد QR بیش از اندازه بلند است.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="462"/>
        <source>starting profile &quot;%1&quot;</source>
        <translation>آغاز نمایه‌ی «%1»</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="469"/>
        <location filename="../gui/app/MainWindow.cpp" line="482"/>
        <source>Error: %1</source>
        <translation>خطا: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="479"/>
        <source>Stopped</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="480"/>
        <source>Starting…</source>
        <translation>در حال آغاز…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="481"/>
        <source>Running</source>
        <translation>در حال اجرا</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="486"/>
        <location filename="../gui/app/MainWindow.cpp" line="513"/>
        <source>Disconnect</source>
        <translation>قطع اتصال</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="512"/>
        <source>ptdispatcher: %1</source>
        <translation>ptdispatcher: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="515"/>
        <source>Replace 0.0.0.0 by your public address and &lt;FINGERPRINT&gt; by your relay&apos;s</source>
        <translation>0.0.0.0 را با نشانی عمومی خود و &lt;FINGERPRINT&gt; را با اثر انگشت رله‌ی خود جایگزین کنید</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="526"/>
        <source>Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5</source>
        <translation>ارسال: %1 ‏(%2/ث)   دریافت: %3 ‏(%4/ث)   اتصال‌ها: %5</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="572"/>
        <location filename="../gui/app/MainWindow.cpp" line="576"/>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Save log</source>
        <translation>ذخیره‌ی گزارش</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="576"/>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Cannot write %1: %2</source>
        <translation>نمی‌توان در %1 نوشت: %2</translation>
    </message>
</context>
<context>
    <name>pt::gui::ProfileForm</name>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="60"/>
        <source>Client</source>
        <translation>کارخواه</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="61"/>
        <source>Server</source>
        <translation>سرور</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="62"/>
        <source>Role:</source>
        <translation>نقش:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="66"/>
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
        <location filename="../gui/app/ProfileForm.cpp" line="79"/>
        <source>default (socks5)</source>
        <translation>پیش‌فرض (socks5)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="82"/>
        <source>Mode:</source>
        <translation>حالت:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="84"/>
        <source>127.0.0.1:0 (any free port)</source>
        <translation>127.0.0.1:0 (هر درگاه آزاد)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="85"/>
        <source>Listen address:</source>
        <translation>نشانی شنود:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="86"/>
        <source>socks5://127.0.0.1:1080 (optional)</source>
        <translation>socks5://127.0.0.1:1080 (اختیاری)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="87"/>
        <source>Upstream proxy:</source>
        <translation>پراکسی بالادستی:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="88"/>
        <source>127.0.0.1:9001 (where clients are forwarded)</source>
        <translation>127.0.0.1:9001 (جایی که کارخواه‌ها به آن فرستاده می‌شوند)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="89"/>
        <source>Target:</source>
        <translation>مقصد:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="90"/>
        <source>directory for keys (obfs4 server)</source>
        <translation>پوشه‌ی کلیدها (سرور obfs4)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="91"/>
        <source>State directory:</source>
        <translation>پوشه‌ی وضعیت:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="94"/>
        <source>default</source>
        <translation>پیش‌فرض</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="97"/>
        <source>Log level:</source>
        <translation>سطح گزارش:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="110"/>
        <source>Reading the transports from ptdispatcher…</source>
        <translation>در حال خواندن ترابری‌ها از ptdispatcher…</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="161"/>
        <source>%1 (not in this ptdispatcher)</source>
        <translation>%1 (در این ptdispatcher نیست)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="174"/>
        <source>(not set)</source>
        <translation>(تنظیم نشده)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="185"/>
        <source>%1 (not offered by ptdispatcher)</source>
        <translation>%1 (ptdispatcher آن را ارائه نمی‌کند)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="205"/>
        <source>default: %1</source>
        <translation>پیش‌فرض: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="207"/>
        <source>required</source>
        <translation>الزامی</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="207"/>
        <source>required, e.g. %1</source>
        <translation>الزامی، مثلاً %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="209"/>
        <source>optional, e.g. %1</source>
        <translation>اختیاری، مثلاً %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="211"/>
        <source>optional</source>
        <translation>اختیاری</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="250"/>
        <source>This ptdispatcher has no transport &quot;%1&quot;.</source>
        <translation>این ptdispatcher ترابری «%1» را ندارد.</translation>
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
