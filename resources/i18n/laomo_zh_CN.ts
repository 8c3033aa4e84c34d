<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign visits</source>
        <translation>安排走访</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>走访组：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Time slot:</source>
        <translation>时段：</translation>
    </message>
</context>
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
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>Double-click an entry to see it exactly as stored.</source>
        <translation>双击一条记录可查看其原始内容。</translation>
    </message>
    <message>
        <source>Audit entry as stored</source>
        <translation>审计记录原文</translation>
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
    <name>AutoScheduleDialog</name>
    <message>
        <source>Schedule automatically</source>
        <translation>自动排期</translation>
    </message>
    <message>
        <source>Unscheduled visits are spread over the office's working days, neighbours together.</source>
        <translation>尚未排期的走访按工作日分配给各组，相邻地址排在同一天。</translation>
    </message>
    <message>
        <source>Teams:</source>
        <translation>走访组：</translation>
    </message>
    <message>
        <source>First day:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>Visits per team and day:</source>
        <translation>每组每天走访人数：</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>The backup holds every model worker's ID number, phones and bank accounts, and the association's private keys. It is encrypted with a passphrase: without it, a lost USB stick gives nothing away.</source>
        <translation>备份中有每位劳模的身份证号、电话和银行账号，以及本会的私钥。备份用口令加密：没有口令，丢失的U盘不会泄露任何内容。</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>A forgotten passphrase cannot be recovered, by anyone: the backup could never be restored. Write it down and keep it with the backup register, not with the USB stick.</source>
        <translation>口令忘记后任何人都无法找回，备份将永远无法恢复。请把口令写下来，与备份登记簿一起保管，不要和U盘放在一起。</translation>
    </message>
    <message>
        <source>Write an unencrypted backup instead</source>
        <translation>改为写入不加密的备份</translation>
    </message>
    <message>
        <source>Anyone who finds or copies an unencrypted backup can read every record in it. Use it only where the file never leaves the office.</source>
        <translation>任何人拿到或复制不加密的备份，都能读出其中的全部记录。只在文件不离开办公室时使用。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>备份口令：</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Save the unencrypted backup…</source>
        <translation>保存不加密的备份…</translation>
    </message>
    <message>
        <source>Save the encrypted backup…</source>
        <translation>保存加密的备份…</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>New recuperation batch</source>
        <translation>新建疗休养批次</translation>
    </message>
    <message>
        <source>Printed on the roster and in the letters, as it is here</source>
        <translation>名单和通知书上照此打印</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Batch name:</source>
        <translation>批次名称：</translation>
    </message>
    <message>
        <source>Destination / route:</source>
        <translation>目的地/线路：</translation>
    </message>
    <message>
        <source>First day:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>Days (with travel):</source>
        <translation>天数（含往返）：</translation>
    </message>
    <message>
        <source>Places:</source>
        <translation>名额：</translation>
    </message>
    <message>
        <source>Cost per day (yuan):</source>
        <translation>每天费用（元）：</translation>
    </message>
    <message>
        <source>Organiser:</source>
        <translation>组织单位：</translation>
    </message>
    <message>
        <source>Age limit on the first day:</source>
        <translation>出发日年龄上限：</translation>
    </message>
    <message>
        <source>%1 yuan a day is above the province's limit of %2 yuan a person a day for workers' recuperation.</source>
        <translation>每天 %1 元，超过省职工疗休养每人每天 %2 元的上限。</translation>
    </message>
    <message>
        <source>Save the batch anyway?</source>
        <translation>仍然保存这个批次吗？</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Visit campaign</source>
        <translation>走访慰问活动</translation>
    </message>
    <message>
        <source>Who is visited (any of)</source>
        <translation>走访对象（符合任一条）</translation>
    </message>
    <message>
        <source>Active hardship files</source>
        <translation>在档困难劳模</translation>
    </message>
    <message>
        <source>Families of recently deceased model workers</source>
        <translation>近年去世劳模的家属</translation>
    </message>
    <message>
        <source>no age rule</source>
        <translation>不限年龄</translation>
    </message>
    <message>
        <source>aged %1 or over</source>
        <translation>年满 %1 周岁</translation>
    </message>
    <message>
        <source>Employed only</source>
        <translation>仅限在职</translation>
    </message>
    <message>
        <source>all districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Money (yuan)</source>
        <translation>慰问金（元）</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>慰问品</translation>
    </message>
    <message>
        <source>Occasion and year:</source>
        <translation>慰问类别和年度：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>走访时段：</translation>
    </message>
    <message>
        <source>Budget (yuan):</source>
        <translation>预算（元）：</translation>
    </message>
    <message>
        <source>Standards:</source>
        <translation>慰问标准：</translation>
    </message>
    <message>
        <source>(the day: %1)</source>
        <translation>（节日：%1）</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>%1, your password was set by the administrator. Choose your own password before you start (%2).</source>
        <translation>%1，您的密码是管理员设置的。开始工作前请设置您自己的密码（%2）。</translation>
    </message>
    <message>
        <source>Password of %1 (%2).</source>
        <translation>%1 的密码（%2）。</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>原密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与原密码相同。</translation>
    </message>
</context>
<context>
    <name>DocumentLogPage</name>
    <message>
        <source>Proof of title</source>
        <translation>荣誉称号证明</translation>
    </message>
    <message>
        <source>Full ID number…</source>
        <translation>完整身份证号码…</translation>
    </message>
    <message>
        <source>Full ID number</source>
        <translation>完整身份证号码</translation>
    </message>
    <message>
        <source>Why does the proof need the full ID number? The reason is kept in the document log and the audit log.</source>
        <translation>为什么证明需要完整的身份证号码？理由将记入证书登记和审计日志。</translation>
    </message>
    <message>
        <source>Proof for a deceased person</source>
        <translation>为已故人员出具证明</translation>
    </message>
    <message>
        <source>This person has died. What is the proof for (e.g. a family matter)? The reason is printed on the proof and kept in the log.</source>
        <translation>此人已故。出具证明的用途是什么（例如家属办理事务）？理由将印在证明上并记入日志。</translation>
    </message>
    <message>
        <source>Preparing the proof of title…</source>
        <translation>正在生成荣誉称号证明…</translation>
    </message>
    <message>
        <source>Search serial or name</source>
        <translation>搜索编号或姓名</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>补打…</translation>
    </message>
    <message>
        <source>With the full ID number…</source>
        <translation>含完整身份证号…</translation>
    </message>
    <message>
        <source>Reprint with the full ID number</source>
        <translation>补打（含完整身份证号）</translation>
    </message>
    <message>
        <source>Why is the proof printed again, with the full ID number? The reason is kept in the document log and the audit log.</source>
        <translation>为什么补打此证明并打印完整身份证号？原因将记入打印登记和审计日志。</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Fonts and seal…</source>
        <translation>字体与公章…</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Membership card</source>
        <translation>会员证</translation>
    </message>
    <message>
        <source>Proof of assistance</source>
        <translation>帮扶证明</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具</translation>
    </message>
    <message>
        <source>Reprinted</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Void serial</source>
        <translation>作废编号</translation>
    </message>
    <message>
        <source>Why is %1 void? A void serial is never printed again.</source>
        <translation>为什么作废 %1？作废后该编号不能再打印。</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Why is %1 printed again? The reprint is marked 补打 and logged.</source>
        <translation>为什么补打 %1？补打件会标明“补打”并记入登记。</translation>
    </message>
    <message>
        <source>Proof of assistance (reprint)</source>
        <translation>帮扶证明（补打）</translation>
    </message>
    <message>
        <source>Proof of title (reprint)</source>
        <translation>荣誉称号证明（补打）</translation>
    </message>
    <message>
        <source>Preparing the reprint…</source>
        <translation>正在生成补打件…</translation>
    </message>
</context>
<context>
    <name>DocumentPreviewDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation><numerusform>共 %n 页</numerusform></translation>
    </message>
    <message>
        <source>Preview: the serial is given when the document is printed or saved</source>
        <translation>预览：打印或保存时才编号</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Giving the document its serial…</source>
        <translation>正在编号…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Serial: %1</source>
        <translation>编号：%1</translation>
    </message>
</context>
<context>
    <name>DocumentSettingsDialog</name>
    <message>
        <source>Fonts and seal for documents</source>
        <translation>文书字体与公章</translation>
    </message>
    <message>
        <source>One TrueType font file (.ttf/.ttc) per line; empty: found automatically</source>
        <translation>每行一个 TrueType 字体文件（.ttf/.ttc）；留空则自动查找</translation>
    </message>
    <message>
        <source>Add font file…</source>
        <translation>添加字体文件…</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>e.g. Association office, Mr Wang, 0572-6021234 (printed under every notice)</source>
        <translation>如：协会办公室 王老师 0572-6021234（印在每份公示下方）</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Seal image</source>
        <translation>公章图片</translation>
    </message>
    <message>
        <source>Objections to a notice</source>
        <translation>公示异议受理</translation>
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
        <source>In use: title %1, body %2</source>
        <translation>正在使用：标题 %1，正文 %2</translation>
    </message>
    <message>
        <source>No seal</source>
        <translation>未设置公章</translation>
    </message>
    <message>
        <source>Font file</source>
        <translation>字体文件</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <source>Dry run: what the import would do</source>
        <translation>试导入：导入将做的事</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Import the good rows only (the rejected rows are left out)</source>
        <translation>只导入正确的行（被拒绝的行不导入）</translation>
    </message>
    <message>
        <source>Save the report workbook…</source>
        <translation>保存导入报告…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存导入报告</translation>
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
        <source>same name</source>
        <translation>同名</translation>
    </message>
    <message>
        <source>same name (different sex)</source>
        <translation>同名（性别不同）</translation>
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
    <name>EnrolPage</name>
    <message>
        <source>Quarterly handoff (can be done later)</source>
        <translation>季度报送准备（可以以后再做）</translation>
    </message>
    <message>
        <source>I read the fingerprint with the city over the phone: it is the same</source>
        <translation>我已与市级电话核对指纹，完全一致</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>名片：</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <source>Save this association's card and give it to each district (USB stick or e-mail). They will read this fingerprint with you over the phone.</source>
        <translation>保存本协会名片，交给各区县（U盘或电子邮件）。区县会与您电话核对这个指纹。</translation>
    </message>
    <message>
        <source>Skip this step if you like: the card can be saved later on the Summary page.</source>
        <translation>可以跳过这一步：以后也可以在“汇总”页保存名片。</translation>
    </message>
    <message>
        <source>Save our card…</source>
        <translation>保存本协会名片…</translation>
    </message>
    <message>
        <source>Packages for the city are encrypted to the city's key. Import the city association's card (a file it gives you) and read its fingerprint with the city over the phone before trusting it.</source>
        <translation>报送给市级的数据包用市级的密钥加密。请导入市劳模协会的名片（市级提供的文件），与市级电话核对指纹后再信任。</translation>
    </message>
    <message>
        <source>Skip this step if you do not have the card yet: it can be trusted later on the Report to city page.</source>
        <translation>还没有名片可以跳过：以后也可以在“报送”页信任名片。</translation>
    </message>
    <message>
        <source>Import the city's card…</source>
        <translation>导入市级名片…</translation>
    </message>
    <message>
        <source>Save our card</source>
        <translation>保存本协会名片</translation>
    </message>
    <message>
        <source>Import the city's card</source>
        <translation>导入市级名片</translation>
    </message>
    <message>
        <source>Card saved: %1</source>
        <translation>名片已保存：%1</translation>
    </message>
    <message>
        <source>Read the fingerprint with the city over the phone, then tick the box above.</source>
        <translation>请与市级电话核对指纹，一致后勾选上面的方框。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the register</source>
        <translation>导出名册</translation>
    </message>
    <message>
        <source>Heading in the sheet: %1</source>
        <translation>表中的列名：%1</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>存为模板…</translation>
    </message>
    <message>
        <source>Full ID numbers and phones (audited)</source>
        <translation>完整身份证号和电话（将记入审计日志）</translation>
    </message>
    <message>
        <source>Why the full numbers are needed</source>
        <translation>需要完整号码的理由</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>存为模板</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>模板名称：</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the roster to import</source>
        <translation>选择要导入的名册</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx, .xls) or a CSV file. Title rows above the table and totals or signatures under it are fine.</source>
        <translation>Excel 工作簿（.xlsx、.xls）或 CSV 文件。表格上方的标题行、下方的合计和签名行都没有关系。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Download the template…</source>
        <translation>下载导入模板…</translation>
    </message>
    <message>
        <source>Choose the roster</source>
        <translation>选择名册文件</translation>
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
    <name>Handoff</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>HandoffFiles</name>
    <message>
        <source>Data packages (*.lmpkg)</source>
        <translation>数据包 (*.lmpkg)</translation>
    </message>
</context>
<context>
    <name>HandoffPageBase</name>
    <message>
        <source>Save our card…</source>
        <translation>保存本协会名片…</translation>
    </message>
    <message>
        <source>Trust a card…</source>
        <translation>信任名片…</translation>
    </message>
    <message>
        <source>Only an administrator trusts a card.</source>
        <translation>只有管理员可以信任名片。</translation>
    </message>
    <message>
        <source>Replace a card (lost key)…</source>
        <translation>重新登记名片（密钥丢失）…</translation>
    </message>
    <message>
        <source>No card trusted yet.</source>
        <translation>尚未信任任何名片。</translation>
    </message>
    <message>
        <source>Save our card</source>
        <translation>保存本协会名片</translation>
    </message>
    <message>
        <source>Trust a card</source>
        <translation>信任名片</translation>
    </message>
    <message>
        <source>Trust %1? Read this fingerprint over the phone with them:
%2</source>
        <translation>信任 %1 吗？请与对方电话核对指纹：
%2</translation>
    </message>
    <message>
        <source>%1 is already trusted with another key (fingerprint %2). If they lost their key, use Replace a card (lost key)… and give the reason.</source>
        <translation>%1已用另一把密钥登记（指纹 %2）。如对方丢失了密钥，请点“重新登记名片（密钥丢失）…”并说明理由。</translation>
    </message>
</context>
<context>
    <name>Hardship</name>
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
    <message>
        <source>Document type changed</source>
        <translation>更正材料类型</translation>
    </message>
    <message>
        <source>Document removed</source>
        <translation>删除材料</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>died %1</source>
        <translation>%1 去世</translation>
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
        <source>Choose a document above first.</source>
        <translation>请先在上方选择一份材料。</translation>
    </message>
    <message>
        <source>The documents of a decided file are those the decision was taken on: they cannot be changed.</source>
        <translation>已审批或已结案档案的材料是审批所依据的材料，不能更正或删除。</translation>
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
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
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
        <source>Change type…</source>
        <translation>更正类型…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
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
        <source>What is %1?</source>
        <translation>%1 是什么材料？</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>更正材料类型</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>删除材料</translation>
    </message>
    <message>
        <source>Why is %1 (%2) removed from this file?</source>
        <translation>为什么从本档案删除 %1（%2）？</translation>
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
        <source>Status</source>
        <translation>状态</translation>
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
        <source>The home visit check was made by %1: the decision is taken by someone else (another reviewer or the administrator).</source>
        <translation>入户核查由%1完成：审批由其他人（另一位审核员或管理员）办理。</translation>
    </message>
    <message>
        <source>Record objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>You created this file, so you cannot approve it (%1): another reviewer or the administrator does.</source>
        <translation>您是建档人，不能审批本档案（%1），请由其他审核员或管理员办理。</translation>
    </message>
    <message>
        <source>You changed this file last, so you cannot approve it (%1): another reviewer or the administrator does.</source>
        <translation>您最后修改了本档案，不能审批本档案（%1），请由其他审核员或管理员办理。</translation>
    </message>
    <message>
        <source>You submitted or changed this file since it was submitted, so you cannot check it (%1): another reviewer or the administrator does.</source>
        <translation>本档案提交后您提交或修改过，不能由您核查或审批（%1），请由其他审核员或管理员办理。</translation>
    </message>
    <message>
        <source>You made the home visit check of this file, so the decision (%1) is taken by another reviewer or the administrator.</source>
        <translation>您已为本档案做过入户核查，%1须由其他审核员或管理员办理（核查与审批分离）。</translation>
    </message>
    <message>
        <source>The public notice runs until %2: %1 only after it has ended.</source>
        <translation>公示期到 %2 才结束，期满后才能%1。</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1或%2</translation>
    </message>
    <message>
        <source>Your role cannot take %1: the %2 does.</source>
        <translation>您的角色不能办理%1，请由%2办理。</translation>
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
        <source>%1 %2 (the person's own account)</source>
        <translation>%1 %2（本人账户）</translation>
    </message>
    <message>
        <source>Hardship file sheet</source>
        <translation>困难劳模档案表</translation>
    </message>
    <message>
        <source>Preparing the file sheet…</source>
        <translation>正在生成档案表…</translation>
    </message>
    <message>
        <source>Proof of assistance</source>
        <translation>帮扶证明</translation>
    </message>
    <message>
        <source>Preparing the proof of assistance…</source>
        <translation>正在生成帮扶证明…</translation>
    </message>
    <message>
        <source>Save the file first.</source>
        <translation>请先保存档案。</translation>
    </message>
    <message>
        <source>This file was not recognised: there is no proof of assistance.</source>
        <translation>本档案不予认定，不能开具帮扶证明。</translation>
    </message>
    <message>
        <source>A proof of assistance is issued once the file is approved.</source>
        <translation>档案审批认定后才能开具帮扶证明。</translation>
    </message>
    <message>
        <source>A proof of assistance is issued once a payment is recorded.</source>
        <translation>登记发放后才能开具帮扶证明。</translation>
    </message>
    <message>
        <source>Public notice until %1</source>
        <translation>公示中（至 %1）</translation>
    </message>
    <message>
        <source>Notice ended %1, awaiting approval</source>
        <translation>公示已于 %1 期满，待审批</translation>
    </message>
    <message>
        <source>(reported by %1, read-only here)</source>
        <translation>（%1报送，在此只读）</translation>
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
    <message>
        <source>Payments are recorded for approved files.</source>
        <translation>档案审批认定后才能登记发放。</translation>
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
        <translation>年度</translation>
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
        <source>Standards…</source>
        <translation>标准设置…</translation>
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
        <source>Showing the files matching “%1”.</source>
        <translation>只显示姓名或档案号含“%1”的档案。</translation>
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
        <source>Public notice</source>
        <translation>公示名单</translation>
    </message>
    <message>
        <source>Preparing the public notice…</source>
        <translation>正在生成公示名单…</translation>
    </message>
    <message>
        <source>Preparing the payment list…</source>
        <translation>正在生成发放签收表…</translation>
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
        <source>No level</source>
        <translation>未定级</translation>
    </message>
    <message>
        <source>&lt;b&gt;The register is empty.&lt;/b&gt; Start with your roster: import the Excel sheet you keep (any layout; the columns are matched and nothing is written before you confirm), or enter the model workers one by one.</source>
        <translation>&lt;b&gt;名册还是空的。&lt;/b&gt;请从您手头的名册开始：导入您一直在用的 Excel 表（格式不限，程序会对应各列，确认之前不写入任何内容），或逐个新增劳模。</translation>
    </message>
    <message>
        <source>Import a roster…</source>
        <translation>导入名册…</translation>
    </message>
    <message>
        <source>New model worker…</source>
        <translation>新增劳模…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The register is empty.&lt;/b&gt; The districts' model workers arrive with their data packages: import and merge them on the Summary page. The city's own (市本级) can be imported from a roster or entered one by one.</source>
        <translation>&lt;b&gt;名册还是空的。&lt;/b&gt;各区县的劳模随其报送的数据包而来：请在“汇总”页导入并合并数据包。市本级的劳模可以导入名册或逐个新增。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The register is empty.&lt;/b&gt; A clerk or the administrator merges the districts' data packages on the Summary page.</source>
        <translation>&lt;b&gt;名册还是空的。&lt;/b&gt;请由录入员或管理员在“汇总”页合并各区县报送的数据包。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The register is empty.&lt;/b&gt; A clerk or the administrator imports the roster or enters the model workers.</source>
        <translation>&lt;b&gt;名册还是空的。&lt;/b&gt;请由录入员或管理员导入名册或新增劳模。</translation>
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
        <source>Click the honor to remove first.</source>
        <translation>请先点选要删除的荣誉。</translation>
    </message>
    <message>
        <source>Click the honor whose title was revoked first.</source>
        <translation>请先点选被撤销的荣誉称号。</translation>
    </message>
    <message>
        <source>This title is already revoked.</source>
        <translation>该称号已撤销。</translation>
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
        <source>Enter the year it was awarded.</source>
        <translation>请填写获评年份。</translation>
    </message>
    <message>
        <source>Honor %1: %2</source>
        <translation>第 %1 项荣誉：%2</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
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
        <source> (subsistence line %1, ×2 %2)</source>
        <translation>（低保标准 %1，2 倍 %2）</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <source> (no subsistence line set for the year)</source>
        <translation>（本年度尚未设置低保标准）</translation>
    </message>
    <message>
        <source>Other income and the members' incomes are both added up: make sure the other income does not already contain a member's income.</source>
        <translation>其他月收入和家庭成员收入会相加计算：请确认其他月收入中没有已包含家庭成员的收入。</translation>
    </message>
    <message>
        <source>below the subsistence line</source>
        <translation>低于低保标准</translation>
    </message>
    <message>
        <source>below twice the subsistence line</source>
        <translation>低于 2 倍低保标准</translation>
    </message>
    <message>
        <source>above twice the subsistence line</source>
        <translation>高于 2 倍低保标准</translation>
    </message>
    <message>
        <source>The register says a monthly income of %1 yuan; this file says %2.</source>
        <translation>与名册不一致：名册登记的月收入为 %1 元，本档案为 %2 元。</translation>
    </message>
    <message>
        <source>The register names the spouse %1; this file says %2.</source>
        <translation>与名册不一致：名册登记的配偶为 %1，本档案为 %2。</translation>
    </message>
    <message>
        <source>The register says the spouse earns %1 yuan a month; this file says %2.</source>
        <translation>与名册不一致：名册登记的配偶月收入为 %1 元，本档案为 %2 元。</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>变更…</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Past imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Undo the import…</source>
        <translation>撤销导入…</translation>
    </message>
    <message>
        <source>undone %1</source>
        <translation>已撤销（%1）</translation>
    </message>
    <message>
        <source>No import yet.</source>
        <translation>还没有导入记录。</translation>
    </message>
    <message>
        <source>Undo the import of %1 (%2)? Its %3 new person(s) are removed and its %4 update(s) restored.</source>
        <translation>撤销 %2 导入的 %1？新增的 %3 人将被移除，%4 处更新将恢复原值。</translation>
    </message>
    <message numerus="yes">
        <source>Import undone: %n person(s).</source>
        <translation><numerusform>已撤销导入：%n 人。</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Import a roster</source>
        <translation>导入名册</translation>
    </message>
</context>
<context>
    <name>LedgerTable</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>待处理</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
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
    <message>
        <source>Opening the database… You will be logged in as soon as it is open.</source>
        <translation>正在打开数据库…打开后即自动登录。</translation>
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
        <source>Visits</source>
        <translation>走访慰问</translation>
    </message>
    <message>
        <source>Recuperation</source>
        <translation>疗休养</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Document log</source>
        <translation>证书登记</translation>
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
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开%1…</translation>
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
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Import a roster…</source>
        <translation>导入名册(&amp;I)…</translation>
    </message>
    <message>
        <source>Past imports and &amp;undo…</source>
        <translation>导入记录与撤销(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Export the register…</source>
        <translation>导出名册(&amp;E)…</translation>
    </message>
    <message>
        <source>Download the import &amp;template…</source>
        <translation>下载导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Log out / switch user</source>
        <translation>注销 / 切换用户(&amp;L)</translation>
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
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Fonts and seal for documents…</source>
        <translation>文书字体与公章…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户手册(&amp;U)</translation>
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
        <source>Your password has been changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>laomo-backup</source>
        <translation>劳模之家备份</translation>
    </message>
    <message>
        <source>Encrypted 劳模之家 backup (*.laomo-backup)</source>
        <translation>加密的劳模之家备份 (*.laomo-backup)</translation>
    </message>
    <message>
        <source>-unencrypted</source>
        <translation>-未加密</translation>
    </message>
    <message>
        <source>Unencrypted 劳模之家 backup (*.zip)</source>
        <translation>不加密的劳模之家备份 (*.zip)</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
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
        <source>Work is still running in the background. Restore the backup when it has finished.</source>
        <translation>后台还有工作在进行，请等它完成后再恢复备份。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>The language will change the next time 劳模之家 starts.</source>
        <translation>界面语言将在下次启动劳模之家时生效。</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <source>The user guide could not be opened. It is the file user-guide.md in the program's docs folder.</source>
        <translation>无法打开用户手册。手册是程序 docs 文件夹中的 user-guide.md 文件。</translation>
    </message>
    <message>
        <source>About 劳模之家</source>
        <translation>关于劳模之家</translation>
    </message>
    <message>
        <source>&lt;h3&gt;劳模之家 %1&lt;/h3&gt;&lt;p&gt;The register of model workers for the model workers' associations: honors, hardship files, visits, recuperation and the quarterly handoff.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;劳模之家 %1&lt;/h3&gt;&lt;p&gt;劳动模范协会的劳模管理系统：荣誉、困难帮扶档案、走访慰问、疗休养与季度数据报送。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Work is still running in the background. Quit anyway? It will be cancelled.</source>
        <translation>后台仍有任务在运行。仍要退出吗？任务将被取消。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Report to city</source>
        <translation>报送</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Check the columns</source>
        <translation>核对各列</translation>
    </message>
    <message>
        <source>Each column of the sheet and what it holds. Change a choice if it is wrong; save the choices to use them next time.</source>
        <translation>表格的每一列及其内容。如有不对请改选；可以保存这套对应关系，下次直接使用。</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
    <message>
        <source>Saved columns:</source>
        <translation>已保存的对应：</translation>
    </message>
    <message>
        <source>Column in the sheet</source>
        <translation>表格中的列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一行的值</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Name for these choices</source>
        <translation>为这套对应关系起个名称</translation>
    </message>
    <message>
        <source>Save the choices</source>
        <translation>保存对应关系</translation>
    </message>
    <message>
        <source>(found from the headers)</source>
        <translation>（按表头自动识别）</translation>
    </message>
    <message>
        <source>Reading the sheet…</source>
        <translation>正在读取工作表…</translation>
    </message>
    <message>
        <source>Reading the sheet was cancelled. Press "Read again" to read it.</source>
        <translation>已取消读取工作表。按“重新读取”可再次读取。</translation>
    </message>
    <message>
        <source>(a header of two rows: %1–%2)</source>
        <translation>（两行表头：第 %1–%2 行）</translation>
    </message>
    <message>
        <source>(row %1 numbers the columns: skipped)</source>
        <translation>（第 %1 行是栏目编号，已跳过）</translation>
    </message>
    <message>
        <source>(column %1)</source>
        <translation>（第 %1 列）</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
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
    <name>OpenItemsDialog</name>
    <message>
        <source>Open items of the merges</source>
        <translation>合并待处理事项</translation>
    </message>
    <message>
        <source>Also show settled items</source>
        <translation>同时显示已处理的事项</translation>
    </message>
    <message>
        <source>Show full names and ID numbers…</source>
        <translation>显示完整姓名和身份证号…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
        <source>Other district</source>
        <translation>另一区县</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Different people (both records stay)</source>
        <translation>不是同一人（两条记录都保留）</translation>
    </message>
    <message>
        <source>Reason (e.g. checked by phone with both districts)</source>
        <translation>理由（例如：已与两个区县电话核实）</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>No open items.</source>
        <translation>没有待处理的事项。</translation>
    </message>
    <message>
        <source>Show full names and ID numbers</source>
        <translation>显示完整姓名和身份证号</translation>
    </message>
    <message>
        <source>Full names and ID numbers shown (recorded in the audit log).</source>
        <translation>已显示完整姓名和身份证号（已记入审计日志）。</translation>
    </message>
    <message>
        <source>Same person, kept by %1</source>
        <translation>同一人，由%1管理</translation>
    </message>
    <message>
        <source>Same person, kept by the first district</source>
        <translation>同一人，由第一个区县管理</translation>
    </message>
    <message>
        <source>Same person, kept by the other district</source>
        <translation>同一人，由另一区县管理</translation>
    </message>
    <message>
        <source>Only the same ID number in two districts is decided here.</source>
        <translation>这里只裁定同一身份证号出现在两个区县的事项。</translation>
    </message>
    <message>
        <source>What the merges left to the city: a person who moved out or in waits for the other district's package; the same ID number in two districts is decided here (with a reason) and the decision goes to both districts with the next reference data.</source>
        <translation>合并后留给市级处理的事项：迁出/迁入的人员等待另一区县的数据包后自动配对；同一身份证号出现在两个区县的，在此说明理由后裁定，裁定结果随下一个参考数据包发给两个区县。</translation>
    </message>
    <message>
        <source>Why do you need the full names and ID numbers? The reason is kept in the audit log.</source>
        <translation>为什么需要查看完整姓名和身份证号？原因将记入审计日志。</translation>
    </message>
    <message>
        <source>Moved out or in</source>
        <translation>迁出/迁入</translation>
    </message>
    <message>
        <source>Same ID number in two districts</source>
        <translation>同一身份证号在两个区县</translation>
    </message>
    <message>
        <source>Died in one, visited in another</source>
        <translation>一方去世、另一方仍在走访</translation>
    </message>
    <message>
        <source>Honors that disagree</source>
        <translation>荣誉记录不一致</translation>
    </message>
    <message>
        <source>Record owned by another office</source>
        <translation>属于其他单位的记录</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>paired</source>
        <translation>已配对</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <source>%1 reported %2 as a move; the other district's half arrived later and the two were paired.</source>
        <translation>%1报来%2的迁移；另一区县的记录随后到达，两者已配对。</translation>
    </message>
    <message>
        <source>%1 moved from %2 to %3: both halves arrived and were paired; %3 manages the person now.</source>
        <translation>%1从%2迁往%3：迁出和迁入两条记录都已收到并配对，现由%3管理。</translation>
    </message>
    <message>
        <source>moved out (迁出)</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>moved in (迁入)</source>
        <translation>迁入</translation>
    </message>
    <message>
        <source>%1 reported %2 %3; the other district's half has not arrived: it pairs by itself when that package is merged.</source>
        <translation>%1报来%2%3；另一区县的记录尚未收到，合并其数据包时自动配对。</translation>
    </message>
    <message>
        <source>the same person, kept by %1</source>
        <translation>同一人，由%1管理</translation>
    </message>
    <message>
        <source>different people</source>
        <translation>不是同一人</translation>
    </message>
    <message>
        <source>Decided: %1 (reason: %2).</source>
        <translation>已裁定：%1（理由：%2）。</translation>
    </message>
    <message>
        <source>%1 and %2 both hold a record with this ID number (%3 / %4) and neither reported a move. Check with both districts, then decide.</source>
        <translation>%1和%2都有此身份证号的记录（%3 / %4），双方都没有报迁移。请与两个区县核实后裁定。</translation>
    </message>
    <message>
        <source>%1 recorded the death of %2 on %3; %4 visited or plans to visit the person on %5. A visit to the family is fine; otherwise tell %4.</source>
        <translation>%1记录%2已于%3去世；%4在%5走访或计划走访此人。如是慰问家属则无妨，否则请告知%4。</translation>
    </message>
    <message>
        <source>%1 records %2, %3 does not</source>
        <translation>%1记有%2，%3没有</translation>
    </message>
    <message>
        <source>The records of %1 disagree on honors: %2. Ask the district that manages the person to correct them.</source>
        <translation>%1的荣誉记录不一致：%2。请管理此人的区县核对更正。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>The package of %1 carried a record (%2) that %3 keeps: the record stays as %3 has it. If %1 changed it, ask them to send the change to %3.</source>
        <translation>%1的数据包带来一条由%3管理的记录（%2）：记录按%3的为准保留。如%1确有修改，请其将修改告知%3。</translation>
    </message>
    <message>
        <source>Decided: the next reference data carries it to %1 and %2.</source>
        <translation>已裁定：下一个参考数据包将结果发给%1和%2。</translation>
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
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>PasswordRule</name>
    <message>
        <source>at least %n characters, not only digits or only letters</source>
        <translation>至少 %n 位，不能全是数字或全是字母</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Record a payment</source>
        <translation>登记发放</translation>
    </message>
    <message>
        <source>(no account on the file)</source>
        <translation>（档案中没有银行账号）</translation>
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
        <source>Paid to</source>
        <translation>发放至</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>超标准发放理由</translation>
    </message>
    <message>
        <source>A payment above the standard is recorded, with its reason, by the %1.</source>
        <translation>超过标准的发放须由%1录入并说明理由。</translation>
    </message>
    <message>
        <source>reviewer or administrator</source>
        <translation>审核员或管理员</translation>
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
        <source>&lt;b&gt;New model worker&lt;/b&gt;&amp;nbsp;&amp;nbsp; Name and managing district are required; typing the ID number fills in the birth date and sex.</source>
        <translation>&lt;b&gt;新建劳模&lt;/b&gt;　姓名和管理区县必填；输入身份证号码后自动填写出生日期和性别。</translation>
    </message>
    <message>
        <source>%1 holds no kept honor: there is no title to prove.</source>
        <translation>%1 没有未撤销的荣誉称号，无从出具荣誉称号证明。</translation>
    </message>
    <message>
        <source>Model worker: %1</source>
        <translation>劳模信息：%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Current status: %1</source>
        <translation>当前状态：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
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
        <source>never sent</source>
        <translation>从未参加</translation>
    </message>
    <message>
        <source>Treatment level: %1</source>
        <translation>待遇级别：%1</translation>
    </message>
    <message>
        <source>Last recuperation: %1</source>
        <translation>上次疗休养：%1</translation>
    </message>
    <message>
        <source>Merge conflicts: %1</source>
        <translation>合并冲突：%1</translation>
    </message>
    <message>
        <source>Reported by %1: read-only here. %1 changes it and reports it again.</source>
        <translation>%1报送的记录，在此只读：请由%1修改后重新报送。</translation>
    </message>
    <message>
        <source>Someone else changed this record while you were editing it. It has been reloaded with their changes; your changes were not saved.</source>
        <translation>在您编辑期间，这条记录已被他人修改。现已重新载入最新内容，您刚才的修改没有保存，请重新修改。</translation>
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
    <message>
        <source>Undone by %1: %2</source>
        <translation>已由 %1 撤销：%2</translation>
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
        <source>Farmer model worker</source>
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
        <source>Only the year is shown to your role: the day of birth is part of the ID number.</source>
        <translation>您的角色只能看到出生年份：出生日期是身份证号码的一部分。</translation>
    </message>
    <message>
        <source>The day is hidden with the ID number: it is part of it.</source>
        <translation>出生日与身份证号一同隐去：它是号码的一部分。</translation>
    </message>
    <message>
        <source>An old 15-digit number: saved as the 18-digit %1 (the register keeps a note of the old form).</source>
        <translation>旧 15 位号码：将保存为 18 位号码 %1（名册记有原为 15 位）。</translation>
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
    <name>PrintScopeDialog</name>
    <message>
        <source>The whole list</source>
        <translation>整份名单</translation>
    </message>
    <message>
        <source>One team, all its days</source>
        <translation>一个走访组（全部日期）</translation>
    </message>
    <message>
        <source>One team on one day</source>
        <translation>一个走访组的某一天</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>走访组：</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>The campaign has no team yet.</source>
        <translation>本次活动还没有走访组。</translation>
    </message>
    <message>
        <source>This team has no scheduled day yet.</source>
        <translation>这个走访组还没有排定日期。</translation>
    </message>
</context>
<context>
    <name>ProposalsDialog</name>
    <message>
        <source>Proposals from the city</source>
        <translation>市级推荐</translation>
    </message>
    <message>
        <source>The city proposes its new city-level honorees managed by this district. Accepted, a person or honor enters the register with the city's record; declined, the city reads your reason.</source>
        <translation>市级推荐由本单位管理的新市级荣誉获得者。接受后，人员或荣誉按市级的记录记入名册；谢绝时市级可看到您的理由。</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Honors</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>ID number of a new person (typed here: the city never sends it)</source>
        <translation>新人员的身份证号（在此录入：市级不发送身份证号）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reason for declining</source>
        <translation>谢绝理由</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>谢绝</translation>
    </message>
    <message>
        <source>A clerk or an administrator accepts or declines the proposals.</source>
        <translation>由录入员或管理员接受或谢绝市级推荐。</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新人员</translation>
    </message>
    <message>
        <source>New honor</source>
        <translation>新荣誉</translation>
    </message>
    <message>
        <source>No proposals are waiting.</source>
        <translation>没有待处理的市级推荐。</translation>
    </message>
    <message>
        <source>%1 accepted into the register.</source>
        <translation>已接受%1，已记入名册。</translation>
    </message>
    <message>
        <source>Proposal for %1 declined.</source>
        <translation>已谢绝对%1的推荐。</translation>
    </message>
</context>
<context>
    <name>ProposeHonorDialog</name>
    <message>
        <source>Propose a city honor</source>
        <translation>推荐市级荣誉</translation>
    </message>
    <message>
        <source>Record an honor the city granted to a person a district manages. The person stays the district's; the next reference data proposes the honor to the district, whose clerk accepts or declines it.</source>
        <translation>登记市级授予区县所管人员的荣誉。人员仍由区县管理；下一个参考数据包把这项荣誉推荐给区县，由区县录入员接受或谢绝。</translation>
    </message>
    <message>
        <source>e.g. 湖政发〔2026〕12号</source>
        <translation>例如 湖政发〔2026〕12号</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>荣誉称号：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>授予年份：</translation>
    </message>
    <message>
        <source>Granted by:</source>
        <translation>授予机关：</translation>
    </message>
    <message>
        <source>Document No.:</source>
        <translation>文号：</translation>
    </message>
    <message>
        <source>Record and propose</source>
        <translation>登记并推荐</translation>
    </message>
    <message>
        <source>For %1 (%2).</source>
        <translation>为%1（%2）登记。</translation>
    </message>
    <message>
        <source>No person with this ID number is in the register.</source>
        <translation>名册中没有这个身份证号的人员。</translation>
    </message>
    <message>
        <source>No person with this ID number is in the register (or the record was deleted): check the number.</source>
        <translation>名册中没有这个身份证号的人员（或记录已删除）：请核对号码。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Numbers masked</source>
        <translation>号码隐去中间位</translation>
    </message>
</context>
<context>
    <name>RecuperationPage</name>
    <message>
        <source>New batch…</source>
        <translation>新建批次…</translation>
    </message>
    <message>
        <source>Fill to quota</source>
        <translation>按名额补足</translation>
    </message>
    <message>
        <source>Print roster…</source>
        <translation>打印名单…</translation>
    </message>
    <message>
        <source>Letters…</source>
        <translation>通知书…</translation>
    </message>
    <message>
        <source>Full ID numbers (travel insurance)…</source>
        <translation>完整身份证号（办理保险用）…</translation>
    </message>
    <message>
        <source>Full ID numbers</source>
        <translation>完整身份证号</translation>
    </message>
    <message>
        <source>Why does the roster need the full ID numbers and phones (e.g. the travel insurance)? The reason is written to the audit log.</source>
        <translation>为什么名单需要完整的身份证号和电话（如办理旅游保险）？理由将记入审计日志。</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批次：</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>顺位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <source>Last time</source>
        <translation>上次疗休养</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>On the roster</source>
        <translation>名单状态</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>审查说明</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Honors</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>身体状况</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Nominate selected</source>
        <translation>将所选人员列入名单</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>资格审查</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Declined…</source>
        <translation>婉拒…</translation>
    </message>
    <message>
        <source>Replace from waiting list</source>
        <translation>从候补名单替补</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Select a person in the list first.</source>
        <translation>请先在列表中选择一人。</translation>
    </message>
    <message>
        <source>Select a person on the roster first.</source>
        <translation>请先在名单中选择一人。</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>Select the row of a person who declined.</source>
        <translation>请选中婉拒人员的那一行。</translation>
    </message>
    <message>
        <source>Give %1's place to the first eligible person on the waiting list.</source>
        <translation>把 %1 的名额给候补名单中第一位符合条件的人员。</translation>
    </message>
    <message>
        <source>Working out who may go…</source>
        <translation>正在审查疗休养资格…</translation>
    </message>
    <message>
        <source>No batch yet: create one with “New batch…”.</source>
        <translation>还没有疗休养批次：请点击“新建批次…”。</translation>
    </message>
    <message>
        <source>%1, %2 to %3, %4 days, %5 yuan a day (%6). Places %7, taken %8, confirmed %9; %10 eligible on the waiting list.</source>
        <translation>%1，%2 至 %3，%4 天，每天 %5 元（%6组织）。名额 %7 人，已安排 %8 人，已确认 %9 人；候补名单中符合条件 %10 人。</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>婉拒</translation>
    </message>
    <message>
        <source>Why does %1 not go?</source>
        <translation>%1 为什么不能参加？</translation>
    </message>
    <message>
        <source>Recuperation roster</source>
        <translation>疗休养名单</translation>
    </message>
    <message>
        <source>Making the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <source>Recuperation letters</source>
        <translation>疗休养通知书</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>ReenrolDialog</name>
    <message>
        <source>Replace a card (lost key)</source>
        <translation>重新登记名片（密钥丢失）</translation>
    </message>
    <message>
        <source>When an office lost its key (a new computer, a failed disk), it makes a new card. Load the new card, read the new fingerprint with them over the phone and give the reason: the old key is revoked and packages signed with it are refused from now on.</source>
        <translation>对方丢失密钥（换了电脑、硬盘损坏）后会生成新的名片。请导入新名片，与对方电话核对新指纹并说明理由：旧密钥随即吊销，此后用旧密钥签名的数据包一律拒收。</translation>
    </message>
    <message>
        <source>Load the new card…</source>
        <translation>导入新名片…</translation>
    </message>
    <message>
        <source>e.g. the computer of 长兴县 was replaced, the key was lost</source>
        <translation>例如：长兴县更换电脑，原密钥丢失</translation>
    </message>
    <message>
        <source>I read the new fingerprint with them over the phone: it is the same</source>
        <translation>已与对方电话核对新指纹，完全一致</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Old fingerprint (revoked):</source>
        <translation>旧指纹（将吊销）：</translation>
    </message>
    <message>
        <source>New fingerprint:</source>
        <translation>新指纹：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Revoke the old key and trust the new card</source>
        <translation>吊销旧密钥并信任新名片</translation>
    </message>
    <message>
        <source>Load the new card</source>
        <translation>导入新名片</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 has no card trusted yet: use Trust a card… instead.</source>
        <translation>%1还没有登记过名片：请用“信任名片…”。</translation>
    </message>
    <message>
        <source>This card is the one already trusted: nothing to replace.</source>
        <translation>已信任的就是这张名片，无需重新登记。</translation>
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
        <source>No level</source>
        <translation>未定级</translation>
    </message>
    <message>
        <source>Living and deceased</source>
        <translation>在世与已故</translation>
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
        <source>Only the living have an age: with an age given, the deceased are left out.</source>
        <translation>年龄只算在世人员：填了年龄，已故人员不在结果中。</translation>
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
        <source>Roster…</source>
        <translation>花名册…</translation>
    </message>
    <message>
        <source>Full ID numbers…</source>
        <translation>完整身份证号…</translation>
    </message>
    <message>
        <source>Full ID numbers</source>
        <translation>完整身份证号</translation>
    </message>
    <message>
        <source>Why does the roster need the full ID numbers and phones? The reason is written to the audit log.</source>
        <translation>为什么花名册需要完整的身份证号和电话？理由将记入审计日志。</translation>
    </message>
    <message>
        <source>Print the persons of the current filter as a roster grouped by district</source>
        <translation>将当前筛选的人员按区县分组打印为花名册</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>会员证</translation>
    </message>
    <message>
        <source>Card of the selected person…</source>
        <translation>打印所选人员的会员证…</translation>
    </message>
    <message>
        <source>Cards of everyone in the list…</source>
        <translation>打印列表中全部人员的会员证…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
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
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n person(s) to %1</source>
        <translation><numerusform>已导出 %n 人：%1</numerusform></translation>
    </message>
    <message>
        <source>Select a person first.</source>
        <translation>请先选择一名劳模。</translation>
    </message>
    <message>
        <source>%1 has no ID number on record.</source>
        <translation>%1 没有登记身份证号码。</translation>
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
        <source>ID number of %1: %2</source>
        <translation>%1 的身份证号：%2</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>花名册</translation>
    </message>
    <message>
        <source>Preparing the roster…</source>
        <translation>正在生成花名册…</translation>
    </message>
    <message>
        <source>Membership cards</source>
        <translation>会员证</translation>
    </message>
    <message>
        <source>Preparing the cards…</source>
        <translation>正在生成会员证…</translation>
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
        <source>Level</source>
        <translation>待遇级别</translation>
    </message>
    <message>
        <source>Highest honor</source>
        <translation>最高荣誉(年份)</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Life</source>
        <translation>生存状态</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Recuperated</source>
        <translation>上次疗休养</translation>
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
    <message>
        <source>Born in %1: the age reached this year (the day of birth is hidden with the ID number).</source>
        <translation>%1年出生：年龄按今年满的岁数计（出生日期与身份证号一同隐去）。</translation>
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
    <name>ReportPage</name>
    <message>
        <source>Import receipt or reference data…</source>
        <translation>导入回执或参考数据…</translation>
    </message>
    <message>
        <source>Each quarter the package goes to the city: the first one holds the whole register, later ones the changes since the last receipt. It is signed and encrypted for the city.</source>
        <translation>每个季度向市级报送数据包：第一次包含全部名册，以后只包含上次回执以来的变更。数据包经本协会签名，并加密给市级。</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Proposals from the city…</source>
        <translation>市级推荐…</translation>
    </message>
    <message>
        <source>Packages sent:</source>
        <translation>已报送的数据包：</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Honors</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <source>Status events</source>
        <translation>动态管理记录</translation>
    </message>
    <message>
        <source>Hardship files</source>
        <translation>困难档案</translation>
    </message>
    <message>
        <source>Hardship payments</source>
        <translation>帮扶发放</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Recuperation batches</source>
        <translation>疗休养批次</translation>
    </message>
    <message>
        <source>Document log</source>
        <translation>文书登记</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>In the package</source>
        <translation>数据包内容（条数）</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>died</source>
        <translation>去世</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除/注销</translation>
    </message>
    <message>
        <source>title revoked</source>
        <translation>撤销称号</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>迁入/迁出</translation>
    </message>
    <message>
        <source>lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Persons changed since the last acknowledged package</source>
        <translation>自上次市级确认以来有变动的人员</translation>
    </message>
    <message>
        <source>Show full names</source>
        <translation>显示全名</translation>
    </message>
    <message>
        <source>Package No. %1: the whole register again, because the city has not acknowledged any package yet (import its receipt first for a package of changes only).</source>
        <translation>第 %1 号数据包：市级尚未确认收到任何数据包（未导入回执），所以仍包含全部名册。先导入市级回执，数据包就只含变更。</translation>
    </message>
    <message>
        <source>Package No. %1, the first one: the whole register.</source>
        <translation>第 %1 号数据包，首次报送：包含全部名册。</translation>
    </message>
    <message>
        <source>Package No. %1: the changes since package No. %2 (%3), which the city acknowledged.</source>
        <translation>第 %1 号数据包：包含市级已确认的第 %2 号数据包（%3）以来的变更。</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>USB sticks and removable drives:</source>
        <translation>U盘和移动硬盘：</translation>
    </message>
    <message>
        <source>No USB stick found: plug one in and press Look again, or choose a folder.</source>
        <translation>未找到U盘：请插入U盘后点“重新查找”，或选择一个文件夹。</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>The package will be written to: %1</source>
        <translation>数据包将写入：%1</translation>
    </message>
    <message>
        <source>Choose a USB stick or a folder.</source>
        <translation>请选择U盘或文件夹。</translation>
    </message>
    <message>
        <source>The city's card is not trusted yet: the package cannot be encrypted for the city. Press Trust a card… above and read the fingerprint with the city over the phone.</source>
        <translation>尚未信任市级名片，数据包无法加密给市级。请点上方“信任名片…”，并与市级电话核对指纹。</translation>
    </message>
    <message>
        <source>The city's card is not trusted yet: the package cannot be encrypted for the city. Ask an administrator to trust it (Trust a card… on this page).</source>
        <translation>尚未信任市级名片，数据包无法加密给市级。请管理员在本页点“信任名片…”并与市级电话核对指纹。</translation>
    </message>
    <message>
        <source>Encrypted for %1 (card fingerprint %2).</source>
        <translation>加密给 %1（名片指纹 %2）。</translation>
    </message>
    <message>
        <source>Write the package</source>
        <translation>写入数据包</translation>
    </message>
    <message>
        <source>Reading the register…</source>
        <translation>正在读取名册…</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>已写出</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>Encrypting for the city…</source>
        <translation>正在加密给市级…</translation>
    </message>
    <message>
        <source>%1 of %2 parts packed</source>
        <translation>已打包 %1/%2 部分</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未写出</translation>
    </message>
    <message>
        <source>Package No. %1 written (%2 persons): %3
Size: %4
SHA-256: %5</source>
        <translation>已写入第 %1 号数据包（人员 %2 条）：%3
大小：%4
SHA-256 指纹：%5</translation>
    </message>
    <message>
        <source>Step 1 of 3: what the package holds</source>
        <translation>第 1 步（共 3 步）：数据包内容</translation>
    </message>
    <message>
        <source>Step 2 of 3: where to write it</source>
        <translation>第 2 步（共 3 步）：写到哪里</translation>
    </message>
    <message>
        <source>Step 3 of 3: write</source>
        <translation>第 3 步（共 3 步）：写入</translation>
    </message>
    <message>
        <source>Quarter %1, %2 persons. File: %3</source>
        <translation>季度 %1，人员 %2 条。文件：%3</translation>
    </message>
    <message>
        <source>Proposals from the city (%1)…</source>
        <translation>市级推荐（%1）…</translation>
    </message>
    <message>
        <source>Import receipt or reference data</source>
        <translation>导入回执或参考数据</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Receipt imported: package %1 is acknowledged.</source>
        <translation>回执已导入：第 %1 号数据包已被市级确认。</translation>
    </message>
    <message>
        <source>Reference data %1 applied.</source>
        <translation>参考数据第 %1 号已应用。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>Tell the user this password: at the first log-in they choose their own.</source>
        <translation>请把此密码告诉该用户：首次登录时须改为自己的密码。</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backup file: %1</source>
        <translation>备份文件：%1</translation>
    </message>
    <message>
        <source>&amp;Open the backup</source>
        <translation>打开备份(&amp;O)</translation>
    </message>
    <message>
        <source>Backup passphrase:</source>
        <translation>备份口令：</translation>
    </message>
    <message>
        <source>This backup is encrypted: type the passphrase it was made with.</source>
        <translation>这份备份已加密：请输入备份时设置的口令。</translation>
    </message>
    <message>
        <source>劳模之家 backups (*.laomo-backup *.zip);;All files (*)</source>
        <translation>劳模之家备份 (*.laomo-backup *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The backup of %1 made %2 was restored (%n model worker(s)). The previous database is kept at %3. Log in again.</source>
        <translation>已恢复“%1”于 %2 所做的备份（劳模 %n 人）。原数据库保留在 %3。请重新登录。</translation>
    </message>
    <message>
        <source>In the backup</source>
        <translation>备份中</translation>
    </message>
    <message>
        <source>Now in the database</source>
        <translation>当前数据库</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>协会</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Model workers</source>
        <translation>劳模人数</translation>
    </message>
    <message>
        <source>Honors</source>
        <translation>荣誉条数</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户数</translation>
    </message>
    <message>
        <source>This backup belongs to another association. Why must it replace this association's data? (recorded in the audit log)</source>
        <translation>这份备份属于另一个协会。为什么要用它替换本会的数据？（原因记入审计日志）</translation>
    </message>
    <message>
        <source>Nobody can log in on this computer yet: restore as an administrator of the backup, with that account's user name and password.</source>
        <translation>这台电脑上还没有人能登录：请用备份中的管理员账号（用户名和密码）恢复。</translation>
    </message>
    <message>
        <source>Administrator (user name):</source>
        <translation>管理员（用户名）：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>I understand: the current data will be replaced by this backup</source>
        <translation>我已了解：当前数据将被这份备份替换</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Replace the current data</source>
        <translation>替换当前数据(&amp;R)</translation>
    </message>
    <message>
        <source>Type the backup's passphrase first.</source>
        <translation>请先输入备份口令。</translation>
    </message>
    <message>
        <source>Reading the backup…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <source>The backup made %1 becomes this computer's database. Afterwards log in with the backup's user names and passwords.</source>
        <translation>%1 所做的这份备份将成为这台电脑的数据库。恢复后请用备份中的用户名和密码登录。</translation>
    </message>
    <message>
        <source>Restoring replaces ALL the current data with the backup's: whatever was entered or changed after %1 is lost. A safety copy of the current database is kept first in %2. Afterwards you are logged out and log in again with the backup's user names and passwords.</source>
        <translation>恢复会用备份中的数据替换当前的全部数据：%1 之后录入或修改的内容都会丢失。替换前，当前数据库会先留一份安全副本在 %2。恢复后您将被注销，请用备份中的用户名和密码重新登录。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
</context>
<context>
    <name>ResultTable</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>repeated row</source>
        <translation>重复行</translation>
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
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>撤销本次导入…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported. %1
Undo it with the button below, or later under File → Past imports and undo (batch %2).</source>
        <translation>已导入。%1
可用下方按钮撤销，或以后在 文件 → 导入记录与撤销 中撤销（批次 %2）。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Remove the persons this import added and restore what it changed?</source>
        <translation>删除本次导入新增的人员，并恢复被修改的内容？</translation>
    </message>
    <message numerus="yes">
        <source>The import was undone (%n person(s)).</source>
        <translation><numerusform>本次导入已撤销（%n 人）。</numerusform></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>First start</source>
        <translation>首次启动</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
</context>
<context>
    <name>StandardsDialog</name>
    <message>
        <source>Hardship standards</source>
        <translation>困难帮扶标准</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Medical share</source>
        <translation>医疗救助比例</translation>
    </message>
    <message>
        <source>Times per year</source>
        <translation>每年次数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>General (all districts)</source>
        <translation>通用（各区县）</translation>
    </message>
    <message>
        <source>Medical share (% of self-paid costs)</source>
        <translation>医疗救助比例（占自付医疗费 %）</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新增标准</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>保存标准</translation>
    </message>
    <message>
        <source>Subsistence line</source>
        <translation>低保标准</translation>
    </message>
    <message>
        <source>Copy the rules of %1</source>
        <translation>复制 %1 年的标准</translation>
    </message>
    <message>
        <source>%1 has no rules to copy.</source>
        <translation>%1 年没有可复制的标准。</translation>
    </message>
    <message>
        <source>No rules for %1 yet.</source>
        <translation>%1 年尚未设定标准。</translation>
    </message>
    <message>
        <source>Copied %1 rule(s) from %2; %3 rule(s) this year already had were kept.</source>
        <translation>已从 %2 年复制 %1 条标准；本年已有的 %3 条保持不变。</translation>
    </message>
    <message>
        <source>Copied %1 rule(s) from %2.</source>
        <translation>已从 %2 年复制 %1 条标准。</translation>
    </message>
    <message>
        <source>Monthly line per person (yuan)</source>
        <translation>每人每月低保标准（元）</translation>
    </message>
    <message>
        <source>Cap per payment (yuan)</source>
        <translation>每次发放上限（元）</translation>
    </message>
    <message>
        <source>The rule of %1 is not set here.</source>
        <translation>%1 的标准不在本协会设定。</translation>
    </message>
    <message>
        <source>%1 already has this rule for %2: saving replaces it.</source>
        <translation>%1 年已有%2的此类标准，保存将替换原标准。</translation>
    </message>
    <message>
        <source>Saved: %1, %2.</source>
        <translation>已保存：%1，%2。</translation>
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
        <source>%1 dated %2</source>
        <translation>%2 的“%1”</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>（没有可撤销的变动）</translation>
    </message>
    <message>
        <source>This undoes: %1. The history keeps both entries. It is recorded when you save the record.</source>
        <translation>将撤销：%1。历史记录中两条都会保留。在人员窗口点“保存”时记录。</translation>
    </message>
    <message>
        <source>Recorded together with the record when you press Save in the record window; Cancel there drops it.</source>
        <translation>在人员窗口点“保存”时与人员信息一起记录；点“取消”则放弃。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>确定撤销</translation>
    </message>
    <message>
        <source>Add to the history</source>
        <translation>记入动态</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已核验</translation>
    </message>
    <message>
        <source>staged</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>receipt sent</source>
        <translation>已发回执</translation>
    </message>
    <message>
        <source>Import package…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Write receipt…</source>
        <translation>写出回执…</translation>
    </message>
    <message>
        <source>Save report (.xlsx)…</source>
        <translation>保存报告（.xlsx）…</translation>
    </message>
    <message>
        <source>Write reference data…</source>
        <translation>写出参考数据…</translation>
    </message>
    <message>
        <source>Open items…</source>
        <translation>待处理事项…</translation>
    </message>
    <message>
        <source>Propose a city honor…</source>
        <translation>推荐市级荣誉…</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Latest package</source>
        <translation>最新数据包</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Packages from the districts: each is checked (signature, sequence, contents) and staged with a report of what merging it would do. A reviewer other than the person who imported it merges it.</source>
        <translation>各区县报送的数据包：逐一检查签名、序号和内容，暂存并给出合并预演报告。合并须由导入人以外的审核员或管理员进行。</translation>
    </message>
    <message>
        <source>Inbox by district:</source>
        <translation>各区县收件情况：</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <source>(merge undone)</source>
        <translation>（合并已撤销）</translation>
    </message>
    <message>
        <source>No. %1 (%2)</source>
        <translation>第 %1 号（%2）</translation>
    </message>
    <message>
        <source>Open items (%1)…</source>
        <translation>待处理事项（%1）…</translation>
    </message>
    <message>
        <source>Select a package in the list.</source>
        <translation>请先在列表中选择一个数据包。</translation>
    </message>
    <message>
        <source>Only a staged package can be merged.</source>
        <translation>只有已暂存的数据包才能合并。</translation>
    </message>
    <message>
        <source>Merging needs a reviewer or an administrator.</source>
        <translation>合并须由审核员或管理员进行。</translation>
    </message>
    <message>
        <source>You imported this package: another reviewer or administrator merges it (maker ≠ checker).</source>
        <translation>这个数据包是您导入的：须由另一位审核员或管理员合并（导入与审核分离）。</translation>
    </message>
    <message>
        <source>Merge: %1</source>
        <translation>合并：%1</translation>
    </message>
    <message>
        <source>Import package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <source>Accept a gap</source>
        <translation>接受缺号的数据包</translation>
    </message>
    <message>
        <source>Package No. %1 of %2 builds on package No. %3, but only No. %4 was merged here. If the missing packages cannot come (ask %2 first), you may accept this one; the reason is kept in the audit log:</source>
        <translation>%2第 %1 号数据包基于第 %3 号，但本市只合并到第 %4 号：中间缺数据包。如缺少的数据包确实无法补来（请先与%2联系），可以接受这一个；原因将记入操作日志：</translation>
    </message>
    <message>
        <source>Package No. %1 of %2 checked and staged.</source>
        <translation>%2 第 %1 号数据包已核验并暂存。</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Merged.</source>
        <translation>已合并。</translation>
    </message>
    <message>
        <source>Undo the merge of package No. %1 of %2 (%3, %4 persons): the records it added are removed and the ones it changed are put back as they were. The reason is kept in the audit log:</source>
        <translation>撤销%2第 %1 号数据包（%3，人员 %4 条）的合并：它新增的记录将删除，它修改过的记录恢复原样。原因将记入操作日志：</translation>
    </message>
    <message>
        <source>Write receipt</source>
        <translation>写出回执</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Write reference data</source>
        <translation>写出参考数据</translation>
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
    <name>TeamDialog</name>
    <message>
        <source>New team</source>
        <translation>新建走访组</translation>
    </message>
    <message>
        <source>Team name:</source>
        <translation>组名：</translation>
    </message>
    <message>
        <source>Leader:</source>
        <translation>组长：</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>组员：</translation>
    </message>
    <message>
        <source>New staff member…</source>
        <translation>添加工作人员…</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>第%1组</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>添加工作人员</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
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
    <message>
        <source>%1 (not saved yet)</source>
        <translation>%1（待保存）</translation>
    </message>
    <message>
        <source>%1 dated %2</source>
        <translation>%2 的“%1”</translation>
    </message>
    <message>
        <source>on Save</source>
        <translation>保存时</translation>
    </message>
    <message>
        <source>This person has died: only a revoked title or an undo of the last change can be recorded.</source>
        <translation>此人已故：只能记录撤销称号，或撤销上一条变动。</translation>
    </message>
    <message>
        <source>No kept title to revoke.</source>
        <translation>没有可撤销的保留称号。</translation>
    </message>
    <message>
        <source>Nothing to undo: no status change has been recorded.</source>
        <translation>没有可撤销的变动：尚未记录任何状态变动。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved yet: recorded together with the record when you press Save, dropped by Cancel.</source>
        <translation><numerusform>%n 项动态尚未保存：点“保存”时与人员信息一起记录，点“取消”则放弃。</numerusform></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Tell the user this password: at the first log-in they choose their own.</source>
        <translation>请把此密码告诉该用户：首次登录时须改为自己的密码。</translation>
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
    <name>UserEditDialog</name>
    <message>
        <source>Change user %1</source>
        <translation>修改用户 %1</translation>
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
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <source>Find in the guide (Ctrl+F)</source>
        <translation>在手册中查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>没有找到</translation>
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
        <source>Change…</source>
        <translation>修改…</translation>
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
        <source>Select a user in the list first.</source>
        <translation>请先在列表中选择一个用户。</translation>
    </message>
    <message>
        <source>%1 is not locked (an account is locked for a while after repeated wrong passwords).</source>
        <translation>%1 未被锁定（多次输错密码后账户会被暂时锁定）。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
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
</context>
<context>
    <name>VisitHardshipDialog</name>
    <message>
        <source>Open a hardship file: %1</source>
        <translation>建立困难档案：%1</translation>
    </message>
    <message>
        <source>A draft file is opened for the visited person; what the visit found goes into its notes. Complete it on the Hardship page.</source>
        <translation>为被走访人建立困难档案草稿，走访发现的情况写入备注；请到“困难帮扶”页补全。</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>困难类别：</translation>
    </message>
    <message>
        <source>Main cause:</source>
        <translation>主要致困原因：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>VisitRecordDialog</name>
    <message>
        <source>Record visit: %1</source>
        <translation>登记走访：%1</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <source>Not at home</source>
        <translation>不在家</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>婉拒</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>standard: %1 yuan</source>
        <translation>标准：%1 元</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>需要回访</translation>
    </message>
    <message>
        <source>then open a hardship file</source>
        <translation>保存后建立困难档案</translation>
    </message>
    <message>
        <source>After saving, open a hardship draft for this person (needs a follow-up).</source>
        <translation>保存后为此人建立困难档案草稿（需勾选需要回访）。</translation>
    </message>
    <message>
        <source>%1 has died: a hardship file is not opened for a deceased person.</source>
        <translation>%1 已故：不为已故人员建立困难档案。</translation>
    </message>
    <message>
        <source>%1 photo(s)</source>
        <translation>%1 张照片</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>走访结果：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Way:</source>
        <translation>走访方式：</translation>
    </message>
    <message>
        <source>Visitors:</source>
        <translation>慰问人：</translation>
    </message>
    <message>
        <source>Money (yuan):</source>
        <translation>慰问金（元）：</translation>
    </message>
    <message>
        <source>Goods:</source>
        <translation>慰问品：</translation>
    </message>
    <message>
        <source>Reason if above the standard:</source>
        <translation>超标准理由：</translation>
    </message>
    <message>
        <source>Situation found:</source>
        <translation>现场情况：</translation>
    </message>
    <message>
        <source>Photos:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>VisitWeekView</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>未分组</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 人</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 这一周</translation>
    </message>
    <message>
        <source>deceased, %1</source>
        <translation>已故，%1</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <source>not on the list</source>
        <translation>未列入名单</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移出名单</translation>
    </message>
    <message>
        <source>visited last time, not now</source>
        <translation>上次走访、本次未列入</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Print / export</source>
        <translation>打印/导出</translation>
    </message>
    <message>
        <source>Receipt sheet (PDF)…</source>
        <translation>慰问金签收表（PDF）…</translation>
    </message>
    <message>
        <source>Campaign summary (PDF)…</source>
        <translation>走访情况汇总表（PDF）…</translation>
    </message>
    <message>
        <source>Visit list per team and day (PDF)</source>
        <translation>走访慰问名单（按组按日，PDF）</translation>
    </message>
    <message>
        <source>Visit list (Excel)</source>
        <translation>走访名单（Excel）</translation>
    </message>
    <message>
        <source>Full phone numbers…</source>
        <translation>完整电话号码…</translation>
    </message>
    <message>
        <source>Full phone numbers</source>
        <translation>完整电话号码</translation>
    </message>
    <message>
        <source>Why does the visit list need the full phone numbers (e.g. the teams call ahead of each visit)? The reason is written to the audit log.</source>
        <translation>为什么需要完整电话号码（例如各走访组入户前电话联系）？原因将记入审计日志。</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Plan from the rules</source>
        <translation>按规则生成名单</translation>
    </message>
    <message>
        <source>Approve list…</source>
        <translation>审批名单…</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>活动：</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周视图</translation>
    </message>
    <message>
        <source>Select visits in the list first.</source>
        <translation>请先在列表中选择走访对象。</translation>
    </message>
    <message>
        <source>Select one visit in the list first.</source>
        <translation>请先在列表中选择一个走访对象。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>Why on the list</source>
        <translation>列入原因</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已列入</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>未列入</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Why listed</source>
        <translation>列入原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖检查</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>走访组</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线顺序</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>慰问金</translation>
    </message>
    <message>
        <source>New team…</source>
        <translation>新建走访组…</translation>
    </message>
    <message>
        <source>Schedule automatically…</source>
        <translation>自动排期…</translation>
    </message>
    <message>
        <source>Assign selected…</source>
        <translation>安排所选…</translation>
    </message>
    <message>
        <source>Take off the list…</source>
        <translation>移出名单…</translation>
    </message>
    <message>
        <source>Record result…</source>
        <translation>登记走访结果…</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>日程安排</translation>
    </message>
    <message>
        <source>%1th birthday</source>
        <translation>%1 岁生日</translation>
    </message>
    <message>
        <source>Follow-up needed</source>
        <translation>需要回访</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Plan a birthday visit</source>
        <translation>安排生日慰问</translation>
    </message>
    <message>
        <source>Plan a hospital visit</source>
        <translation>安排住院探望</translation>
    </message>
    <message>
        <source>Open a hardship file…</source>
        <translation>建立困难档案…</translation>
    </message>
    <message>
        <source>Close follow-up</source>
        <translation>结束回访</translation>
    </message>
    <message>
        <source>Work list</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Choose a campaign above first, or create one with New campaign…</source>
        <translation>请先在上方选择走访活动，或点击“新建活动…”建立一个。</translation>
    </message>
    <message>
        <source>Loading the campaign…</source>
        <translation>正在读取走访活动…</translation>
    </message>
    <message>
        <source>Reported by %1: read-only here.</source>
        <translation>%1报送的走访，在此只读。</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) have no date or team yet: add a team or more visits per day and schedule again, or assign them by hand.</source>
        <translation><numerusform>%n 次走访尚未排定日期或小组：请增加小组或提高每天走访数后重新自动排期，或手工分配。</numerusform></translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>未排期</translation>
    </message>
    <message>
        <source>No campaign yet: create one with “New campaign…”.</source>
        <translation>还没有走访活动：请点击“新建活动…”。</translation>
    </message>
    <message>
        <source>List approved by %1.</source>
        <translation>名单已由 %1 审批。</translation>
    </message>
    <message>
        <source>List not approved yet (draft): the visit list and receipt sheet print after a reviewer approves it.</source>
        <translation>名单尚未审批（草稿）：审核员审批后才能打印走访慰问名单和签收表。</translation>
    </message>
    <message>
        <source>%1 to %2. Rules: %3. Candidates %4, on the list %5, visited %6.</source>
        <translation>%1 至 %2。对象：%3。符合规则 %4 人，名单 %5 人，已走访 %6 人。</translation>
    </message>
    <message>
        <source>Complete: everyone the rules name is on the list.</source>
        <translation>全覆盖：符合规则的人员均已列入名单。</translation>
    </message>
    <message>
        <source>%1 person(s) the rules name are not on the list; %2 visited last time are not on it now.</source>
        <translation>有 %1 人符合规则但未列入名单；上次走访的人中有 %2 人本次未列入。</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) on the list are not scheduled yet (no team or no date): the printed list shows them last, under “not scheduled”.</source>
        <translation><numerusform>名单中 %n 人尚未排期（没有走访组或日期）：打印的走访慰问名单把他们列在最后的“尚未排期”一节。</numerusform></translation>
    </message>
    <message>
        <source>Approve list</source>
        <translation>审批名单</translation>
    </message>
    <message>
        <source>Opinion (optional). The maker or last editor of the list cannot approve it; a later change to the list withdraws the approval.</source>
        <translation>审批意见（可不填）。名单的建立人或最后修改人不能审批；审批后名单再有改动，审批即失效。</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Name, pinyin or ID number:</source>
        <translation>姓名、拼音或身份证号：</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Why is this person visited (not named by the rules)?</source>
        <translation>此人不在规则范围内，为什么要走访？</translation>
    </message>
    <message numerus="yes">
        <source>… (%n in all)</source>
        <translation><numerusform>等 %n 人</numerusform></translation>
    </message>
    <message>
        <source>%1 visit(s) scheduled; %2 could not be scheduled.</source>
        <translation>已排期 %1 次走访；%2 次走访未能排期。</translation>
    </message>
    <message>
        <source>There is no office working day from %1 to the campaign's end (%2).</source>
        <translation>从 %1 到活动结束日（%2）没有工作日。</translation>
    </message>
    <message>
        <source>Move the campaign's end date later.</source>
        <translation>请把活动结束日期延后。</translation>
    </message>
    <message>
        <source>From %1 to the campaign's end (%2) there are %3 working day(s); %4 team(s) with %5 visits a day are full.</source>
        <translation>从 %1 到活动结束日（%2）共 %3 个工作日，%4 个小组每天 %5 次已排满。</translation>
    </message>
    <message>
        <source>add teams: %1 team(s) in all would fit everyone;</source>
        <translation>增加小组：共 %1 个小组可排下全部走访；</translation>
    </message>
    <message>
        <source>or clear the schedule and allow %1 visits per team and day;</source>
        <translation>或清空排期，把每组每天走访数提高到 %1 次；</translation>
    </message>
    <message>
        <source>or move the campaign's end date later.</source>
        <translation>或把活动结束日期延后。</translation>
    </message>
    <message>
        <source>To schedule them:</source>
        <translation>可以这样安排：</translation>
    </message>
    <message>
        <source>Schedule automatically</source>
        <translation>自动排期</translation>
    </message>
    <message>
        <source>Show everyone not scheduled…</source>
        <translation>显示全部未排期人员…</translation>
    </message>
    <message>
        <source>Hide the names</source>
        <translation>隐藏名单</translation>
    </message>
    <message>
        <source>Change the campaign dates…</source>
        <translation>修改活动日期…</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <source>Why is %1 not visited this time?</source>
        <translation>%1 本次为什么不走访？</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Visit list</source>
        <translation>走访慰问名单</translation>
    </message>
    <message>
        <source>Receipt sheet</source>
        <translation>慰问金签收表</translation>
    </message>
    <message>
        <source>Visit summary</source>
        <translation>走访慰问情况汇总表</translation>
    </message>
    <message>
        <source>Making the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已保存：%1</translation>
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
        <source>(choose the association)</source>
        <translation>（请选择协会）</translation>
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
        <source>A new or replaced computer? Restore the office's backup instead (its passphrase and an administrator account of the backup are needed).</source>
        <translation>换了新电脑？可直接恢复原来的备份（需要备份口令和备份中的管理员账号）。</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Association:</source>
        <translation>协会：</translation>
    </message>
    <message>
        <source>Choose the association this computer works for: it cannot be changed later.</source>
        <translation>请选择本机服务的协会：创建后不能更改。</translation>
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