<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr">
<context>
    <name>FailureText</name>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="40"/>
        <source>Cannot reach the bridge: the connection was refused</source>
        <translation>Köprüye ulaşılamıyor: bağlantı reddedildi</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="42"/>
        <source>Cannot reach the bridge: no answer in time (the address may be blocked, or the cert may be wrong)</source>
        <translation>Köprüye ulaşılamıyor: zamanında yanıt yok (adres engellenmiş ya da cert yanlış olabilir)</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="44"/>
        <source>Cannot reach the bridge: the network or the bridge&apos;s address is unreachable</source>
        <translation>Köprüye ulaşılamıyor: ağa ya da köprünün adresine erişilemiyor</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="46"/>
        <source>Cannot reach the bridge: its host name could not be found</source>
        <translation>Köprüye ulaşılamıyor: ana makine adı bulunamadı</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="48"/>
        <source>Cannot reach the bridge: the bridge closed the connection during the handshake (wrong cert or password?)</source>
        <translation>Köprüye ulaşılamıyor: köprü el sıkışma sırasında bağlantıyı kapattı (yanlış cert ya da parola?)</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="50"/>
        <source>Cannot reach the bridge: the secure (TLS) connection failed</source>
        <translation>Köprüye ulaşılamıyor: güvenli (TLS) bağlantı kurulamadı</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="52"/>
        <source>Cannot reach the bridge: the web server answered with an error (wrong address or path?)</source>
        <translation>Köprüye ulaşılamıyor: web sunucusu hatayla yanıt verdi (yanlış adres ya da yol?)</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="54"/>
        <source>Cannot reach the bridge: the upstream proxy failed or refused the connection</source>
        <translation>Köprüye ulaşılamıyor: üst vekil sunucu başarısız oldu ya da bağlantıyı reddetti</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="56"/>
        <source>The bridge line is not valid</source>
        <translation>Köprü satırı geçersiz</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="58"/>
        <source>Cannot reach the bridge</source>
        <translation>Köprüye ulaşılamıyor</translation>
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
        <translation>Kopyala</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing &apos;]&apos;</source>
        <translation type="vanished">adres &quot;%1&quot;: &apos;]&apos; eksik</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing :port</source>
        <translation type="vanished">adres &quot;%1&quot;: :port eksik</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: &quot;%2&quot; is not an IPv6 address</source>
        <translation type="vanished">adres &quot;%1&quot;: &quot;%2&quot; bir IPv6 adresi değil</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: IPv6 addresses need [brackets]</source>
        <translation type="vanished">adres &quot;%1&quot;: IPv6 adresleri [köşeli parantez] içinde olmalı</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing host</source>
        <translation type="vanished">adres &quot;%1&quot;: sunucu adı eksik</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: port &quot;%2&quot; is not a number from 1 to 65535</source>
        <translation type="vanished">adres &quot;%1&quot;: &quot;%2&quot; portu 1 ile 65535 arasında bir sayı değil</translation>
    </message>
    <message>
        <source>the bridge line is empty</source>
        <translation type="vanished">köprü satırı boş</translation>
    </message>
    <message>
        <source>the bridge line names no transport (a plain Tor bridge needs no ptdispatcher)</source>
        <translation type="vanished">köprü satırında taşıma adı yok (düz bir Tor köprüsü ptdispatcher gerektirmez)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a transport name</source>
        <translation type="vanished">&quot;%1&quot; bir taşıma adı değil</translation>
    </message>
    <message>
        <source>the bridge line has no server address</source>
        <translation type="vanished">köprü satırında sunucu adresi yok</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a fingerprint (40 hex digits)</source>
        <translation type="vanished">&quot;%1&quot; bir parmak izi değil (40 onaltılık basamak)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key=value option</source>
        <translation type="vanished">&quot;%1&quot; anahtar=değer biçiminde bir seçenek değil</translation>
    </message>
    <message>
        <source>option &quot;%1&quot; appears twice</source>
        <translation type="vanished">&quot;%1&quot; seçeneği iki kez geçiyor</translation>
    </message>
    <message>
        <source>obfs4 bridge line has no cert= option</source>
        <translation type="vanished">obfs4 köprü satırında cert= seçeneği yok</translation>
    </message>
    <message>
        <source>%1 bridge line has no url= option</source>
        <translation type="vanished">%1 köprü satırında url= seçeneği yok</translation>
    </message>
    <message>
        <source>this ptdispatcher has no %1 client</source>
        <translation type="vanished">bu ptdispatcher&apos;da %1 istemcisi yok</translation>
    </message>
    <message>
        <source>%1=%2 is not supported by this ptdispatcher (one of: %3)</source>
        <translation type="vanished">%1=%2 bu ptdispatcher tarafından desteklenmiyor (şunlardan biri: %3)</translation>
    </message>
    <message>
        <source>iat-mode must be 0, 1 or 2, not &quot;%1&quot;</source>
        <translation type="vanished">iat-mode 0, 1 ya da 2 olmalı, &quot;%1&quot; değil</translation>
    </message>
    <message>
        <source>not an ss:// URI</source>
        <translation type="vanished">bir ss:// adresi değil</translation>
    </message>
    <message>
        <source>ss:// plugins are not supported</source>
        <translation type="vanished">ss:// eklentileri desteklenmiyor</translation>
    </message>
    <message>
        <source>ss:// URI has no &apos;@&apos; (the legacy all-base64 form is not supported)</source>
        <translation type="vanished">ss:// adresinde &apos;@&apos; yok (eski tamamı base64 biçim desteklenmiyor)</translation>
    </message>
    <message>
        <source>ss:// URI has no method:password</source>
        <translation type="vanished">ss:// adresinde yöntem:parola yok</translation>
    </message>
    <message>
        <source>ss:// user info is neither base64 nor method:password</source>
        <translation type="vanished">ss:// kullanıcı bilgisi ne base64 ne de yöntem:parola</translation>
    </message>
    <message>
        <source>ss:// user info has no &apos;:&apos; between method and password</source>
        <translation type="vanished">ss:// kullanıcı bilgisinde yöntem ile parola arasında &apos;:&apos; yok</translation>
    </message>
    <message>
        <source>ss:// URI has an empty method</source>
        <translation type="vanished">ss:// adresinde yöntem boş</translation>
    </message>
    <message>
        <source>ss:// URI has an empty password</source>
        <translation type="vanished">ss:// adresinde parola boş</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="27"/>
        <source>not a JSON object</source>
        <translation>bir JSON nesnesi değil</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="32"/>
        <source>profile %1 (&quot;%2&quot;): %3</source>
        <translation>profil %1 (&quot;%2&quot;): %3</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="34"/>
        <source>no name</source>
        <translation>adsız</translation>
    </message>
</context>
<context>
    <name>pt::gui::BridgeChecker</name>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="32"/>
        <source>The bridge check did not work: %1</source>
        <extracomment>%1 says what went wrong with the check itself (the ptdispatcher child)</extracomment>
        <translation>Köprü denetimi yapılamadı: %1</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="80"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher bulunamadı (PTDISPATCHER_BIN ayarlayın ya da arayüzün yanına koyun)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="135"/>
        <source>cannot start %1: %2</source>
        <translation>%1 başlatılamıyor: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="152"/>
        <source>it gave no answer within %1 s</source>
        <translation>%1 sn içinde yanıt vermedi</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="220"/>
        <source>ptdispatcher crashed</source>
        <translation>ptdispatcher çöktü</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="223"/>
        <source>ptdispatcher gave no answer (exit code %1)</source>
        <translation>ptdispatcher yanıt vermedi (çıkış kodu %1)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="224"/>
        <location filename="../gui/core/BridgeChecker.cpp" line="263"/>
        <source>ptdispatcher gave an answer that is not understood: %1</source>
        <translation>ptdispatcher anlaşılmayan bir yanıt verdi: %1</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="265"/>
        <source>ptdispatcher said OK but exited with code %1</source>
        <translation>ptdispatcher Tamam dedi ama %1 koduyla çıktı</translation>
    </message>
</context>
<context>
    <name>pt::gui::DispatcherController</name>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="124"/>
        <source>Not connected</source>
        <translation>Bağlı değil</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="125"/>
        <source>Connecting…</source>
        <translation>Bağlanıyor…</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="126"/>
        <source>Connected</source>
        <translation>Bağlandı</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="127"/>
        <source>Cannot reach the bridge</source>
        <translation>Köprüye ulaşılamıyor</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="128"/>
        <source>Reconnecting…</source>
        <translation>Yeniden bağlanıyor…</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="211"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher bulunamadı (PTDISPATCHER_BIN ayarlayın ya da arayüzün yanına koyun)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="255"/>
        <source>the bridge cannot be checked at start: %1</source>
        <translation>köprü başlangıçta denetlenemiyor: %1</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="352"/>
        <source>the dispatcher offers no method for this profile</source>
        <translation>dağıtıcı bu profil için hiçbir yöntem sunmuyor</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="392"/>
        <source>cannot start %1: %2</source>
        <translation>%1 başlatılamıyor: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="427"/>
        <source>the dispatcher crashed</source>
        <translation>dağıtıcı çöktü</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="428"/>
        <source>the dispatcher exited unexpectedly (code %1)</source>
        <translation>dağıtıcı beklenmedik biçimde kapandı (kod %1)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="431"/>
        <source>the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)</source>
        <translation>dağıtıcı başlatılamadı: ihtiyaç duyduğu bir DLL eksik (ptdispatcher&apos;ı yeniden kurun)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="459"/>
        <source>Reconnecting in %1 s (attempt %2)</source>
        <extracomment>the dispatcher stopped by itself; %1 seconds until the next try, %2 counts the tries</extracomment>
        <translation>%1 sn sonra yeniden bağlanılacak (%2. deneme)</translation>
    </message>
</context>
<context>
    <name>pt::gui::Language</name>
    <message>
        <location filename="../gui/app/Language.cpp" line="13"/>
        <source>System language</source>
        <translation>Sistem dili</translation>
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
        <translation>Yeni profil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="170"/>
        <source>skipped a stored profile: %1</source>
        <translation>kayıtlı bir profil atlandı: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="217"/>
        <source>Cannot read the transports from ptdispatcher: %1</source>
        <translation>Taşıyıcılar ptdispatcher&apos;dan okunamıyor: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="276"/>
        <location filename="../gui/app/MainWindow.cpp" line="445"/>
        <location filename="../gui/app/MainWindow.cpp" line="886"/>
        <location filename="../gui/app/MainWindow.cpp" line="930"/>
        <source>Connect</source>
        <translation>Bağlan</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="282"/>
        <source>Show window</source>
        <translation>Pencereyi göster</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="443"/>
        <source>Connection</source>
        <translation>Bağlantı</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="464"/>
        <location filename="../gui/app/MainWindow.cpp" line="565"/>
        <source>Use as system proxy</source>
        <translation>Sistem vekil sunucusu olarak kullan</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="465"/>
        <source>While connected, the desktop&apos;s proxy setting points here, so browsers that follow it need no setup; it is put back on Disconnect and Quit.</source>
        <translation>Bağlıyken masaüstünün vekil sunucu ayarı buraya yönelir, böylece bu ayarı izleyen tarayıcılar ek ayar gerektirmez; Bağlantıyı kes ve Çık ile eski haline döner.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="470"/>
        <source>Test</source>
        <translation>Sına</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="471"/>
        <source>Check that the bridge answers, without connecting</source>
        <translation>Bağlanmadan köprünün yanıt verip vermediğini denetle</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="482"/>
        <source>shown once connected</source>
        <translation>bağlanınca gösterilir</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="509"/>
        <source>Traffic</source>
        <translation>Trafik</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="530"/>
        <source>Log</source>
        <translation>Günlük</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="556"/>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="559"/>
        <source>Save log…</source>
        <translation>Günlüğü kaydet…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="564"/>
        <source>&amp;Settings</source>
        <translation>&amp;Ayarlar</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="569"/>
        <source>Start at login</source>
        <translation>Oturum açılınca başlat</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="572"/>
        <source>Start minimized when you log in, and connect the last profile</source>
        <translation>Oturum açılınca simge durumunda başla ve son profile bağlan</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="575"/>
        <source>Connect on start</source>
        <translation>Başlangıçta bağlan</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Start minimized</source>
        <translation>Simge durumunda başlat</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="860"/>
        <source>Reconnecting in %1 s…</source>
        <translation>%1 sn sonra yeniden bağlanılıyor…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="866"/>
        <source>Not connected</source>
        <translation>Bağlı değil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="288"/>
        <location filename="../gui/app/MainWindow.cpp" line="561"/>
        <source>Quit</source>
        <translation>Çık</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="191"/>
        <source>The dispatcher stopped; reconnecting in %1 s (attempt %2).</source>
        <translation>Dağıtıcı durdu; %1 sn sonra yeniden bağlanılacak (%2. deneme).</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="246"/>
        <source>The system proxy was still set by an earlier run that did not end normally; the previous settings are back.</source>
        <translation>Sistem vekil sunucusu, düzgün bitmeyen önceki bir çalışmadan kalma ayarlıydı; önceki ayarlar geri yüklendi.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="252"/>
        <location filename="../gui/app/MainWindow.cpp" line="253"/>
        <location filename="../gui/app/MainWindow.cpp" line="1022"/>
        <source>Cannot restore the system proxy: %1</source>
        <translation>Sistem vekil sunucusu geri yüklenemiyor: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="281"/>
        <location filename="../gui/app/MainWindow.cpp" line="558"/>
        <source>Import from clipboard</source>
        <translation>Panodan içe aktar</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="381"/>
        <source>Add</source>
        <translation>Ekle</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="382"/>
        <source>Duplicate</source>
        <translation>Çoğalt</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="383"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="384"/>
        <source>Rename…</source>
        <translation>Yeniden adlandır…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="385"/>
        <location filename="../gui/app/MainWindow.cpp" line="557"/>
        <source>Import…</source>
        <translation>İçe aktar…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="386"/>
        <source>Paste a Tor bridge line or an ss:// link</source>
        <translation>Bir Tor köprü satırı ya da ss:// bağlantısı yapıştırın</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="387"/>
        <source>Test all</source>
        <translation>Tümünü sına</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="388"/>
        <source>Check every client profile&apos;s bridge at once</source>
        <translation>Tüm istemci profillerinin köprülerini aynı anda denetle</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="398"/>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="409"/>
        <source>The language changes when ptdispatcher-gui starts again.</source>
        <translation>Dil, ptdispatcher-gui yeniden başladığında değişir.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">Durum</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="483"/>
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="489"/>
        <source>Share:</source>
        <translation>Paylaş:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="493"/>
        <source>QR code…</source>
        <translation>QR kodu…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="514"/>
        <source>Log:</source>
        <translation>Günlük:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="522"/>
        <source>Save…</source>
        <translation>Kaydet…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="585"/>
        <source>Only the tray icon at start, where the desktop has a tray</source>
        <translation>Başlangıçta yalnızca sistem tepsisi simgesi (masaüstünde tepsi varsa)</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="606"/>
        <source>This desktop (%1) has no system proxy setting ptdispatcher-gui knows how to change: set your browser&apos;s SOCKS5 proxy to the address shown.</source>
        <translation>Bu masaüstünde (%1) ptdispatcher-gui&apos;nin değiştirebildiği bir sistem vekil sunucu ayarı yok: tarayıcınızın SOCKS5 vekil sunucusunu gösterilen adrese ayarlayın.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="681"/>
        <source>Delete profile</source>
        <translation>Profili sil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="681"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>&quot;%1&quot; profili silinsin mi?</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="692"/>
        <source>Rename profile</source>
        <translation>Profili yeniden adlandır</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="692"/>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="704"/>
        <source>Import</source>
        <translation>İçe aktar</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="706"/>
        <source>Paste a Tor bridge line (obfs4, webtunnel, meek_lite …) or an ss:// link:</source>
        <translation>Bir Tor köprü satırı (obfs4, webtunnel, meek_lite …) ya da ss:// bağlantısı yapıştırın:</translation>
    </message>
    <message>
        <source>Paste a Tor bridge line (obfs4 …) or an ss:// link:</source>
        <translation type="vanished">Bir Tor köprü satırı (obfs4 …) ya da ss:// bağlantısı yapıştırın:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="765"/>
        <location filename="../gui/app/MainWindow.cpp" line="770"/>
        <source>QR code</source>
        <translation>QR kodu</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="765"/>
        <source>This line is too long for a QR code.</source>
        <translation>Bu satır bir QR kodu için fazla uzun.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="806"/>
        <source>starting profile &quot;%1&quot;</source>
        <translation>&quot;%1&quot; profili başlatılıyor</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="833"/>
        <location filename="../gui/app/MainWindow.cpp" line="863"/>
        <location filename="../gui/app/MainWindow.cpp" line="865"/>
        <source>Error: %1</source>
        <translation>Hata: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="vanished">Durduruldu</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="866"/>
        <source>Starting…</source>
        <translation>Başlatılıyor…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="vanished">Çalışıyor</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="886"/>
        <location filename="../gui/app/MainWindow.cpp" line="930"/>
        <source>Disconnect</source>
        <translation>Bağlantıyı kes</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="896"/>
        <location filename="../gui/app/MainWindow.cpp" line="987"/>
        <source>Could not set the system proxy: %1</source>
        <translation>Sistem vekil sunucusu ayarlanamadı: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="898"/>
        <source>The system proxy points here: browsers that follow it need no setup.</source>
        <translation>Sistem vekil sunucusu buraya yönelik: onu izleyen tarayıcılar ek ayar gerektirmez.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="900"/>
        <source>Set your browser&apos;s SOCKS5 proxy to this address (with remote DNS).</source>
        <translation>Tarayıcınızın SOCKS5 vekil sunucusunu bu adrese ayarlayın (uzak DNS ile).</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="906"/>
        <source>To begin, click Import… and paste the bridge line you were given.</source>
        <translation>Başlamak için İçe aktar… düğmesine tıklayın ve size verilen köprü satırını yapıştırın.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="931"/>
        <source>ptdispatcher: %1</source>
        <translation>ptdispatcher: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="932"/>
        <source>Replace 0.0.0.0 by your public address and &lt;FINGERPRINT&gt; by your relay&apos;s</source>
        <translation>0.0.0.0 yerine genel adresinizi, &lt;FINGERPRINT&gt; yerine aktarıcınızın parmak izini yazın</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="983"/>
        <source>System proxy (%1) set to SOCKS %2.</source>
        <translation>Sistem vekil sunucusu (%1) SOCKS %2 olarak ayarlandı.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1002"/>
        <source>Cannot start the system proxy guard: %1</source>
        <translation>Sistem vekil sunucusu bekçisi başlatılamıyor: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1019"/>
        <source>System proxy put back as it was.</source>
        <translation>Sistem vekil sunucusu eski haline getirildi.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1033"/>
        <source>ptdispatcher-gui will start at login and connect.</source>
        <translation>ptdispatcher-gui oturum açılınca başlayıp bağlanacak.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1034"/>
        <source>ptdispatcher-gui will no longer start at login.</source>
        <translation>ptdispatcher-gui artık oturum açılınca başlamayacak.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1037"/>
        <source>Cannot change the start at login: %1</source>
        <translation>Oturum açılınca başlatma ayarı değiştirilemiyor: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1049"/>
        <source>Imported &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; içe aktarıldı.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1055"/>
        <source>The clipboard holds no text to import.</source>
        <translation>Panoda içe aktarılacak metin yok.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1056"/>
        <source>The clipboard holds no bridge line or ss:// link: %1</source>
        <translation>Panoda köprü satırı ya da ss:// bağlantısı yok: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1082"/>
        <source>Nothing to test: this profile names no bridge address.</source>
        <translation>Sınanacak bir şey yok: bu profilde köprü adresi yok.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1095"/>
        <source>testing…</source>
        <translation>sınanıyor…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1103"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1104"/>
        <source>Test of &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; sınaması: %2</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1130"/>
        <source>Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5</source>
        <translation>Gönderilen: %1 (%2/sn)   Alınan: %3 (%4/sn)   Bağlantılar: %5</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1176"/>
        <location filename="../gui/app/MainWindow.cpp" line="1180"/>
        <location filename="../gui/app/MainWindow.cpp" line="1186"/>
        <source>Save log</source>
        <translation>Günlüğü kaydet</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1180"/>
        <location filename="../gui/app/MainWindow.cpp" line="1186"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 yazılamıyor: %2</translation>
    </message>
</context>
<context>
    <name>pt::gui::ProfileForm</name>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="61"/>
        <source>Client</source>
        <translation>İstemci</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="62"/>
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="63"/>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="67"/>
        <source>Transport:</source>
        <translation>Taşıma:</translation>
    </message>
    <message>
        <source>1.2.3.4:443</source>
        <translation type="vanished">1.2.3.4:443</translation>
    </message>
    <message>
        <source>cert from the bridge line</source>
        <translation type="vanished">köprü satırındaki cert</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation type="vanished">Sunucu adresi:</translation>
    </message>
    <message>
        <source>Cert:</source>
        <translation type="vanished">Sertifika (cert):</translation>
    </message>
    <message>
        <source>IAT mode:</source>
        <translation type="vanished">IAT kipi:</translation>
    </message>
    <message>
        <source>1.2.3.4:8388</source>
        <translation type="vanished">1.2.3.4:8388</translation>
    </message>
    <message>
        <source>password</source>
        <translation type="vanished">parola</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="vanished">Parola:</translation>
    </message>
    <message>
        <source>Cipher:</source>
        <translation type="vanished">Şifre yöntemi:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="98"/>
        <source>default (socks5)</source>
        <translation>varsayılan (socks5)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="101"/>
        <source>Mode:</source>
        <translation>Kip:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="105"/>
        <source>127.0.0.1:0 (any free port)</source>
        <translation>127.0.0.1:0 (herhangi bir boş port)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="107"/>
        <source>Listen address:</source>
        <translation>Dinleme adresi:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="109"/>
        <source>socks5://127.0.0.1:1080 (optional)</source>
        <translation>socks5://127.0.0.1:1080 (isteğe bağlı)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="111"/>
        <source>Upstream proxy:</source>
        <translation>Üst vekil sunucu:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="79"/>
        <source>127.0.0.1:9001 (where clients are forwarded)</source>
        <translation>127.0.0.1:9001 (istemcilerin yönlendirildiği yer)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="80"/>
        <source>Target:</source>
        <translation>Hedef:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="81"/>
        <source>directory for keys (obfs4 server)</source>
        <translation>anahtarlar için dizin (obfs4 sunucusu)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="82"/>
        <source>State directory:</source>
        <translation>Durum dizini:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="86"/>
        <source>Advanced</source>
        <translation>Gelişmiş</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="87"/>
        <source>Transport details, listen address, upstream proxy, log level</source>
        <translation>Taşıma ayrıntıları, dinleme adresi, üst vekil sunucu, günlük düzeyi</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="117"/>
        <source>default</source>
        <translation>varsayılan</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="120"/>
        <source>Log level:</source>
        <translation>Günlük düzeyi:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="133"/>
        <source>Reading the transports from ptdispatcher…</source>
        <translation>Taşıyıcılar ptdispatcher&apos;dan okunuyor…</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="184"/>
        <source>%1 (not in this ptdispatcher)</source>
        <translation>%1 (bu ptdispatcher&apos;da yok)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="197"/>
        <source>(not set)</source>
        <translation>(ayarlanmadı)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="208"/>
        <source>%1 (not offered by ptdispatcher)</source>
        <translation>%1 (ptdispatcher sunmuyor)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="228"/>
        <source>default: %1</source>
        <translation>varsayılan: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="230"/>
        <source>required</source>
        <translation>zorunlu</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="230"/>
        <source>required, e.g. %1</source>
        <translation>zorunlu, örn. %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="232"/>
        <source>optional, e.g. %1</source>
        <translation>isteğe bağlı, örn. %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="234"/>
        <source>optional</source>
        <translation>isteğe bağlı</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="274"/>
        <source>This ptdispatcher has no transport &quot;%1&quot;.</source>
        <translation>Bu ptdispatcher&apos;da &quot;%1&quot; taşıyıcısı yok.</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="309"/>
        <source>Bridge address</source>
        <translation>Köprü adresi</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="310"/>
        <source>Certificate (cert)</source>
        <translation>Sertifika (cert)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="311"/>
        <source>Timing obfuscation (iat-mode)</source>
        <translation>Zamanlama gizleme (iat-mode)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="312"/>
        <source>Password</source>
        <translation>Parola</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="313"/>
        <source>Cipher</source>
        <translation>Şifreleme</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="314"/>
        <source>URL</source>
        <translation>URL adresi</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="315"/>
        <source>Front domain</source>
        <translation>Ön alan adı (front)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="316"/>
        <source>Connect to (addr)</source>
        <translation>Bağlanılacak adres (addr)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="317"/>
        <source>TLS server name</source>
        <translation>TLS sunucu adı</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="318"/>
        <source>Version</source>
        <translation>Sürüm</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="319"/>
        <source>Idle timeout</source>
        <translation>Boşta zaman aşımı</translation>
    </message>
</context>
<context>
    <name>pt::gui::TrafficGraph</name>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="17"/>
        <source>Traffic graph</source>
        <translation>Trafik grafiği</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="34"/>
        <source>%1/s</source>
        <translation>%1/sn</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="38"/>
        <source>down</source>
        <translation>alınan</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="38"/>
        <source>up</source>
        <translation>gönderilen</translation>
    </message>
</context>
<context>
    <name>pt::gui::TransportCatalog</name>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="18"/>
        <source>ptdispatcher -describe-transports did not answer within %1 s</source>
        <translation>ptdispatcher -describe-transports %1 sn içinde yanıt vermedi</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="48"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher bulunamadı (PTDISPATCHER_BIN ayarlayın ya da arayüzün yanına koyun)</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="58"/>
        <source>ptdispatcher -describe-transports printed more than %1 bytes</source>
        <translation>ptdispatcher -describe-transports %1 bayttan fazla çıktı verdi</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="68"/>
        <source>cannot start %1: %2</source>
        <translation>%1 başlatılamıyor: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="92"/>
        <source>ptdispatcher -describe-transports crashed</source>
        <translation>ptdispatcher -describe-transports çöktü</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="98"/>
        <source>this ptdispatcher cannot describe its transports (too old?): %1</source>
        <translation>bu ptdispatcher taşıyıcılarını tanımlayamıyor (çok mu eski?): %1</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="99"/>
        <source>ptdispatcher -describe-transports failed (exit code %1): %2</source>
        <translation>ptdispatcher -describe-transports başarısız oldu (çıkış kodu %1): %2</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="110"/>
        <source>cannot read what ptdispatcher -describe-transports printed: %1</source>
        <translation>ptdispatcher -describe-transports çıktısı okunamıyor: %1</translation>
    </message>
</context>
</TS>
