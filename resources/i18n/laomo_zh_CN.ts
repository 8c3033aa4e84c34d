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
    <name>Duplicates</name>
    <message>
        <source>same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>same name and birth date</source>
        <translation>姓名和出生日期相同</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>姓名相近</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Search again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Record 1</source>
        <translation>记录一</translation>
    </message>
    <message>
        <source>Record 2</source>
        <translation>记录二</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>疑似原因</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Not the same person…</source>
        <translation>不是同一人…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Undo merge…</source>
        <translation>撤销合并…</translation>
    </message>
    <message>
        <source>Double-click a record to open it.</source>
        <translation>双击记录可打开查看。</translation>
    </message>
    <message>
        <source>Merged in this session:</source>
        <translation>本次已合并：</translation>
    </message>
    <message>
        <source>Looking for records that may be the same person…</source>
        <translation>正在查找疑似重复的记录…</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of records may be the same person.</source>
        <translation><numerusform>共有 %n 对记录疑似同一人。</numerusform></translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>不是同一人</translation>
    </message>
    <message>
        <source>Why are %1 and %2 different people? The pair will not be proposed again.</source>
        <translation>为什么%1和%2不是同一人？这一对以后不再提示。</translation>
    </message>
    <message>
        <source>%1 (kept) ← %2</source>
        <translation>%1（保留）← %2</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Why undo this merge? Both records are restored as they were.
%1</source>
        <translation>为什么撤销这次合并？两条记录都将恢复到合并前的样子。
%1</translation>
    </message>
</context>
<context>
    <name>FormWidgets</name>
    <message>
        <source>Not a date: type it as YYYY-MM-DD.</source>
        <translation>日期无效，请按“年-月-日”输入，如 1968-03-02。</translation>
    </message>
    <message>
        <source>Choose one of the entries in the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
</context>
<context>
    <name>Hardship</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核查</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已认定</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不予认定</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>复核中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>建档</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>入户核查</translation>
    </message>
    <message>
        <source>Start public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批认定</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不予认定</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>开始复核</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>复核续档</translation>
    </message>
    <message>
        <source>Close file</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>公示异议</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Document added</source>
        <translation>上传材料</translation>
    </message>
</context>
<context>
    <name>HardshipDialog</name>
    <message>
        <source>Print file sheet…</source>
        <translation>打印档案表…</translation>
    </message>
    <message>
        <source>Proof of assistance…</source>
        <translation>开具帮扶证明…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New hardship file for %1</source>
        <translation>为 %1 新建困难档案</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭情况</translation>
    </message>
    <message>
        <source>Amend an approved file</source>
        <translation>变更已认定的档案</translation>
    </message>
    <message>
        <source>This file is approved: the change is recorded as an amendment. Why?</source>
        <translation>此档案已认定，修改将作为变更记录在案。变更原因是？</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>File</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <source>Add document…</source>
        <translation>添加材料…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Add a document</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>材料类别</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>流程与意见</translation>
    </message>
    <message>
        <source>Record objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>公示异议</translation>
    </message>
    <message>
        <source>What was objected to during the public notice, and by whom?</source>
        <translation>公示期间收到什么异议？由谁提出？</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>发放单位</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>超标准发放理由</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记发放…</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>帮扶发放</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>尚缺材料：%1</translation>
    </message>
    <message>
        <source>All documents for this category are present.</source>
        <translation>本类别所需材料已齐全。</translation>
    </message>
    <message>
        <source>Paid in total: %1 yuan</source>
        <translation>累计发放：%1 元</translation>
    </message>
</context>
<context>
    <name>HardshipPage</name>
    <message>
        <source>Waiting for me</source>
        <translation>待我处理</translation>
    </message>
    <message>
        <source>Notices ending this week</source>
        <translation>本周公示到期</translation>
    </message>
    <message>
        <source>Reviews due</source>
        <translation>到期复核</translation>
    </message>
    <message>
        <source>Not updated for a year</source>
        <translation>一年未改</translation>
    </message>
    <message>
        <source>Never assisted</source>
        <translation>未帮扶过</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>全部档案</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>档案数</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在档</translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation>已发放（元）</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Name or file number</source>
        <translation>姓名或档案编号</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Print notice list…</source>
        <translation>打印公示名单…</translation>
    </message>
    <message>
        <source>Print payment list…</source>
        <translation>打印发放签收表…</translation>
    </message>
    <message>
        <source>New file…</source>
        <translation>新建档案…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Per capita (yuan)</source>
        <translation>人均月收入（元）</translation>
    </message>
    <message>
        <source>Notice until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>%1 file(s) waiting for you.</source>
        <translation>有 %1 份档案等待您处理。</translation>
    </message>
    <message>
        <source>New hardship file</source>
        <translation>新建困难档案</translation>
    </message>
    <message>
        <source>Whose household? Type a name, pinyin or ID number:</source>
        <translation>为哪位劳模建档？请输入姓名、拼音或身份证号：</translation>
    </message>
    <message>
        <source>Nobody in the register matches.</source>
        <translation>名册中没有找到匹配的劳模。</translation>
    </message>
    <message>
        <source>Choose the person:</source>
        <translation>请选择劳模：</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Payment list</source>
        <translation>发放签收表</translation>
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
    <name>HonorsEditor</name>
    <message>
        <source>(none: use the derived level)</source>
        <translation>（不指定：按荣誉确定）</translation>
    </message>
    <message>
        <source>Why the level differs from the honors (document, decision)</source>
        <translation>与荣誉不一致的依据（文件、决定）</translation>
    </message>
    <message>
        <source>Treatment level:</source>
        <translation>待遇级别：</translation>
    </message>
    <message>
        <source>Override:</source>
        <translation>手工指定：</translation>
    </message>
    <message>
        <source>Reason for the override:</source>
        <translation>指定理由：</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>称号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>授予机关</translation>
    </message>
    <message>
        <source>Document No.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>撤销日期</translation>
    </message>
    <message>
        <source>Revocation reason</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <source>Add honor</source>
        <translation>添加荣誉</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>撤销称号…</translation>
    </message>
    <message>
        <source>none (no kept honor)</source>
        <translation>无（没有保留的荣誉）</translation>
    </message>
    <message>
        <source>%1 (derived from the honors: %2)</source>
        <translation>%1（按荣誉应为：%2）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Honor %1: %2</source>
        <translation>第 %1 项荣誉：%2</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <source>Category</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <source>Main cause</source>
        <translation>主要致困原因</translation>
    </message>
    <message>
        <source>Secondary causes</source>
        <translation>次要致困原因</translation>
    </message>
    <message>
        <source>Own monthly income (yuan)</source>
        <translation>本人月收入（元）</translation>
    </message>
    <message>
        <source>Other monthly income (yuan)</source>
        <translation>其他月收入（元）</translation>
    </message>
    <message>
        <source>Fixed monthly costs (yuan)</source>
        <translation>刚性支出（元/月）</translation>
    </message>
    <message>
        <source>Per capita</source>
        <translation>人均收入</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>住房情况</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>参保情况</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与本人关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Monthly income (yuan)</source>
        <translation>月收入（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>删除成员</translation>
    </message>
    <message>
        <source>Household members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>%1 yuan per person per month</source>
        <translation>家庭人均月收入 %1 元</translation>
    </message>
    <message>
        <source> (低保 line %1, ×2 %2)</source>
        <translation>（低保标准 %1，2 倍 %2）</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>变更…</translation>
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
        <source>Register</source>
        <translation>名册</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>困难帮扶</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>疑似重复</translation>
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
    <name>MergeDialog</name>
    <message>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>在世</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Treatment level</source>
        <translation>待遇级别</translation>
    </message>
    <message>
        <source>Highest honor</source>
        <translation>最高荣誉</translation>
    </message>
    <message>
        <source>Employment status</source>
        <translation>就业情况</translation>
    </message>
    <message>
        <source>Life status</source>
        <translation>生存状态</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Merge two records</source>
        <translation>合并两条记录</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>保留这条记录</translation>
    </message>
    <message>
        <source>The kept record gets the other's honors and history and fills its empty fields from it; values that differ are kept in a conflict note. The other record is retired with a pointer to the kept one. The merge can be undone.</source>
        <translation>保留的记录将获得另一条记录的荣誉和动态记录，并用它补上自己空缺的字段；不一致的值写入冲突说明。另一条记录停用，并指向保留的记录。合并可以撤销。</translation>
    </message>
    <message>
        <source>Reason (required), e.g. entered twice</source>
        <translation>合并原因（必填），如：重复录入</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
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
    <name>OpinionDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>核查方式</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>核查情况</translation>
    </message>
    <message>
        <source>Notice from</source>
        <translation>公示开始</translation>
    </message>
    <message>
        <source>Notice until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Close as</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Record a payment</source>
        <translation>登记发放</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>发放单位</translation>
    </message>
    <message>
        <source>Self-paid medical costs (yuan)</source>
        <translation>自付医疗费（元）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>超标准发放理由</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Honors</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>History</source>
        <translation>动态记录</translation>
    </message>
    <message>
        <source>Open the existing record</source>
        <translation>打开已有记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New model worker</source>
        <translation>新建劳模</translation>
    </message>
    <message>
        <source>&lt;b&gt;New model worker&lt;/b&gt;　Name and managing district are required; typing the ID number fills in the birth date and sex.</source>
        <translation>&lt;b&gt;新建劳模&lt;/b&gt;　姓名和管理区县必填；输入身份证号码后自动填写出生日期和性别。</translation>
    </message>
    <message>
        <source>Model worker: %1</source>
        <translation>劳模信息：%1</translation>
    </message>
    <message>
        <source>Current status: %1</source>
        <translation>当前状态：%1</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>在世</translation>
    </message>
    <message>
        <source>Deceased (%1)</source>
        <translation>已故（%1）</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>title revoked</source>
        <translation>称号已撤销</translation>
    </message>
    <message>
        <source>emigrated</source>
        <translation>移居国(境)外</translation>
    </message>
    <message>
        <source>lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>merged into another record</source>
        <translation>已并入其他记录</translation>
    </message>
    <message>
        <source>no level</source>
        <translation>无级别</translation>
    </message>
    <message>
        <source>Treatment level: %1</source>
        <translation>待遇级别：%1</translation>
    </message>
    <message>
        <source>Merge conflicts: %1</source>
        <translation>合并冲突：%1</translation>
    </message>
    <message>
        <source>Someone else changed this record while you were editing it. It has been reloaded with their changes; your changes were not saved.</source>
        <translation>在您编辑期间，这条记录已被他人修改。现已重新载入最新内容，您刚才的修改没有保存，请重新修改。</translation>
    </message>
    <message>
        <source>Save or undo your edits first: a status change is recorded on its own.</source>
        <translation>请先保存或撤回尚未保存的修改：动态变更单独记录。</translation>
    </message>
    <message>
        <source>Show the ID number</source>
        <translation>显示身份证号</translation>
    </message>
    <message>
        <source>Why do you need the full ID number? The reason is written to the audit log.</source>
        <translation>为什么需要查看完整身份证号码？理由将记入审计日志。</translation>
    </message>
    <message>
        <source>Discard the changes you made?</source>
        <translation>放弃所做的修改吗？</translation>
    </message>
</context>
<context>
    <name>PersonEvents</name>
    <message>
        <source>Record created</source>
        <translation>建档</translation>
    </message>
    <message>
        <source>Left the work unit</source>
        <translation>调离原单位</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>退休</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>去世</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>Moved in</source>
        <translation>迁入</translation>
    </message>
    <message>
        <source>Title revoked</source>
        <translation>撤销称号</translation>
    </message>
    <message>
        <source>Emigrated</source>
        <translation>移居国(境)外</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一条</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <source>Show ID number…</source>
        <translation>显示身份证号…</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Contact and household</source>
        <translation>联系与户籍</translation>
    </message>
    <message>
        <source>Health and family</source>
        <translation>健康与家庭</translation>
    </message>
    <message>
        <source>18 characters (or an old 15-digit number)</source>
        <translation>18 位（或旧的 15 位号码）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>出生日期：</translation>
    </message>
    <message>
        <source>Ethnicity:</source>
        <translation>民族：</translation>
    </message>
    <message>
        <source>Native place:</source>
        <translation>籍贯：</translation>
    </message>
    <message>
        <source>Marital status:</source>
        <translation>婚姻状况：</translation>
    </message>
    <message>
        <source>Political status:</source>
        <translation>政治面貌：</translation>
    </message>
    <message>
        <source>Party member since:</source>
        <translation>入党时间：</translation>
    </message>
    <message>
        <source>Education:</source>
        <translation>学历：</translation>
    </message>
    <message>
        <source>Degree:</source>
        <translation>学位：</translation>
    </message>
    <message>
        <source>Managing district:</source>
        <translation>管理区县：</translation>
    </message>
    <message>
        <source>Farmer model worker (农民劳模)</source>
        <translation>农民劳模</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>身份证号码：</translation>
    </message>
    <message>
        <source>Work unit:</source>
        <translation>工作单位：</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <source>Unit type:</source>
        <translation>单位类型：</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <source>Professional title:</source>
        <translation>职称：</translation>
    </message>
    <message>
        <source>Technical grade:</source>
        <translation>技术等级：</translation>
    </message>
    <message>
        <source>Employment status:</source>
        <translation>就业情况：</translation>
    </message>
    <message>
        <source>Started work:</source>
        <translation>参加工作时间：</translation>
    </message>
    <message>
        <source>Mobile phone:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <source>Telephone:</source>
        <translation>固定电话：</translation>
    </message>
    <message>
        <source>Postal address:</source>
        <translation>通讯地址：</translation>
    </message>
    <message>
        <source>Postcode:</source>
        <translation>邮编：</translation>
    </message>
    <message>
        <source>Household type:</source>
        <translation>户口类别：</translation>
    </message>
    <message>
        <source>Household region:</source>
        <translation>户口所在地：</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>健康状况：</translation>
    </message>
    <message>
        <source>Illness notes:</source>
        <translation>疾病说明：</translation>
    </message>
    <message>
        <source>Disability:</source>
        <translation>残疾类别：</translation>
    </message>
    <message>
        <source>Disability grade:</source>
        <translation>残疾等级：</translation>
    </message>
    <message>
        <source>Insurance:</source>
        <translation>参保情况：</translation>
    </message>
    <message>
        <source>Monthly income (yuan):</source>
        <translation>本人月收入（元）：</translation>
    </message>
    <message>
        <source>Household size:</source>
        <translation>家庭人口：</translation>
    </message>
    <message>
        <source>Spouse:</source>
        <translation>配偶姓名：</translation>
    </message>
    <message>
        <source>Spouse born:</source>
        <translation>配偶出生日期：</translation>
    </message>
    <message>
        <source>Spouse income (yuan):</source>
        <translation>配偶月收入（元）：</translation>
    </message>
    <message>
        <source>Spouse health:</source>
        <translation>配偶健康状况：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>The ID number says the sex is %1.</source>
        <translation>身份证号码显示性别为%1。</translation>
    </message>
    <message>
        <source>The ID number says the birth date is %1.</source>
        <translation>身份证号码显示出生日期为 %1。</translation>
    </message>
</context>
<context>
    <name>RegisterFilterBar</name>
    <message>
        <source>Name, pinyin or initials, ID number, work unit, phone (Ctrl+F)</source>
        <translation>姓名、拼音或首字母、身份证号、工作单位、电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
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
        <source>Living and deceased</source>
        <translation>在世与已故</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>在世</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear every filter (Esc clears the search)</source>
        <translation>清除全部筛选条件（Esc 只清除搜索框）</translation>
    </message>
    <message>
        <source>Any title</source>
        <translation>任意称号</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>In hardship</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Not in hardship</source>
        <translation>非困难</translation>
    </message>
    <message>
        <source>Honor:</source>
        <translation>荣誉：</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Employment:</source>
        <translation>就业：</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>年龄：</translation>
    </message>
    <message>
        <source>Hardship:</source>
        <translation>困难：</translation>
    </message>
    <message>
        <source>More filters (%1)</source>
        <translation>更多筛选（%1）</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>更多筛选</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reveal ID number…</source>
        <translation>查看完整身份证号…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Show the full ID number of the selected person; the reason is audited.</source>
        <translation>显示所选劳模的完整身份证号；查看原因记入审计日志。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation><numerusform>共 %Ln 人</numerusform></translation>
    </message>
    <message>
        <source>Register</source>
        <translation>名册</translation>
    </message>
    <message>
        <source>The person dialog is not available yet.</source>
        <translation>人员编辑窗口尚不可用。</translation>
    </message>
    <message>
        <source>Select a person first.</source>
        <translation>请先选择一名劳模。</translation>
    </message>
    <message>
        <source>Reveal ID number</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <source>Why do you need the full ID number of %1? The reason is kept in the audit log.</source>
        <translation>为什么需要查看 %1 的完整身份证号？原因将记入审计日志。</translation>
    </message>
    <message>
        <source>The ID number is shown only when you give a reason.</source>
        <translation>须填写原因才能查看完整身份证号。</translation>
    </message>
    <message>
        <source>ID number of %1: %2</source>
        <translation>%1 的身份证号：%2</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Treatment level</source>
        <translation>待遇级别</translation>
    </message>
    <message>
        <source>Highest honor (year)</source>
        <translation>最高荣誉(年份)</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <source>Life status</source>
        <translation>生存状态</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
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
        <source>Living</source>
        <translation>在世</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>(no kept title)</source>
        <translation>无有效称号</translation>
    </message>
    <message>
        <source>title revoked</source>
        <translation>称号已撤销</translation>
    </message>
    <message>
        <source>emigrated</source>
        <translation>移居国(境)外</translation>
    </message>
    <message>
        <source>lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>merged into another record</source>
        <translation>已并入其他记录</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
    <message>
        <source>%1 (deceased)</source>
        <translation>%1（已故）</translation>
    </message>
</context>
<context>
    <name>RegisterTableView</name>
    <message>
        <source>Show all columns</source>
        <translation>显示全部列</translation>
    </message>
</context>
<context>
    <name>RevokeHonorDialog</name>
    <message>
        <source>Revoke %1</source>
        <translation>撤销“%1”</translation>
    </message>
    <message>
        <source>Revoked on:</source>
        <translation>撤销日期：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
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
    <name>StatusChangeDialog</name>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>New work unit:</source>
        <translation>新工作单位：</translation>
    </message>
    <message>
        <source>New position:</source>
        <translation>新职务：</translation>
    </message>
    <message>
        <source>Moved to:</source>
        <translation>迁往：</translation>
    </message>
    <message>
        <source>Moved from:</source>
        <translation>迁出地：</translation>
    </message>
    <message>
        <source>Titles:</source>
        <translation>称号：</translation>
    </message>
    <message>
        <source>The most recent change that is not undone yet will be undone; the history keeps both.</source>
        <translation>将撤销最近一条尚未撤销的动态变更；两条记录都保留在动态记录中。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
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
    <name>TimelineTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>退休…</translation>
    </message>
    <message>
        <source>Leave the unit…</source>
        <translation>调离原单位…</translation>
    </message>
    <message>
        <source>Move out…</source>
        <translation>迁出…</translation>
    </message>
    <message>
        <source>Move in…</source>
        <translation>迁入…</translation>
    </message>
    <message>
        <source>Death…</source>
        <translation>去世…</translation>
    </message>
    <message>
        <source>Revoke title…</source>
        <translation>撤销称号…</translation>
    </message>
    <message>
        <source>Emigrated…</source>
        <translation>移居国(境)外…</translation>
    </message>
    <message>
        <source>Lost contact…</source>
        <translation>失联…</translation>
    </message>
    <message>
        <source>Undo the last change…</source>
        <translation>撤销上一条…</translation>
    </message>
    <message>
        <source>%1 (undone)</source>
        <translation>%1（已撤销）</translation>
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
        <translation>在档</translation>
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