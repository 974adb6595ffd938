<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>FailureText</name>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="40"/>
        <source>Cannot reach the bridge: the connection was refused</source>
        <translation>Мост недоступен: в соединении отказано</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="42"/>
        <source>Cannot reach the bridge: no answer in time (the address may be blocked, or the cert may be wrong)</source>
        <translation>Мост недоступен: нет ответа вовремя (адрес может быть заблокирован или cert неверен)</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="44"/>
        <source>Cannot reach the bridge: the network or the bridge&apos;s address is unreachable</source>
        <translation>Мост недоступен: сеть или адрес моста недостижимы</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="46"/>
        <source>Cannot reach the bridge: its host name could not be found</source>
        <translation>Мост недоступен: не удалось найти имя его узла</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="48"/>
        <source>Cannot reach the bridge: the bridge closed the connection during the handshake (wrong cert or password?)</source>
        <translation>Мост недоступен: мост закрыл соединение во время рукопожатия (неверный cert или пароль?)</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="50"/>
        <source>Cannot reach the bridge: the secure (TLS) connection failed</source>
        <translation>Мост недоступен: не удалось защищённое (TLS) соединение</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="52"/>
        <source>Cannot reach the bridge: the web server answered with an error (wrong address or path?)</source>
        <translation>Мост недоступен: веб-сервер ответил ошибкой (неверный адрес или путь?)</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="54"/>
        <source>Cannot reach the bridge: the upstream proxy failed or refused the connection</source>
        <translation>Мост недоступен: вышестоящий прокси не сработал или отказал в соединении</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="56"/>
        <source>The bridge line is not valid</source>
        <translation>Строка моста недействительна</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="58"/>
        <source>Cannot reach the bridge</source>
        <translation>Мост недоступен</translation>
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
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="56"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing &apos;]&apos;</source>
        <translation type="vanished">адрес «%1»: не хватает &apos;]&apos;</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing :port</source>
        <translation type="vanished">адрес «%1»: не указан :порт</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: &quot;%2&quot; is not an IPv6 address</source>
        <translation type="vanished">адрес «%1»: «%2» — не IPv6-адрес</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: IPv6 addresses need [brackets]</source>
        <translation type="vanished">адрес «%1»: IPv6-адрес нужно заключить в [скобки]</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing host</source>
        <translation type="vanished">адрес «%1»: не указан узел</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: port &quot;%2&quot; is not a number from 1 to 65535</source>
        <translation type="vanished">адрес «%1»: порт «%2» — не число от 1 до 65535</translation>
    </message>
    <message>
        <source>the bridge line is empty</source>
        <translation type="vanished">строка моста пуста</translation>
    </message>
    <message>
        <source>the bridge line names no transport (a plain Tor bridge needs no ptdispatcher)</source>
        <translation type="vanished">в строке моста не указан транспорт (обычному мосту Tor ptdispatcher не нужен)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a transport name</source>
        <translation type="vanished">«%1» — не название транспорта</translation>
    </message>
    <message>
        <source>the bridge line has no server address</source>
        <translation type="vanished">в строке моста нет адреса сервера</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a fingerprint (40 hex digits)</source>
        <translation type="vanished">«%1» — не отпечаток (40 шестнадцатеричных цифр)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key=value option</source>
        <translation type="vanished">«%1» — не параметр вида ключ=значение</translation>
    </message>
    <message>
        <source>option &quot;%1&quot; appears twice</source>
        <translation type="vanished">параметр «%1» указан дважды</translation>
    </message>
    <message>
        <source>obfs4 bridge line has no cert= option</source>
        <translation type="vanished">в строке моста obfs4 нет параметра cert=</translation>
    </message>
    <message>
        <source>%1 bridge line has no url= option</source>
        <translation type="vanished">в строке моста %1 нет параметра url=</translation>
    </message>
    <message>
        <source>this ptdispatcher has no %1 client</source>
        <translation type="vanished">в этом ptdispatcher нет клиента %1</translation>
    </message>
    <message>
        <source>%1=%2 is not supported by this ptdispatcher (one of: %3)</source>
        <translation type="vanished">%1=%2 не поддерживается этим ptdispatcher (допустимо: %3)</translation>
    </message>
    <message>
        <source>iat-mode must be 0, 1 or 2, not &quot;%1&quot;</source>
        <translation type="vanished">iat-mode должен быть 0, 1 или 2, а не «%1»</translation>
    </message>
    <message>
        <source>not an ss:// URI</source>
        <translation type="vanished">это не ссылка ss://</translation>
    </message>
    <message>
        <source>ss:// plugins are not supported</source>
        <translation type="vanished">плагины ss:// не поддерживаются</translation>
    </message>
    <message>
        <source>ss:// URI has no &apos;@&apos; (the legacy all-base64 form is not supported)</source>
        <translation type="vanished">в ссылке ss:// нет &apos;@&apos; (старая форма целиком в base64 не поддерживается)</translation>
    </message>
    <message>
        <source>ss:// URI has no method:password</source>
        <translation type="vanished">в ссылке ss:// нет метод:пароль</translation>
    </message>
    <message>
        <source>ss:// user info is neither base64 nor method:password</source>
        <translation type="vanished">данные пользователя в ss:// — ни base64, ни метод:пароль</translation>
    </message>
    <message>
        <source>ss:// user info has no &apos;:&apos; between method and password</source>
        <translation type="vanished">в данных пользователя ss:// нет &apos;:&apos; между методом и паролем</translation>
    </message>
    <message>
        <source>ss:// URI has an empty method</source>
        <translation type="vanished">в ссылке ss:// пустой метод</translation>
    </message>
    <message>
        <source>ss:// URI has an empty password</source>
        <translation type="vanished">в ссылке ss:// пустой пароль</translation>
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
    <name>pt::gui::BridgeChecker</name>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="32"/>
        <source>The bridge check did not work: %1</source>
        <extracomment>%1 says what went wrong with the check itself (the ptdispatcher child)</extracomment>
        <translation>Проверка моста не удалась: %1</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="80"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher не найден (задайте PTDISPATCHER_BIN или положите его рядом с GUI)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="135"/>
        <source>cannot start %1: %2</source>
        <translation>не удалось запустить %1: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="152"/>
        <source>it gave no answer within %1 s</source>
        <translation>ответа не было в течение %1 с</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="220"/>
        <source>ptdispatcher crashed</source>
        <translation>ptdispatcher аварийно завершился</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="223"/>
        <source>ptdispatcher gave no answer (exit code %1)</source>
        <translation>ptdispatcher не ответил (код выхода %1)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="224"/>
        <location filename="../gui/core/BridgeChecker.cpp" line="263"/>
        <source>ptdispatcher gave an answer that is not understood: %1</source>
        <translation>ptdispatcher дал непонятный ответ: %1</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="265"/>
        <source>ptdispatcher said OK but exited with code %1</source>
        <translation>ptdispatcher ответил OK, но завершился с кодом %1</translation>
    </message>
</context>
<context>
    <name>pt::gui::DispatcherController</name>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="124"/>
        <source>Not connected</source>
        <translation>Не подключено</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="125"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="126"/>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="127"/>
        <source>Cannot reach the bridge</source>
        <translation>Мост недоступен</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="128"/>
        <source>Reconnecting…</source>
        <translation>Повторное подключение…</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="211"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher не найден (задайте PTDISPATCHER_BIN или положите его рядом с программой)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="255"/>
        <source>the bridge cannot be checked at start: %1</source>
        <translation>мост нельзя проверить при запуске: %1</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="352"/>
        <source>the dispatcher offers no method for this profile</source>
        <translation>диспетчер не предлагает ни одного метода для этого профиля</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="392"/>
        <source>cannot start %1: %2</source>
        <translation>не удаётся запустить %1: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="427"/>
        <source>the dispatcher crashed</source>
        <translation>диспетчер аварийно завершился</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="428"/>
        <source>the dispatcher exited unexpectedly (code %1)</source>
        <translation>диспетчер неожиданно завершился (код %1)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="431"/>
        <source>the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)</source>
        <translation>не удалось запустить диспетчер: не хватает нужной ему DLL (переустановите ptdispatcher)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="459"/>
        <source>Reconnecting in %1 s (attempt %2)</source>
        <extracomment>the dispatcher stopped by itself; %1 seconds until the next try, %2 counts the tries</extracomment>
        <translation>Повторное подключение через %1 с (попытка %2)</translation>
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
        <translation>Новый профиль</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="170"/>
        <source>skipped a stored profile: %1</source>
        <translation>пропущен сохранённый профиль: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="217"/>
        <source>Cannot read the transports from ptdispatcher: %1</source>
        <translation>Не удалось получить список транспортов от ptdispatcher: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="276"/>
        <location filename="../gui/app/MainWindow.cpp" line="445"/>
        <location filename="../gui/app/MainWindow.cpp" line="886"/>
        <location filename="../gui/app/MainWindow.cpp" line="930"/>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="282"/>
        <source>Show window</source>
        <translation>Показать окно</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="443"/>
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="464"/>
        <location filename="../gui/app/MainWindow.cpp" line="565"/>
        <source>Use as system proxy</source>
        <translation>Использовать как системный прокси</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="465"/>
        <source>While connected, the desktop&apos;s proxy setting points here, so browsers that follow it need no setup; it is put back on Disconnect and Quit.</source>
        <translation>Пока соединение установлено, системная настройка прокси указывает сюда, и браузерам, которые ей следуют, ничего настраивать не нужно; при отключении и выходе прежние настройки возвращаются.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="470"/>
        <source>Test</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="471"/>
        <source>Check that the bridge answers, without connecting</source>
        <translation>Проверить, отвечает ли мост, не подключаясь</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="482"/>
        <source>shown once connected</source>
        <translation>появится после подключения</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="509"/>
        <source>Traffic</source>
        <translation>Трафик</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="530"/>
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="556"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="559"/>
        <source>Save log…</source>
        <translation>Сохранить журнал…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="564"/>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="569"/>
        <source>Start at login</source>
        <translation>Запускать при входе в систему</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="572"/>
        <source>Start minimized when you log in, and connect the last profile</source>
        <translation>При входе в систему запускаться свёрнутым и подключать последний профиль</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="575"/>
        <source>Connect on start</source>
        <translation>Подключаться при запуске</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Start minimized</source>
        <translation>Запускать свёрнутым</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="860"/>
        <source>Reconnecting in %1 s…</source>
        <translation>Повторное подключение через %1 с…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="866"/>
        <source>Not connected</source>
        <translation>Не подключено</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="288"/>
        <location filename="../gui/app/MainWindow.cpp" line="561"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="191"/>
        <source>The dispatcher stopped; reconnecting in %1 s (attempt %2).</source>
        <translation>Диспетчер остановился; повторное подключение через %1 с (попытка %2).</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="246"/>
        <source>The system proxy was still set by an earlier run that did not end normally; the previous settings are back.</source>
        <translation>Системный прокси оставался настроенным предыдущим запуском, который завершился ненормально; прежние настройки возвращены.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="252"/>
        <location filename="../gui/app/MainWindow.cpp" line="253"/>
        <location filename="../gui/app/MainWindow.cpp" line="1022"/>
        <source>Cannot restore the system proxy: %1</source>
        <translation>Не удалось восстановить системный прокси: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="281"/>
        <location filename="../gui/app/MainWindow.cpp" line="558"/>
        <source>Import from clipboard</source>
        <translation>Импорт из буфера обмена</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="381"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="382"/>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="383"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="384"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="385"/>
        <location filename="../gui/app/MainWindow.cpp" line="557"/>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="386"/>
        <source>Paste a Tor bridge line or an ss:// link</source>
        <translation>Вставьте строку моста Tor или ссылку ss://</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="387"/>
        <source>Test all</source>
        <translation>Проверить все</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="388"/>
        <source>Check every client profile&apos;s bridge at once</source>
        <translation>Проверить мосты всех клиентских профилей сразу</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="398"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="409"/>
        <source>The language changes when ptdispatcher-gui starts again.</source>
        <translation>Язык сменится при следующем запуске ptdispatcher-gui.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">Состояние</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="483"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="489"/>
        <source>Share:</source>
        <translation>Поделиться:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="493"/>
        <source>QR code…</source>
        <translation>QR-код…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="514"/>
        <source>Log:</source>
        <translation>Журнал:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="522"/>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="585"/>
        <source>Only the tray icon at start, where the desktop has a tray</source>
        <translation>При запуске только значок в трее, если в окружении есть трей</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="606"/>
        <source>This desktop (%1) has no system proxy setting ptdispatcher-gui knows how to change: set your browser&apos;s SOCKS5 proxy to the address shown.</source>
        <translation>У этого рабочего стола (%1) нет системной настройки прокси, которую ptdispatcher-gui умеет менять: укажите показанный адрес как SOCKS5-прокси в браузере.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="681"/>
        <source>Delete profile</source>
        <translation>Удаление профиля</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="681"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>Удалить профиль «%1»?</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="692"/>
        <source>Rename profile</source>
        <translation>Переименование профиля</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="692"/>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="704"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="706"/>
        <source>Paste a Tor bridge line (obfs4, webtunnel, meek_lite …) or an ss:// link:</source>
        <translation>Вставьте строку моста Tor (obfs4, webtunnel, meek_lite …) или ссылку ss://:</translation>
    </message>
    <message>
        <source>Paste a Tor bridge line (obfs4 …) or an ss:// link:</source>
        <translation type="vanished">Вставьте строку моста Tor (obfs4 …) или ссылку ss://:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="765"/>
        <location filename="../gui/app/MainWindow.cpp" line="770"/>
        <source>QR code</source>
        <translation>QR-код</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="765"/>
        <source>This line is too long for a QR code.</source>
        <translation>Эта строка слишком длинна для QR-кода.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="806"/>
        <source>starting profile &quot;%1&quot;</source>
        <translation>запуск профиля «%1»</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="833"/>
        <location filename="../gui/app/MainWindow.cpp" line="863"/>
        <location filename="../gui/app/MainWindow.cpp" line="865"/>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="vanished">Остановлено</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="866"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="vanished">Работает</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="886"/>
        <location filename="../gui/app/MainWindow.cpp" line="930"/>
        <source>Disconnect</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="896"/>
        <location filename="../gui/app/MainWindow.cpp" line="987"/>
        <source>Could not set the system proxy: %1</source>
        <translation>Не удалось настроить системный прокси: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="898"/>
        <source>The system proxy points here: browsers that follow it need no setup.</source>
        <translation>Системный прокси указывает сюда: браузерам, которые ему следуют, ничего настраивать не нужно.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="900"/>
        <source>Set your browser&apos;s SOCKS5 proxy to this address (with remote DNS).</source>
        <translation>Укажите этот адрес как SOCKS5-прокси в браузере (с удалённым DNS).</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="906"/>
        <source>To begin, click Import… and paste the bridge line you were given.</source>
        <translation>Чтобы начать, нажмите «Импорт…» и вставьте строку моста, которую вам дали.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="931"/>
        <source>ptdispatcher: %1</source>
        <translation>ptdispatcher: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="932"/>
        <source>Replace 0.0.0.0 by your public address and &lt;FINGERPRINT&gt; by your relay&apos;s</source>
        <translation>Замените 0.0.0.0 своим внешним адресом, а &lt;FINGERPRINT&gt; — отпечатком своего ретранслятора</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="983"/>
        <source>System proxy (%1) set to SOCKS %2.</source>
        <translation>Системный прокси (%1) настроен на SOCKS %2.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1002"/>
        <source>Cannot start the system proxy guard: %1</source>
        <translation>Не удалось запустить сторожа системного прокси: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1019"/>
        <source>System proxy put back as it was.</source>
        <translation>Системный прокси возвращён в прежнее состояние.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1033"/>
        <source>ptdispatcher-gui will start at login and connect.</source>
        <translation>ptdispatcher-gui будет запускаться при входе в систему и подключаться.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1034"/>
        <source>ptdispatcher-gui will no longer start at login.</source>
        <translation>ptdispatcher-gui больше не будет запускаться при входе в систему.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1037"/>
        <source>Cannot change the start at login: %1</source>
        <translation>Не удалось изменить запуск при входе: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1049"/>
        <source>Imported &quot;%1&quot;.</source>
        <translation>Импортирован «%1».</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1055"/>
        <source>The clipboard holds no text to import.</source>
        <translation>В буфере обмена нет текста для импорта.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1056"/>
        <source>The clipboard holds no bridge line or ss:// link: %1</source>
        <translation>В буфере обмена нет строки моста или ссылки ss://: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1082"/>
        <source>Nothing to test: this profile names no bridge address.</source>
        <translation>Нечего проверять: в этом профиле нет адреса моста.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1095"/>
        <source>testing…</source>
        <translation>проверка…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1103"/>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1104"/>
        <source>Test of &quot;%1&quot;: %2</source>
        <translation>Проверка «%1»: %2</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1130"/>
        <source>Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5</source>
        <translation>Отправлено: %1 (%2/с)   Получено: %3 (%4/с)   Соединения: %5</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1176"/>
        <location filename="../gui/app/MainWindow.cpp" line="1180"/>
        <location filename="../gui/app/MainWindow.cpp" line="1186"/>
        <source>Save log</source>
        <translation>Сохранение журнала</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1180"/>
        <location filename="../gui/app/MainWindow.cpp" line="1186"/>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>pt::gui::ProfileForm</name>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="61"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="62"/>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="63"/>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="67"/>
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
        <location filename="../gui/app/ProfileForm.cpp" line="98"/>
        <source>default (socks5)</source>
        <translation>по умолчанию (socks5)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="101"/>
        <source>Mode:</source>
        <translation>Режим:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="105"/>
        <source>127.0.0.1:0 (any free port)</source>
        <translation>127.0.0.1:0 (любой свободный порт)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="107"/>
        <source>Listen address:</source>
        <translation>Адрес прослушивания:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="109"/>
        <source>socks5://127.0.0.1:1080 (optional)</source>
        <translation>socks5://127.0.0.1:1080 (необязательно)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="111"/>
        <source>Upstream proxy:</source>
        <translation>Вышестоящий прокси:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="79"/>
        <source>127.0.0.1:9001 (where clients are forwarded)</source>
        <translation>127.0.0.1:9001 (куда перенаправляются клиенты)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="80"/>
        <source>Target:</source>
        <translation>Цель:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="81"/>
        <source>directory for keys (obfs4 server)</source>
        <translation>каталог для ключей (сервер obfs4)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="82"/>
        <source>State directory:</source>
        <translation>Каталог состояния:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="86"/>
        <source>Advanced</source>
        <translation>Дополнительно</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="87"/>
        <source>Transport details, listen address, upstream proxy, log level</source>
        <translation>Параметры транспорта, адрес прослушивания, вышестоящий прокси, уровень журнала</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="117"/>
        <source>default</source>
        <translation>по умолчанию</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="120"/>
        <source>Log level:</source>
        <translation>Уровень журнала:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="133"/>
        <source>Reading the transports from ptdispatcher…</source>
        <translation>Получение списка транспортов от ptdispatcher…</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="184"/>
        <source>%1 (not in this ptdispatcher)</source>
        <translation>%1 (нет в этом ptdispatcher)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="197"/>
        <source>(not set)</source>
        <translation>(не задано)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="208"/>
        <source>%1 (not offered by ptdispatcher)</source>
        <translation>%1 (ptdispatcher это не предлагает)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="228"/>
        <source>default: %1</source>
        <translation>по умолчанию: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="230"/>
        <source>required</source>
        <translation>обязательно</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="230"/>
        <source>required, e.g. %1</source>
        <translation>обязательно, например %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="232"/>
        <source>optional, e.g. %1</source>
        <translation>необязательно, например %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="234"/>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="274"/>
        <source>This ptdispatcher has no transport &quot;%1&quot;.</source>
        <translation>В этом ptdispatcher нет транспорта «%1».</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="309"/>
        <source>Bridge address</source>
        <translation>Адрес моста</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="310"/>
        <source>Certificate (cert)</source>
        <translation>Сертификат (cert)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="311"/>
        <source>Timing obfuscation (iat-mode)</source>
        <translation>Маскировка времени (iat-mode)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="312"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="313"/>
        <source>Cipher</source>
        <translation>Шифр</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="314"/>
        <source>URL</source>
        <translation>URL-адрес</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="315"/>
        <source>Front domain</source>
        <translation>Фронт-домен (front)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="316"/>
        <source>Connect to (addr)</source>
        <translation>Подключаться к (addr)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="317"/>
        <source>TLS server name</source>
        <translation>Имя сервера TLS</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="318"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="319"/>
        <source>Idle timeout</source>
        <translation>Тайм-аут простоя</translation>
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
