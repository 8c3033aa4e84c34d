<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <source>Search user, action or details</source>
        <translation>搜索用户、操作或详情</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>The audit chain is intact: %1 entries.</source>
        <translation>审计日志链完整：共 %1 条。</translation>
    </message>
    <message>
        <source>The audit chain is broken: %1</source>
        <translation>审计日志链已被破坏：%1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Loading the figures…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Model workers</source>
        <translation>劳模人数</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>在世</translation>
    </message>
    <message>
        <source>National</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>Provincial</source>
        <translation>省部级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>No level</source>
        <translation>未定级</translation>
    </message>
    <message>
        <source>%1 model workers in the register: %2 living, %3 deceased.</source>
        <translation>名册共有劳模 %1 人：在世 %2 人，已故 %3 人。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>劳模之家 — log in</source>
        <translation>劳模之家 — 登录</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About 劳模之家</source>
        <translation>关于劳模之家(&amp;A)</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>用户：%1（%2）</translation>
    </message>
    <message>
        <source>city mode</source>
        <translation>市级模式</translation>
    </message>
    <message>
        <source>county mode</source>
        <translation>区县模式</translation>
    </message>
    <message>
        <source>Association: %1 (%2)</source>
        <translation>协会：%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>劳模之家 backup (*.zip)</source>
        <translation>劳模之家备份 (*.zip)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message numerus="yes">
        <source>Backup written to %1 (%n model worker(s)).</source>
        <translation><numerusform>备份已保存到 %1（劳模 %n 人）。</numerusform></translation>
    </message>
    <message>
        <source>The language will change the next time 劳模之家 starts.</source>
        <translation>界面语言将在下次启动劳模之家时生效。</translation>
    </message>
    <message>
        <source>About 劳模之家</source>
        <translation>关于劳模之家</translation>
    </message>
    <message>
        <source>&lt;h3&gt;劳模之家 %1&lt;/h3&gt;&lt;p&gt;The register of model workers for 劳动模范协会 offices: honors, hardship files, visits, recuperation and the quarterly handoff.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;劳模之家 %1&lt;/h3&gt;&lt;p&gt;劳动模范协会的劳模管理系统：荣誉、困难帮扶档案、走访慰问、疗休养与季度数据报送。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Work is still running in the background. Quit anyway? It will be cancelled.</source>
        <translation>后台仍有任务在运行。仍要退出吗？任务将被取消。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>An unexpected error occurred. The details were written to the log in %1.</source>
        <translation>程序出现意外错误，详细信息已写入日志（%1）。</translation>
    </message>
    <message>
        <source>劳模之家</source>
        <translation>劳模之家</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>只读用户</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>劳模之家 — first start</source>
        <translation>劳模之家 — 首次启动</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>First password:</source>
        <translation>初始密码：</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last log-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>请先选择一个用户。</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for %1:</source>
        <translation>%1 的新密码：</translation>
    </message>
</context>
<context>
    <name>_AdminPage</name>
    <message>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <source>The administrator manages users, settings and backups. Keep the password safe: it cannot be recovered.</source>
        <translation>管理员负责用户、设置和备份。请妥善保管密码：密码无法找回。</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters, not only digits</source>
        <translation><numerusform>至少 %n 位，不能全是数字</numerusform></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
</context>
<context>
    <name>_AssociationPage</name>
    <message>
        <source>Your association</source>
        <translation>所属协会</translation>
    </message>
    <message>
        <source>Choose the district association this computer works for, or the city association to run in city mode and merge the districts' data.</source>
        <translation>请选择本机服务的区县劳模协会；如选择市劳模协会，则以市级模式运行并汇总各区县数据。</translation>
    </message>
    <message>
        <source>%1 (city association, city mode)</source>
        <translation>%1（市劳模协会，市级模式）</translation>
    </message>
    <message>
        <source>%1 (district association, county mode)</source>
        <translation>%1（区县劳模协会，区县模式）</translation>
    </message>
    <message>
        <source>Association:</source>
        <translation>协会：</translation>
    </message>
    <message>
        <source>City mode: the register covers every district; district packages are merged.</source>
        <translation>市级模式：名册覆盖所有区县，汇总各区县报送的数据包。</translation>
    </message>
    <message>
        <source>County mode: the register of one district; data is handed to the city every quarter.</source>
        <translation>区县模式：管理本区县的劳模名册，每季度向市里报送数据。</translation>
    </message>
</context>
</TS>