<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FailureText</name>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="40"/>
        <source>Cannot reach the bridge: the connection was refused</source>
        <translation>无法连接网桥：连接被拒绝</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="42"/>
        <source>Cannot reach the bridge: no answer in time (the address may be blocked, or the cert may be wrong)</source>
        <translation>无法连接网桥：未及时应答（地址可能被封锁，或 cert 有误）</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="44"/>
        <source>Cannot reach the bridge: the network or the bridge&apos;s address is unreachable</source>
        <translation>无法连接网桥：网络或网桥地址不可达</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="46"/>
        <source>Cannot reach the bridge: its host name could not be found</source>
        <translation>无法连接网桥：找不到其主机名</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="48"/>
        <source>Cannot reach the bridge: the bridge closed the connection during the handshake (wrong cert or password?)</source>
        <translation>无法连接网桥：网桥在握手时关闭了连接（cert 或密码错误？）</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="50"/>
        <source>Cannot reach the bridge: the secure (TLS) connection failed</source>
        <translation>无法连接网桥：安全（TLS）连接失败</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="52"/>
        <source>Cannot reach the bridge: the web server answered with an error (wrong address or path?)</source>
        <translation>无法连接网桥：Web 服务器返回错误（地址或路径错误？）</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="54"/>
        <source>Cannot reach the bridge: the upstream proxy failed or refused the connection</source>
        <translation>无法连接网桥：上游代理失败或拒绝了连接</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="56"/>
        <source>The bridge line is not valid</source>
        <translation>网桥行无效</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="58"/>
        <source>Cannot reach the bridge</source>
        <translation>无法连接网桥</translation>
    </message>
    <message>
        <location filename="../gui/core/FailureText.cpp" line="67"/>
        <source>%1 (%2)</source>
        <extracomment>%1 is the plain-words reason, %2 the technical detail from the dispatcher (English)</extracomment>
        <translation>%1（%2）</translation>
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
        <translation>复制</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing &apos;]&apos;</source>
        <translation type="vanished">地址“%1”：缺少 &apos;]&apos;</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing :port</source>
        <translation type="vanished">地址“%1”：缺少 :端口</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: &quot;%2&quot; is not an IPv6 address</source>
        <translation type="vanished">地址“%1”：“%2”不是 IPv6 地址</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: IPv6 addresses need [brackets]</source>
        <translation type="vanished">地址“%1”：IPv6 地址需要用 [方括号] 括起来</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: missing host</source>
        <translation type="vanished">地址“%1”：缺少主机</translation>
    </message>
    <message>
        <source>address &quot;%1&quot;: port &quot;%2&quot; is not a number from 1 to 65535</source>
        <translation type="vanished">地址“%1”：端口“%2”不是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>the bridge line is empty</source>
        <translation type="vanished">网桥行为空</translation>
    </message>
    <message>
        <source>the bridge line names no transport (a plain Tor bridge needs no ptdispatcher)</source>
        <translation type="vanished">网桥行未指定传输方式（普通 Tor 网桥不需要 ptdispatcher）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a transport name</source>
        <translation type="vanished">“%1”不是传输方式名称</translation>
    </message>
    <message>
        <source>the bridge line has no server address</source>
        <translation type="vanished">网桥行没有服务器地址</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a fingerprint (40 hex digits)</source>
        <translation type="vanished">“%1”不是指纹（40 位十六进制数字）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key=value option</source>
        <translation type="vanished">“%1”不是 key=value 形式的选项</translation>
    </message>
    <message>
        <source>option &quot;%1&quot; appears twice</source>
        <translation type="vanished">选项“%1”出现了两次</translation>
    </message>
    <message>
        <source>obfs4 bridge line has no cert= option</source>
        <translation type="vanished">obfs4 网桥行没有 cert= 选项</translation>
    </message>
    <message>
        <source>%1 bridge line has no url= option</source>
        <translation type="vanished">%1 网桥行缺少 url= 选项</translation>
    </message>
    <message>
        <source>this ptdispatcher has no %1 client</source>
        <translation type="vanished">此 ptdispatcher 没有 %1 客户端</translation>
    </message>
    <message>
        <source>%1=%2 is not supported by this ptdispatcher (one of: %3)</source>
        <translation type="vanished">此 ptdispatcher 不支持 %1=%2（可选：%3）</translation>
    </message>
    <message>
        <source>iat-mode must be 0, 1 or 2, not &quot;%1&quot;</source>
        <translation type="vanished">iat-mode 必须是 0、1 或 2，而不是“%1”</translation>
    </message>
    <message>
        <source>not an ss:// URI</source>
        <translation type="vanished">不是 ss:// 链接</translation>
    </message>
    <message>
        <source>ss:// plugins are not supported</source>
        <translation type="vanished">不支持 ss:// 插件</translation>
    </message>
    <message>
        <source>ss:// URI has no &apos;@&apos; (the legacy all-base64 form is not supported)</source>
        <translation type="vanished">ss:// 链接中没有 &apos;@&apos;（不支持旧的全 base64 格式）</translation>
    </message>
    <message>
        <source>ss:// URI has no method:password</source>
        <translation type="vanished">ss:// 链接中没有 method:password</translation>
    </message>
    <message>
        <source>ss:// user info is neither base64 nor method:password</source>
        <translation type="vanished">ss:// 用户信息既不是 base64 也不是 method:password</translation>
    </message>
    <message>
        <source>ss:// user info has no &apos;:&apos; between method and password</source>
        <translation type="vanished">ss:// 用户信息在方法和密码之间没有 &apos;:&apos;</translation>
    </message>
    <message>
        <source>ss:// URI has an empty method</source>
        <translation type="vanished">ss:// 链接的方法为空</translation>
    </message>
    <message>
        <source>ss:// URI has an empty password</source>
        <translation type="vanished">ss:// 链接的密码为空</translation>
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
    <name>pt::gui::BridgeChecker</name>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="32"/>
        <source>The bridge check did not work: %1</source>
        <extracomment>%1 says what went wrong with the check itself (the ptdispatcher child)</extracomment>
        <translation>网桥检查未能完成：%1</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="80"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>找不到 ptdispatcher（请设置 PTDISPATCHER_BIN 或将其放在图形界面程序旁边）</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="135"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="152"/>
        <source>it gave no answer within %1 s</source>
        <translation>%1 秒内没有应答</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="220"/>
        <source>ptdispatcher crashed</source>
        <translation>ptdispatcher 崩溃了</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="223"/>
        <source>ptdispatcher gave no answer (exit code %1)</source>
        <translation>ptdispatcher 没有应答（退出码 %1）</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="224"/>
        <location filename="../gui/core/BridgeChecker.cpp" line="263"/>
        <source>ptdispatcher gave an answer that is not understood: %1</source>
        <translation>ptdispatcher 给出了无法理解的应答：%1</translation>
    </message>
    <message>
        <location filename="../gui/core/BridgeChecker.cpp" line="265"/>
        <source>ptdispatcher said OK but exited with code %1</source>
        <translation>ptdispatcher 回答 OK，但以代码 %1 退出</translation>
    </message>
</context>
<context>
    <name>pt::gui::DispatcherController</name>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="124"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="125"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="126"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="127"/>
        <source>Cannot reach the bridge</source>
        <translation>无法连接网桥</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="128"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="211"/>
        <source>ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)</source>
        <translation>找不到 ptdispatcher（请设置 PTDISPATCHER_BIN 或将其放在界面程序旁边）</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="255"/>
        <source>the bridge cannot be checked at start: %1</source>
        <translation>启动时无法检查网桥：%1</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="352"/>
        <source>the dispatcher offers no method for this profile</source>
        <translation>调度程序没有为此配置提供任何方法</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="392"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="427"/>
        <source>the dispatcher crashed</source>
        <translation>调度程序崩溃了</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="428"/>
        <source>the dispatcher exited unexpectedly (code %1)</source>
        <translation>调度程序意外退出（代码 %1）</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="431"/>
        <source>the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)</source>
        <translation>无法启动调度程序：缺少它需要的 DLL（请重新安装 ptdispatcher）</translation>
    </message>
    <message>
        <location filename="../gui/core/DispatcherController.cpp" line="459"/>
        <source>Reconnecting in %1 s (attempt %2)</source>
        <extracomment>the dispatcher stopped by itself; %1 seconds until the next try, %2 counts the tries</extracomment>
        <translation>%1 秒后重新连接（第 %2 次尝试）</translation>
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
        <translation>新配置</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="170"/>
        <source>skipped a stored profile: %1</source>
        <translation>跳过了一个已保存的配置：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="217"/>
        <source>Cannot read the transports from ptdispatcher: %1</source>
        <translation>无法从 ptdispatcher 读取传输方式：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="276"/>
        <location filename="../gui/app/MainWindow.cpp" line="445"/>
        <location filename="../gui/app/MainWindow.cpp" line="886"/>
        <location filename="../gui/app/MainWindow.cpp" line="930"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="282"/>
        <source>Show window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="443"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="464"/>
        <location filename="../gui/app/MainWindow.cpp" line="565"/>
        <source>Use as system proxy</source>
        <translation>用作系统代理</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="465"/>
        <source>While connected, the desktop&apos;s proxy setting points here, so browsers that follow it need no setup; it is put back on Disconnect and Quit.</source>
        <translation>连接期间，桌面的代理设置指向这里，遵循它的浏览器无需任何设置；断开连接或退出时会恢复原样。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="470"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="471"/>
        <source>Check that the bridge answers, without connecting</source>
        <translation>不连接，只检查网桥是否应答</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="482"/>
        <source>shown once connected</source>
        <translation>连接后显示</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="509"/>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="530"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="556"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="559"/>
        <source>Save log…</source>
        <translation>保存日志…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="564"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="569"/>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="572"/>
        <source>Start minimized when you log in, and connect the last profile</source>
        <translation>登录时最小化启动，并连接上次使用的配置</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="575"/>
        <source>Connect on start</source>
        <translation>启动时连接</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="582"/>
        <source>Start minimized</source>
        <translation>启动时最小化</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="860"/>
        <source>Reconnecting in %1 s…</source>
        <translation>%1 秒后重新连接…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="866"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="288"/>
        <location filename="../gui/app/MainWindow.cpp" line="561"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="191"/>
        <source>The dispatcher stopped; reconnecting in %1 s (attempt %2).</source>
        <translation>调度程序已停止；%1 秒后重新连接（第 %2 次尝试）。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="246"/>
        <source>The system proxy was still set by an earlier run that did not end normally; the previous settings are back.</source>
        <translation>系统代理仍由上次未正常结束的运行所设置；已恢复之前的设置。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="252"/>
        <location filename="../gui/app/MainWindow.cpp" line="253"/>
        <location filename="../gui/app/MainWindow.cpp" line="1022"/>
        <source>Cannot restore the system proxy: %1</source>
        <translation>无法恢复系统代理：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="281"/>
        <location filename="../gui/app/MainWindow.cpp" line="558"/>
        <source>Import from clipboard</source>
        <translation>从剪贴板导入</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="381"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="382"/>
        <source>Duplicate</source>
        <translation>复制配置</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="383"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="384"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="385"/>
        <location filename="../gui/app/MainWindow.cpp" line="557"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="386"/>
        <source>Paste a Tor bridge line or an ss:// link</source>
        <translation>粘贴 Tor 网桥行或 ss:// 链接</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="387"/>
        <source>Test all</source>
        <translation>全部测试</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="388"/>
        <source>Check every client profile&apos;s bridge at once</source>
        <translation>同时检查所有客户端配置的网桥</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="398"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="409"/>
        <source>The language changes when ptdispatcher-gui starts again.</source>
        <translation>语言将在 ptdispatcher-gui 下次启动时更改。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">状态</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="483"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="489"/>
        <source>Share:</source>
        <translation>分享：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="493"/>
        <source>QR code…</source>
        <translation>二维码…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="514"/>
        <source>Log:</source>
        <translation>日志：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="522"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="585"/>
        <source>Only the tray icon at start, where the desktop has a tray</source>
        <translation>启动时只显示托盘图标（桌面有托盘时）</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="606"/>
        <source>This desktop (%1) has no system proxy setting ptdispatcher-gui knows how to change: set your browser&apos;s SOCKS5 proxy to the address shown.</source>
        <translation>此桌面（%1）没有 ptdispatcher-gui 能修改的系统代理设置：请将浏览器的 SOCKS5 代理设为所显示的地址。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="681"/>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="681"/>
        <source>Delete the profile &quot;%1&quot;?</source>
        <translation>删除配置“%1”？</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="692"/>
        <source>Rename profile</source>
        <translation>重命名配置</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="692"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="704"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="706"/>
        <source>Paste a Tor bridge line (obfs4, webtunnel, meek_lite …) or an ss:// link:</source>
        <translation>粘贴 Tor 网桥行（obfs4、webtunnel、meek_lite …）或 ss:// 链接：</translation>
    </message>
    <message>
        <source>Paste a Tor bridge line (obfs4 …) or an ss:// link:</source>
        <translation type="vanished">粘贴 Tor 网桥行（obfs4 …）或 ss:// 链接：</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="765"/>
        <location filename="../gui/app/MainWindow.cpp" line="770"/>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="765"/>
        <source>This line is too long for a QR code.</source>
        <translation>这一行太长，无法生成二维码。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="806"/>
        <source>starting profile &quot;%1&quot;</source>
        <translation>正在启动配置“%1”</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="833"/>
        <location filename="../gui/app/MainWindow.cpp" line="863"/>
        <location filename="../gui/app/MainWindow.cpp" line="865"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="vanished">已停止</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="866"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="vanished">运行中</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="886"/>
        <location filename="../gui/app/MainWindow.cpp" line="930"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="896"/>
        <location filename="../gui/app/MainWindow.cpp" line="987"/>
        <source>Could not set the system proxy: %1</source>
        <translation>无法设置系统代理：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="898"/>
        <source>The system proxy points here: browsers that follow it need no setup.</source>
        <translation>系统代理指向这里：遵循它的浏览器无需设置。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="900"/>
        <source>Set your browser&apos;s SOCKS5 proxy to this address (with remote DNS).</source>
        <translation>请将浏览器的 SOCKS5 代理设为此地址（使用远程 DNS）。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="906"/>
        <source>To begin, click Import… and paste the bridge line you were given.</source>
        <translation>开始使用：点击“导入…”，粘贴您拿到的网桥行。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="931"/>
        <source>ptdispatcher: %1</source>
        <translation>ptdispatcher：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="932"/>
        <source>Replace 0.0.0.0 by your public address and &lt;FINGERPRINT&gt; by your relay&apos;s</source>
        <translation>将 0.0.0.0 替换为你的公网地址，将 &lt;FINGERPRINT&gt; 替换为你的中继指纹</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="983"/>
        <source>System proxy (%1) set to SOCKS %2.</source>
        <translation>系统代理（%1）已设为 SOCKS %2。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1002"/>
        <source>Cannot start the system proxy guard: %1</source>
        <translation>无法启动系统代理守护进程：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1019"/>
        <source>System proxy put back as it was.</source>
        <translation>系统代理已恢复原样。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1033"/>
        <source>ptdispatcher-gui will start at login and connect.</source>
        <translation>ptdispatcher-gui 将在登录时启动并连接。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1034"/>
        <source>ptdispatcher-gui will no longer start at login.</source>
        <translation>ptdispatcher-gui 将不再在登录时启动。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1037"/>
        <source>Cannot change the start at login: %1</source>
        <translation>无法更改登录时启动设置：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1049"/>
        <source>Imported &quot;%1&quot;.</source>
        <translation>已导入“%1”。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1055"/>
        <source>The clipboard holds no text to import.</source>
        <translation>剪贴板中没有可导入的文本。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1056"/>
        <source>The clipboard holds no bridge line or ss:// link: %1</source>
        <translation>剪贴板中没有网桥行或 ss:// 链接：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1082"/>
        <source>Nothing to test: this profile names no bridge address.</source>
        <translation>没有可测试的内容：此配置未指定网桥地址。</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1095"/>
        <source>testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1103"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1104"/>
        <source>Test of &quot;%1&quot;: %2</source>
        <translation>测试“%1”：%2</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1130"/>
        <source>Up: %1 (%2/s)   Down: %3 (%4/s)   Connections: %5</source>
        <translation>上传：%1（%2/秒）   下载：%3（%4/秒）   连接数：%5</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1176"/>
        <location filename="../gui/app/MainWindow.cpp" line="1180"/>
        <location filename="../gui/app/MainWindow.cpp" line="1186"/>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <location filename="../gui/app/MainWindow.cpp" line="1180"/>
        <location filename="../gui/app/MainWindow.cpp" line="1186"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>pt::gui::ProfileForm</name>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="61"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="62"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="63"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="67"/>
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
        <location filename="../gui/app/ProfileForm.cpp" line="98"/>
        <source>default (socks5)</source>
        <translation>默认（socks5）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="101"/>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="105"/>
        <source>127.0.0.1:0 (any free port)</source>
        <translation>127.0.0.1:0（任意空闲端口）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="107"/>
        <source>Listen address:</source>
        <translation>监听地址：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="109"/>
        <source>socks5://127.0.0.1:1080 (optional)</source>
        <translation>socks5://127.0.0.1:1080（可选）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="111"/>
        <source>Upstream proxy:</source>
        <translation>上游代理：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="79"/>
        <source>127.0.0.1:9001 (where clients are forwarded)</source>
        <translation>127.0.0.1:9001（客户端被转发到的地址）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="80"/>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="81"/>
        <source>directory for keys (obfs4 server)</source>
        <translation>密钥目录（obfs4 服务器）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="82"/>
        <source>State directory:</source>
        <translation>状态目录：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="86"/>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="87"/>
        <source>Transport details, listen address, upstream proxy, log level</source>
        <translation>传输细节、监听地址、上游代理、日志级别</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="117"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="120"/>
        <source>Log level:</source>
        <translation>日志级别：</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="133"/>
        <source>Reading the transports from ptdispatcher…</source>
        <translation>正在从 ptdispatcher 读取传输方式…</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="184"/>
        <source>%1 (not in this ptdispatcher)</source>
        <translation>%1（此 ptdispatcher 中没有）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="197"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="208"/>
        <source>%1 (not offered by ptdispatcher)</source>
        <translation>%1（ptdispatcher 不提供）</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="228"/>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="230"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="230"/>
        <source>required, e.g. %1</source>
        <translation>必填，例如 %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="232"/>
        <source>optional, e.g. %1</source>
        <translation>可选，例如 %1</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="234"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="274"/>
        <source>This ptdispatcher has no transport &quot;%1&quot;.</source>
        <translation>此 ptdispatcher 没有传输方式“%1”。</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="309"/>
        <source>Bridge address</source>
        <translation>网桥地址</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="310"/>
        <source>Certificate (cert)</source>
        <translation>证书 (cert)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="311"/>
        <source>Timing obfuscation (iat-mode)</source>
        <translation>时序混淆 (iat-mode)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="312"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="313"/>
        <source>Cipher</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="314"/>
        <source>URL</source>
        <translation>网址 (URL)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="315"/>
        <source>Front domain</source>
        <translation>前置域名 (front)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="316"/>
        <source>Connect to (addr)</source>
        <translation>连接到 (addr)</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="317"/>
        <source>TLS server name</source>
        <translation>TLS 服务器名称</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="318"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../gui/app/ProfileForm.cpp" line="319"/>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
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
