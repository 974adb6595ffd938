<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="27"/>
        <source>address &quot;%1&quot;: missing &apos;]&apos;</source>
        <translation>地址“%1”：缺少 &apos;]&apos;</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="30"/>
        <location filename="../gui/core/BridgeLineImport.cpp" line="38"/>
        <source>address &quot;%1&quot;: missing :port</source>
        <translation>地址“%1”：缺少 :端口</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="35"/>
        <source>address &quot;%1&quot;: &quot;%2&quot; is not an IPv6 address</source>
        <translation>地址“%1”：“%2”不是 IPv6 地址</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="42"/>
        <source>address &quot;%1&quot;: IPv6 addresses need [brackets]</source>
        <translation>地址“%1”：IPv6 地址需要用 [方括号] 括起来</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="44"/>
        <source>address &quot;%1&quot;: missing host</source>
        <translation>地址“%1”：缺少主机</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="48"/>
        <source>address &quot;%1&quot;: port &quot;%2&quot; is not a number from 1 to 65535</source>
        <translation>地址“%1”：端口“%2”不是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="57"/>
        <source>the bridge line is empty</source>
        <translation>网桥行为空</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="62"/>
        <source>the bridge line names no transport (a plain Tor bridge needs no ptdispatcher)</source>
        <translation>网桥行未指定传输方式（普通 Tor 网桥不需要 ptdispatcher）</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="66"/>
        <source>&quot;%1&quot; is not a transport name</source>
        <translation>“%1”不是传输方式名称</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="67"/>
        <source>the bridge line has no server address</source>
        <translation>网桥行没有服务器地址</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="74"/>
        <source>&quot;%1&quot; is not a fingerprint (40 hex digits)</source>
        <translation>“%1”不是指纹（40 位十六进制数字）</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="80"/>
        <source>&quot;%1&quot; is not a key=value option</source>
        <translation>“%1”不是 key=value 形式的选项</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="82"/>
        <source>option &quot;%1&quot; appears twice</source>
        <translation>选项“%1”出现了两次</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="89"/>
        <source>obfs4 bridge line has no cert= option</source>
        <translation>obfs4 网桥行没有 cert= 选项</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="92"/>
        <source>%1 bridge line has no url= option</source>
        <translation>%1 网桥行缺少 url= 选项</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="164"/>
        <source>this ptdispatcher has no %1 client</source>
        <translation>此 ptdispatcher 没有 %1 客户端</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="173"/>
        <source>%1=%2 is not supported by this ptdispatcher (one of: %3)</source>
        <translation>此 ptdispatcher 不支持 %1=%2（可选：%3）</translation>
    </message>
    <message>
        <source>iat-mode must be 0, 1 or 2, not &quot;%1&quot;</source>
        <translation type="vanished">iat-mode 必须是 0、1 或 2，而不是“%1”</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="105"/>
        <source>not an ss:// URI</source>
        <translation>不是 ss:// 链接</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="118"/>
        <source>ss:// plugins are not supported</source>
        <translation>不支持 ss:// 插件</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="124"/>
        <source>ss:// URI has no &apos;@&apos; (the legacy all-base64 form is not supported)</source>
        <translation>ss:// 链接中没有 &apos;@&apos;（不支持旧的全 base64 格式）</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="127"/>
        <source>ss:// URI has no method:password</source>
        <translation>ss:// 链接中没有 method:password</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="139"/>
        <source>ss:// user info is neither base64 nor method:password</source>
        <translation>ss:// 用户信息既不是 base64 也不是 method:password</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="143"/>
        <source>ss:// user info has no &apos;:&apos; between method and password</source>
        <translation>ss:// 用户信息在方法和密码之间没有 &apos;:&apos;</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="146"/>
        <source>ss:// URI has an empty method</source>
        <translation>ss:// 链接的方法为空</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeLineImport.cpp" line="147"/>
        <source>ss:// URI has an empty password</source>
        <translation>ss:// 链接的密码为空</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="27"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="32"/>
        <source>profile %1 (&quot;%2&quot;): %3</source>
        <translation>配置 %1（“%2”）：%3</translation>
    </message>
    <message>
        <location filename="../gui/core/ProfileStore.cpp" line="34"/>
        <source>no name</source>
        <translation>无名称</translation>
    </message>
</context>
<context>
    <name>pt::gui::DispatcherController</name>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="101"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>找不到 ptdispatcher（请设置 PTDISPATCHER_BIN 或将其放在界面程序旁边）</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="176"/>
        <source>the dispatcher offers no method for this profile</source>
        <translation>调度程序没有为此配置提供任何方法</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="210"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="235"/>
        <source>the dispatcher crashed</source>
        <translation>调度程序崩溃了</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="236"/>
        <source>the dispatcher exited unexpectedly (code %1)</source>
        <translation>调度程序意外退出（代码 %1）</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="239"/>
        <source>the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)</source>
        <translation>无法启动调度程序：缺少它需要的 DLL（请重新安装 ptdispatcher）</translation>
    </message>
</context>
<context>
    <name>pt::gui::Language</name>
    <message>
        <location filename="../gui/app/Language.cpp" line="13"/>
        <source>System language</source>
        <translation>系统语言</translation>
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
        <translation>新配置</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="75"/>
        <source>skipped a stored profile: %1</source>
        <translation>跳过了一个已保存的配置：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="94"/>
        <source>Cannot read the transports from ptdispatcher: %1</source>
        <translation>无法从 ptdispatcher 读取传输方式：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="124"/>
        <location filename="../gui/app/MainWindow.cpp" line="233"/>
        <location filename="../gui/app/MainWindow.cpp" line="486"/>
        <location filename="../gui/app/MainWindow.cpp" line="513"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="125"/>
        <source>Show window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="130"/>
        <source>Start minimized</source>
        <translation>启动时最小化</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="136"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="178"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="179"/>
        <source>Duplicate</source>
        <translation>复制配置</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="180"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="181"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="182"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="183"/>
        <source>Paste a Tor bridge line or an ss:// link</source>
        <translation>粘贴 Tor 网桥行或 ss:// 链接</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="192"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="203"/>
        <source>The language changes when ptdispatcher-gui starts again.</source>
        <translation>语言将在 ptdispatcher-gui 下次启动时更改。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="231"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="242"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="245"/>
        <source>Share:</source>
        <translation>分享：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="249"/>
        <source>QR code…</source>
        <translation>二维码…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="262"/>
        <source>Log:</source>
        <translation>日志：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="270"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="344"/>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="344"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>删除配置“%1”？</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="355"/>
        <source>Rename profile</source>
        <translation>重命名配置</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="355"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="367"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="369"/>
        <source>Paste a Tor bridge line (obfs4, webtunnel, meek_lite …) or an ss:// link:</source>
        <translation>粘贴 Tor 网桥行（obfs4、webtunnel、meek_lite …）或 ss:// 链接：</translation>
    </message>
    <message>
        <source>Paste a Tor bridge line (obfs4 …) or an ss:// link:</source>
        <translation type="vanished">粘贴 Tor 网桥行（obfs4 …）或 ss:// 链接：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="428"/>
        <location filename="../gui/app/MainWindow.cpp" line="433"/>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="428"/>
        <source>This line is too long for a QR code.</source>
        <translation>这一行太长，无法生成二维码。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="462"/>
        <source>starting profile &quot;%1&quot;</source>
        <translation>正在启动配置“%1”</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="469"/>
        <location filename="../gui/app/MainWindow.cpp" line="482"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="479"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="480"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="481"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="486"/>
        <location filename="../gui/app/MainWindow.cpp" line="513"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="512"/>
        <source>ptdispatcher: %1</source>
        <translation>ptdispatcher：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="515"/>
        <source>Replace 0.0.0.0 by your public address and &lt;FINGERPRINT&gt; by your relay&apos;s</source>
        <translation>将 0.0.0.0 替换为你的公网地址，将 &lt;FINGERPRINT&gt; 替换为你的中继指纹</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="526"/>
        <source>Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5</source>
        <translation>上传：%1（%2/秒）   下载：%3（%4/秒）   连接数：%5</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="572"/>
        <location filename="../gui/app/MainWindow.cpp" line="576"/>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="576"/>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>pt::gui::ProfileForm</name>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="60"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="61"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="62"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="66"/>
        <source>Transport:</source>
        <translation>传输方式：</translation>
    </message>
    <message>
        <source>1.2.3.4:443</source>
        <translation type="vanished">1.2.3.4:443</translation>
    </message>
    <message>
        <source>cert from the bridge line</source>
        <translation type="vanished">网桥行中的 cert</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation type="vanished">服务器地址：</translation>
    </message>
    <message>
        <source>Cert:</source>
        <translation type="vanished">证书（cert）：</translation>
    </message>
    <message>
        <source>IAT mode:</source>
        <translation type="vanished">IAT 模式：</translation>
    </message>
    <message>
        <source>1.2.3.4:8388</source>
        <translation type="vanished">1.2.3.4:8388</translation>
    </message>
    <message>
        <source>password</source>
        <translation type="vanished">密码</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="vanished">密码：</translation>
    </message>
    <message>
        <source>Cipher:</source>
        <translation type="vanished">加密方式：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="79"/>
        <source>default (socks5)</source>
        <translation>默认（socks5）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="82"/>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="84"/>
        <source>127.0.0.1:0 (any free port)</source>
        <translation>127.0.0.1:0（任意空闲端口）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="85"/>
        <source>Listen address:</source>
        <translation>监听地址：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="86"/>
        <source>socks5://127.0.0.1:1080 (optional)</source>
        <translation>socks5://127.0.0.1:1080（可选）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="87"/>
        <source>Upstream proxy:</source>
        <translation>上游代理：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="88"/>
        <source>127.0.0.1:9001 (where clients are forwarded)</source>
        <translation>127.0.0.1:9001（客户端被转发到的地址）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="89"/>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="90"/>
        <source>directory for keys (obfs4 server)</source>
        <translation>密钥目录（obfs4 服务器）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="91"/>
        <source>State directory:</source>
        <translation>状态目录：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="94"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="97"/>
        <source>Log level:</source>
        <translation>日志级别：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="110"/>
        <source>Reading the transports from ptdispatcher…</source>
        <translation>正在从 ptdispatcher 读取传输方式…</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="161"/>
        <source>%1 (not in this ptdispatcher)</source>
        <translation>%1（此 ptdispatcher 中没有）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="174"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="185"/>
        <source>%1 (not offered by ptdispatcher)</source>
        <translation>%1（ptdispatcher 不提供）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="205"/>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="207"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="207"/>
        <source>required, e.g. %1</source>
        <translation>必填，例如 %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="209"/>
        <source>optional, e.g. %1</source>
        <translation>可选，例如 %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="211"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="250"/>
        <source>This ptdispatcher has no transport &quot;%1&quot;.</source>
        <translation>此 ptdispatcher 没有传输方式“%1”。</translation>
    </message>
</context>
<context>
    <name>pt::gui::TrafficGraph</name>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="17"/>
        <source>Traffic graph</source>
        <translation>流量图</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="34"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="38"/>
        <source>down</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../gui/app/TrafficGraph.cpp" line="38"/>
        <source>up</source>
        <translation>上传</translation>
    </message>
</context>
<context>
    <name>pt::gui::TransportCatalog</name>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="18"/>
        <source>ptdispatcher -describe-transports did not answer within %1 s</source>
        <translation>ptdispatcher -describe-transports 在 %1 秒内没有响应</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="48"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>找不到 ptdispatcher（请设置 PTDISPATCHER_BIN 或将其放在界面程序旁边）</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="58"/>
        <source>ptdispatcher -describe-transports printed more than %1 bytes</source>
        <translation>ptdispatcher -describe-transports 输出超过 %1 字节</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="68"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="92"/>
        <source>ptdispatcher -describe-transports crashed</source>
        <translation>ptdispatcher -describe-transports 崩溃了</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="98"/>
        <source>this ptdispatcher cannot describe its transports (too old?): %1</source>
        <translation>此 ptdispatcher 无法描述其传输方式（版本太旧？）：%1</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="99"/>
        <source>ptdispatcher -describe-transports failed (exit code %1): %2</source>
        <translation>ptdispatcher -describe-transports 失败（退出码 %1）：%2</translation>
    </message>
    <message>
        <location filename="../gui/core/TransportCatalog.cpp" line="110"/>
        <source>cannot read what ptdispatcher -describe-transports printed: %1</source>
        <translation>无法读取 ptdispatcher -describe-transports 的输出：%1</translation>
    </message>
</context>
</TS>
