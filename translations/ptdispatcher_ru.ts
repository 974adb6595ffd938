<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../gui/app/Language.cpp" line="43"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages</comment>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="46"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="27"/>
        <source>address &quot;%1&quot;: missing &apos;]&apos;</source>
        <translation>адрес «%1»: не хватает &apos;]&apos;</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="30"/>
        <location filename="../gui/core/BridgeLineImport.cpp" line="38"/>
        <source>address &quot;%1&quot;: missing :port</source>
        <translation>адрес «%1»: не указан :порт</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="35"/>
        <source>address &quot;%1&quot;: &quot;%2&quot; is not an IPv6 address</source>
        <translation>адрес «%1»: «%2» — не IPv6-адрес</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="42"/>
        <source>address &quot;%1&quot;: IPv6 addresses need [brackets]</source>
        <translation>адрес «%1»: IPv6-адрес нужно заключить в [скобки]</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="44"/>
        <source>address &quot;%1&quot;: missing host</source>
        <translation>адрес «%1»: не указан узел</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="48"/>
        <source>address &quot;%1&quot;: port &quot;%2&quot; is not a number from 1 to 65535</source>
        <translation>адрес «%1»: порт «%2» — не число от 1 до 65535</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="57"/>
        <source>the bridge line is empty</source>
        <translation>строка моста пуста</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="62"/>
        <source>the bridge line names no transport (a plain Tor bridge needs no ptdispatcher)</source>
        <translation>в строке моста не указан транспорт (обычному мосту Tor ptdispatcher не нужен)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="66"/>
        <source>&quot;%1&quot; is not a transport name</source>
        <translation>«%1» — не название транспорта</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="67"/>
        <source>the bridge line has no server address</source>
        <translation>в строке моста нет адреса сервера</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="74"/>
        <source>&quot;%1&quot; is not a fingerprint (40 hex digits)</source>
        <translation>«%1» — не отпечаток (40 шестнадцатеричных цифр)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="80"/>
        <source>&quot;%1&quot; is not a key=value option</source>
        <translation>«%1» — не параметр вида ключ=значение</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="82"/>
        <source>option &quot;%1&quot; appears twice</source>
        <translation>параметр «%1» указан дважды</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="89"/>
        <source>obfs4 bridge line has no cert= option</source>
        <translation>в строке моста obfs4 нет параметра cert=</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="92"/>
        <source>%1 bridge line has no url= option</source>
        <translation>в строке моста %1 нет параметра url=</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="164"/>
        <source>this ptdispatcher has no %1 client</source>
        <translation>в этом ptdispatcher нет клиента %1</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="173"/>
        <source>%1=%2 is not supported by this ptdispatcher (one of: %3)</source>
        <translation>%1=%2 не поддерживается этим ptdispatcher (допустимо: %3)</translation>
    </message>
    <message>
        <source>iat-mode must be 0, 1 or 2, not &quot;%1&quot;</source>
        <translation type="vanished">iat-mode должен быть 0, 1 или 2, а не «%1»</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="105"/>
        <source>not an ss:// URI</source>
        <translation>это не ссылка ss://</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="118"/>
        <source>ss:// plugins are not supported</source>
        <translation>плагины ss:// не поддерживаются</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="124"/>
        <source>ss:// URI has no &apos;@&apos; (the legacy all-base64 form is not supported)</source>
        <translation>в ссылке ss:// нет &apos;@&apos; (старая форма целиком в base64 не поддерживается)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="127"/>
        <source>ss:// URI has no method:password</source>
        <translation>в ссылке ss:// нет метод:пароль</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="139"/>
        <source>ss:// user info is neither base64 nor method:password</source>
        <translation>данные пользователя в ss:// — ни base64, ни метод:пароль</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="143"/>
        <source>ss:// user info has no &apos;:&apos; between method and password</source>
        <translation>в данных пользователя ss:// нет &apos;:&apos; между методом и паролем</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="146"/>
        <source>ss:// URI has an empty method</source>
        <translation>в ссылке ss:// пустой метод</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="147"/>
        <source>ss:// URI has an empty password</source>
        <translation>в ссылке ss:// пустой пароль</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="27"/>
        <source>not a JSON object</source>
        <translation>это не объект JSON</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="32"/>
        <source>profile %1 (&quot;%2&quot;): %3</source>
        <translation>профиль %1 («%2»): %3</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="34"/>
        <source>no name</source>
        <translation>без имени</translation>
    </message>
</context>
<context>
    <name>pt::gui::DispatcherController</name>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="101"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher не найден (задайте PTDISPATCHER_BIN или положите его рядом с программой)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="176"/>
        <source>the dispatcher offers no method for this profile</source>
        <translation>диспетчер не предлагает ни одного метода для этого профиля</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="210"/>
        <source>cannot start %1: %2</source>
        <translation>не удаётся запустить %1: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="235"/>
        <source>the dispatcher crashed</source>
        <translation>диспетчер аварийно завершился</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="236"/>
        <source>the dispatcher exited unexpectedly (code %1)</source>
        <translation>диспетчер неожиданно завершился (код %1)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="239"/>
        <source>the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)</source>
        <translation>не удалось запустить диспетчер: не хватает нужной ему DLL (переустановите ptdispatcher)</translation>
    </message>
</context>
<context>
    <name>pt::gui::Language</name>
    <message>
        <location filename="../gui/app/Language.cpp" line="13"/>
        <source>System language</source>
        <translation>Язык системы</translation>
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
        <translation>Новый профиль</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="75"/>
        <source>skipped a stored profile: %1</source>
        <translation>пропущен сохранённый профиль: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="94"/>
        <source>Cannot read the transports from ptdispatcher: %1</source>
        <translation>Не удалось получить список транспортов от ptdispatcher: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="124"/>
        <location filename="../gui/app/MainWindow.cpp" line="233"/>
        <location filename="../gui/app/MainWindow.cpp" line="486"/>
        <location filename="../gui/app/MainWindow.cpp" line="513"/>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="125"/>
        <source>Show window</source>
        <translation>Показать окно</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="130"/>
        <source>Start minimized</source>
        <translation>Запускать свёрнутым</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="136"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="178"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="179"/>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="180"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="181"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="182"/>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="183"/>
        <source>Paste a Tor bridge line or an ss:// link</source>
        <translation>Вставьте строку моста Tor или ссылку ss://</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="192"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="203"/>
        <source>The language changes when ptdispatcher-gui starts again.</source>
        <translation>Язык сменится при следующем запуске ptdispatcher-gui.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="231"/>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="242"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="245"/>
        <source>Share:</source>
        <translation>Поделиться:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="249"/>
        <source>QR code…</source>
        <translation>QR-код…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="262"/>
        <source>Log:</source>
        <translation>Журнал:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="270"/>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="344"/>
        <source>Delete profile</source>
        <translation>Удаление профиля</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="344"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>Удалить профиль «%1»?</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="355"/>
        <source>Rename profile</source>
        <translation>Переименование профиля</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="355"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="367"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="369"/>
        <source>Paste a Tor bridge line (obfs4, webtunnel, meek_lite …) or an ss:// link:</source>
        <translation>Вставьте строку моста Tor (obfs4, webtunnel, meek_lite …) или ссылку ss://:</translation>
    </message>
    <message>
        <source>Paste a Tor bridge line (obfs4 …) or an ss:// link:</source>
        <translation type="vanished">Вставьте строку моста Tor (obfs4 …) или ссылку ss://:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="428"/>
        <location filename="../gui/app/MainWindow.cpp" line="433"/>
        <source>QR code</source>
        <translation>QR-код</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="428"/>
        <source>This line is too long for a QR code.</source>
        <translation>Эта строка слишком длинна для QR-кода.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="462"/>
        <source>starting profile &quot;%1&quot;</source>
        <translation>запуск профиля «%1»</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="469"/>
        <location filename="../gui/app/MainWindow.cpp" line="482"/>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="479"/>
        <source>Stopped</source>
        <translation>Остановлено</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="480"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="481"/>
        <source>Running</source>
        <translation>Работает</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="486"/>
        <location filename="../gui/app/MainWindow.cpp" line="513"/>
        <source>Disconnect</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="512"/>
        <source>ptdispatcher: %1</source>
        <translation>ptdispatcher: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="515"/>
        <source>Replace 0.0.0.0 by your public address and &lt;FINGERPRINT&gt; by your relay&apos;s</source>
        <translation>Замените 0.0.0.0 своим внешним адресом, а &lt;FINGERPRINT&gt; — отпечатком своего ретранслятора</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="526"/>
        <source>Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5</source>
        <translation>Отправлено: %1 (%2/с)   Получено: %3 (%4/с)   Соединения: %5</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="572"/>
        <location filename="../gui/app/MainWindow.cpp" line="576"/>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Save log</source>
        <translation>Сохранение журнала</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="576"/>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>pt::gui::ProfileForm</name>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="60"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="61"/>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="62"/>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="66"/>
        <source>Transport:</source>
        <translation>Транспорт:</translation>
    </message>
    <message>
        <source>1.2.3.4:443</source>
        <translation type="vanished">1.2.3.4:443</translation>
    </message>
    <message>
        <source>cert from the bridge line</source>
        <translation type="vanished">cert из строки моста</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation type="vanished">Адрес сервера:</translation>
    </message>
    <message>
        <source>Cert:</source>
        <translation type="vanished">Сертификат (cert):</translation>
    </message>
    <message>
        <source>IAT mode:</source>
        <translation type="vanished">Режим IAT:</translation>
    </message>
    <message>
        <source>1.2.3.4:8388</source>
        <translation type="vanished">1.2.3.4:8388</translation>
    </message>
    <message>
        <source>password</source>
        <translation type="vanished">пароль</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="vanished">Пароль:</translation>
    </message>
    <message>
        <source>Cipher:</source>
        <translation type="vanished">Шифр:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="79"/>
        <source>default (socks5)</source>
        <translation>по умолчанию (socks5)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="82"/>
        <source>Mode:</source>
        <translation>Режим:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="84"/>
        <source>127.0.0.1:0 (any free port)</source>
        <translation>127.0.0.1:0 (любой свободный порт)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="85"/>
        <source>Listen address:</source>
        <translation>Адрес прослушивания:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="86"/>
        <source>socks5://127.0.0.1:1080 (optional)</source>
        <translation>socks5://127.0.0.1:1080 (необязательно)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="87"/>
        <source>Upstream proxy:</source>
        <translation>Вышестоящий прокси:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="88"/>
        <source>127.0.0.1:9001 (where clients are forwarded)</source>
        <translation>127.0.0.1:9001 (куда перенаправляются клиенты)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="89"/>
        <source>Target:</source>
        <translation>Цель:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="90"/>
        <source>directory for keys (obfs4 server)</source>
        <translation>каталог для ключей (сервер obfs4)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="91"/>
        <source>State directory:</source>
        <translation>Каталог состояния:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="94"/>
        <source>default</source>
        <translation>по умолчанию</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="97"/>
        <source>Log level:</source>
        <translation>Уровень журнала:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="110"/>
        <source>Reading the transports from ptdispatcher…</source>
        <translation>Получение списка транспортов от ptdispatcher…</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="161"/>
        <source>%1 (not in this ptdispatcher)</source>
        <translation>%1 (нет в этом ptdispatcher)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="174"/>
        <source>(not set)</source>
        <translation>(не задано)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="185"/>
        <source>%1 (not offered by ptdispatcher)</source>
        <translation>%1 (ptdispatcher это не предлагает)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="205"/>
        <source>default: %1</source>
        <translation>по умолчанию: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="207"/>
        <source>required</source>
        <translation>обязательно</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="207"/>
        <source>required, e.g. %1</source>
        <translation>обязательно, например %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="209"/>
        <source>optional, e.g. %1</source>
        <translation>необязательно, например %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="211"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="250"/>
        <source>This ptdispatcher has no transport &quot;%1&quot;.</source>
        <translation>В этом ptdispatcher нет транспорта «%1».</translation>
    </message>
</context>
<context>
    <name>pt::gui::TrafficGraph</name>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="17"/>
        <source>Traffic graph</source>
        <translation>График трафика</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="34"/>
        <source>%1/s</source>
        <translation>%1/с</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="38"/>
        <source>down</source>
        <translation>приём</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="38"/>
        <source>up</source>
        <translation>отправка</translation>
    </message>
</context>
<context>
    <name>pt::gui::TransportCatalog</name>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="18"/>
        <source>ptdispatcher -describe-transports did not answer within %1 s</source>
        <translation>ptdispatcher -describe-transports не ответил за %1 с</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="48"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher не найден (задайте PTDISPATCHER_BIN или положите его рядом с программой)</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="58"/>
        <source>ptdispatcher -describe-transports printed more than %1 bytes</source>
        <translation>ptdispatcher -describe-transports вывел больше %1 байт</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="68"/>
        <source>cannot start %1: %2</source>
        <translation>не удаётся запустить %1: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="92"/>
        <source>ptdispatcher -describe-transports crashed</source>
        <translation>ptdispatcher -describe-transports аварийно завершился</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="98"/>
        <source>this ptdispatcher cannot describe its transports (too old?): %1</source>
        <translation>этот ptdispatcher не умеет описывать свои транспорты (слишком старый?): %1</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="99"/>
        <source>ptdispatcher -describe-transports failed (exit code %1): %2</source>
        <translation>ptdispatcher -describe-transports завершился с ошибкой (код %1): %2</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="110"/>
        <source>cannot read what ptdispatcher -describe-transports printed: %1</source>
        <translation>не удалось разобрать вывод ptdispatcher -describe-transports: %1</translation>
    </message>
</context>
</TS>
