<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr">
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
        <translation>Kopyala</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="27"/>
        <source>address &quot;%1&quot;: missing &apos;]&apos;</source>
        <translation>adres &quot;%1&quot;: &apos;]&apos; eksik</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="30"/>
        <location filename="../gui/core/BridgeLineImport.cpp" line="38"/>
        <source>address &quot;%1&quot;: missing :port</source>
        <translation>adres &quot;%1&quot;: :port eksik</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="35"/>
        <source>address &quot;%1&quot;: &quot;%2&quot; is not an IPv6 address</source>
        <translation>adres &quot;%1&quot;: &quot;%2&quot; bir IPv6 adresi değil</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="42"/>
        <source>address &quot;%1&quot;: IPv6 addresses need [brackets]</source>
        <translation>adres &quot;%1&quot;: IPv6 adresleri [köşeli parantez] içinde olmalı</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="44"/>
        <source>address &quot;%1&quot;: missing host</source>
        <translation>adres &quot;%1&quot;: sunucu adı eksik</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="48"/>
        <source>address &quot;%1&quot;: port &quot;%2&quot; is not a number from 1 to 65535</source>
        <translation>adres &quot;%1&quot;: &quot;%2&quot; portu 1 ile 65535 arasında bir sayı değil</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="57"/>
        <source>the bridge line is empty</source>
        <translation>köprü satırı boş</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="62"/>
        <source>the bridge line names no transport (a plain Tor bridge needs no ptdispatcher)</source>
        <translation>köprü satırında taşıma adı yok (düz bir Tor köprüsü ptdispatcher gerektirmez)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="66"/>
        <source>&quot;%1&quot; is not a transport name</source>
        <translation>&quot;%1&quot; bir taşıma adı değil</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="67"/>
        <source>the bridge line has no server address</source>
        <translation>köprü satırında sunucu adresi yok</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="74"/>
        <source>&quot;%1&quot; is not a fingerprint (40 hex digits)</source>
        <translation>&quot;%1&quot; bir parmak izi değil (40 onaltılık basamak)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="80"/>
        <source>&quot;%1&quot; is not a key=value option</source>
        <translation>&quot;%1&quot; anahtar=değer biçiminde bir seçenek değil</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="82"/>
        <source>option &quot;%1&quot; appears twice</source>
        <translation>&quot;%1&quot; seçeneği iki kez geçiyor</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="89"/>
        <source>obfs4 bridge line has no cert= option</source>
        <translation>obfs4 köprü satırında cert= seçeneği yok</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="92"/>
        <source>%1 bridge line has no url= option</source>
        <translation>%1 köprü satırında url= seçeneği yok</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="164"/>
        <source>this ptdispatcher has no %1 client</source>
        <translation>bu ptdispatcher'da %1 istemcisi yok</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="173"/>
        <source>%1=%2 is not supported by this ptdispatcher (one of: %3)</source>
        <translation>%1=%2 bu ptdispatcher tarafından desteklenmiyor (şunlardan biri: %3)</translation>
    </message>
    <message>
        <source>iat-mode must be 0, 1 or 2, not &quot;%1&quot;</source>
        <translation type="vanished">iat-mode 0, 1 ya da 2 olmalı, &quot;%1&quot; değil</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="105"/>
        <source>not an ss:// URI</source>
        <translation>bir ss:// adresi değil</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="118"/>
        <source>ss:// plugins are not supported</source>
        <translation>ss:// eklentileri desteklenmiyor</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="124"/>
        <source>ss:// URI has no &apos;@&apos; (the legacy all-base64 form is not supported)</source>
        <translation>ss:// adresinde &apos;@&apos; yok (eski tamamı base64 biçim desteklenmiyor)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="127"/>
        <source>ss:// URI has no method:password</source>
        <translation>ss:// adresinde yöntem:parola yok</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="139"/>
        <source>ss:// user info is neither base64 nor method:password</source>
        <translation>ss:// kullanıcı bilgisi ne base64 ne de yöntem:parola</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="143"/>
        <source>ss:// user info has no &apos;:&apos; between method and password</source>
        <translation>ss:// kullanıcı bilgisinde yöntem ile parola arasında &apos;:&apos; yok</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="146"/>
        <source>ss:// URI has an empty method</source>
        <translation>ss:// adresinde yöntem boş</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="147"/>
        <source>ss:// URI has an empty password</source>
        <translation>ss:// adresinde parola boş</translation>
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
    <name>pt::gui::DispatcherController</name>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="101"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>ptdispatcher bulunamadı (PTDISPATCHER_BIN ayarlayın ya da arayüzün yanına koyun)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="176"/>
        <source>the dispatcher offers no method for this profile</source>
        <translation>dağıtıcı bu profil için hiçbir yöntem sunmuyor</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="210"/>
        <source>cannot start %1: %2</source>
        <translation>%1 başlatılamıyor: %2</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="235"/>
        <source>the dispatcher crashed</source>
        <translation>dağıtıcı çöktü</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="236"/>
        <source>the dispatcher exited unexpectedly (code %1)</source>
        <translation>dağıtıcı beklenmedik biçimde kapandı (kod %1)</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="239"/>
        <source>the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)</source>
        <translation>dağıtıcı başlatılamadı: ihtiyaç duyduğu bir DLL eksik (ptdispatcher&apos;ı yeniden kurun)</translation>
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
        <location filename="../gui/app/MainWindow.cpp" line="62"/>
        <source>ptdispatcher</source>
        <translation>ptdispatcher</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="72"/>
        <location filename="../gui/app/MainWindow.cpp" line="325"/>
        <source>New profile</source>
        <translation>Yeni profil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="75"/>
        <source>skipped a stored profile: %1</source>
        <translation>kayıtlı bir profil atlandı: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="94"/>
        <source>Cannot read the transports from ptdispatcher: %1</source>
        <translation>Taşıyıcılar ptdispatcher'dan okunamıyor: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="124"/>
        <location filename="../gui/app/MainWindow.cpp" line="233"/>
        <location filename="../gui/app/MainWindow.cpp" line="486"/>
        <location filename="../gui/app/MainWindow.cpp" line="513"/>
        <source>Connect</source>
        <translation>Bağlan</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="125"/>
        <source>Show window</source>
        <translation>Pencereyi göster</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="130"/>
        <source>Start minimized</source>
        <translation>Simge durumunda başlat</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="136"/>
        <source>Quit</source>
        <translation>Çık</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="178"/>
        <source>Add</source>
        <translation>Ekle</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="179"/>
        <source>Duplicate</source>
        <translation>Çoğalt</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="180"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="181"/>
        <source>Rename…</source>
        <translation>Yeniden adlandır…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="182"/>
        <source>Import…</source>
        <translation>İçe aktar…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="183"/>
        <source>Paste a Tor bridge line or an ss:// link</source>
        <translation>Bir Tor köprü satırı ya da ss:// bağlantısı yapıştırın</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="192"/>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="203"/>
        <source>The language changes when ptdispatcher-gui starts again.</source>
        <translation>Dil, ptdispatcher-gui yeniden başladığında değişir.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="231"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="242"/>
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="245"/>
        <source>Share:</source>
        <translation>Paylaş:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="249"/>
        <source>QR code…</source>
        <translation>QR kodu…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="262"/>
        <source>Log:</source>
        <translation>Günlük:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="270"/>
        <source>Save…</source>
        <translation>Kaydet…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="344"/>
        <source>Delete profile</source>
        <translation>Profili sil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="344"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>&quot;%1&quot; profili silinsin mi?</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="355"/>
        <source>Rename profile</source>
        <translation>Profili yeniden adlandır</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="355"/>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="367"/>
        <source>Import</source>
        <translation>İçe aktar</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="369"/>
        <source>Paste a Tor bridge line (obfs4, webtunnel, meek_lite …) or an ss:// link:</source>
        <translation>Bir Tor köprü satırı (obfs4, webtunnel, meek_lite …) ya da ss:// bağlantısı yapıştırın:</translation>
    </message>
    <message>
        <source>Paste a Tor bridge line (obfs4 …) or an ss:// link:</source>
        <translation type="vanished">Bir Tor köprü satırı (obfs4 …) ya da ss:// bağlantısı yapıştırın:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="428"/>
        <location filename="../gui/app/MainWindow.cpp" line="433"/>
        <source>QR code</source>
        <translation>QR kodu</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="428"/>
        <source>This line is too long for a QR code.</source>
        <translation>Bu satır bir QR kodu için fazla uzun.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="462"/>
        <source>starting profile &quot;%1&quot;</source>
        <translation>&quot;%1&quot; profili başlatılıyor</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="469"/>
        <location filename="../gui/app/MainWindow.cpp" line="482"/>
        <source>Error: %1</source>
        <translation>Hata: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="479"/>
        <source>Stopped</source>
        <translation>Durduruldu</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="480"/>
        <source>Starting…</source>
        <translation>Başlatılıyor…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="481"/>
        <source>Running</source>
        <translation>Çalışıyor</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="486"/>
        <location filename="../gui/app/MainWindow.cpp" line="513"/>
        <source>Disconnect</source>
        <translation>Bağlantıyı kes</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="512"/>
        <source>ptdispatcher: %1</source>
        <translation>ptdispatcher: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="515"/>
        <source>Replace 0.0.0.0 by your public address and &lt;FINGERPRINT&gt; by your relay&apos;s</source>
        <translation>0.0.0.0 yerine genel adresinizi, &lt;FINGERPRINT&gt; yerine aktarıcınızın parmak izini yazın</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="526"/>
        <source>Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5</source>
        <translation>Gönderilen: %1 (%2/sn)   Alınan: %3 (%4/sn)   Bağlantılar: %5</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="572"/>
        <location filename="../gui/app/MainWindow.cpp" line="576"/>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Save log</source>
        <translation>Günlüğü kaydet</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="576"/>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 yazılamıyor: %2</translation>
    </message>
</context>
<context>
    <name>pt::gui::ProfileForm</name>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="60"/>
        <source>Client</source>
        <translation>İstemci</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="61"/>
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="62"/>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="66"/>
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
        <location filename="../gui/app/ProfileForm.cpp" line="79"/>
        <source>default (socks5)</source>
        <translation>varsayılan (socks5)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="82"/>
        <source>Mode:</source>
        <translation>Kip:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="84"/>
        <source>127.0.0.1:0 (any free port)</source>
        <translation>127.0.0.1:0 (herhangi bir boş port)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="85"/>
        <source>Listen address:</source>
        <translation>Dinleme adresi:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="86"/>
        <source>socks5://127.0.0.1:1080 (optional)</source>
        <translation>socks5://127.0.0.1:1080 (isteğe bağlı)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="87"/>
        <source>Upstream proxy:</source>
        <translation>Üst vekil sunucu:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="88"/>
        <source>127.0.0.1:9001 (where clients are forwarded)</source>
        <translation>127.0.0.1:9001 (istemcilerin yönlendirildiği yer)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="89"/>
        <source>Target:</source>
        <translation>Hedef:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="90"/>
        <source>directory for keys (obfs4 server)</source>
        <translation>anahtarlar için dizin (obfs4 sunucusu)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="91"/>
        <source>State directory:</source>
        <translation>Durum dizini:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="94"/>
        <source>default</source>
        <translation>varsayılan</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="97"/>
        <source>Log level:</source>
        <translation>Günlük düzeyi:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="110"/>
        <source>Reading the transports from ptdispatcher…</source>
        <translation>Taşıyıcılar ptdispatcher'dan okunuyor…</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="161"/>
        <source>%1 (not in this ptdispatcher)</source>
        <translation>%1 (bu ptdispatcher'da yok)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="174"/>
        <source>(not set)</source>
        <translation>(ayarlanmadı)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="185"/>
        <source>%1 (not offered by ptdispatcher)</source>
        <translation>%1 (ptdispatcher sunmuyor)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="205"/>
        <source>default: %1</source>
        <translation>varsayılan: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="207"/>
        <source>required</source>
        <translation>zorunlu</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="207"/>
        <source>required, e.g. %1</source>
        <translation>zorunlu, örn. %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="209"/>
        <source>optional, e.g. %1</source>
        <translation>isteğe bağlı, örn. %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="211"/>
        <source>optional</source>
        <translation>isteğe bağlı</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="250"/>
        <source>This ptdispatcher has no transport &quot;%1&quot;.</source>
        <translation>Bu ptdispatcher'da &quot;%1&quot; taşıyıcısı yok.</translation>
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
