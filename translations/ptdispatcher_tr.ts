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
        <location filename="../gui/core/BridgeLineImport.cpp" line="87"/>
        <source>obfs4 bridge line has no cert= option</source>
        <translation>obfs4 köprü satırında cert= seçeneği yok</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="90"/>
        <source>iat-mode must be 0, 1 or 2, not &quot;%1&quot;</source>
        <translation>iat-mode 0, 1 ya da 2 olmalı, &quot;%1&quot; değil</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="103"/>
        <source>not an ss:// URI</source>
        <translation>bir ss:// adresi değil</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="116"/>
        <source>ss:// plugins are not supported</source>
        <translation>ss:// eklentileri desteklenmiyor</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="122"/>
        <source>ss:// URI has no &apos;@&apos; (the legacy all-base64 form is not supported)</source>
        <translation>ss:// adresinde &apos;@&apos; yok (eski tamamı base64 biçim desteklenmiyor)</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="125"/>
        <source>ss:// URI has no method:password</source>
        <translation>ss:// adresinde yöntem:parola yok</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="137"/>
        <source>ss:// user info is neither base64 nor method:password</source>
        <translation>ss:// kullanıcı bilgisi ne base64 ne de yöntem:parola</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="141"/>
        <source>ss:// user info has no &apos;:&apos; between method and password</source>
        <translation>ss:// kullanıcı bilgisinde yöntem ile parola arasında &apos;:&apos; yok</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="144"/>
        <source>ss:// URI has an empty method</source>
        <translation>ss:// adresinde yöntem boş</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="145"/>
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
        <location filename="../gui/app/MainWindow.cpp" line="317"/>
        <source>New profile</source>
        <translation>Yeni profil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="75"/>
        <source>skipped a stored profile: %1</source>
        <translation>kayıtlı bir profil atlandı: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="116"/>
        <location filename="../gui/app/MainWindow.cpp" line="225"/>
        <location filename="../gui/app/MainWindow.cpp" line="471"/>
        <location filename="../gui/app/MainWindow.cpp" line="498"/>
        <source>Connect</source>
        <translation>Bağlan</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="117"/>
        <source>Show window</source>
        <translation>Pencereyi göster</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="122"/>
        <source>Start minimized</source>
        <translation>Simge durumunda başlat</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="128"/>
        <source>Quit</source>
        <translation>Çık</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="170"/>
        <source>Add</source>
        <translation>Ekle</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="171"/>
        <source>Duplicate</source>
        <translation>Çoğalt</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="172"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="173"/>
        <source>Rename…</source>
        <translation>Yeniden adlandır…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="174"/>
        <source>Import…</source>
        <translation>İçe aktar…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="175"/>
        <source>Paste a Tor bridge line or an ss:// link</source>
        <translation>Bir Tor köprü satırı ya da ss:// bağlantısı yapıştırın</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="184"/>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="195"/>
        <source>The language changes when ptdispatcher-gui starts again.</source>
        <translation>Dil, ptdispatcher-gui yeniden başladığında değişir.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="223"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="234"/>
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="237"/>
        <source>Share:</source>
        <translation>Paylaş:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="241"/>
        <source>QR code…</source>
        <translation>QR kodu…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="254"/>
        <source>Log:</source>
        <translation>Günlük:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="262"/>
        <source>Save…</source>
        <translation>Kaydet…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="336"/>
        <source>Delete profile</source>
        <translation>Profili sil</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="336"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>&quot;%1&quot; profili silinsin mi?</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="347"/>
        <source>Rename profile</source>
        <translation>Profili yeniden adlandır</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="347"/>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="359"/>
        <source>Import</source>
        <translation>İçe aktar</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="361"/>
        <source>Paste a Tor bridge line (obfs4 …) or an ss:// link:</source>
        <translation>Bir Tor köprü satırı (obfs4 …) ya da ss:// bağlantısı yapıştırın:</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="413"/>
        <location filename="../gui/app/MainWindow.cpp" line="418"/>
        <source>QR code</source>
        <translation>QR kodu</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="413"/>
        <source>This line is too long for a QR code.</source>
        <translation>Bu satır bir QR kodu için fazla uzun.</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="447"/>
        <source>starting profile &quot;%1&quot;</source>
        <translation>&quot;%1&quot; profili başlatılıyor</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="454"/>
        <location filename="../gui/app/MainWindow.cpp" line="467"/>
        <source>Error: %1</source>
        <translation>Hata: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="464"/>
        <source>Stopped</source>
        <translation>Durduruldu</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="465"/>
        <source>Starting…</source>
        <translation>Başlatılıyor…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="466"/>
        <source>Running</source>
        <translation>Çalışıyor</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="471"/>
        <location filename="../gui/app/MainWindow.cpp" line="498"/>
        <source>Disconnect</source>
        <translation>Bağlantıyı kes</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="497"/>
        <source>ptdispatcher: %1</source>
        <translation>ptdispatcher: %1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="500"/>
        <source>Replace 0.0.0.0 by your public address and &lt;FINGERPRINT&gt; by your relay&apos;s</source>
        <translation>0.0.0.0 yerine genel adresinizi, &lt;FINGERPRINT&gt; yerine aktarıcınızın parmak izini yazın</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="511"/>
        <source>Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5</source>
        <translation>Gönderilen: %1 (%2/sn)   Alınan: %3 (%4/sn)   Bağlantılar: %5</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="557"/>
        <location filename="../gui/app/MainWindow.cpp" line="561"/>
        <location filename="../gui/app/MainWindow.cpp" line="567"/>
        <source>Save log</source>
        <translation>Günlüğü kaydet</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="561"/>
        <location filename="../gui/app/MainWindow.cpp" line="567"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 yazılamıyor: %2</translation>
    </message>
</context>
<context>
    <name>pt::gui::ProfileForm</name>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="54"/>
        <source>Client</source>
        <translation>İstemci</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="55"/>
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="56"/>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="60"/>
        <source>Transport:</source>
        <translation>Taşıma:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="67"/>
        <location filename="../gui/app/ProfileForm.cpp" line="97"/>
        <source>1.2.3.4:443</source>
        <translation>1.2.3.4:443</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="68"/>
        <source>cert from the bridge line</source>
        <translation>köprü satırındaki cert</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="72"/>
        <location filename="../gui/app/ProfileForm.cpp" line="88"/>
        <location filename="../gui/app/ProfileForm.cpp" line="98"/>
        <source>Server address:</source>
        <translation>Sunucu adresi:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="73"/>
        <source>Cert:</source>
        <translation>Sertifika (cert):</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="74"/>
        <source>IAT mode:</source>
        <translation>IAT kipi:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="81"/>
        <source>1.2.3.4:8388</source>
        <translation>1.2.3.4:8388</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="82"/>
        <source>password</source>
        <translation>parola</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="89"/>
        <source>Password:</source>
        <translation>Parola:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="90"/>
        <source>Cipher:</source>
        <translation>Şifre yöntemi:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="104"/>
        <source>default (socks5)</source>
        <translation>varsayılan (socks5)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="107"/>
        <source>Mode:</source>
        <translation>Kip:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="109"/>
        <source>127.0.0.1:0 (any free port)</source>
        <translation>127.0.0.1:0 (herhangi bir boş port)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="110"/>
        <source>Listen address:</source>
        <translation>Dinleme adresi:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="111"/>
        <source>socks5://127.0.0.1:1080 (optional)</source>
        <translation>socks5://127.0.0.1:1080 (isteğe bağlı)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="112"/>
        <source>Upstream proxy:</source>
        <translation>Üst vekil sunucu:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="113"/>
        <source>127.0.0.1:9001 (where clients are forwarded)</source>
        <translation>127.0.0.1:9001 (istemcilerin yönlendirildiği yer)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="114"/>
        <source>Target:</source>
        <translation>Hedef:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="115"/>
        <source>directory for keys (obfs4 server)</source>
        <translation>anahtarlar için dizin (obfs4 sunucusu)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="116"/>
        <source>State directory:</source>
        <translation>Durum dizini:</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="119"/>
        <source>default</source>
        <translation>varsayılan</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="122"/>
        <source>Log level:</source>
        <translation>Günlük düzeyi:</translation>
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
</TS>
