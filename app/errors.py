"""Expected errors (the user or the environment) versus bugs.

Every expected error carries a message key and its arguments, never translated
text: the UI and the CLI render it in the user's language with `message(lang)`.
Anything that is not a StationError is a bug and goes to the crash dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# key → (zh, en). Placeholders are str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{field}不能为空", "{field} is required"),
    "qty_not_whole": ("{field}必须是正整数,而不是“{value}”", "{field} must be a positive whole number, not “{value}”"),
    "qty_negative": ("{field}不能为负数: {value}", "{field} must not be negative: {value}"),
    "price_invalid": ("{field}必须是不小于0的金额,而不是“{value}”", "{field} must be an amount of 0 or more, not “{value}”"),
    "ratio_invalid": ("{field}必须在0到100%之间,而不是“{value}”", "{field} must lie between 0 and 100%, not “{value}”"),
    "date_invalid": ("{field}不是有效日期: “{value}”", "{field} is not a valid date: “{value}”"),
    "liability_invalid": ("责任代号必须是1到9: “{value}”", "Liability code must be 1 to 9: “{value}”"),
    "unknown": ("找不到{what}: {value}", "No {what} found: {value}"),
    "wrong_state": ("{what}当前状态为“{state}”,不能{action}", "{what} is “{state}”: cannot {action}"),
    "wrong_role": ("{user}没有“{role}”权限,不能{action}", "{user} lacks the “{role}” role needed to {action}"),
    "counts_mismatch": (
        "合格 {qualified} + 不合格 {unqualified} + 报废 {scrapped} = {total},应等于返工数量 {expected}",
        "qualified {qualified} + unqualified {unqualified} + scrapped {scrapped} = {total}, must equal the reworked quantity {expected}",
    ),
    "conflict": (
        "此记录已被 {by} 于 {at} 修改。您的输入已保留,请刷新后重新应用。",
        "This record was changed by {by} at {at}. Your input is kept: reload and re-apply it.",
    ),
    "db_unavailable": ("数据库连接中断: {detail}。正在重试……", "The database connection is lost: {detail}. Retrying…"),
    "login_failed": ("用户名或密码错误", "Wrong user name or password"),
    "cancel_reason": ("取消退货必须填写原因", "A reason is required to cancel a return"),
    "not_all_done": ("还有 {count} 行未完成,不能结案", "Not every line is finished ({count} open): cannot close"),
    "no_lines": ("退货单至少要有一行", "A return needs at least one line"),
    "qty_exceeds": ("{field} {value} 超过清点数量 {limit}", "{field} {value} exceeds the counted quantity {limit}"),
    "duplicate": ("{what}已存在: {value}", "{what} already exists: {value}"),
    # reading typed values and legacy Excel logs (app.parsing, app.excel.legacy)
    "liability_unknown": (
        "无法识别的责任“{value}”:请填1到9或责任名称,如“3 制造”",
        "Unknown liability “{value}”: write 1 to 9 or its name, e.g. “3 Manufacturing”",
    ),
    "liability_conflict": (
        "责任代号{code}与名称“{name}”不一致: “{value}”",
        "Liability code {code} does not match the name “{name}”: “{value}”",
    ),
    "refund_exceeds_amount": ("{field} {value} 超过金额 {limit}", "{field} {value} exceeds the amount {limit}"),
    "excel_unreadable": ("无法读取Excel文件“{file}”: {detail}", "Cannot read the Excel file “{file}”: {detail}"),
    "read_cancelled": ("已取消读取“{file}”", "Reading “{file}” was cancelled"),
    "sheet_no_header": (
        "工作表“{sheet}”前{rows}行中没有找到台账表头(至少{min}个已知列名),已跳过",
        "Sheet “{sheet}”: no log header (at least {min} known column names) in its first {rows} rows; skipped",
    ),
    "sheet_missing_columns": (
        "工作表“{sheet}”缺少必需的列: {columns},已跳过",
        "Sheet “{sheet}” lacks required columns: {columns}; skipped",
    ),
    # printing (app.printing)
    "label_code_too_long": (
        "条码“{code}”太长,{width} mm宽的标签在{dpi} dpi下放不下,请选用更宽的标签或更高的分辨率",
        "The code “{code}” is too long for a {width} mm wide label at {dpi} dpi: choose a wider label or a higher resolution",
    ),
    "print_cancelled": ("已取消打印,未生成文件", "Printing was cancelled; no file was written"),
    # users: passwords, lockout, administration (app.services.users, app.services.passwords)
    "password_too_short": ("密码至少需要{min}个字符", "The password needs at least {min} characters"),
    "password_is_login": ("密码不能与用户名相同", "The password must not be the user name"),
    "password_too_common": (
        "这个密码太常见,很容易被猜到,请换一个",
        "This password is too common and easily guessed: choose another",
    ),
    "password_unchanged": ("新密码不能与当前密码相同", "The new password must differ from the current one"),
    "password_mismatch": ("两次输入的新密码不一致", "The two new passwords differ"),
    "password_wrong_old": ("当前密码不正确", "The current password is wrong"),
    "account_locked": (
        "登录失败次数过多,账户已锁定,请于{until}后再试",
        "Too many failed log-ins: the account is locked until {until}",
    ),
    "password_change_required": (
        "用户{login}须先修改密码(rma-station user passwd --as {login})",
        "User {login} must change their password first (rma-station user passwd --as {login})",
    ),
    "cannot_deactivate_self": ("不能停用自己的账户", "You cannot deactivate your own account"),
    "last_admin": (
        "至少要保留一个启用的系统管理员账户",
        "At least one active administrator account must remain",
    ),
    "roles_required": ("用户至少要有一个角色", "A user needs at least one role"),
    "role_unknown": ("没有此角色: {value}", "No such role: {value}"),
    # first start, demo data, a vanished database (app.services.setup, db.identity)
    "db_file_gone": (
        "数据库文件不见了: {path}。为保护数据已停止保存,您的输入已保留。请把该文件(或它的备份)放回原处。",
        "The database file is gone: {path}. Saving is stopped to protect your data; your input is kept. "
        "Put the file (or its backup) back in its place.",
    ),
    "db_file_replaced": (
        "数据库文件 {path} 已被另一个数据库替换。为保护数据已停止保存,您的输入已保留。",
        "The database file {path} was replaced by a different database. Saving is stopped; your input is kept.",
    ),
    "already_set_up": ("数据库已经设置过,不能再次初始化", "The database is already set up: it cannot be set up again"),
    "demo_refused_real": (
        "数据库 {database} 中有真实数据,不能写入演示数据。请另建一个数据库做演示(例如设置 RMA_DATABASE_URL)。",
        "The database {database} holds real data: demo data is never written into it. "
        "Use a separate database for the demo (e.g. set RMA_DATABASE_URL).",
    ),
    "passwords_differ": ("两次输入的密码不一致", "The two passwords differ"),
    "db_file_missing_known": (
        "找不到数据库文件 {path}。本工作站以前使用过它,因此不会自动新建一个空的或演示数据库来代替它。"
        "请恢复备份、选择另一个数据库文件,或明确选择重新设置。",
        "The database file {path} is missing. This station used it before, so it does not quietly make an "
        "empty or demo database in its place. Restore a backup, choose another database file, or choose "
        "explicitly to set up a new database.",
    ),
    "db_emptied": (
        "数据库 {database} 是空的,但本工作站以前在这里使用过有数据的数据库。工作站已停止,不会在上面重新设置。"
        "请联系管理员检查服务器或恢复备份。",
        "The database {database} is empty, but this station worked on a database with data there before. "
        "The station stops and does not set up over it. Ask the administrator to check the server or restore a backup.",
    ),
    "db_different": (
        "数据库 {database} 不是本工作站以前使用的那个数据库(数据库标识不同)。为防止写错数据库,工作站已停止。",
        "The database {database} is not the one this station worked on before (another database identity). "
        "The station stops so as not to write into the wrong database.",
    ),
    "db_needs_upgrade": (
        "数据库 {database} 的结构需要创建或升级,请运行 rma-station db upgrade。",
        "The database {database} needs its schema created or upgraded: run `rma-station db upgrade`.",
    ),
    "db_cannot_open": ("无法打开数据库 {database}: {detail}", "Cannot open the database {database}: {detail}"),
    "setup_needs_display": (
        "数据库 {database} 还没有设置。首次设置需要在有显示器的电脑上打开工作站。",
        "The database {database} is not set up yet. The first set-up needs the station window on a display.",
    ),
    # corrections: amend a recorded step, reopen, close (app.services.corrections)
    "correction_reason": ("修改或重新打开必须填写原因", "A reason is required to amend or reopen"),
    "amend_after_inspection": (
        "已有 {count} 行检验过,登记不能再修改;请先由品质修改检验,或由主管重新打开",
        "Lines already inspected: {count}; the receipt can no longer be amended",
    ),
    "amend_after_rework": (
        "返工已开始,不能{action};请由总经理/主管重新打开",
        "Rework has started: cannot {action}; the manager (QA lead) must reopen it first",
    ),
    # backup, restore and moving the data to a server (app.services.backup)
    "backup_not_embedded": (
        "备份和恢复只用于本机内置数据库(SQLite),{db} 不是:服务器数据库请由管理员用 pg_dump 备份",
        "Backup and restore are for the embedded (SQLite) database, which {db} is not: back up a server with pg_dump",
    ),
    "backup_source_missing": ("找不到数据库文件: {path}", "No database file at {path}"),
    "backup_same_file": ("备份文件不能就是数据库本身: {path}", "The backup cannot be the database file itself: {path}"),
    "backup_exists": (
        "备份文件已存在: {path}。请换一个文件名,或用 --force 覆盖",
        "The backup file {path} already exists: choose another name, or overwrite it with --force",
    ),
    "backup_integrity": ("数据库文件“{path}”未通过完整性检查: {detail}", "The database file {path} fails its integrity check: {detail}"),
    "backup_write_failed": ("无法写入“{path}”: {detail}", "Cannot write {path}: {detail}"),
    "restore_not_sqlite": (
        "“{path}”不是 SQLite 数据库文件(已损坏,或不是备份)",
        "{path} is not an SQLite database file (damaged, or not a backup)",
    ),
    "restore_not_rma": (
        "“{path}”不是 RMA Station 数据库(没有 alembic_version 表),未恢复",
        "{path} is not an RMA Station database (it has no alembic_version table); nothing was restored",
    ),
    "restore_newer": (
        "备份“{path}”来自更新版本的工作站(结构版本 {revision},本工作站为 {head}):请先升级本工作站",
        "The backup {path} comes from a newer station (schema {revision}, this station {head}): upgrade this station first",
    ),
    "copy_source_revision": (
        "本工作站的数据库结构版本为 {source},应为 {head}:请先运行 rma-station db upgrade",
        "This station's database is at schema {source}, not {head}: run rma-station db upgrade first",
    ),
    "copy_target_revision": (
        "目标数据库的结构版本为 {target},本工作站为 {head}:请先对目标数据库运行 rma-station db upgrade",
        "The target database is at schema {target}, this station at {head}: run rma-station db upgrade against it first",
    ),
    "copy_not_empty": (
        "目标数据库不是空的: 表 {table} 已有 {count} 行数据。只能迁移到空的、已升级的数据库,未复制任何数据",
        "The target database is not empty: table {table} holds rows ({count}). Data is only copied into an empty, "
        "upgraded database; nothing was copied",
    ),
    "copy_same_database": ("源数据库和目标数据库是同一个: {db}", "Source and target are the same database: {db}"),
    "copy_failed": (
        "复制表 {table} 时失败,已全部撤销,目标数据库未改变: {detail}",
        "Copying table {table} failed; everything was rolled back and the target is unchanged: {detail}",
    ),
    "copy_verify_rows": (
        "校验失败: 表 {table} 源数据库 {source} 行,目标 {target} 行。已全部撤销,目标数据库未改变",
        "Verification failed: table {table} has {source} rows in the source, {target} in the target. "
        "Everything was rolled back; the target is unchanged",
    ),
    "copy_verify_checksum": (
        "校验失败: 表 {table} 的校验和不一致。已全部撤销,目标数据库未改变",
        "Verification failed: the checksums of table {table} differ. Everything was rolled back; the target is unchanged",
    ),
    "copy_cancelled": ("已取消迁移,目标数据库未作任何更改", "The copy was cancelled; nothing was changed in the target database"),
    "copy_unreachable": ("无法连接数据库 {db}: {detail}", "Cannot connect to the database {db}: {detail}"),
    # inputs: field limits, control characters, import limits (app.limits, app.excel.sources)
    "text_too_long": ("{field}最长{max}个字符,当前{length}个", "{field} is at most {max} characters, not {length}"),
    "text_control_char": (
        "{field}第{position}个字符是不允许的控制字符({code}),请删除",
        "{field} holds a control character ({code}) at position {position}: remove it",
    ),
    "qty_too_large": ("{field}最大为{max},而不是{value}", "{field} is at most {max}, not {value}"),
    "amount_too_large": ("{field}最大为{max},而不是{value}", "{field} is at most {max}, not {value}"),
    "import_too_big": (
        "文件“{file}”解压后超过{limit} MB(或压缩比异常),不予导入",
        "The file “{file}” unpacks to more than {limit} MB (or is compressed suspiciously well): not imported",
    ),
    "import_too_many_rows": (
        "工作表“{sheet}”超过{limit}行,不予导入;请分成几个文件",
        "Sheet “{sheet}” has more than {limit} rows: not imported; split it into several files",
    ),
    "import_format_unknown": (
        "无法读取“{file}”: 只支持 .xlsx、.xlsm、.xls 和 .csv 文件",
        "Cannot read “{file}”: only .xlsx, .xlsm, .xls and .csv files are supported",
    ),
    "csv_encoding_unknown": (
        "无法读取“{file}”: 文字编码不是UTF-8或GB18030,请用Excel另存为“CSV UTF-8”",
        "Cannot read “{file}”: the text is neither UTF-8 nor GB18030; save it as “CSV UTF-8” from Excel",
    ),
    "import_empty_workbook": ("“{file}”中没有任何工作表或数据", "“{file}” holds no sheets or no data"),
    "import_no_log_sheet": (
        "“{file}”中没有可导入的台账工作表: {reasons}",
        "“{file}” holds no sheet to import as a log: {reasons}",
    ),
    "sheet_empty": ("工作表“{sheet}”是空的,已跳过", "Sheet “{sheet}” is empty; skipped"),
    # master data (app.services.masterdata, app.services.user_admin, app.excel.masterdata)
    "warranty_invalid": ("{field}必须是0到{max}之间的整数,而不是“{value}”",
                         "{field} must be a whole number from 0 to {max}, not “{value}”"),
    "admin_grant": ("只有系统管理员可以授予或取消系统管理员角色,或修改系统管理员的账户",
                    "Only an administrator may grant or take away the administrator role, "
                    "or change an administrator's account"),
    "list_missing_columns": ("工作表“{sheet}”缺少必需的列: {columns}",
                             "Sheet “{sheet}” lacks required columns: {columns}"),
    "list_no_header": ("没有找到{what}清单的表头(需要列: {columns})",
                       "No {what} list header found (columns needed: {columns})"),
    "duplicate_in_file": ("{what}“{value}”在文件中重复(第{row}行已有)",
                          "{what} “{value}” appears twice in the file (already in row {row})"),
    # database errors by kind (db.engine.classify), concurrent actions (ops)
    "db_busy": (
        "数据库正忙(其他工位正在修改同一记录),未保存。您的输入已保留,请稍后重试。",
        "The database is busy (another station is changing the same records); nothing was saved. "
        "Your input is kept: try again in a moment.",
    ),
    "db_read_only": (
        "数据库为只读,无法保存: {detail}。您的输入已保留。请检查数据库文件或服务器的写入权限。",
        "The database is read-only, nothing can be saved: {detail}. Your input is kept. "
        "Check the write permission of the database file or server.",
    ),
    "db_disk_full": (
        "数据库所在磁盘已满,未保存: {detail}。您的输入已保留。请腾出磁盘空间后重试。",
        "The disk of the database is full; nothing was saved: {detail}. Your input is kept. "
        "Free some disk space and try again.",
    ),
    "conflict_concurrent": (
        "此记录刚刚被其他工位修改。您的输入已保留,请刷新后重新应用。",
        "This record was just changed at another station. Your input is kept: reload and re-apply it.",
    ),
    "action_pending": (
        "上一次的同一操作还在等待数据库恢复,不会重复提交",
        "The same action is still waiting for the database; it is not submitted twice",
    ),
    # follow-up: 8D, liaison notes, history (app.services.eightd, liaison, history)
    "signature_wrong_password": ("密码不正确,签名未完成", "Wrong password: the signature was not made"),
    "eightd_step_invalid": ("8D步骤必须是D3、D5、D6或D7,而不是“{value}”", "The 8D step must be D3, D5, D6 or D7, not “{value}”"),
    "eightd_actions_open": ("还有 {count} 项措施未完成,不能关闭8D", "Actions not done: {count}; the 8D cannot be closed"),
    "eightd_not_verified": ("效果验证尚未签名,不能关闭8D", "The verification is not signed yet: cannot close the 8D"),
    "liaison_already_acknowledged": ("此联络单已由{by}签收", "This liaison note was already acknowledged by {by}"),
    # benches: refund ratio, plausibility of dates and quantities, liability vs disposition
    "ratio_cell_fraction": (
        "{field}的数字单元格是Excel存放的比例(显示为50%的单元格存的是0.5),“{value}”大于1;请写成“{value}%”",
        "A number cell of {field} is the fraction Excel keeps for a percentage (a cell shown as 50% holds 0.5); "
        "“{value}” is above 1: write it as “{value}%”",
    ),
    "return_supplier_liability": (
        "退供应商只适用于责任代号2(供方);当前为{code}({name})",
        "Return to supplier applies only to liability code 2 (supplier); this line has {code} ({name})",
    ),
    "date_in_future": (
        "{field}“{value}”晚于今天{days}天以上,不可能已经发生;请检查日期",
        "{field} “{value}” lies beyond today + {days} d and cannot have happened yet: check the date",
    ),
    "manufactured_after_received": (
        "出厂日期“{value}”晚于收货日期“{received}”;请检查日期",
        "Manufacture date “{value}” is after the date received “{received}”: check the date",
    ),
    "rework_plan_late": (
        "计划日期“{value}”超过判定后2天(最迟{limit});程序规定返工在判定后2天内安排",
        "Planned date “{value}” is more than 2 days after the decision (at the latest {limit}); "
        "the procedure plans rework within 2 days of the decision",
    ),
    "material_qty_invalid": (
        "{field}必须是大于0、最多3位小数的数量(如2.5米、0.35千克),而不是“{value}”",
        "{field} must be a quantity above 0 with at most 3 decimals (e.g. 2.5 m, 0.35 kg), not “{value}”",
    ),
    # follow-up: photos and files (app.services.attachments)
    "attachment_empty": ("“{file}”是空文件,未添加", "“{file}” is empty: not added"),
    "attachment_too_big": (
        "“{file}”有{size} MB,超过{max} MB的上限;请缩小或压缩后再添加",
        "“{file}” is {size} MB, above the limit of {max} MB: make it smaller and add it again",
    ),
    "attachment_type": (
        "“{file}”不是可接受的文件:可添加图片(JPG、PNG、BMP、GIF、TIFF、WebP)、PDF、Office文档、TXT或CSV",
        "“{file}” is not a file that can be kept: images (JPG, PNG, BMP, GIF, TIFF, WebP), PDF, "
        "Office documents, TXT or CSV",
    ),
    "attachment_unreadable": ("“{file}”已损坏或不完整,无法读取", "“{file}” is damaged or incomplete: it cannot be read"),
    "attachment_image_too_large": (
        "“{file}”的像素超过{max}百万,无法添加;请用较小的分辨率",
        "“{file}” has more than {max} million pixels: use a smaller resolution",
    ),
    "attachment_wrong_line": ("“{file}”:所选的行不属于这张退货单", "“{file}”: the line chosen is not on this return"),
    # claims: supplier claims, warranty at receipt, replacements (app.services.claims, warranty, replacements)
    "claim_no_lines": ("索赔单至少要有一行退货明细", "A claim needs at least one return line"),
    "claim_line_not_supplier": (
        "{line}的责任判定为“{liability}”,只有责任代号2(供方)的明细可以向供应商索赔",
        "{line} has liability “{liability}”: only lines of liability 2 (supplier) are claimed from a supplier",
    ),
    "claim_line_taken": ("{line}已在索赔单{claim}中", "{line} is already in claim {claim}"),
    "claim_line_other_supplier": (
        "{line}的产品在资料中属于供应商“{supplier}”,不能列入给其他供应商的索赔单",
        "{line}'s product belongs to supplier “{supplier}” in the master data: not in a claim to another supplier",
    ),
    "claim_amount_reason": (
        "索赔金额{amount}不同于损失成本{loss},请填写修改原因",
        "The claimed amount {amount} differs from the loss cost {loss}: give the reason",
    ),
    "claim_amount_zero": ("索赔金额为0,不能发出", "The claimed amount is 0: the claim cannot be sent"),
    "claim_answer_invalid": ("供方答复必须是接受、部分接受或拒绝,而不是“{value}”",
                             "The supplier's answer must be accepted, partly accepted or rejected, not “{value}”"),
    "claim_partly_range": (
        "部分接受的金额“{value}”必须大于0且小于索赔金额{claimed}",
        "The partly accepted amount “{value}” must be above 0 and below the claimed {claimed}",
    ),
    "claim_recovered_range": (
        "回收金额“{value}”必须大于0且不超过供方接受的{accepted}",
        "The amount recovered “{value}” must be above 0 and at most the {accepted} the supplier accepted",
    ),
    "claim_date_before": ("日期“{value}”早于上一步的日期{before}", "The date “{value}” is before the previous step's {before}"),
    "warranty_basis_invalid": ("{field}必须是发货日期或发票日期,而不是“{value}”",
                               "{field} must be the ship date or the invoice date, not “{value}”"),
    "warranty_basis_after_receipt": (
        "发货/发票日期“{value}”晚于收货日期{received},请检查日期",
        "The ship/invoice date “{value}” is after the date received {received}: check the date",
    ),
    "warranty_in_warranty": ("第{line}行在保修期内,无需销售确认", "Line {line} is in warranty: nothing for sales to confirm"),
    "warranty_already_confirmed": ("此保外明细已由{by}确认", "This out-of-warranty line was already confirmed by {by}"),
    "replacement_not_owed": ("{line}的处置不是换货或修复后再出货,无需补发", "{line} is not for exchange or repair-and-reship: nothing to ship"),
    "replacement_before_receipt": ("发货日期“{value}”早于收货日期{received}", "The ship date “{value}” is before the date received {received}"),
    "replacement_too_many": ("发货数量{qty}超过尚欠数量{left}", "Shipping {qty} is more than the {left} still owed"),
    # signatures: Part 11 e-signatures (app.services.signatures)
    "signature_signer_inactive": ("用户{login}已停用,不能签名", "User {login} is deactivated and cannot sign"),
    "signature_already_signed": (
        "{step}已由{name}于{at}签名,签名有效,无需再签",
        "{step} was signed by {name} at {at} and the signature is valid: no need to sign again",
    ),
    "signature_not_due": (
        "{step}尚不能签名:{why}",
        "{step} cannot be signed yet: {why}",
    ),
    "signature_wrong_record": ("签名步骤“{step}”不适用于此记录", "The signature step “{step}” does not apply to this record"),
    # roles (issue 10): the server's own refusals, per-user log-in on PostgreSQL
    "server_no_permission": ("数据库拒绝:您的角色没有此操作的权限", "The database refused: your role may not do this"),
    "server_wrong_state": ("数据库拒绝:流程中不能在此状态下进行此步骤",
                           "The database refused: this step cannot be taken in the record's present state"),
    "server_column_state": ("数据库拒绝:{what}处于“{state}”状态时,您的角色不能修改“{field}”",
                            "The database refused: your role may not change “{field}” while {what} is “{state}”"),
    "server_signature_required": ("数据库拒绝:“{step}”须由本人电子签名(重新输入密码)后才能保存",
                                  "The database refused: “{step}” is saved only with your e-signature "
                                  "(re-enter your password)"),
    "server_login_needed": ("请用您自己的数据库账号登录", "Log in with your own database account"),
    "user_unknown_on_server": ("数据库账号“{login}”没有对应的工作站用户", "Database login “{login}” is no user of the station"),
}


def render(key: str, lang: str, args: dict[str, Any]) -> str:
    zh, en = MESSAGES[key]
    template = zh if lang.startswith("zh") else en
    return template.format(**args)


class StationError(Exception):
    """An expected error: shown to the user in their language, never as a traceback."""

    key = "required"

    def __init__(self, key: str | None = None, *, field_name: str | None = None, **args: Any) -> None:
        self.key = key or self.key
        self.field = field_name  # which input is at fault, for the form to mark it red
        self.line: int | None = None  # which return line, when the error is inside one
        self.args_ = args
        super().__init__(self.message("en"))

    def at_line(self, line_no: int) -> StationError:
        """Say which line of a multi-line form the error is in."""
        self.line = line_no
        self.args = (self.message("en"),)
        return self

    def message(self, lang: str = "zh") -> str:
        args = dict(self.args_)
        for k, v in list(args.items()):
            if isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, str) for x in v):
                args[k] = v[0] if lang.startswith("zh") else v[1]  # (zh, en) pairs
        text = render(self.key, lang, args)
        if self.line is not None:
            text = (f"第{self.line}行: " if lang.startswith("zh") else f"Line {self.line}: ") + text
        return text


class ValidationError(StationError):
    """Bad input: what is wrong and where."""


class WorkflowError(StationError):
    """A step out of order, or by a role that may not take it."""


class NotFoundError(StationError):
    key = "unknown"


@dataclass
class ConflictInfo:
    changed_by: str
    changed_at: datetime | None
    current_version: int
    your_input: dict[str, Any] = field(default_factory=dict)


class ConflictError(StationError):
    """Someone else saved the record since this user opened it (optimistic locking)."""

    def __init__(self, info: ConflictInfo | None = None) -> None:
        # None: the ORM's own version check failed at the flush (StaleDataError), so who
        # changed the record is not known here; the message says "another station".
        self.info = info or ConflictInfo(changed_by="?", changed_at=None, current_version=0)
        if info is None:
            super().__init__("conflict_concurrent")
            return
        at = info.changed_at.strftime("%Y-%m-%d %H:%M:%S") if info.changed_at else "?"
        super().__init__("conflict", by=info.changed_by, at=at)


class DatabaseUnavailable(StationError):
    """The connection dropped or the server is down; the caller keeps its input and retries."""

    def __init__(self, detail: str) -> None:
        super().__init__("db_unavailable", detail=detail)


class DatabaseBusy(StationError):
    """A lock or statement timeout, or SQLite busy/locked: nothing saved, the input is kept."""

    def __init__(self, detail: str = "") -> None:
        self.detail = detail
        super().__init__("db_busy")


class DatabaseRetryable(DatabaseBusy):
    """A serialization failure or deadlock (40001, 40P01): the transaction is run again by
    db.engine.run_in_transaction; one that escapes all attempts reads as "busy"."""


class DatabaseReadOnly(StationError):
    """The database file or server refuses writes."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("db_read_only", detail=detail)


class DatabaseFull(StationError):
    """The disk under the database is full."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("db_disk_full", detail=detail)


class ActionPending(StationError):
    """The same user action is already kept, waiting for the database: not queued twice."""

    key = "action_pending"
