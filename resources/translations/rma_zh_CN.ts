<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionsModel</name>
    <message>
        <source>Step</source>
        <extracomment>the texts of the form, in its order, with the D-step each belongs to</extracomment>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <source>Amount claimed</source>
        <translation>索赔金额</translation>
    </message>
    <message>
        <source>Loss cost:</source>
        <translation>损失成本:</translation>
    </message>
    <message>
        <source>Amount claimed (¥):</source>
        <translation>索赔金额(¥):</translation>
    </message>
    <message>
        <source>Reason for the change:</source>
        <translation>修改原因:</translation>
    </message>
</context>
<context>
    <name>AnalysisSignoffs</name>
    <message>
        <source>Countersign the analysis form…</source>
        <translation>会签分析单…</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签</translation>
    </message>
    <message>
        <source>Analysis form countersigned %1/6</source>
        <translation>分析单会签 %1/6</translation>
    </message>
    <message>
        <source>%1 void, to sign again</source>
        <translation>%1 个已失效,须重新签名</translation>
    </message>
    <message>
        <source>Every line needs its decision first</source>
        <translation>每一行须先有技术部判定</translation>
    </message>
    <message>
        <source>Your boxes are signed</source>
        <translation>您的签名栏均已签名</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>会签</translation>
    </message>
    <message>
        <source>Sign the analysis form of %1 as:</source>
        <translation>以下列身份会签 %1 的分析单:</translation>
    </message>
    <message>
        <source>Countersigned.</source>
        <translation>已会签。</translation>
    </message>
    <message>
        <source>the analysis form of %1 as %2 (countersign)</source>
        <translation>%1 的分析单,签名栏:%2(会签)</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Supplier&apos;s answer</source>
        <translation>供方答复</translation>
    </message>
    <message>
        <source>Claimed:</source>
        <translation>索赔金额:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答复结果:</translation>
    </message>
    <message>
        <source>Amount accepted (¥, partly):</source>
        <translation>接受金额(¥,部分接受时):</translation>
    </message>
    <message>
        <source>Supplier&apos;s reply:</source>
        <translation>供方答复:</translation>
    </message>
    <message>
        <source>Answered on:</source>
        <translation>答复日期:</translation>
    </message>
</context>
<context>
    <name>AttachmentsButton</name>
    <message>
        <source>Photos…</source>
        <translation>照片/附件…</translation>
    </message>
    <message>
        <source>Photos of the goods and the defect, letters and reports</source>
        <translation>货物与不良的照片、来函和报告</translation>
    </message>
</context>
<context>
    <name>AttachmentsWindow</name>
    <message>
        <source>Add photos or files</source>
        <translation>添加照片或文件</translation>
    </message>
    <message>
        <source>Photos and documents</source>
        <translation>照片和文档</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Why is it removed?</source>
        <translation>移除原因:</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>照片与附件</translation>
    </message>
    <message>
        <source>Drop photos or files here, or press Add…. Double-click to open.</source>
        <translation>把照片或文件拖到这里,或按“添加…”。双击打开。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Whole return</source>
        <translation>整单</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) or file(s)</source>
        <translation>
            <numerusform>%n 个照片或文件</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>无法读取“%1”:%2</translation>
    </message>
    <message numerus="yes">
        <source>%n added.</source>
        <translation>
            <numerusform>已添加 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding photos and files</source>
        <translation>正在添加照片和文件</translation>
    </message>
    <message>
        <source>No program on this computer opens “%1”; it was saved as %2.</source>
        <translation>本机没有能打开“%1”的程序;已保存为 %2。</translation>
    </message>
    <message>
        <source>Removed; the reason is kept.</source>
        <translation>已移除,原因已记录。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Daily backup of the database</source>
        <translation>每日自动备份数据库</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>%1 rows in %2 tables</source>
        <translation>%2 个表共 %1 行</translation>
    </message>
    <message>
        <source>Backed up to %1: %2, integrity check passed.</source>
        <translation>已备份到 %1:%2,完整性检查通过。</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库……</translation>
    </message>
    <message>
        <source>Replace this station&apos;s database with the backup %1?

The current database is kept as a safety copy in %2. Afterwards the station reopens the database and asks you to log in again.</source>
        <translation>用备份 %1 替换本工作站的数据库吗?

当前数据库会先保留一份安全副本,存放在 %2。恢复后工作站将重新打开数据库,并请您重新登录。</translation>
    </message>
    <message>
        <source>Restored from %1: %2, integrity check passed.</source>
        <translation>已从 %1 恢复:%2,完整性检查通过。</translation>
    </message>
    <message>
        <source>The database it replaced is kept as %1.</source>
        <translation>被替换的数据库已保留为 %1。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份……</translation>
    </message>
</context>
<context>
    <name>BasisDialog</name>
    <message>
        <source>Ship or invoice date</source>
        <translation>发货或发票日期</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>明细行:</translation>
    </message>
    <message>
        <source>Warranty runs from:</source>
        <translation>质保起算依据:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期:</translation>
    </message>
</context>
<context>
    <name>BenchCount</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 行已超期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BenchTab</name>
    <message>
        <source>Needs the role: %1</source>
        <translation>需要以下角色:%1</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Your changes to %1 are not saved. Discard them?</source>
        <translation>对 %1 的修改尚未保存。要放弃这些修改吗?</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your input is kept and will be saved as soon as the connection is back.</source>
        <translation>无法连接数据库。您的输入已保留,连接恢复后将自动保存。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>%1 must choose a new password before starting work.</source>
        <translation>%1 须先设置新密码,才能开始工作。</translation>
    </message>
    <message>
        <source>Change the password of %1.</source>
        <translation>修改 %1 的密码。</translation>
    </message>
</context>
<context>
    <name>ChangedNotice</name>
    <message>
        <source>Changed by %1 at %2</source>
        <extracomment>False: windows made while it is off do not listen (the UI tests switch it off, except those of live refresh, so no other test sees a refresh it did not ask for) a batch was announced (tests wait for it)</extracomment>
        <translation>已被 %1 于 %2 修改</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Read the record as it is now; what you typed is kept</source>
        <translation>按现在的记录重新载入，您输入的内容保留</translation>
    </message>
</context>
<context>
    <name>ClaimLinesModel</name>
    <message>
        <source>Label</source>
        <translation>标签号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号规格</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Final cause</source>
        <translation>最终原因</translation>
    </message>
    <message>
        <source>Loss cost</source>
        <translation>损失成本</translation>
    </message>
</context>
<context>
    <name>ClaimsButtons</name>
    <message>
        <source>Supplier claims…</source>
        <translation>供应商索赔…</translation>
    </message>
</context>
<context>
    <name>ClaimsMenu</name>
    <message>
        <source>Supplier claims…</source>
        <translation>供应商索赔…</translation>
    </message>
    <message>
        <source>Replacements to ship…</source>
        <translation>换货补发…</translation>
    </message>
    <message>
        <source>Replacements to ship (%1)…</source>
        <translation>换货补发(%1)…</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <source>Claim No.</source>
        <translation>索赔单号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Loss cost</source>
        <translation>损失成本</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>索赔金额</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>接受金额</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>回收金额</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>Credited on</source>
        <translation>回款日期</translation>
    </message>
</context>
<context>
    <name>ClaimsWindow</name>
    <message>
        <source>Supplier claims</source>
        <translation>供应商索赔</translation>
    </message>
    <message>
        <source>Claim no. or supplier, then Enter</source>
        <translation>索赔单号或供应商,按回车</translation>
    </message>
    <message>
        <source>Only open claims</source>
        <translation>只看未结索赔</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <source>New claim…</source>
        <translation>新建索赔…</translation>
    </message>
    <message>
        <source>Amount…</source>
        <translation>修改金额…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Supplier&apos;s answer…</source>
        <translation>供方答复…</translation>
    </message>
    <message>
        <source>Credit…</source>
        <translation>登记回款…</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>打印索赔单…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) · claimed ¥%1 · recovered ¥%2</source>
        <translation>
            <numerusform>%n 张索赔单 · 索赔 ¥%1 · 回收 ¥%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Amount changed: %1</source>
        <translation>金额修改原因: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>说明: %1</translation>
    </message>
    <message>
        <source>Supplier&apos;s reply: %1</source>
        <translation>供方答复: %1</translation>
    </message>
    <message>
        <source>QA, engineering or the manager handle supplier claims</source>
        <translation>供应商索赔由品质部、技术部或总经理办理</translation>
    </message>
    <message>
        <source>Choose the supplier (master data → suppliers)</source>
        <translation>请选择供应商(资料维护 → 供应商)</translation>
    </message>
    <message>
        <source>Claim opened as a draft.</source>
        <translation>索赔单已开立(草稿)。</translation>
    </message>
    <message>
        <source>Amount claimed changed.</source>
        <translation>索赔金额已修改。</translation>
    </message>
    <message>
        <source>Claim sent: print the notice for the supplier.</source>
        <translation>索赔已发出:请打印索赔单给供应商。</translation>
    </message>
    <message>
        <source>Supplier&apos;s answer recorded.</source>
        <translation>供方答复已登记。</translation>
    </message>
    <message>
        <source>Amount recovered recorded: the claim is credited.</source>
        <translation>回收金额已登记,索赔已结。</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存: %1</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Out of warranty: sales&apos; confirmation</source>
        <translation>保外:销售确认</translation>
    </message>
    <message>
        <source>e.g. paid repair, quoted to the customer</source>
        <translation>如:有偿维修,已报价给客户</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>明细行:</translation>
    </message>
    <message>
        <source>Handling:</source>
        <translation>处理意见:</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>The reason stays in the record&apos;s history.</source>
        <translation>原因会保留在记录的修改历史中。</translation>
    </message>
    <message>
        <source>Save with this reason</source>
        <translation>按此原因保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Type the reason first</source>
        <translation>请先填写原因</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>RMA Station ran into a bug. What you were doing may not have been saved. Please copy the details below and send them to whoever looks after the station.</source>
        <translation>客退品处理工作站遇到程序错误,刚才的操作可能未保存。请复制下面的详细信息,发给负责维护本系统的人员。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>CreditDialog</name>
    <message>
        <source>Amount recovered</source>
        <translation>回收金额</translation>
    </message>
    <message>
        <source>Accepted by the supplier:</source>
        <translation>供方接受金额:</translation>
    </message>
    <message>
        <source>Amount recovered (¥):</source>
        <translation>回收金额(¥):</translation>
    </message>
    <message>
        <source>Credit note no.:</source>
        <translation>扣款/赔付单号:</translation>
    </message>
    <message>
        <source>Credited on:</source>
        <translation>回款日期:</translation>
    </message>
</context>
<context>
    <name>DbBanner</name>
    <message>
        <source>The database connection is lost. Retrying…</source>
        <translation>数据库连接中断,正在重试…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message numerus="yes">
        <source>Next attempt in %n s</source>
        <translation>
            <numerusform>%n 秒后重试</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskQuickAdd</name>
    <message>
        <source>New customer…</source>
        <translation>新客户…</translation>
    </message>
    <message>
        <source>This customer is not in the list yet: add it now, the notice stays as typed.</source>
        <translation>此客户尚未登记:现在添加,通知单中已填写的内容保持不变。</translation>
    </message>
    <message>
        <source>New model…</source>
        <translation>新型号…</translation>
    </message>
    <message>
        <source>Add the model “%1” to the list; the line keeps what you typed.</source>
        <translation>将型号“%1”加入资料;该行已填写的内容保持不变。</translation>
    </message>
    <message>
        <source>Customer %1 added.</source>
        <translation>已添加客户 %1。</translation>
    </message>
    <message>
        <source>Model %1 added.</source>
        <translation>已添加型号 %1。</translation>
    </message>
</context>
<context>
    <name>EightDEditor</name>
    <message>
        <source>Actions</source>
        <translation>措施计划</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <source>Mark the chosen action done</source>
        <translation>所选措施已完成</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>效果验证…</translation>
    </message>
    <message>
        <source>Close 8D…</source>
        <translation>关闭8D…</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <source>Language of the printed report</source>
        <translation>打印报告的语言</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Verified by %1 at %2</source>
        <translation>%1 于 %2 验证</translation>
    </message>
    <message>
        <source>Closed by %1 at %2</source>
        <translation>%1 于 %2 关闭</translation>
    </message>
    <message>
        <source>The 8D is closed</source>
        <translation>此8D已关闭</translation>
    </message>
    <message>
        <source>Only QA signs an 8D</source>
        <translation>只有品质部可以签署8D</translation>
    </message>
    <message>
        <source>Reload the 8D to see the other change.</source>
        <translation>请重新打开8D查看对方的修改。</translation>
    </message>
    <message>
        <source>The database cannot be reached; the action is kept.</source>
        <translation>无法连接数据库,操作已保留。</translation>
    </message>
    <message>
        <source>8D saved.</source>
        <translation>8D已保存。</translation>
    </message>
    <message>
        <source>Action added.</source>
        <translation>措施已添加。</translation>
    </message>
    <message>
        <source>Choose an action in the table first.</source>
        <translation>请先在表中选择一项措施。</translation>
    </message>
    <message>
        <source>Action done.</source>
        <translation>措施已完成。</translation>
    </message>
    <message>
        <source>verification of effect (D6)</source>
        <translation>效果验证 (D6)</translation>
    </message>
    <message>
        <source>closure of the 8D (D8)</source>
        <translation>关闭8D (D8)</translation>
    </message>
    <message>
        <source>Verified and signed.</source>
        <translation>已验证并签名。</translation>
    </message>
    <message>
        <source>8D closed and signed.</source>
        <translation>8D已关闭并签名。</translation>
    </message>
    <message>
        <source>Save the 8D report</source>
        <translation>保存8D报告</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存: %1</translation>
    </message>
</context>
<context>
    <name>EightDListModel</name>
    <message>
        <source>8D No.</source>
        <translation>8D编号</translation>
    </message>
    <message>
        <source>RMA No.</source>
        <translation>退货单号</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号规格</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成措施</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>EightDListWindow</name>
    <message>
        <source>8D reports</source>
        <translation>8D报告</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open %1 · overdue %2 · closed %3</source>
        <translation>进行中 %1 · 逾期 %2 · 已关闭 %3</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>&amp;Save</source>
        <extracomment>the entry was saved: its read model</extracomment>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your input is kept and will be saved as soon as the connection is back.</source>
        <translation>无法连接数据库。您的输入已保留,连接恢复后将自动保存。</translation>
    </message>
    <message>
        <source>Press Save again to apply your input over that change.</source>
        <translation>再次按“保存”将以您的输入覆盖该修改。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>RMA Station — database</source>
        <translation>客退品处理工作站 — 数据库</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <source>Choose another database file…</source>
        <translation>选择另一个数据库文件…</translation>
    </message>
    <message>
        <source>Set up a new database</source>
        <translation>新建并设置数据库</translation>
    </message>
    <message>
        <source>Set up this empty database anew</source>
        <translation>重新设置这个空数据库</translation>
    </message>
    <message>
        <source>Work on this database from now on</source>
        <translation>从现在起使用这个数据库</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Restore a backup of the database</source>
        <translation>恢复数据库备份</translation>
    </message>
    <message>
        <source>“%1” is not an RMA Station database.</source>
        <translation>“%1”不是客退品处理工作站的数据库。</translation>
    </message>
    <message>
        <source>Choose a database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <source>Really set up a new, empty database here? The station will no longer look for the database it used before.</source>
        <translation>确定要在这里新建一个空数据库并重新设置吗?工作站将不再寻找以前使用的数据库。</translation>
    </message>
    <message>
        <source>Really work on this database from now on? The station will no longer look for the database it used before.</source>
        <translation>确定从现在起使用这个数据库吗?工作站将不再寻找以前使用的数据库。</translation>
    </message>
    <message>
        <source>Yes, I am sure</source>
        <translation>是的,我确定</translation>
    </message>
</context>
<context>
    <name>FollowUpButtons</name>
    <message>
        <source>8D list…</source>
        <translation>8D 列表…</translation>
    </message>
    <message>
        <source>Liaison notes…</source>
        <translation>联络单…</translation>
    </message>
</context>
<context>
    <name>FollowUpMenu</name>
    <message>
        <source>8D reports…</source>
        <translation>8D 报告…</translation>
    </message>
    <message>
        <source>Liaison notes…</source>
        <translation>联络单…</translation>
    </message>
    <message>
        <source>Lot trace…</source>
        <translation>批次追溯…</translation>
    </message>
</context>
<context>
    <name>HistoryButton</name>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Who changed what, when and where</source>
        <translation>谁在何时何地修改了什么</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>字段:</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Changes of %1</source>
        <translation>%1 的修改记录</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部字段</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 条修改</numerusform>
        </translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存: %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Zoom in (+)</source>
        <translation>放大(+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>缩小(−)</translation>
    </message>
    <message>
        <source>Fit (0)</source>
        <translation>适合窗口(0)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Sheet</source>
        <extracomment>an import was written: its ImportResult (the window refreshes its lists)</extracomment>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Return date</source>
        <translation>退货日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号规格</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>责任判定</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Only the quality and warehouse roles import logs.</source>
        <translation>只有品管和仓库角色可以导入台账。</translation>
    </message>
    <message>
        <source>Import a legacy Excel log</source>
        <translation>导入历史 Excel 台账</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>保存拒收行</translation>
    </message>
    <message>
        <source>Reading %1: row %2 of %3</source>
        <translation>正在读取 %1:第 %2 / %3 行</translation>
    </message>
    <message>
        <source>Cancelled: the file was not read.</source>
        <translation>已取消:未读取文件。</translation>
    </message>
    <message>
        <source>Reading the log</source>
        <translation>正在读取台账</translation>
    </message>
    <message>
        <source>No sheet of %1 has a header row with the known columns (date, customer, model, quantity …).</source>
        <translation>%1 中没有任何工作表含有可识别的表头(日期、客户、型号、数量……)。</translation>
    </message>
    <message>
        <source>Sheets read: %1.</source>
        <translation>已读取工作表:%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n new line(s) will be imported</source>
        <translation>
            <numerusform>将导入 %n 条新明细</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (in %n return(s)).</source>
        <translation>
            <numerusform>,共 %n 张客退单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were imported before and are left out.</source>
        <translation>
            <numerusform>%n 行已导入过,本次跳过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are rejected: see “Rejected rows”, fix them in the rejects workbook and import it.</source>
        <translation>
            <numerusform>%n 行被拒收:请查看“拒收行”,在拒收工作簿中改正后再导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every row of this file was imported before: there is nothing new to import.</source>
        <translation>此文件的所有行都已导入过,没有新的数据可导入。</translation>
    </message>
    <message>
        <source>Choose a return log (.xlsx, .xls or .csv). Nothing is written before you press Import.</source>
        <translation>请选择退货台账(.xlsx、.xls 或 .csv)。按“导入”之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>Return logs (*.xlsx *.xlsm *.xls *.csv)</source>
        <translation>退货台账 (*.xlsx *.xlsm *.xls *.csv)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>imported before</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <source>undecided</source>
        <translation>未判定</translation>
    </message>
    <message>
        <source>Rows to import (%1)</source>
        <translation>待导入行(%1)</translation>
    </message>
    <message>
        <source>Rejected rows (%1)</source>
        <translation>拒收行(%1)</translation>
    </message>
    <message>
        <source> - rejected rows</source>
        <translation> - 拒收行</translation>
    </message>
    <message>
        <source>Rejected rows saved to %1</source>
        <translation>拒收行已保存到 %1</translation>
    </message>
    <message>
        <source>Importing: line %1 of %2</source>
        <translation>正在导入:第 %1 / %2 条</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消:未导入任何数据。</translation>
    </message>
    <message>
        <source>Importing the log</source>
        <translation>正在导入台账</translation>
    </message>
    <message>
        <source>Nothing was imported; the preview is kept. Press Import again when the database is back.</source>
        <translation>未导入任何数据,预览已保留。数据库恢复后请再按“导入”。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>待导入行</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>拒收行</translation>
    </message>
    <message>
        <source>Save &amp;rejected rows…</source>
        <translation>保存拒收行(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>IncomingTab</name>
    <message>
        <source>Waiting for sales or manager</source>
        <translation>等待销售确认或主管批准</translation>
    </message>
    <message>
        <source>Waiting for me: to confirm (sales)</source>
        <translation>待我处理:待销售确认</translation>
    </message>
    <message>
        <source>Waiting for me: to approve</source>
        <translation>待我处理:待批准</translation>
    </message>
    <message>
        <source>All returns</source>
        <translation>全部退货单</translation>
    </message>
    <message>
        <source>Search RMA no., customer, order…</source>
        <translation>搜索 RMA 编号、客户、订单…</translation>
    </message>
    <message numerus="yes">
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n 张退货单</numerusform>
        </translation>
    </message>
    <message>
        <source>the new return</source>
        <translation>新退货单</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Your changes to %1 are not saved. Discard them?</source>
        <translation>对 %1 的修改尚未保存。要放弃这些修改吗?</translation>
    </message>
    <message>
        <source>New return</source>
        <translation>新退货单</translation>
    </message>
    <message>
        <source>Scan each product label (F2) or type the model</source>
        <translation>逐个扫描产品标签(F2)或输入型号</translation>
    </message>
    <message>
        <source>registered by %1</source>
        <translation>由 %1 登记</translation>
    </message>
    <message>
        <source>Confirmed by %1 (sales) at %2</source>
        <translation>%1(销售)于 %2 确认</translation>
    </message>
    <message>
        <source>Not yet confirmed by sales.</source>
        <translation>销售尚未确认。</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>已取消:%1</translation>
    </message>
    <message>
        <source>Approved by %1 at %2</source>
        <translation>%1 于 %2 批准</translation>
    </message>
    <message>
        <source>Not yet approved by the manager.</source>
        <translation>主管尚未批准。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to verify</source>
        <translation>
            <numerusform>%n 行待核对</numerusform>
        </translation>
    </message>
    <message>
        <source>The return is “%1”</source>
        <translation>该退货单当前状态为“%1”</translation>
    </message>
    <message>
        <source>Register the return first</source>
        <translation>请先登记退货</translation>
    </message>
    <message>
        <source>Already registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Waiting for the database to save it</source>
        <translation>正在等待数据库恢复后保存</translation>
    </message>
    <message>
        <source>Sales must confirm first</source>
        <translation>须先由销售确认</translation>
    </message>
    <message>
        <source>Registered %1: print the labels and the notice.</source>
        <translation>已登记 %1:请打印标签和处理通知单。</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your input is kept and will be saved as soon as the connection is back.</source>
        <translation>无法连接数据库。您的输入已保留,连接恢复后将自动保存。</translation>
    </message>
    <message>
        <source>Press F5 to reload; your text stays in the field.</source>
        <translation>按 F5 重新加载;您输入的内容会保留在字段中。</translation>
    </message>
    <message>
        <source>Signed again.</source>
        <translation>已重新签名。</translation>
    </message>
    <message>
        <source>the sales confirmation of %1 (confirm)</source>
        <translation>%1 的销售确认(确认)</translation>
    </message>
    <message>
        <source>Confirmed for sales.</source>
        <translation>销售已确认。</translation>
    </message>
    <message>
        <source>the approval of %1 (approve)</source>
        <translation>%1 的批准(批准)</translation>
    </message>
    <message>
        <source>Approved: the lines go to the QA bench.</source>
        <translation>已批准:各行转到品质检验台。</translation>
    </message>
    <message>
        <source>Cancel return</source>
        <translation>取消退货</translation>
    </message>
    <message>
        <source>Why is %1 cancelled?</source>
        <translation>为什么取消 %1?</translation>
    </message>
    <message>
        <source>Return cancelled.</source>
        <translation>退货已取消。</translation>
    </message>
    <message>
        <source>Printing is not set up at this station yet.</source>
        <translation>本工作站尚未设置打印。</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Save amendment…</source>
        <translation>保存修改…</translation>
    </message>
    <message>
        <source>Discard amendment</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Close return</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Save or discard the amendment first</source>
        <translation>请先保存或放弃修改</translation>
    </message>
    <message>
        <source> (line %1)</source>
        <translation>(第%1行)</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>修改记录:</translation>
    </message>
    <message>
        <source>Amend %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Why is the registered notice amended?</source>
        <translation>为什么修改已登记的通知单?</translation>
    </message>
    <message>
        <source>Amendment saved.</source>
        <translation>修改已保存。</translation>
    </message>
    <message>
        <source>Return %1 closed.</source>
        <translation>退货单 %1 已结案。</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>重新打开 %1</translation>
    </message>
    <message>
        <source>Why is the closed return reopened?</source>
        <translation>为什么重新打开已结案的退货单?</translation>
    </message>
    <message>
        <source>Return reopened.</source>
        <translation>退货单已重新打开。</translation>
    </message>
    <message>
        <source>&amp;New return</source>
        <translation>新建退货(&amp;N)</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Order no.:</source>
        <translation>订单号(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Delivery no.:</source>
        <translation>送货单号(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Invoice no.:</source>
        <translation>发票号(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>收货日期(&amp;R):</translation>
    </message>
    <message>
        <source>Returned goods (scan the product label or type the model)</source>
        <translation>退货明细(扫描产品标签或输入型号)</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>添加一行(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;gister return</source>
        <translation>登记退货(&amp;G)</translation>
    </message>
    <message>
        <source>Arrived b&amp;y:</source>
        <translation>来货方式(&amp;Y):</translation>
    </message>
    <message>
        <source>Isolat&amp;ed at:</source>
        <translation>隔离存放位置(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>紧急程度(&amp;U):</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T):</translation>
    </message>
    <message>
        <source>Remove &amp;line</source>
        <translation>删除此行(&amp;L)</translation>
    </message>
    <message>
        <source>Print la&amp;bels and notice</source>
        <translation>打印标签和处理通知单(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel return…</source>
        <translation>取消退货…</translation>
    </message>
    <message>
        <source>Sales confirmation and approval</source>
        <translation>销售确认与审批</translation>
    </message>
    <message>
        <source>Handling re&amp;quirements:</source>
        <translation>处理要求(&amp;Q):</translation>
    </message>
    <message>
        <source>e.g. exchange under warranty, credit the customer</source>
        <translation>例如:保修期内换货、给客户退款</translation>
    </message>
    <message>
        <source>Con&amp;firm (sales)</source>
        <translation>确认(销售)(&amp;F)</translation>
    </message>
    <message>
        <source>A&amp;pproval note:</source>
        <translation>审批意见(&amp;P):</translation>
    </message>
    <message>
        <source>Approve (&amp;manager)</source>
        <translation>批准(主管)(&amp;M)</translation>
    </message>
</context>
<context>
    <name>InspectionTab</name>
    <message>
        <source>Inspection and decision</source>
        <translation>检验与判定</translation>
    </message>
    <message>
        <source>Awaiting inspection</source>
        <translation>待检验</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>待判定</translation>
    </message>
    <message>
        <source>Search label, model, customer…</source>
        <translation>搜索标签号、型号、客户…</translation>
    </message>
    <message>
        <source>Scan a line label or choose a line</source>
        <translation>扫描退货行标签或从列表中选择</translation>
    </message>
    <message>
        <source>NOT our product</source>
        <translation>非本厂产品</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Inspected by %1 at %2</source>
        <translation>%1 于 %2 检验</translation>
    </message>
    <message>
        <source>Decided by %1 at %2</source>
        <translation>%1 于 %2 判定</translation>
    </message>
    <message>
        <source>8D: %1, due %2 (%3)</source>
        <translation>8D:%1,期限 %2(%3)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>已发送:%1</translation>
    </message>
    <message>
        <source>refund %1 of %2</source>
        <translation>退款 %1(金额 %2)</translation>
    </message>
    <message>
        <source>The line is “%1”</source>
        <translation>该行当前状态为“%1”</translation>
    </message>
    <message>
        <source>No line chosen</source>
        <translation>未选择退货行</translation>
    </message>
    <message>
        <source>Inspect the line first</source>
        <translation>请先检验此行</translation>
    </message>
    <message>
        <source>Inspection saved: the line awaits the decision.</source>
        <translation>检验已保存:此行等待判定。</translation>
    </message>
    <message>
        <source>Decision saved.</source>
        <translation>判定已保存。</translation>
    </message>
    <message>
        <source>the decision on %1 (decide)</source>
        <translation>%1 的最终判定(判定)</translation>
    </message>
    <message>
        <source>8D opened.</source>
        <translation>已发起 8D。</translation>
    </message>
    <message>
        <source>Liaison note sent to sales.</source>
        <translation>联络单已发送给销售。</translation>
    </message>
    <message>
        <source>Amend inspection…</source>
        <translation>修改检验…</translation>
    </message>
    <message>
        <source>Amend decision…</source>
        <translation>修改判定…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Close return</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Amend inspection of %1</source>
        <translation>修改 %1 的检验</translation>
    </message>
    <message>
        <source>Why is the inspection amended?</source>
        <translation>为什么修改检验?</translation>
    </message>
    <message>
        <source>Inspection amended.</source>
        <translation>检验已修改。</translation>
    </message>
    <message>
        <source>Amend decision of %1</source>
        <translation>修改 %1 的判定</translation>
    </message>
    <message>
        <source>Why is the decision amended?</source>
        <translation>为什么修改判定?</translation>
    </message>
    <message>
        <source>Decision amended.</source>
        <translation>判定已修改。</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>重新打开 %1</translation>
    </message>
    <message>
        <source>Why is the line reopened?</source>
        <translation>为什么重新打开此行?</translation>
    </message>
    <message>
        <source>Line reopened.</source>
        <translation>此行已重新打开。</translation>
    </message>
    <message>
        <source>Return %1 closed.</source>
        <translation>退货单 %1 已结案。</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅显示已超期</translation>
    </message>
    <message>
        <source>Returned line</source>
        <translation>退货行</translation>
    </message>
    <message>
        <source>RMA no.:</source>
        <translation>RMA 编号:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户:</translation>
    </message>
    <message>
        <source>Model/spec:</source>
        <translation>型号规格:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量:</translation>
    </message>
    <message>
        <source>Customer&apos;s reason:</source>
        <translation>客户退货原因:</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>来货状态:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>期限:</translation>
    </message>
    <message>
        <source>Reload, keep my input</source>
        <translation>重新加载,保留我的输入</translation>
    </message>
    <message>
        <source>QA inspection</source>
        <translation>品质检验</translation>
    </message>
    <message>
        <source>&amp;Findings:</source>
        <translation>检验结果(&amp;F):</translation>
    </message>
    <message>
        <source>What the inspection found</source>
        <translation>检验发现的情况</translation>
    </message>
    <message>
        <source>Preliminary &amp;opinion:</source>
        <translation>初步意见(&amp;O):</translation>
    </message>
    <message>
        <source>Defect cate&amp;gory:</source>
        <translation>不良类别(&amp;G):</translation>
    </message>
    <message>
        <source>Sav&amp;e inspection</source>
        <translation>保存检验(&amp;E)</translation>
    </message>
    <message>
        <source>Engineering decision</source>
        <translation>技术部判定</translation>
    </message>
    <message>
        <source>Final &amp;cause:</source>
        <translation>最终原因(&amp;C):</translation>
    </message>
    <message>
        <source>Cause within our responsibility</source>
        <translation>本厂责任范围内的原因</translation>
    </message>
    <message>
        <source>&amp;Liability:</source>
        <translation>责任判定(&amp;L):</translation>
    </message>
    <message>
        <source>Type the digit 1–9 to choose</source>
        <translation>输入数字 1–9 选择</translation>
    </message>
    <message>
        <source>D&amp;isposition:</source>
        <translation>产品处置(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Refund ratio:</source>
        <translation>退款比例(&amp;R):</translation>
    </message>
    <message>
        <source>0–100 %</source>
        <translation>0–100 %</translation>
    </message>
    <message>
        <source>Serious problem (analysis meeting, 8D)</source>
        <translation>严重问题(召开分析会,8D)</translation>
    </message>
    <message>
        <source>Save &amp;decision</source>
        <translation>保存判定(&amp;D)</translation>
    </message>
    <message>
        <source>8D corrective action (serious problems)</source>
        <translation>8D 纠正措施(严重问题)</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W):</translation>
    </message>
    <message>
        <source>Due b&amp;y:</source>
        <translation>完成期限(&amp;Y):</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>问题描述:</translation>
    </message>
    <message>
        <source>Containment:</source>
        <translation>临时措施:</translation>
    </message>
    <message>
        <source>Root cause:</source>
        <translation>根本原因:</translation>
    </message>
    <message>
        <source>Corrective action:</source>
        <translation>纠正措施:</translation>
    </message>
    <message>
        <source>Preventive action:</source>
        <translation>预防措施:</translation>
    </message>
    <message>
        <source>Open &amp;8D</source>
        <translation>发起 8D(&amp;8)</translation>
    </message>
    <message>
        <source>Liaison note to sales</source>
        <translation>给销售的联络单</translation>
    </message>
    <message>
        <source>Reaso&amp;n:</source>
        <translation>原因(&amp;N):</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>内容(&amp;X):</translation>
    </message>
    <message>
        <source>Send liaison no&amp;te</source>
        <translation>发送联络单(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source> — was waiting for the database</source>
        <translation>——曾在等待数据库</translation>
    </message>
    <message>
        <source>Unsaved input</source>
        <translation>未保存的输入</translation>
    </message>
    <message>
        <source>Unsaved input from the last session was found:</source>
        <translation>上次未保存的输入:</translation>
    </message>
    <message>
        <source>Restore it into the forms? (No discards it.)</source>
        <translation>恢复到表单中吗?(选“否”则丢弃。)</translation>
    </message>
</context>
<context>
    <name>LabelsTab</name>
    <message>
        <source>RMA number or scanned label</source>
        <translation>客退单号或扫描标签</translation>
    </message>
    <message>
        <source>Line labels</source>
        <translation>明细标签</translation>
    </message>
    <message>
        <source>Handling notice</source>
        <translation>客退品处理通知单</translation>
    </message>
    <message>
        <source>Analysis and handling form</source>
        <translation>客退品分析处理单</translation>
    </message>
    <message>
        <source>Liaison note to sales</source>
        <translation>给销售的联络单</translation>
    </message>
    <message>
        <source>Rework order</source>
        <translation>返工单</translation>
    </message>
    <message>
        <source>One label per page (label printer)</source>
        <translation>每页一张(标签打印机)</translation>
    </message>
    <message>
        <source>Several per A4 sheet</source>
        <translation>A4 纸多张</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) ready.</source>
        <translation>
            <numerusform>已生成 %n 页。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>已将 %n 页发送到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines to print:</source>
        <translation>要打印的明细:</translation>
    </message>
    <message>
        <source>&amp;Return:</source>
        <translation>客退单(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Pr&amp;int:</source>
        <translation>打印(&amp;I):</translation>
    </message>
    <message>
        <source>Label si&amp;ze:</source>
        <translation>标签尺寸(&amp;Z):</translation>
    </message>
    <message>
        <source>Printer r&amp;esolution:</source>
        <translation>打印机分辨率(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>排版(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Batch: labels of every return received on</source>
        <translation>批量:打印此日收到的全部客退品标签</translation>
    </message>
    <message>
        <source>Print the day&apos;s labels</source>
        <translation>打印当日标签</translation>
    </message>
    <message>
        <source>No return %1.</source>
        <translation>没有客退单 %1。</translation>
    </message>
    <message>
        <source>Tick at least one line.</source>
        <translation>请至少勾选一条明细。</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Labels and handling notice of %1: %2</source>
        <translation>%1 的标签和处理通知单:%2</translation>
    </message>
    <message>
        <source>No returns were received on %1.</source>
        <translation>%1 没有收到客退品。</translation>
    </message>
    <message>
        <source>%1 labels written to %2</source>
        <translation>%1 张标签已写入 %2</translation>
    </message>
    <message>
        <source>Batch labels</source>
        <translation>批量标签</translation>
    </message>
</context>
<context>
    <name>LabourModel</name>
    <message>
        <source>Worker</source>
        <translation>作业人员</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Rate/hour</source>
        <translation>小时工资率</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
</context>
<context>
    <name>LiaisonModel</name>
    <message>
        <source>RMA No.</source>
        <translation>退货单号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>发出人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待签收</translation>
    </message>
</context>
<context>
    <name>LiaisonQueueWindow</name>
    <message>
        <source>Liaison notes</source>
        <translation>联络单</translation>
    </message>
    <message>
        <source>Liaison notes of the return</source>
        <translation>本退货单的联络单</translation>
    </message>
    <message>
        <source>Only notes waiting for sales</source>
        <translation>只显示待营销部签收的</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>签收…</translation>
    </message>
    <message>
        <source>Print note…</source>
        <translation>打印联络单…</translation>
    </message>
    <message>
        <source>Waiting %1 · overdue %2</source>
        <translation>待签收 %1 · 逾期 %2</translation>
    </message>
    <message>
        <source>Sales acknowledges liaison notes</source>
        <translation>联络单由营销部签收</translation>
    </message>
    <message>
        <source>Acknowledged with your reply.</source>
        <translation>已签收并答复。</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存: %1</translation>
    </message>
</context>
<context>
    <name>LineQueueModel</name>
    <message>
        <source>Label</source>
        <translation>标签号</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Model/spec</source>
        <translation>型号规格</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Customer&apos;s reason</source>
        <translation>客户退货原因</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>产品处置</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>责任判定</translation>
    </message>
    <message numerus="yes">
        <source>Overdue: due %1, %n day(s) late</source>
        <translation>
            <numerusform>已超期:期限 %1,已超 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <source>Import a %1 list from Excel</source>
        <extracomment>the list was imported (committed): the ListImportResult</extracomment>
        <translation>从Excel导入%1清单</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Save &amp;rejects…</source>
        <translation>保存拒收行(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Save rejects</source>
        <translation>保存拒收行</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1……</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1……</translation>
    </message>
    <message>
        <source>Choose a workbook: columns are found by their header names (e.g. 客户名称, 型号规格, 单价, 保修期(月), 条码, 供应商).</source>
        <translation>请选择工作簿:按表头名称识别各列(如 客户名称、型号规格、单价、保修期(月)、条码、供应商)。</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>%n entries</source>
        <translation>共 %n 条</translation>
    </message>
    <message>
        <source>Choose an entry in the list first</source>
        <translation>请先在列表中选择一条记录</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>重新启用(&amp;R)</translation>
    </message>
    <message>
        <source>Code, name, contact…</source>
        <translation>编码、名称、联系人……</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Log-in cancelled: a new password must be chosen first.</source>
        <translation>已取消登录:须先设置新密码。</translation>
    </message>
    <message>
        <source>Log in — RMA Station</source>
        <translation>登录 — 客退品处理工作站</translation>
    </message>
    <message>
        <source>Customer Returns Station</source>
        <translation>客退品处理工作站</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P):</translation>
    </message>
</context>
<context>
    <name>LotTraceDialog</name>
    <message>
        <source>Lot trace</source>
        <translation>批次追溯</translation>
    </message>
    <message>
        <source>&amp;Lot no.:</source>
        <translation>批次号(&amp;L):</translation>
    </message>
    <message>
        <source>Type or scan a lot number (or its beginning)</source>
        <translation>输入或扫描批次号(或其开头)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), the newest %1 shown</source>
        <translation>
            <numerusform>共 %n 行,显示最新 %1 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a lot number first.</source>
        <translation>请先输入批次号。</translation>
    </message>
    <message>
        <source>No line of lot %1.</source>
        <translation>没有批次 %1 的退货行。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>RMA Station — customer returns</source>
        <translation>客退品处理工作站</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>工作站(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>&amp;Import a legacy Excel log…</source>
        <translation>导入历史 Excel 台账(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Master data…</source>
        <translation>资料维护(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Scan a label</source>
        <translation>扫描标签(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh lists</source>
        <translation>刷新列表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About RMA Station</source>
        <translation>关于客退品处理工作站(&amp;A)</translation>
    </message>
    <message>
        <source>Incoming returns</source>
        <extracomment>the user asked to log in as someone else (the application opens the log-in again)</extracomment>
        <translation>来货登记</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检验判定</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>返工记录</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>责任统计</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签打印</translation>
    </message>
    <message>
        <source>%1 is “%2”: a step for %3.</source>
        <translation>%1 当前为“%2”:这一步由%3处理。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Product %1 added.</source>
        <translation>已添加产品 %1。</translation>
    </message>
    <message>
        <source>%1 is a product label: scan it at the receiving desk.</source>
        <translation>%1 是产品标签:请在仓库收货台扫描。</translation>
    </message>
    <message>
        <source>Unknown code: %1</source>
        <translation>无法识别的条码:%1</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>NOT reachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Database: %1 (%2)</source>
        <translation>数据库:%1(%2)</translation>
    </message>
    <message>
        <source>Only the quality and warehouse roles import logs.</source>
        <translation>只有品管和仓库角色可以导入台账。</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>扫描:</translation>
    </message>
    <message>
        <source>DEMO DATA — not for real work</source>
        <translation>演示数据 — 不可用于正式工作</translation>
    </message>
    <message>
        <source>Scan or type a label, then Enter (F2)</source>
        <translation>扫描或输入标签号,然后按回车(F2)</translation>
    </message>
    <message>
        <source>Line labels open the line where its next step is; product labels add a line at the receiving desk.</source>
        <translation>退货行标签会打开该行下一步所在的页面;产品标签会在收货台添加一行。</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>用户:%1(%2)</translation>
    </message>
    <message>
        <source>Station: %1</source>
        <translation>工作站:%1</translation>
    </message>
    <message>
        <source>receiving desk</source>
        <translation>仓库收货台</translation>
    </message>
    <message>
        <source>QA bench</source>
        <translation>品质检验台</translation>
    </message>
    <message>
        <source>rework</source>
        <translation>生产返工</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>报表统计</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The new database is used from the next start of the station.</source>
        <translation>新的数据库将在工作站下次启动时使用。</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>About RMA Station</source>
        <translation>关于客退品处理工作站</translation>
    </message>
    <message>
        <source>RMA Station — customer returns from receipt to inspection, rework, re-inspection and statistics.</source>
        <translation>客退品处理工作站 — 客户退货从收货、检验、返工、复检到统计的全过程管理。</translation>
    </message>
</context>
<context>
    <name>MasterDataPage</name>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S):</translation>
    </message>
    <message>
        <source>Show &amp;inactive</source>
        <translation>显示已停用(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>From E&amp;xcel…</source>
        <translation>从Excel导入(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>MasterDataWindow</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品型号</translation>
    </message>
    <message>
        <source>Defect categories</source>
        <translation>不良类别</translation>
    </message>
    <message>
        <source>Storage locations</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Shared settings</source>
        <translation>共享设置</translation>
    </message>
    <message>
        <source>Master data — RMA Station</source>
        <translation>资料维护 — 客退品处理工作站</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <source>Code</source>
        <translation>物料编码</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
</context>
<context>
    <name>MoveToServerDialog</name>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Testing the server…</source>
        <translation>正在测试服务器……</translation>
    </message>
    <message>
        <source>Ready: an empty database at this station&apos;s schema.</source>
        <translation>可以迁移:空数据库,结构版本与本工作站一致。</translation>
    </message>
    <message>
        <source>Ready: the database has no tables yet; the copy creates them first.</source>
        <translation>可以迁移:该数据库还没有表,迁移时会先创建。</translation>
    </message>
    <message numerus="yes">
        <source>This database is not empty: table %1 holds %n row(s). The data can only be copied into an empty database.</source>
        <translation>
            <numerusform>该数据库不是空的:表 %1 已有 %n 行。只能迁移到空数据库。</numerusform>
        </translation>
    </message>
    <message>
        <source>This database is at schema %1, not this station&apos;s: run rma-station db upgrade against it first.</source>
        <translation>该数据库的结构版本为 %1,与本工作站不同:请先对它运行 rma-station db upgrade。</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>正在复制……</translation>
    </message>
    <message>
        <source>Copying this station&apos;s data to the server…</source>
        <translation>正在把本工作站的数据复制到服务器……</translation>
    </message>
    <message>
        <source>Copied and verified: %1 rows in %2 tables, row counts and checksums equal. Use the server for this station now?</source>
        <translation>已复制并校验:%2 个表共 %1 行,行数和校验和全部一致。现在让本工作站改用服务器吗?</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed on the server.</source>
        <translation>已取消:服务器上没有任何更改。</translation>
    </message>
    <message>
        <source>Move this station&apos;s data to a server</source>
        <translation>将本工作站的数据迁移到服务器</translation>
    </message>
    <message>
        <source>Copies everything of this station — returns, users, counters and the audit trail — into an empty server database in one transaction, then checks every table (row counts and checksums). Nothing here is changed. A server database that has no tables yet gets them first.</source>
        <translation>在一个事务中把本工作站的全部数据(退货单、用户、编号计数器和审计记录)复制到空的服务器数据库,然后逐表校验(行数和校验和)。本机数据不作任何更改。服务器数据库还没有表时,会先创建。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy to the server</source>
        <translation>复制到服务器(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Use the server for this station</source>
        <translation>本工作站改用服务器(&amp;U)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NewClaimDialog</name>
    <message>
        <source>New supplier claim</source>
        <translation>新建供应商索赔</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商:</translation>
    </message>
    <message>
        <source>Lines of liability 2 (supplier):</source>
        <translation>责任代号2(供方)的明细:</translation>
    </message>
    <message>
        <source>Note to the supplier:</source>
        <translation>致供应商说明:</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), loss cost ¥%1</source>
        <translation>
            <numerusform>%n 行,损失成本 ¥%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutstandingModel</name>
    <message>
        <source>Label</source>
        <translation>标签号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号规格</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>产品处置</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>应发</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收货日期</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>loading…</source>
        <extracomment>every text a column of code names can show, in a language (its width is measured from these, not from the cells); None for free text how many rows the list holds in all (counted by the database), after each reload a read started (True) or every read ended (False): the view may say so</extracomment>
        <translation>读取中…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password — RMA Station</source>
        <translation>修改密码 — 客退品处理工作站</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>再次输入新密码(&amp;R):</translation>
    </message>
    <message>
        <source>At least 8 characters, not the user name, not a common password.</source>
        <translation>至少8个字符,不能与用户名相同,不能是常见密码。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>PendingTab</name>
    <message>
        <source>Not yet available in this version.</source>
        <translation>此版本尚未提供该功能。</translation>
    </message>
</context>
<context>
    <name>QueueTitles</name>
    <message>
        <source>To register</source>
        <translation>收货待登记</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>待销售确认</translation>
    </message>
    <message>
        <source>To approve</source>
        <translation>待批准</translation>
    </message>
    <message>
        <source>To inspect</source>
        <translation>待检验</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>待判定</translation>
    </message>
    <message>
        <source>To rework</source>
        <translation>待返工</translation>
    </message>
    <message>
        <source>To re-inspect</source>
        <translation>待复检</translation>
    </message>
    <message>
        <source>To close</source>
        <translation>待结案</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(%1 late)</source>
        <translation>(逾期 %1)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>New: %1</source>
        <translation>新增%1</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>修改%1</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Model, name or barcode…</source>
        <translation>型号、品名或条码……</translation>
    </message>
    <message>
        <source>Code or name…</source>
        <translation>编码或名称……</translation>
    </message>
    <message>
        <source>Code, name or note…</source>
        <translation>编码、名称或说明……</translation>
    </message>
    <message>
        <source>Code, name, contact…</source>
        <translation>编码、名称、联系人……</translation>
    </message>
    <message>
        <source>Reactivated.</source>
        <translation>已重新启用。</translation>
    </message>
    <message>
        <source>Deactivated: it no longer appears in the pick lists; returns that name it keep it.</source>
        <translation>已停用:不再出现在选择列表中;已引用它的退货单保持不变。</translation>
    </message>
    <message>
        <source>Press F5 to reload.</source>
        <translation>请按 F5 刷新。</translation>
    </message>
</context>
<context>
    <name>RelatedDialog</name>
    <message numerus="yes">
        <source>%n line(s), the newest %1 shown</source>
        <translation>
            <numerusform>共 %n 行,显示最新 %1 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Same model and lot</source>
        <translation>同型号与同批次</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Other returns of lot %1 (%2): %3</source>
        <translation>批次 %1 (%2) 的其他退货: %3</translation>
    </message>
    <message>
        <source>This line carries no lot number.</source>
        <translation>本行没有批次号。</translation>
    </message>
    <message>
        <source>Other returns of model %1: %2</source>
        <translation>型号 %1 的其他退货: %2</translation>
    </message>
</context>
<context>
    <name>ReplacementsWindow</name>
    <message>
        <source>Replacements to ship</source>
        <translation>待换货补发</translation>
    </message>
    <message>
        <source>Show shipped lines too</source>
        <translation>显示已发完的明细</translation>
    </message>
    <message>
        <source>Record shipment…</source>
        <translation>登记发货…</translation>
    </message>
    <message numerus="yes">
        <source>Outstanding: %n line(s)</source>
        <translation>
            <numerusform>待发: %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Sales or the warehouse record shipments</source>
        <translation>发货由销售或仓库登记</translation>
    </message>
    <message>
        <source>Shipped %1 on %2, delivery note %3</source>
        <translation>%2 已发 %1,送货单 %3</translation>
    </message>
    <message>
        <source>Shipment recorded.</source>
        <translation>发货已登记。</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Acknowledge the liaison note</source>
        <translation>签收联络单</translation>
    </message>
    <message>
        <source>Your reply: what sales does with the customer</source>
        <translation>答复:营销部如何与客户处理</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M):</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>Export &amp;returns…</source>
        <translation>导出退货明细(&amp;R)…</translation>
    </message>
    <message>
        <source>The monthly statistics as a workbook with charts</source>
        <translation>月统计表导出为带图表的 Excel 工作簿</translation>
    </message>
    <message>
        <source>The monthly statistics on A4 for the distribution list</source>
        <translation>月统计表导出为 A4 PDF,供分发</translation>
    </message>
    <message>
        <source>Return lines</source>
        <translation>退货明细</translation>
    </message>
    <message>
        <source>Every line received in these days, with its return, decision and costs, as a workbook</source>
        <translation>这段日期内收到的每条明细,连同客退单、判定和费用,导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Returns</source>
        <extracomment>a month&apos;s figures are in the cards, tables and charts (the charts laid out)</extracomment>
        <translation>客退单</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>External loss cost</source>
        <translation>外部损失成本</translation>
    </message>
    <message>
        <source>8D opened / closed / overdue</source>
        <translation>8D 开立 / 关闭 / 逾期</translation>
    </message>
    <message>
        <source>Supplier claims: claimed / recovered</source>
        <translation>供应商索赔: 索赔 / 回收</translation>
    </message>
    <message>
        <source>By liability</source>
        <translation>按责任</translation>
    </message>
    <message>
        <source>By cause</source>
        <translation>按原因</translation>
    </message>
    <message>
        <source>By customer</source>
        <translation>按客户</translation>
    </message>
    <message>
        <source>By model</source>
        <translation>按型号</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>柏拉图</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Liability codes</source>
        <translation>责任代码</translation>
    </message>
    <message>
        <source>Top lots</source>
        <translation>批次排行</translation>
    </message>
    <message>
        <source>Pareto of causes</source>
        <translation>原因柏拉图</translation>
    </message>
    <message>
        <source>Cost by liability</source>
        <translation>按责任的损失成本</translation>
    </message>
    <message>
        <source>13-month trend</source>
        <translation>13 个月趋势</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>责任判定</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号规格</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Model · lot</source>
        <translation>型号 · 批次</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>物料编码</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Reading…</source>
        <extracomment>the day the tab opens on (tests pin it)</extracomment>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Could not read the figures</source>
        <translation>无法读取统计数据</translation>
    </message>
    <message>
        <source>Monthly statistics</source>
        <translation>顾客退货月统计表</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) not analysed yet are left out of the Pareto.</source>
        <translation>
            <numerusform>另有 %n 条尚未分析的明细未计入柏拉图。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rework materials</source>
        <translation>返工材料费</translation>
    </message>
    <message>
        <source>Rework labour</source>
        <translation>返工工时费</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>其它费用</translation>
    </message>
    <message>
        <source>Scrapped value</source>
        <translation>报废价值</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>累计 %</translation>
    </message>
    <message>
        <source>External loss cost by liability (¥)</source>
        <translation>按责任的外部损失成本(¥)</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>未判定</translation>
    </message>
    <message>
        <source>Liability code</source>
        <translation>责任代码</translation>
    </message>
    <message>
        <source>Amount, refunds and external loss cost by month (¥)</source>
        <translation>各月退货金额、退款和外部损失成本(¥)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>已取消:未保存任何内容。</translation>
    </message>
    <message>
        <source>Save the monthly statistics workbook</source>
        <translation>保存月统计表工作簿</translation>
    </message>
    <message>
        <source>Customer returns %1.xlsx</source>
        <translation>顾客退货月统计表 %1.xlsx</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取统计数据…</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入工作簿…</translation>
    </message>
    <message>
        <source>Monthly statistics workbook</source>
        <translation>月统计表工作簿</translation>
    </message>
    <message>
        <source>Save the monthly statistics report</source>
        <translation>保存月统计报告</translation>
    </message>
    <message>
        <source>Customer returns %1.pdf</source>
        <translation>顾客退货月统计表 %1.pdf</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <source>Monthly statistics report</source>
        <translation>月统计报告</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Export the return lines</source>
        <translation>导出退货明细</translation>
    </message>
    <message>
        <source>Return lines %1 to %2.xlsx</source>
        <translation>退货明细 %1 至 %2.xlsx</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 / %2 条明细</translation>
    </message>
    <message>
        <source>Exporting return lines</source>
        <translation>正在导出退货明细</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password — RMA Station</source>
        <translation>重置密码 — 客退品处理工作站</translation>
    </message>
    <message>
        <source>New password for %1. They must change it at their next log-in.</source>
        <translation>为 %1 设置新密码。该用户下次登录时须修改密码。</translation>
    </message>
</context>
<context>
    <name>ReturnLinesModel</name>
    <message>
        <source>Label</source>
        <translation>标签号</translation>
    </message>
    <message>
        <source>Model/spec (scan or type)</source>
        <translation>型号规格(扫描或输入)</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Mfg date</source>
        <translation>出厂日期</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>通知数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>清点数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Customer&apos;s reason</source>
        <translation>客户退货原因</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>本厂产品</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Counted %1, nothing announced: please verify</source>
        <translation>清点 %1,客户未通知数量:请核实</translation>
    </message>
    <message>
        <source>Counted %1, announced %2: please verify</source>
        <translation>清点 %1,通知 %2:请核对</translation>
    </message>
    <message>
        <source>List price %1</source>
        <translation>价目表单价 %1</translation>
    </message>
</context>
<context>
    <name>ReturnListModel</name>
    <message>
        <source>RMA no.</source>
        <translation>RMA 编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>来货方式</translation>
    </message>
</context>
<context>
    <name>ReworkTab</name>
    <message>
        <source>Rework and re-inspection</source>
        <translation>返工与复检</translation>
    </message>
    <message>
        <source>In rework</source>
        <translation>返工中</translation>
    </message>
    <message>
        <source>Awaiting re-inspection</source>
        <translation>待复检</translation>
    </message>
    <message>
        <source>Search label, model, customer…</source>
        <translation>搜索标签号、型号、客户…</translation>
    </message>
    <message>
        <source>Scan a line label or choose a line</source>
        <translation>扫描退货行标签或从列表中选择</translation>
    </message>
    <message>
        <source>planned %1 by %2</source>
        <translation>%2 计划于 %1</translation>
    </message>
    <message>
        <source>not planned yet</source>
        <translation>尚未计划</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Return %1 is closed.</source>
        <translation>退货单 %1 已结案。</translation>
    </message>
    <message>
        <source>All %1 lines of %2 are done: the return can be closed.</source>
        <translation>%2 的全部 %1 行已完成:可以结案。</translation>
    </message>
    <message>
        <source>%1 of %2 lines of %3 are done.</source>
        <translation>%3 共 %2 行,已完成 %1 行。</translation>
    </message>
    <message>
        <source>Materials %1 + Labour %2 (%3 h) + Other %4 = %5</source>
        <translation>材料 %1 + 人工 %2(%3 小时)+ 其他 %4 = %5</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>The line is “%1”</source>
        <translation>该行当前状态为“%1”</translation>
    </message>
    <message>
        <source>No line chosen</source>
        <translation>未选择退货行</translation>
    </message>
    <message>
        <source>Finish the rework first</source>
        <translation>请先完成返工</translation>
    </message>
    <message>
        <source>Every line of the return must be done first</source>
        <translation>退货单的每一行都必须先完成</translation>
    </message>
    <message>
        <source>Plan saved.</source>
        <translation>计划已保存。</translation>
    </message>
    <message>
        <source>Materials and labour saved.</source>
        <translation>材料和工时已保存。</translation>
    </message>
    <message>
        <source>Rework finished: the line awaits re-inspection.</source>
        <translation>返工完成:此行等待复检。</translation>
    </message>
    <message>
        <source>Re-inspection saved: the line is done.</source>
        <translation>复检已保存:此行已完成。</translation>
    </message>
    <message>
        <source>the release of %1 after re-inspection (release)</source>
        <translation>%1 复检后放行(放行)</translation>
    </message>
    <message>
        <source>Return %1 closed.</source>
        <translation>退货单 %1 已结案。</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Save amendment…</source>
        <translation>保存修改…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Save the amendment first</source>
        <translation>请先保存修改</translation>
    </message>
    <message>
        <source>Amend rework of %1</source>
        <translation>修改 %1 的返工记录</translation>
    </message>
    <message>
        <source>Why are the rework records amended?</source>
        <translation>为什么修改返工记录?</translation>
    </message>
    <message>
        <source>Rework amended.</source>
        <translation>返工记录已修改。</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>重新打开 %1</translation>
    </message>
    <message>
        <source>Why is the line reopened?</source>
        <translation>为什么重新打开此行?</translation>
    </message>
    <message>
        <source>Line reopened.</source>
        <translation>此行已重新打开。</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅显示已超期</translation>
    </message>
    <message>
        <source>Line to rework</source>
        <translation>返工行</translation>
    </message>
    <message>
        <source>RMA no.:</source>
        <translation>RMA 编号:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户:</translation>
    </message>
    <message>
        <source>Model/spec:</source>
        <translation>型号规格:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量:</translation>
    </message>
    <message>
        <source>Disposition:</source>
        <translation>产品处置:</translation>
    </message>
    <message>
        <source>Liability:</source>
        <translation>责任判定:</translation>
    </message>
    <message>
        <source>Final cause:</source>
        <translation>最终原因:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>期限:</translation>
    </message>
    <message>
        <source>Reload, keep my input</source>
        <translation>重新加载,保留我的输入</translation>
    </message>
    <message>
        <source>Rework plan (within 2 days)</source>
        <translation>返工计划(2 天内)</translation>
    </message>
    <message>
        <source>&amp;Planned for:</source>
        <translation>计划日期(&amp;P):</translation>
    </message>
    <message>
        <source>Rework &amp;quantity:</source>
        <translation>返工数量(&amp;Q):</translation>
    </message>
    <message>
        <source>Save p&amp;lan</source>
        <translation>保存计划(&amp;L)</translation>
    </message>
    <message>
        <source>Materials and labour hours (external loss cost)</source>
        <translation>材料和工时(外部质量损失成本)</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Add material</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>人工</translation>
    </message>
    <message>
        <source>Add worker</source>
        <translation>添加作业人员</translation>
    </message>
    <message>
        <source>&amp;Other costs:</source>
        <translation>其他费用(&amp;O):</translation>
    </message>
    <message>
        <source>Save &amp;costs</source>
        <translation>保存费用(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Finish rework</source>
        <translation>完成返工(&amp;F)</translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation>复检</translation>
    </message>
    <message>
        <source>Qu&amp;alified:</source>
        <translation>合格数(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Unqualified:</source>
        <translation>不合格数(&amp;U):</translation>
    </message>
    <message>
        <source>Scrappe&amp;d:</source>
        <translation>报废数(&amp;D):</translation>
    </message>
    <message>
        <source>Save re-inspec&amp;tion</source>
        <translation>保存复检(&amp;T)</translation>
    </message>
    <message>
        <source>Close the return</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Close &amp;return</source>
        <translation>结案(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Only an administrator or a manager may change the shared settings.</source>
        <translation>只有系统管理员或主管可以修改共享设置。</translation>
    </message>
    <message>
        <source>Warehouse receiving</source>
        <translation>仓库收货</translation>
    </message>
    <message>
        <source>QA inspection</source>
        <translation>品质检验</translation>
    </message>
    <message>
        <source>Production rework</source>
        <translation>生产返工</translation>
    </message>
    <message>
        <source>Reports and statistics</source>
        <translation>报表统计</translation>
    </message>
    <message>
        <source>Printing slips and labels</source>
        <translation>打印单据和标签</translation>
    </message>
    <message>
        <source>PDF file (no printer)</source>
        <translation>PDF 文件(不用打印机)</translation>
    </message>
    <message>
        <source>Not a database address: write e.g. postgresql+psycopg://user@server/rma, or leave it empty for the embedded database</source>
        <translation>不是有效的数据库地址:请填写如 postgresql+psycopg://user@server/rma,或留空使用内置数据库</translation>
    </message>
    <message>
        <source>Every controlled form needs its form number and revision: %1</source>
        <translation>每张受控表单都必须填写编号和版次:%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Testing the database connection…</source>
        <translation>正在测试数据库连接…</translation>
    </message>
    <message>
        <source>Connected: the database answers.</source>
        <translation>连接成功:数据库有响应。</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接:%1</translation>
    </message>
    <message>
        <source>The data is on the server now: OK saves its address, and the station uses it from the next start.</source>
        <translation>数据已在服务器上:按“确定”保存其地址,工作站下次启动时使用它。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D):</translation>
    </message>
    <message>
        <source>empty = the embedded database on this computer</source>
        <translation>留空 = 使用本机内置数据库</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Station &amp;role:</source>
        <translation>工作站用途(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L):</translation>
    </message>
    <message>
        <source>Label &amp;printer:</source>
        <translation>标签打印机(&amp;P):</translation>
    </message>
    <message>
        <source>Label &amp;size:</source>
        <translation>标签尺寸(&amp;S):</translation>
    </message>
    <message>
        <source>Printer r&amp;esolution:</source>
        <translation>打印机分辨率(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Move this station&apos;s data to a server…</source>
        <translation>将本工作站的数据迁移到服务器(&amp;M)…</translation>
    </message>
    <message>
        <source>Shared by all stations</source>
        <translation>所有工作站共用</translation>
    </message>
    <message>
        <source>&amp;Hourly labour rate (yuan):</source>
        <translation>小时工资率(元)(&amp;H):</translation>
    </message>
    <message>
        <source>e.g. 35.50</source>
        <translation>例如 35.50</translation>
    </message>
    <message>
        <source>Controlled form</source>
        <translation>受控表单</translation>
    </message>
    <message>
        <source>Form No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版次</translation>
    </message>
    <message>
        <source>Return handling notice</source>
        <translation>客退品处理通知单</translation>
    </message>
    <message>
        <source>Return analysis and handling form</source>
        <translation>退货分析处理单</translation>
    </message>
    <message>
        <source>Liaison note</source>
        <translation>联络单</translation>
    </message>
    <message>
        <source>Rework and re-inspection record</source>
        <translation>返工及复检记录单</translation>
    </message>
    <message>
        <source>These values are kept in the database and apply to every station.</source>
        <translation>这些设置保存在数据库中,对所有工作站生效。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>handling notice</source>
        <translation>处理通知单</translation>
    </message>
    <message>
        <source>analysis form</source>
        <translation>退货分析处理单</translation>
    </message>
    <message>
        <source>liaison note</source>
        <translation>联络单</translation>
    </message>
    <message>
        <source>rework record</source>
        <translation>返工记录</translation>
    </message>
    <message>
        <source>Labour rate (yuan per hour):</source>
        <translation>小时工资率(元/小时):</translation>
    </message>
    <message>
        <source>Company name on the forms:</source>
        <translation>表单上的公司名称:</translation>
    </message>
    <message>
        <source>Form number, %1:</source>
        <translation>表单编号,%1:</translation>
    </message>
    <message>
        <source>Revision, %1:</source>
        <translation>版次,%1:</translation>
    </message>
    <message>
        <source>These values are kept in the database and apply to every station.</source>
        <translation>这些设置保存在数据库中,对所有工作站生效。</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <source>Settings saved for every station.</source>
        <translation>设置已保存,对所有工作站生效。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Handling notice (客退品处理通知单)</source>
        <translation>客退品处理通知单</translation>
    </message>
    <message>
        <source>Analysis form (退货分析处理单)</source>
        <translation>退货分析处理单</translation>
    </message>
    <message>
        <source>Liaison note (联络单)</source>
        <translation>联络单</translation>
    </message>
    <message>
        <source>Rework order (返工单)</source>
        <translation>返工单</translation>
    </message>
    <message>
        <source>Monthly statistics (顾客退货月统计表)</source>
        <translation>顾客退货月统计表</translation>
    </message>
    <message>
        <source>Form No. (编号)</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Rev. (版次)</source>
        <translation>版次</translation>
    </message>
    <message>
        <source>Warehouse receiving</source>
        <translation>仓库收货</translation>
    </message>
    <message>
        <source>QA inspection</source>
        <translation>品质检验</translation>
    </message>
    <message>
        <source>Production rework</source>
        <translation>生产返工</translation>
    </message>
    <message>
        <source>Reports and statistics</source>
        <translation>报表统计</translation>
    </message>
    <message>
        <source>Printing slips and labels</source>
        <translation>打印单据和标签</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库:%1</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Fill this database with demo data?

Invented customers, products and a year of returns, and the users admin, wh, sales, mgr, qa, eng and pmc with the password 1234 (to be changed at the first log-in). The status bar and every printed form say DEMO DATA (演示数据).

This database is then for trying the station out only: for real work, set up a new, empty database.</source>
        <translation>要在这个数据库中填入演示数据吗?

虚构的客户、产品和一年的退货记录,以及用户 admin、wh、sales、mgr、qa、eng、pmc,密码都是 1234(首次登录时须修改)。状态栏和每张打印的表单都会标明“演示数据”。

这个数据库从此只用于试用本工作站:真正工作时,请新建一个空数据库并完成设置。</translation>
    </message>
    <message>
        <source>Set up — RMA Station</source>
        <translation>设置 — 客退品处理工作站</translation>
    </message>
    <message>
        <source>Set up the station</source>
        <translation>设置工作站</translation>
    </message>
    <message>
        <source>This database is new and empty. Enter your company, the numbers of your controlled forms and the first administrator: then the station is ready for real work.</source>
        <translation>这是一个新的空数据库。请填写公司名称、受控表单的编号和版次以及第一位管理员,之后即可正式使用本工作站。</translation>
    </message>
    <message>
        <source>Company and forms</source>
        <translation>公司与表单</translation>
    </message>
    <message>
        <source>&amp;Company name:</source>
        <translation>公司名称(&amp;C):</translation>
    </message>
    <message>
        <source>Printed in the header of every form: form number (编号) and revision (版次).</source>
        <translation>印在每张表单的表头:编号和版次。</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <source>&amp;Station role:</source>
        <translation>工作站用途(&amp;S):</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P):</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Set up and log in</source>
        <translation>完成设置并登录(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Only to try the station out</source>
        <translation>仅供试用</translation>
    </message>
    <message>
        <source>Demo data: invented customers, products and a year of returns, and users whose password is 1234. NOT for real work: every form prints DEMO.</source>
        <translation>演示数据:虚构的客户、产品和一年的退货记录,用户密码均为 1234。不可用于正式工作:每张表单都会印上“演示数据”。</translation>
    </message>
    <message>
        <source>Try it with &amp;demo data…</source>
        <translation>先用演示数据试试(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>ShipmentDialog</name>
    <message>
        <source>Record a replacement shipment</source>
        <translation>登记换货补发</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>明细行:</translation>
    </message>
    <message>
        <source>Ship date:</source>
        <translation>发货日期:</translation>
    </message>
    <message>
        <source>Delivery note no.:</source>
        <translation>送货单号:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注:</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>%1 signs: %2. Enter your password to sign.</source>
        <translation>%1 签名: %2。请输入您的密码以签名。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>Signatures</name>
    <message>
        <source>Signature void: %1 signed at %2; the record was changed since, not through the station — sign again</source>
        <extracomment>refusals that leave the dialog open for another try</extracomment>
        <translation>签名已失效:%1 于 %2 签名,此后记录未经工作站被更改 — 请重新签名</translation>
    </message>
    <message>
        <source>Signature void: %1 signed at %2; voided by %3 at %4 — sign again</source>
        <translation>签名已失效:%1 于 %2 签名,%3 于 %4 更改后失效 — 请重新签名</translation>
    </message>
    <message>
        <source>Signed (%1) by %2 at %3</source>
        <translation>已签名(%1):%2 %3</translation>
    </message>
</context>
<context>
    <name>StationContext</name>
    <message>
        <source>Saving…</source>
        <extracomment>return lines whose state or content changed (ids) returns (handling notices) whose state or content changed (ids) customers, products, users or business settings changed an expected error or a short notice for the status bar, already in the user&apos;s language the database connection was lost (the DatabaseUnavailable); the window shows its banner the connection is back; kept actions have been run again how many actions are kept, waiting for the database (after each change) the window&apos;s language changed (&quot;zh_CN&quot; / &quot;en&quot;) a user asked to print the labels and handling notice of a return (its id) live refresh (ui.live): another station&apos;s changes (a ui.live.RemoteChange), after the linesChanged / returnsChanged / referenceChanged it announced with `remote` True True while ui.live announces another station&apos;s changes on the signals above: a view never takes them for its own save, and a form with unsaved input is not read over after linesChanged/returnsChanged of one action: the same ids and who made the change an action of a form (the initiator, or None) started (True) or ended (False: after its on_done) while linesChanged/returnsChanged are emitted: the form whose action it was (None: another form without one, another station, a refresh)</extracomment>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>TraceButton</name>
    <message>
        <source>Related…</source>
        <translation>同型号/批次…</translation>
    </message>
    <message>
        <source>The other returns of this line&apos;s model and lot, with their decisions</source>
        <translation>本行同型号、同批次的其他退货及其判定</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>RMA no.</source>
        <translation>RMA 编号</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号规格</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>责任判定</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>产品处置</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>修改用户 %1</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>User name, name or department…</source>
        <translation>用户名、姓名或部门……</translation>
    </message>
    <message>
        <source>Reactivated.</source>
        <translation>已重新启用。</translation>
    </message>
    <message>
        <source>Deactivated: the user can no longer log in.</source>
        <translation>已停用:该用户不能再登录。</translation>
    </message>
</context>
<context>
    <name>WarrantyPanel</name>
    <message>
        <source>Ship/invoice date…</source>
        <translation>发货/发票日期…</translation>
    </message>
    <message>
        <source>Confirm out of warranty…</source>
        <translation>确认保外处理…</translation>
    </message>
    <message>
        <source>Warranty:</source>
        <translation>质保:</translation>
    </message>
    <message>
        <source>Sales confirm out-of-warranty lines</source>
        <translation>保外明细由销售确认</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
</TS>
