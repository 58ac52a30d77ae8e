<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionsModel</name>
    <message>
        <source>Step</source>
        <extracomment>the texts of the form, in its order, with the D-step each belongs to</extracomment>
        <translation>Step</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <source>Amount claimed</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <source>Loss cost:</source>
        <translation>Loss cost:</translation>
    </message>
    <message>
        <source>Amount claimed (¥):</source>
        <translation>Amount claimed (¥):</translation>
    </message>
    <message>
        <source>Reason for the change:</source>
        <translation>Reason for the change:</translation>
    </message>
</context>
<context>
    <name>AnalysisSignoffs</name>
    <message>
        <source>Countersign the analysis form…</source>
        <translation>Countersign the analysis form…</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>not signed</translation>
    </message>
    <message>
        <source>Analysis form countersigned %1/6</source>
        <translation>Analysis form countersigned %1/6</translation>
    </message>
    <message>
        <source>%1 void, to sign again</source>
        <translation>%1 void, to sign again</translation>
    </message>
    <message>
        <source>Every line needs its decision first</source>
        <translation>Every line needs its decision first</translation>
    </message>
    <message>
        <source>Your boxes are signed</source>
        <translation>Your boxes are signed</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>Sign the analysis form of %1 as:</source>
        <translation>Sign the analysis form of %1 as:</translation>
    </message>
    <message>
        <source>Countersigned.</source>
        <translation>Countersigned.</translation>
    </message>
    <message>
        <source>the analysis form of %1 as %2 (countersign)</source>
        <translation>the analysis form of %1 as %2 (countersign)</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Supplier&apos;s answer</source>
        <translation>Supplier&apos;s answer</translation>
    </message>
    <message>
        <source>Claimed:</source>
        <translation>Claimed:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <source>Amount accepted (¥, partly):</source>
        <translation>Amount accepted (¥, partly):</translation>
    </message>
    <message>
        <source>Supplier&apos;s reply:</source>
        <translation>Supplier&apos;s reply:</translation>
    </message>
    <message>
        <source>Answered on:</source>
        <translation>Answered on:</translation>
    </message>
</context>
<context>
    <name>AttachmentsButton</name>
    <message>
        <source>Photos…</source>
        <translation>Photos…</translation>
    </message>
    <message>
        <source>Photos of the goods and the defect, letters and reports</source>
        <translation>Photos of the goods and the defect, letters and reports</translation>
    </message>
</context>
<context>
    <name>AttachmentsWindow</name>
    <message>
        <source>Add photos or files</source>
        <translation>Add photos or files</translation>
    </message>
    <message>
        <source>Photos and documents</source>
        <translation>Photos and documents</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <source>Why is it removed?</source>
        <translation>Why is it removed?</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <source>Drop photos or files here, or press Add…. Double-click to open.</source>
        <translation>Drop photos or files here, or press Add…. Double-click to open.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Line %1</translation>
    </message>
    <message>
        <source>Whole return</source>
        <translation>Whole return</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) or file(s)</source>
        <translation>
            <numerusform>%n photo or file</numerusform>
            <numerusform>%n photos or files</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>“%1” cannot be read: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n added.</source>
        <translation>
            <numerusform>%n added.</numerusform>
            <numerusform>%n added.</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding photos and files</source>
        <translation>Adding photos and files</translation>
    </message>
    <message>
        <source>No program on this computer opens “%1”; it was saved as %2.</source>
        <translation>No program on this computer opens “%1”; it was saved as %2.</translation>
    </message>
    <message>
        <source>Removed; the reason is kept.</source>
        <translation>Removed; the reason is kept.</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Daily backup of the database</source>
        <translation>Daily backup of the database</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Back up the database</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>%1 rows in %2 tables</source>
        <translation>%1 rows in %2 tables</translation>
    </message>
    <message>
        <source>Backed up to %1: %2, integrity check passed.</source>
        <translation>Backed up to %1: %2, integrity check passed.</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <source>Replace this station&apos;s database with the backup %1?

The current database is kept as a safety copy in %2. Afterwards the station reopens the database and asks you to log in again.</source>
        <translation>Replace this station&apos;s database with the backup %1?

The current database is kept as a safety copy in %2. Afterwards the station reopens the database and asks you to log in again.</translation>
    </message>
    <message>
        <source>Restored from %1: %2, integrity check passed.</source>
        <translation>Restored from %1: %2, integrity check passed.</translation>
    </message>
    <message>
        <source>The database it replaced is kept as %1.</source>
        <translation>The database it replaced is kept as %1.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restoring the backup…</translation>
    </message>
</context>
<context>
    <name>BasisDialog</name>
    <message>
        <source>Ship or invoice date</source>
        <translation>Ship or invoice date</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Line:</translation>
    </message>
    <message>
        <source>Warranty runs from:</source>
        <translation>Warranty runs from:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
</context>
<context>
    <name>BenchCount</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BenchTab</name>
    <message>
        <source>Needs the role: %1</source>
        <translation>Needs the role: %1</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Your changes to %1 are not saved. Discard them?</source>
        <translation>Your changes to %1 are not saved. Discard them?</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your input is kept and will be saved as soon as the connection is back.</source>
        <translation>The database cannot be reached. Your input is kept and will be saved as soon as the connection is back.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>%1 must choose a new password before starting work.</source>
        <translation>%1 must choose a new password before starting work.</translation>
    </message>
    <message>
        <source>Change the password of %1.</source>
        <translation>Change the password of %1.</translation>
    </message>
</context>
<context>
    <name>ChangedNotice</name>
    <message>
        <source>Changed by %1 at %2</source>
        <extracomment>False: windows made while it is off do not listen (the UI tests switch it off, except those of live refresh, so no other test sees a refresh it did not ask for) a batch was announced (tests wait for it)</extracomment>
        <translation>Changed by %1 at %2</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Read the record as it is now; what you typed is kept</source>
        <translation>Read the record as it is now; what you typed is kept</translation>
    </message>
</context>
<context>
    <name>ClaimLinesModel</name>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Final cause</source>
        <translation>Final cause</translation>
    </message>
    <message>
        <source>Loss cost</source>
        <translation>Loss cost</translation>
    </message>
</context>
<context>
    <name>ClaimsButtons</name>
    <message>
        <source>Supplier claims…</source>
        <translation>Supplier claims…</translation>
    </message>
</context>
<context>
    <name>ClaimsMenu</name>
    <message>
        <source>Supplier claims…</source>
        <translation>Supplier claims…</translation>
    </message>
    <message>
        <source>Replacements to ship…</source>
        <translation>Replacements to ship…</translation>
    </message>
    <message>
        <source>Replacements to ship (%1)…</source>
        <translation>Replacements to ship (%1)…</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <source>Claim No.</source>
        <translation>Claim No.</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Loss cost</source>
        <translation>Loss cost</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Credited on</source>
        <translation>Credited on</translation>
    </message>
</context>
<context>
    <name>ClaimsWindow</name>
    <message>
        <source>Supplier claims</source>
        <translation>Supplier claims</translation>
    </message>
    <message>
        <source>Claim no. or supplier, then Enter</source>
        <translation>Claim no. or supplier, then Enter</translation>
    </message>
    <message>
        <source>Only open claims</source>
        <translation>Only open claims</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All suppliers</source>
        <translation>All suppliers</translation>
    </message>
    <message>
        <source>New claim…</source>
        <translation>New claim…</translation>
    </message>
    <message>
        <source>Amount…</source>
        <translation>Amount…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Supplier&apos;s answer…</source>
        <translation>Supplier&apos;s answer…</translation>
    </message>
    <message>
        <source>Credit…</source>
        <translation>Credit…</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>Print notice…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) · claimed ¥%1 · recovered ¥%2</source>
        <translation>
            <numerusform>%n claim · claimed ¥%1 · recovered ¥%2</numerusform>
            <numerusform>%n claims · claimed ¥%1 · recovered ¥%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Amount changed: %1</source>
        <translation>Amount changed: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>Supplier&apos;s reply: %1</source>
        <translation>Supplier&apos;s reply: %1</translation>
    </message>
    <message>
        <source>QA, engineering or the manager handle supplier claims</source>
        <translation>QA, engineering or the manager handle supplier claims</translation>
    </message>
    <message>
        <source>Choose the supplier (master data → suppliers)</source>
        <translation>Choose the supplier (master data → suppliers)</translation>
    </message>
    <message>
        <source>Claim opened as a draft.</source>
        <translation>Claim opened as a draft.</translation>
    </message>
    <message>
        <source>Amount claimed changed.</source>
        <translation>Amount claimed changed.</translation>
    </message>
    <message>
        <source>Claim sent: print the notice for the supplier.</source>
        <translation>Claim sent: print the notice for the supplier.</translation>
    </message>
    <message>
        <source>Supplier&apos;s answer recorded.</source>
        <translation>Supplier&apos;s answer recorded.</translation>
    </message>
    <message>
        <source>Amount recovered recorded: the claim is credited.</source>
        <translation>Amount recovered recorded: the claim is credited.</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Out of warranty: sales&apos; confirmation</source>
        <translation>Out of warranty: sales&apos; confirmation</translation>
    </message>
    <message>
        <source>e.g. paid repair, quoted to the customer</source>
        <translation>e.g. paid repair, quoted to the customer</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Line:</translation>
    </message>
    <message>
        <source>Handling:</source>
        <translation>Handling:</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>The reason stays in the record&apos;s history.</source>
        <translation>The reason stays in the record&apos;s history.</translation>
    </message>
    <message>
        <source>Save with this reason</source>
        <translation>Save with this reason</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Type the reason first</source>
        <translation>Type the reason first</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>RMA Station ran into a bug. What you were doing may not have been saved. Please copy the details below and send them to whoever looks after the station.</source>
        <translation>RMA Station ran into a bug. What you were doing may not have been saved. Please copy the details below and send them to whoever looks after the station.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>CreditDialog</name>
    <message>
        <source>Amount recovered</source>
        <translation>Amount recovered</translation>
    </message>
    <message>
        <source>Accepted by the supplier:</source>
        <translation>Accepted by the supplier:</translation>
    </message>
    <message>
        <source>Amount recovered (¥):</source>
        <translation>Amount recovered (¥):</translation>
    </message>
    <message>
        <source>Credit note no.:</source>
        <translation>Credit note no.:</translation>
    </message>
    <message>
        <source>Credited on:</source>
        <translation>Credited on:</translation>
    </message>
</context>
<context>
    <name>DbBanner</name>
    <message>
        <source>The database connection is lost. Retrying…</source>
        <translation>The database connection is lost. Retrying…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message numerus="yes">
        <source>Next attempt in %n s</source>
        <translation>
            <numerusform>Next attempt in %n s</numerusform>
            <numerusform>Next attempt in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskQuickAdd</name>
    <message>
        <source>New customer…</source>
        <translation>New customer…</translation>
    </message>
    <message>
        <source>This customer is not in the list yet: add it now, the notice stays as typed.</source>
        <translation>This customer is not in the list yet: add it now, the notice stays as typed.</translation>
    </message>
    <message>
        <source>New model…</source>
        <translation>New model…</translation>
    </message>
    <message>
        <source>Add the model “%1” to the list; the line keeps what you typed.</source>
        <translation>Add the model “%1” to the list; the line keeps what you typed.</translation>
    </message>
    <message>
        <source>Customer %1 added.</source>
        <translation>Customer %1 added.</translation>
    </message>
    <message>
        <source>Model %1 added.</source>
        <translation>Model %1 added.</translation>
    </message>
</context>
<context>
    <name>EightDEditor</name>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Add action</translation>
    </message>
    <message>
        <source>Mark the chosen action done</source>
        <translation>Mark the chosen action done</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>Verify…</translation>
    </message>
    <message>
        <source>Close 8D…</source>
        <translation>Close 8D…</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <source>Language of the printed report</source>
        <translation>Language of the printed report</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Verified by %1 at %2</source>
        <translation>Verified by %1 at %2</translation>
    </message>
    <message>
        <source>Closed by %1 at %2</source>
        <translation>Closed by %1 at %2</translation>
    </message>
    <message>
        <source>The 8D is closed</source>
        <translation>The 8D is closed</translation>
    </message>
    <message>
        <source>Only QA signs an 8D</source>
        <translation>Only QA signs an 8D</translation>
    </message>
    <message>
        <source>Reload the 8D to see the other change.</source>
        <translation>Reload the 8D to see the other change.</translation>
    </message>
    <message>
        <source>The database cannot be reached; the action is kept.</source>
        <translation>The database cannot be reached; the action is kept.</translation>
    </message>
    <message>
        <source>8D saved.</source>
        <translation>8D saved.</translation>
    </message>
    <message>
        <source>Action added.</source>
        <translation>Action added.</translation>
    </message>
    <message>
        <source>Choose an action in the table first.</source>
        <translation>Choose an action in the table first.</translation>
    </message>
    <message>
        <source>Action done.</source>
        <translation>Action done.</translation>
    </message>
    <message>
        <source>verification of effect (D6)</source>
        <translation>verification of effect (D6)</translation>
    </message>
    <message>
        <source>closure of the 8D (D8)</source>
        <translation>closure of the 8D (D8)</translation>
    </message>
    <message>
        <source>Verified and signed.</source>
        <translation>Verified and signed.</translation>
    </message>
    <message>
        <source>8D closed and signed.</source>
        <translation>8D closed and signed.</translation>
    </message>
    <message>
        <source>Save the 8D report</source>
        <translation>Save the 8D report</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>EightDListModel</name>
    <message>
        <source>8D No.</source>
        <translation>8D No.</translation>
    </message>
    <message>
        <source>RMA No.</source>
        <translation>RMA No.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
</context>
<context>
    <name>EightDListWindow</name>
    <message>
        <source>8D reports</source>
        <translation>8D reports</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Open %1 · overdue %2 · closed %3</source>
        <translation>Open %1 · overdue %2 · closed %3</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>&amp;Save</source>
        <extracomment>the entry was saved: its read model</extracomment>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your input is kept and will be saved as soon as the connection is back.</source>
        <translation>The database cannot be reached. Your input is kept and will be saved as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Press Save again to apply your input over that change.</source>
        <translation>Press Save again to apply your input over that change.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>Cannot do that</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>RMA Station — database</source>
        <translation>RMA Station — database</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <source>Choose another database file…</source>
        <translation>Choose another database file…</translation>
    </message>
    <message>
        <source>Set up a new database</source>
        <translation>Set up a new database</translation>
    </message>
    <message>
        <source>Set up this empty database anew</source>
        <translation>Set up this empty database anew</translation>
    </message>
    <message>
        <source>Work on this database from now on</source>
        <translation>Work on this database from now on</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Restore a backup of the database</source>
        <translation>Restore a backup of the database</translation>
    </message>
    <message>
        <source>“%1” is not an RMA Station database.</source>
        <translation>“%1” is not an RMA Station database.</translation>
    </message>
    <message>
        <source>Choose a database file</source>
        <translation>Choose a database file</translation>
    </message>
    <message>
        <source>Really set up a new, empty database here? The station will no longer look for the database it used before.</source>
        <translation>Really set up a new, empty database here? The station will no longer look for the database it used before.</translation>
    </message>
    <message>
        <source>Really work on this database from now on? The station will no longer look for the database it used before.</source>
        <translation>Really work on this database from now on? The station will no longer look for the database it used before.</translation>
    </message>
    <message>
        <source>Yes, I am sure</source>
        <translation>Yes, I am sure</translation>
    </message>
</context>
<context>
    <name>FollowUpButtons</name>
    <message>
        <source>8D list…</source>
        <translation>8D list…</translation>
    </message>
    <message>
        <source>Liaison notes…</source>
        <translation>Liaison notes…</translation>
    </message>
</context>
<context>
    <name>FollowUpMenu</name>
    <message>
        <source>8D reports…</source>
        <translation>8D reports…</translation>
    </message>
    <message>
        <source>Liaison notes…</source>
        <translation>Liaison notes…</translation>
    </message>
    <message>
        <source>Lot trace…</source>
        <translation>Lot trace…</translation>
    </message>
</context>
<context>
    <name>HistoryButton</name>
    <message>
        <source>History…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Who changed what, when and where</source>
        <translation>Who changed what, when and where</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Changes of %1</source>
        <translation>Changes of %1</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>All records</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>New value</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <source>Fit (0)</source>
        <translation>Fit (0)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Sheet</source>
        <extracomment>an import was written: its ImportResult (the window refreshes its lists)</extracomment>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Return date</source>
        <translation>Return date</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>Liability</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Only the quality and warehouse roles import logs.</source>
        <translation>Only the quality and warehouse roles import logs.</translation>
    </message>
    <message>
        <source>Import a legacy Excel log</source>
        <translation>Import a legacy Excel log</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>Save the rejected rows</translation>
    </message>
    <message>
        <source>Reading %1: row %2 of %3</source>
        <translation>Reading %1: row %2 of %3</translation>
    </message>
    <message>
        <source>Cancelled: the file was not read.</source>
        <translation>Cancelled: the file was not read.</translation>
    </message>
    <message>
        <source>Reading the log</source>
        <translation>Reading the log</translation>
    </message>
    <message>
        <source>No sheet of %1 has a header row with the known columns (date, customer, model, quantity …).</source>
        <translation>No sheet of %1 has a header row with the known columns (date, customer, model, quantity …).</translation>
    </message>
    <message>
        <source>Sheets read: %1.</source>
        <translation>Sheets read: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n new line(s) will be imported</source>
        <translation>
            <numerusform>%n new line will be imported</numerusform>
            <numerusform>%n new lines will be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (in %n return(s)).</source>
        <translation>
            <numerusform> (in %n return).</numerusform>
            <numerusform> (in %n returns).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were imported before and are left out.</source>
        <translation>
            <numerusform>%n row was imported before and is left out.</numerusform>
            <numerusform>%n rows were imported before and are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are rejected: see “Rejected rows”, fix them in the rejects workbook and import it.</source>
        <translation>
            <numerusform>%n row is rejected: see “Rejected rows”, fix them in the rejects workbook and import it.</numerusform>
            <numerusform>%n rows are rejected: see “Rejected rows”, fix them in the rejects workbook and import it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every row of this file was imported before: there is nothing new to import.</source>
        <translation>Every row of this file was imported before: there is nothing new to import.</translation>
    </message>
    <message>
        <source>Choose a return log (.xlsx, .xls or .csv). Nothing is written before you press Import.</source>
        <translation>Choose a return log (.xlsx, .xls or .csv). Nothing is written before you press Import.</translation>
    </message>
    <message>
        <source>Return logs (*.xlsx *.xlsm *.xls *.csv)</source>
        <translation>Return logs (*.xlsx *.xlsm *.xls *.csv)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>imported before</source>
        <translation>imported before</translation>
    </message>
    <message>
        <source>undecided</source>
        <translation>undecided</translation>
    </message>
    <message>
        <source>Rows to import (%1)</source>
        <translation>Rows to import (%1)</translation>
    </message>
    <message>
        <source>Rejected rows (%1)</source>
        <translation>Rejected rows (%1)</translation>
    </message>
    <message>
        <source> - rejected rows</source>
        <translation> - rejected rows</translation>
    </message>
    <message>
        <source>Rejected rows saved to %1</source>
        <translation>Rejected rows saved to %1</translation>
    </message>
    <message>
        <source>Importing: line %1 of %2</source>
        <translation>Importing: line %1 of %2</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Cancelled: nothing was imported.</translation>
    </message>
    <message>
        <source>Importing the log</source>
        <translation>Importing the log</translation>
    </message>
    <message>
        <source>Nothing was imported; the preview is kept. Press Import again when the database is back.</source>
        <translation>Nothing was imported; the preview is kept. Press Import again when the database is back.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>Rows to import</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <source>Save &amp;rejected rows…</source>
        <translation>Save &amp;rejected rows…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IncomingTab</name>
    <message>
        <source>Waiting for sales or manager</source>
        <translation>Waiting for sales or manager</translation>
    </message>
    <message>
        <source>Waiting for me: to confirm (sales)</source>
        <translation>Waiting for me: to confirm (sales)</translation>
    </message>
    <message>
        <source>Waiting for me: to approve</source>
        <translation>Waiting for me: to approve</translation>
    </message>
    <message>
        <source>All returns</source>
        <translation>All returns</translation>
    </message>
    <message>
        <source>Search RMA no., customer, order…</source>
        <translation>Search RMA no., customer, order…</translation>
    </message>
    <message numerus="yes">
        <source>%n return(s)</source>
        <translation>
            <numerusform>%n return</numerusform>
            <numerusform>%n returns</numerusform>
        </translation>
    </message>
    <message>
        <source>the new return</source>
        <translation>the new return</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Your changes to %1 are not saved. Discard them?</source>
        <translation>Your changes to %1 are not saved. Discard them?</translation>
    </message>
    <message>
        <source>New return</source>
        <translation>New return</translation>
    </message>
    <message>
        <source>Scan each product label (F2) or type the model</source>
        <translation>Scan each product label (F2) or type the model</translation>
    </message>
    <message>
        <source>registered by %1</source>
        <translation>registered by %1</translation>
    </message>
    <message>
        <source>Confirmed by %1 (sales) at %2</source>
        <translation>Confirmed by %1 (sales) at %2</translation>
    </message>
    <message>
        <source>Not yet confirmed by sales.</source>
        <translation>Not yet confirmed by sales.</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Cancelled: %1</translation>
    </message>
    <message>
        <source>Approved by %1 at %2</source>
        <translation>Approved by %1 at %2</translation>
    </message>
    <message>
        <source>Not yet approved by the manager.</source>
        <translation>Not yet approved by the manager.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n piece</numerusform>
            <numerusform>%n pieces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to verify</source>
        <translation>
            <numerusform>%n to verify</numerusform>
            <numerusform>%n to verify</numerusform>
        </translation>
    </message>
    <message>
        <source>The return is “%1”</source>
        <translation>The return is “%1”</translation>
    </message>
    <message>
        <source>Register the return first</source>
        <translation>Register the return first</translation>
    </message>
    <message>
        <source>Already registered</source>
        <translation>Already registered</translation>
    </message>
    <message>
        <source>Waiting for the database to save it</source>
        <translation>Waiting for the database to save it</translation>
    </message>
    <message>
        <source>Sales must confirm first</source>
        <translation>Sales must confirm first</translation>
    </message>
    <message>
        <source>Registered %1: print the labels and the notice.</source>
        <translation>Registered %1: print the labels and the notice.</translation>
    </message>
    <message>
        <source>The database cannot be reached. Your input is kept and will be saved as soon as the connection is back.</source>
        <translation>The database cannot be reached. Your input is kept and will be saved as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Press F5 to reload; your text stays in the field.</source>
        <translation>Press F5 to reload; your text stays in the field.</translation>
    </message>
    <message>
        <source>Signed again.</source>
        <translation>Signed again.</translation>
    </message>
    <message>
        <source>the sales confirmation of %1 (confirm)</source>
        <translation>the sales confirmation of %1 (confirm)</translation>
    </message>
    <message>
        <source>Confirmed for sales.</source>
        <translation>Confirmed for sales.</translation>
    </message>
    <message>
        <source>the approval of %1 (approve)</source>
        <translation>the approval of %1 (approve)</translation>
    </message>
    <message>
        <source>Approved: the lines go to the QA bench.</source>
        <translation>Approved: the lines go to the QA bench.</translation>
    </message>
    <message>
        <source>Cancel return</source>
        <translation>Cancel return</translation>
    </message>
    <message>
        <source>Why is %1 cancelled?</source>
        <translation>Why is %1 cancelled?</translation>
    </message>
    <message>
        <source>Return cancelled.</source>
        <translation>Return cancelled.</translation>
    </message>
    <message>
        <source>Printing is not set up at this station yet.</source>
        <translation>Printing is not set up at this station yet.</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <source>Save amendment…</source>
        <translation>Save amendment…</translation>
    </message>
    <message>
        <source>Discard amendment</source>
        <translation>Discard amendment</translation>
    </message>
    <message>
        <source>Close return</source>
        <translation>Close return</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>Save or discard the amendment first</source>
        <translation>Save or discard the amendment first</translation>
    </message>
    <message>
        <source> (line %1)</source>
        <translation> (line %1)</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>Corrections:</translation>
    </message>
    <message>
        <source>Amend %1</source>
        <translation>Amend %1</translation>
    </message>
    <message>
        <source>Why is the registered notice amended?</source>
        <translation>Why is the registered notice amended?</translation>
    </message>
    <message>
        <source>Amendment saved.</source>
        <translation>Amendment saved.</translation>
    </message>
    <message>
        <source>Return %1 closed.</source>
        <translation>Return %1 closed.</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>Reopen %1</translation>
    </message>
    <message>
        <source>Why is the closed return reopened?</source>
        <translation>Why is the closed return reopened?</translation>
    </message>
    <message>
        <source>Return reopened.</source>
        <translation>Return reopened.</translation>
    </message>
    <message>
        <source>&amp;New return</source>
        <translation>&amp;New return</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Customer:</translation>
    </message>
    <message>
        <source>&amp;Order no.:</source>
        <translation>&amp;Order no.:</translation>
    </message>
    <message>
        <source>&amp;Delivery no.:</source>
        <translation>&amp;Delivery no.:</translation>
    </message>
    <message>
        <source>&amp;Invoice no.:</source>
        <translation>&amp;Invoice no.:</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>&amp;Received on:</translation>
    </message>
    <message>
        <source>Returned goods (scan the product label or type the model)</source>
        <translation>Returned goods (scan the product label or type the model)</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>&amp;Add line</translation>
    </message>
    <message>
        <source>Re&amp;gister return</source>
        <translation>Re&amp;gister return</translation>
    </message>
    <message>
        <source>Arrived b&amp;y:</source>
        <translation>Arrived b&amp;y:</translation>
    </message>
    <message>
        <source>Isolat&amp;ed at:</source>
        <translation>Isolat&amp;ed at:</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>&amp;Urgency:</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>No&amp;tes:</translation>
    </message>
    <message>
        <source>Remove &amp;line</source>
        <translation>Remove &amp;line</translation>
    </message>
    <message>
        <source>Print la&amp;bels and notice</source>
        <translation>Print la&amp;bels and notice</translation>
    </message>
    <message>
        <source>Cancel return…</source>
        <translation>Cancel return…</translation>
    </message>
    <message>
        <source>Sales confirmation and approval</source>
        <translation>Sales confirmation and approval</translation>
    </message>
    <message>
        <source>Handling re&amp;quirements:</source>
        <translation>Handling re&amp;quirements:</translation>
    </message>
    <message>
        <source>e.g. exchange under warranty, credit the customer</source>
        <translation>e.g. exchange under warranty, credit the customer</translation>
    </message>
    <message>
        <source>Con&amp;firm (sales)</source>
        <translation>Con&amp;firm (sales)</translation>
    </message>
    <message>
        <source>A&amp;pproval note:</source>
        <translation>A&amp;pproval note:</translation>
    </message>
    <message>
        <source>Approve (&amp;manager)</source>
        <translation>Approve (&amp;manager)</translation>
    </message>
</context>
<context>
    <name>InspectionTab</name>
    <message>
        <source>Inspection and decision</source>
        <translation>Inspection and decision</translation>
    </message>
    <message>
        <source>Awaiting inspection</source>
        <translation>Awaiting inspection</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>Awaiting decision</translation>
    </message>
    <message>
        <source>Search label, model, customer…</source>
        <translation>Search label, model, customer…</translation>
    </message>
    <message>
        <source>Scan a line label or choose a line</source>
        <translation>Scan a line label or choose a line</translation>
    </message>
    <message>
        <source>NOT our product</source>
        <translation>NOT our product</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Inspected by %1 at %2</source>
        <translation>Inspected by %1 at %2</translation>
    </message>
    <message>
        <source>Decided by %1 at %2</source>
        <translation>Decided by %1 at %2</translation>
    </message>
    <message>
        <source>8D: %1, due %2 (%3)</source>
        <translation>8D: %1, due %2 (%3)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Sent: %1</translation>
    </message>
    <message>
        <source>refund %1 of %2</source>
        <translation>refund %1 of %2</translation>
    </message>
    <message>
        <source>The line is “%1”</source>
        <translation>The line is “%1”</translation>
    </message>
    <message>
        <source>No line chosen</source>
        <translation>No line chosen</translation>
    </message>
    <message>
        <source>Inspect the line first</source>
        <translation>Inspect the line first</translation>
    </message>
    <message>
        <source>Inspection saved: the line awaits the decision.</source>
        <translation>Inspection saved: the line awaits the decision.</translation>
    </message>
    <message>
        <source>Decision saved.</source>
        <translation>Decision saved.</translation>
    </message>
    <message>
        <source>the decision on %1 (decide)</source>
        <translation>the decision on %1 (decide)</translation>
    </message>
    <message>
        <source>8D opened.</source>
        <translation>8D opened.</translation>
    </message>
    <message>
        <source>Liaison note sent to sales.</source>
        <translation>Liaison note sent to sales.</translation>
    </message>
    <message>
        <source>Amend inspection…</source>
        <translation>Amend inspection…</translation>
    </message>
    <message>
        <source>Amend decision…</source>
        <translation>Amend decision…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>Close return</source>
        <translation>Close return</translation>
    </message>
    <message>
        <source>Amend inspection of %1</source>
        <translation>Amend inspection of %1</translation>
    </message>
    <message>
        <source>Why is the inspection amended?</source>
        <translation>Why is the inspection amended?</translation>
    </message>
    <message>
        <source>Inspection amended.</source>
        <translation>Inspection amended.</translation>
    </message>
    <message>
        <source>Amend decision of %1</source>
        <translation>Amend decision of %1</translation>
    </message>
    <message>
        <source>Why is the decision amended?</source>
        <translation>Why is the decision amended?</translation>
    </message>
    <message>
        <source>Decision amended.</source>
        <translation>Decision amended.</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>Reopen %1</translation>
    </message>
    <message>
        <source>Why is the line reopened?</source>
        <translation>Why is the line reopened?</translation>
    </message>
    <message>
        <source>Line reopened.</source>
        <translation>Line reopened.</translation>
    </message>
    <message>
        <source>Return %1 closed.</source>
        <translation>Return %1 closed.</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Returned line</source>
        <translation>Returned line</translation>
    </message>
    <message>
        <source>RMA no.:</source>
        <translation>RMA no.:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Model/spec:</source>
        <translation>Model/spec:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <source>Customer&apos;s reason:</source>
        <translation>Customer&apos;s reason:</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>Condition:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Reload, keep my input</source>
        <translation>Reload, keep my input</translation>
    </message>
    <message>
        <source>QA inspection</source>
        <translation>QA inspection</translation>
    </message>
    <message>
        <source>&amp;Findings:</source>
        <translation>&amp;Findings:</translation>
    </message>
    <message>
        <source>What the inspection found</source>
        <translation>What the inspection found</translation>
    </message>
    <message>
        <source>Preliminary &amp;opinion:</source>
        <translation>Preliminary &amp;opinion:</translation>
    </message>
    <message>
        <source>Defect cate&amp;gory:</source>
        <translation>Defect cate&amp;gory:</translation>
    </message>
    <message>
        <source>Sav&amp;e inspection</source>
        <translation>Sav&amp;e inspection</translation>
    </message>
    <message>
        <source>Engineering decision</source>
        <translation>Engineering decision</translation>
    </message>
    <message>
        <source>Final &amp;cause:</source>
        <translation>Final &amp;cause:</translation>
    </message>
    <message>
        <source>Cause within our responsibility</source>
        <translation>Cause within our responsibility</translation>
    </message>
    <message>
        <source>&amp;Liability:</source>
        <translation>&amp;Liability:</translation>
    </message>
    <message>
        <source>Type the digit 1–9 to choose</source>
        <translation>Type the digit 1–9 to choose</translation>
    </message>
    <message>
        <source>D&amp;isposition:</source>
        <translation>D&amp;isposition:</translation>
    </message>
    <message>
        <source>&amp;Refund ratio:</source>
        <translation>&amp;Refund ratio:</translation>
    </message>
    <message>
        <source>0–100 %</source>
        <translation>0–100 %</translation>
    </message>
    <message>
        <source>Serious problem (analysis meeting, 8D)</source>
        <translation>Serious problem (analysis meeting, 8D)</translation>
    </message>
    <message>
        <source>Save &amp;decision</source>
        <translation>Save &amp;decision</translation>
    </message>
    <message>
        <source>8D corrective action (serious problems)</source>
        <translation>8D corrective action (serious problems)</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>O&amp;wner:</translation>
    </message>
    <message>
        <source>Due b&amp;y:</source>
        <translation>Due b&amp;y:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Containment:</source>
        <translation>Containment:</translation>
    </message>
    <message>
        <source>Root cause:</source>
        <translation>Root cause:</translation>
    </message>
    <message>
        <source>Corrective action:</source>
        <translation>Corrective action:</translation>
    </message>
    <message>
        <source>Preventive action:</source>
        <translation>Preventive action:</translation>
    </message>
    <message>
        <source>Open &amp;8D</source>
        <translation>Open &amp;8D</translation>
    </message>
    <message>
        <source>Liaison note to sales</source>
        <translation>Liaison note to sales</translation>
    </message>
    <message>
        <source>Reaso&amp;n:</source>
        <translation>Reaso&amp;n:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>Send liaison no&amp;te</source>
        <translation>Send liaison no&amp;te</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source> — was waiting for the database</source>
        <translation> — was waiting for the database</translation>
    </message>
    <message>
        <source>Unsaved input</source>
        <translation>Unsaved input</translation>
    </message>
    <message>
        <source>Unsaved input from the last session was found:</source>
        <translation>Unsaved input from the last session was found:</translation>
    </message>
    <message>
        <source>Restore it into the forms? (No discards it.)</source>
        <translation>Restore it into the forms? (No discards it.)</translation>
    </message>
</context>
<context>
    <name>LabelsTab</name>
    <message>
        <source>RMA number or scanned label</source>
        <translation>RMA number or scanned label</translation>
    </message>
    <message>
        <source>Line labels</source>
        <translation>Line labels</translation>
    </message>
    <message>
        <source>Handling notice</source>
        <translation>Handling notice</translation>
    </message>
    <message>
        <source>Analysis and handling form</source>
        <translation>Analysis and handling form</translation>
    </message>
    <message>
        <source>Liaison note to sales</source>
        <translation>Liaison note to sales</translation>
    </message>
    <message>
        <source>Rework order</source>
        <translation>Rework order</translation>
    </message>
    <message>
        <source>One label per page (label printer)</source>
        <translation>One label per page (label printer)</translation>
    </message>
    <message>
        <source>Several per A4 sheet</source>
        <translation>Several per A4 sheet</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) ready.</source>
        <translation>
            <numerusform>%n page ready.</numerusform>
            <numerusform>%n pages ready.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page sent to the printer.</numerusform>
            <numerusform>%n pages sent to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines to print:</source>
        <translation>Lines to print:</translation>
    </message>
    <message>
        <source>&amp;Return:</source>
        <translation>&amp;Return:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Pr&amp;int:</source>
        <translation>Pr&amp;int:</translation>
    </message>
    <message>
        <source>Label si&amp;ze:</source>
        <translation>Label si&amp;ze:</translation>
    </message>
    <message>
        <source>Printer r&amp;esolution:</source>
        <translation>Printer r&amp;esolution:</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Layout:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation>Save P&amp;DF…</translation>
    </message>
    <message>
        <source>Batch: labels of every return received on</source>
        <translation>Batch: labels of every return received on</translation>
    </message>
    <message>
        <source>Print the day&apos;s labels</source>
        <translation>Print the day&apos;s labels</translation>
    </message>
    <message>
        <source>No return %1.</source>
        <translation>No return %1.</translation>
    </message>
    <message>
        <source>Tick at least one line.</source>
        <translation>Tick at least one line.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Labels and handling notice of %1: %2</source>
        <translation>Labels and handling notice of %1: %2</translation>
    </message>
    <message>
        <source>No returns were received on %1.</source>
        <translation>No returns were received on %1.</translation>
    </message>
    <message>
        <source>%1 labels written to %2</source>
        <translation>%1 labels written to %2</translation>
    </message>
    <message>
        <source>Batch labels</source>
        <translation>Batch labels</translation>
    </message>
</context>
<context>
    <name>LabourModel</name>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Rate/hour</source>
        <translation>Rate/hour</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
</context>
<context>
    <name>LiaisonModel</name>
    <message>
        <source>RMA No.</source>
        <translation>RMA No.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
</context>
<context>
    <name>LiaisonQueueWindow</name>
    <message>
        <source>Liaison notes</source>
        <translation>Liaison notes</translation>
    </message>
    <message>
        <source>Liaison notes of the return</source>
        <translation>Liaison notes of the return</translation>
    </message>
    <message>
        <source>Only notes waiting for sales</source>
        <translation>Only notes waiting for sales</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Acknowledge…</translation>
    </message>
    <message>
        <source>Print note…</source>
        <translation>Print note…</translation>
    </message>
    <message>
        <source>Waiting %1 · overdue %2</source>
        <translation>Waiting %1 · overdue %2</translation>
    </message>
    <message>
        <source>Sales acknowledges liaison notes</source>
        <translation>Sales acknowledges liaison notes</translation>
    </message>
    <message>
        <source>Acknowledged with your reply.</source>
        <translation>Acknowledged with your reply.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>LineQueueModel</name>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Model/spec</source>
        <translation>Model/spec</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Customer&apos;s reason</source>
        <translation>Customer&apos;s reason</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>Liability</translation>
    </message>
    <message numerus="yes">
        <source>Overdue: due %1, %n day(s) late</source>
        <translation>
            <numerusform>Overdue: due %1, %n day late</numerusform>
            <numerusform>Overdue: due %1, %n days late</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <source>Import a %1 list from Excel</source>
        <extracomment>the list was imported (committed): the ListImportResult</extracomment>
        <translation>Import a %1 list from Excel</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>Save &amp;rejects…</source>
        <translation>Save &amp;rejects…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Save rejects</source>
        <translation>Save rejects</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Choose a workbook: columns are found by their header names (e.g. 客户名称, 型号规格, 单价, 保修期(月), 条码, 供应商).</source>
        <translation>Choose a workbook: columns are found by their header names (e.g. 客户名称, 型号规格, 单价, 保修期(月), 条码, 供应商).</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>%n entries</source>
        <translation>%n entries</translation>
    </message>
    <message>
        <source>Choose an entry in the list first</source>
        <translation>Choose an entry in the list first</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reactivate</translation>
    </message>
    <message>
        <source>Code, name, contact…</source>
        <translation>Code, name, contact…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Log-in cancelled: a new password must be chosen first.</source>
        <translation>Log-in cancelled: a new password must be chosen first.</translation>
    </message>
    <message>
        <source>Log in — RMA Station</source>
        <translation>Log in — RMA Station</translation>
    </message>
    <message>
        <source>Customer Returns Station</source>
        <translation>Customer Returns Station</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
</context>
<context>
    <name>LotTraceDialog</name>
    <message>
        <source>Lot trace</source>
        <translation>Lot trace</translation>
    </message>
    <message>
        <source>&amp;Lot no.:</source>
        <translation>&amp;Lot no.:</translation>
    </message>
    <message>
        <source>Type or scan a lot number (or its beginning)</source>
        <translation>Type or scan a lot number (or its beginning)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), the newest %1 shown</source>
        <translation>
            <numerusform>%n line, the newest %1 shown</numerusform>
            <numerusform>%n lines, the newest %1 shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a lot number first.</source>
        <translation>Type a lot number first.</translation>
    </message>
    <message>
        <source>No line of lot %1.</source>
        <translation>No line of lot %1.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>RMA Station — customer returns</source>
        <translation>RMA Station — customer returns</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>&amp;Station</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>&amp;Import a legacy Excel log…</source>
        <translation>&amp;Import a legacy Excel log…</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>&amp;Back up the database…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>&amp;Master data…</source>
        <translation>&amp;Master data…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>S&amp;witch user…</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Scan a label</source>
        <translation>&amp;Scan a label</translation>
    </message>
    <message>
        <source>&amp;Refresh lists</source>
        <translation>&amp;Refresh lists</translation>
    </message>
    <message>
        <source>&amp;About RMA Station</source>
        <translation>&amp;About RMA Station</translation>
    </message>
    <message>
        <source>Incoming returns</source>
        <extracomment>the user asked to log in as someone else (the application opens the log-in again)</extracomment>
        <translation>Incoming returns</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>Rework</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>%1 is “%2”: a step for %3.</source>
        <translation>%1 is “%2”: a step for %3.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Product %1 added.</source>
        <translation>Product %1 added.</translation>
    </message>
    <message>
        <source>%1 is a product label: scan it at the receiving desk.</source>
        <translation>%1 is a product label: scan it at the receiving desk.</translation>
    </message>
    <message>
        <source>Unknown code: %1</source>
        <translation>Unknown code: %1</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <source>NOT reachable</source>
        <translation>NOT reachable</translation>
    </message>
    <message>
        <source>Database: %1 (%2)</source>
        <translation>Database: %1 (%2)</translation>
    </message>
    <message>
        <source>Only the quality and warehouse roles import logs.</source>
        <translation>Only the quality and warehouse roles import logs.</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>Scan:</translation>
    </message>
    <message>
        <source>DEMO DATA — not for real work</source>
        <translation>DEMO DATA — not for real work</translation>
    </message>
    <message>
        <source>Scan or type a label, then Enter (F2)</source>
        <translation>Scan or type a label, then Enter (F2)</translation>
    </message>
    <message>
        <source>Line labels open the line where its next step is; product labels add a line at the receiving desk.</source>
        <translation>Line labels open the line where its next step is; product labels add a line at the receiving desk.</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <source>Station: %1</source>
        <translation>Station: %1</translation>
    </message>
    <message>
        <source>receiving desk</source>
        <translation>receiving desk</translation>
    </message>
    <message>
        <source>QA bench</source>
        <translation>QA bench</translation>
    </message>
    <message>
        <source>rework</source>
        <translation>rework</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>reports</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>printing</translation>
    </message>
    <message>
        <source>The new database is used from the next start of the station.</source>
        <translation>The new database is used from the next start of the station.</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <source>About RMA Station</source>
        <translation>About RMA Station</translation>
    </message>
    <message>
        <source>RMA Station — customer returns from receipt to inspection, rework, re-inspection and statistics.</source>
        <translation>RMA Station — customer returns from receipt to inspection, rework, re-inspection and statistics.</translation>
    </message>
</context>
<context>
    <name>MasterDataPage</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Show &amp;inactive</source>
        <translation>Show &amp;inactive</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>From E&amp;xcel…</source>
        <translation>From E&amp;xcel…</translation>
    </message>
</context>
<context>
    <name>MasterDataWindow</name>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Suppliers</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Defect categories</source>
        <translation>Defect categories</translation>
    </message>
    <message>
        <source>Storage locations</source>
        <translation>Storage locations</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Shared settings</source>
        <translation>Shared settings</translation>
    </message>
    <message>
        <source>Master data — RMA Station</source>
        <translation>Master data — RMA Station</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Unit cost</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
</context>
<context>
    <name>MoveToServerDialog</name>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Testing the server…</source>
        <translation>Testing the server…</translation>
    </message>
    <message>
        <source>Ready: an empty database at this station&apos;s schema.</source>
        <translation>Ready: an empty database at this station&apos;s schema.</translation>
    </message>
    <message>
        <source>Ready: the database has no tables yet; the copy creates them first.</source>
        <translation>Ready: the database has no tables yet; the copy creates them first.</translation>
    </message>
    <message numerus="yes">
        <source>This database is not empty: table %1 holds %n row(s). The data can only be copied into an empty database.</source>
        <translation>
            <numerusform>This database is not empty: table %1 holds %n row. The data can only be copied into an empty database.</numerusform>
            <numerusform>This database is not empty: table %1 holds %n rows. The data can only be copied into an empty database.</numerusform>
        </translation>
    </message>
    <message>
        <source>This database is at schema %1, not this station&apos;s: run rma-station db upgrade against it first.</source>
        <translation>This database is at schema %1, not this station&apos;s: run rma-station db upgrade against it first.</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Copying…</translation>
    </message>
    <message>
        <source>Copying this station&apos;s data to the server…</source>
        <translation>Copying this station&apos;s data to the server…</translation>
    </message>
    <message>
        <source>Copied and verified: %1 rows in %2 tables, row counts and checksums equal. Use the server for this station now?</source>
        <translation>Copied and verified: %1 rows in %2 tables, row counts and checksums equal. Use the server for this station now?</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed on the server.</source>
        <translation>Cancelled: nothing was changed on the server.</translation>
    </message>
    <message>
        <source>Move this station&apos;s data to a server</source>
        <translation>Move this station&apos;s data to a server</translation>
    </message>
    <message>
        <source>Copies everything of this station — returns, users, counters and the audit trail — into an empty server database in one transaction, then checks every table (row counts and checksums). Nothing here is changed. A server database that has no tables yet gets them first.</source>
        <translation>Copies everything of this station — returns, users, counters and the audit trail — into an empty server database in one transaction, then checks every table (row counts and checksums). Nothing here is changed. A server database that has no tables yet gets them first.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>&amp;Copy to the server</source>
        <translation>&amp;Copy to the server</translation>
    </message>
    <message>
        <source>&amp;Use the server for this station</source>
        <translation>&amp;Use the server for this station</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>NewClaimDialog</name>
    <message>
        <source>New supplier claim</source>
        <translation>New supplier claim</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>Supplier:</translation>
    </message>
    <message>
        <source>Lines of liability 2 (supplier):</source>
        <translation>Lines of liability 2 (supplier):</translation>
    </message>
    <message>
        <source>Note to the supplier:</source>
        <translation>Note to the supplier:</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), loss cost ¥%1</source>
        <translation>
            <numerusform>%n line, loss cost ¥%1</numerusform>
            <numerusform>%n lines, loss cost ¥%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutstandingModel</name>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Received on</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>loading…</source>
        <extracomment>every text a column of code names can show, in a language (its width is measured from these, not from the cells); None for free text how many rows the list holds in all (counted by the database), after each reload a read started (True) or every read ended (False): the view may say so</extracomment>
        <translation>loading…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password — RMA Station</source>
        <translation>Change password — RMA Station</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>&amp;Repeat the new password:</translation>
    </message>
    <message>
        <source>At least 8 characters, not the user name, not a common password.</source>
        <translation>At least 8 characters, not the user name, not a common password.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PendingTab</name>
    <message>
        <source>Not yet available in this version.</source>
        <translation>Not yet available in this version.</translation>
    </message>
</context>
<context>
    <name>QueueTitles</name>
    <message>
        <source>To register</source>
        <translation>To register</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>To approve</source>
        <translation>To approve</translation>
    </message>
    <message>
        <source>To inspect</source>
        <translation>To inspect</translation>
    </message>
    <message>
        <source>To decide</source>
        <translation>To decide</translation>
    </message>
    <message>
        <source>To rework</source>
        <translation>To rework</translation>
    </message>
    <message>
        <source>To re-inspect</source>
        <translation>To re-inspect</translation>
    </message>
    <message>
        <source>To close</source>
        <translation>To close</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(%1 late)</source>
        <translation>(%1 late)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>New: %1</source>
        <translation>New: %1</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Edit: %1</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Model, name or barcode…</source>
        <translation>Model, name or barcode…</translation>
    </message>
    <message>
        <source>Code or name…</source>
        <translation>Code or name…</translation>
    </message>
    <message>
        <source>Code, name or note…</source>
        <translation>Code, name or note…</translation>
    </message>
    <message>
        <source>Code, name, contact…</source>
        <translation>Code, name, contact…</translation>
    </message>
    <message>
        <source>Reactivated.</source>
        <translation>Reactivated.</translation>
    </message>
    <message>
        <source>Deactivated: it no longer appears in the pick lists; returns that name it keep it.</source>
        <translation>Deactivated: it no longer appears in the pick lists; returns that name it keep it.</translation>
    </message>
    <message>
        <source>Press F5 to reload.</source>
        <translation>Press F5 to reload.</translation>
    </message>
</context>
<context>
    <name>RelatedDialog</name>
    <message numerus="yes">
        <source>%n line(s), the newest %1 shown</source>
        <translation>
            <numerusform>%n line, the newest %1 shown</numerusform>
            <numerusform>%n lines, the newest %1 shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Same model and lot</source>
        <translation>Same model and lot</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Other returns of lot %1 (%2): %3</source>
        <translation>Other returns of lot %1 (%2): %3</translation>
    </message>
    <message>
        <source>This line carries no lot number.</source>
        <translation>This line carries no lot number.</translation>
    </message>
    <message>
        <source>Other returns of model %1: %2</source>
        <translation>Other returns of model %1: %2</translation>
    </message>
</context>
<context>
    <name>ReplacementsWindow</name>
    <message>
        <source>Replacements to ship</source>
        <translation>Replacements to ship</translation>
    </message>
    <message>
        <source>Show shipped lines too</source>
        <translation>Show shipped lines too</translation>
    </message>
    <message>
        <source>Record shipment…</source>
        <translation>Record shipment…</translation>
    </message>
    <message numerus="yes">
        <source>Outstanding: %n line(s)</source>
        <translation>
            <numerusform>Outstanding: %n line</numerusform>
            <numerusform>Outstanding: %n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Sales or the warehouse record shipments</source>
        <translation>Sales or the warehouse record shipments</translation>
    </message>
    <message>
        <source>Shipped %1 on %2, delivery note %3</source>
        <translation>Shipped %1 on %2, delivery note %3</translation>
    </message>
    <message>
        <source>Shipment recorded.</source>
        <translation>Shipment recorded.</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Acknowledge the liaison note</source>
        <translation>Acknowledge the liaison note</translation>
    </message>
    <message>
        <source>Your reply: what sales does with the customer</source>
        <translation>Your reply: what sales does with the customer</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>Export &amp;Excel…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;to</translation>
    </message>
    <message>
        <source>Export &amp;returns…</source>
        <translation>Export &amp;returns…</translation>
    </message>
    <message>
        <source>The monthly statistics as a workbook with charts</source>
        <translation>The monthly statistics as a workbook with charts</translation>
    </message>
    <message>
        <source>The monthly statistics on A4 for the distribution list</source>
        <translation>The monthly statistics on A4 for the distribution list</translation>
    </message>
    <message>
        <source>Return lines</source>
        <translation>Return lines</translation>
    </message>
    <message>
        <source>Every line received in these days, with its return, decision and costs, as a workbook</source>
        <translation>Every line received in these days, with its return, decision and costs, as a workbook</translation>
    </message>
    <message>
        <source>Returns</source>
        <extracomment>a month&apos;s figures are in the cards, tables and charts (the charts laid out)</extracomment>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>External loss cost</source>
        <translation>External loss cost</translation>
    </message>
    <message>
        <source>8D opened / closed / overdue</source>
        <translation>8D opened / closed / overdue</translation>
    </message>
    <message>
        <source>Supplier claims: claimed / recovered</source>
        <translation>Supplier claims: claimed / recovered</translation>
    </message>
    <message>
        <source>By liability</source>
        <translation>By liability</translation>
    </message>
    <message>
        <source>By cause</source>
        <translation>By cause</translation>
    </message>
    <message>
        <source>By customer</source>
        <translation>By customer</translation>
    </message>
    <message>
        <source>By model</source>
        <translation>By model</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>Pareto</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Liability codes</source>
        <translation>Liability codes</translation>
    </message>
    <message>
        <source>Top lots</source>
        <translation>Top lots</translation>
    </message>
    <message>
        <source>Pareto of causes</source>
        <translation>Pareto of causes</translation>
    </message>
    <message>
        <source>Cost by liability</source>
        <translation>Cost by liability</translation>
    </message>
    <message>
        <source>13-month trend</source>
        <translation>13-month trend</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>Liability</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Cumulative</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Model · lot</source>
        <translation>Model · lot</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Reading…</source>
        <extracomment>the day the tab opens on (tests pin it)</extracomment>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>Could not read the figures</source>
        <translation>Could not read the figures</translation>
    </message>
    <message>
        <source>Monthly statistics</source>
        <translation>Monthly statistics</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) not analysed yet are left out of the Pareto.</source>
        <translation>
            <numerusform>%n line not analysed yet is left out of the Pareto.</numerusform>
            <numerusform>%n lines not analysed yet are left out of the Pareto.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rework materials</source>
        <translation>Rework materials</translation>
    </message>
    <message>
        <source>Rework labour</source>
        <translation>Rework labour</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>Other costs</translation>
    </message>
    <message>
        <source>Scrapped value</source>
        <translation>Scrapped value</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>Cumulative %</translation>
    </message>
    <message>
        <source>External loss cost by liability (¥)</source>
        <translation>External loss cost by liability (¥)</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>Liability code</source>
        <translation>Liability code</translation>
    </message>
    <message>
        <source>Amount, refunds and external loss cost by month (¥)</source>
        <translation>Amount, refunds and external loss cost by month (¥)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>Cancelled: nothing was saved.</translation>
    </message>
    <message>
        <source>Save the monthly statistics workbook</source>
        <translation>Save the monthly statistics workbook</translation>
    </message>
    <message>
        <source>Customer returns %1.xlsx</source>
        <translation>Customer returns %1.xlsx</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Reading the figures…</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Writing the workbook…</translation>
    </message>
    <message>
        <source>Monthly statistics workbook</source>
        <translation>Monthly statistics workbook</translation>
    </message>
    <message>
        <source>Save the monthly statistics report</source>
        <translation>Save the monthly statistics report</translation>
    </message>
    <message>
        <source>Customer returns %1.pdf</source>
        <translation>Customer returns %1.pdf</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <source>Monthly statistics report</source>
        <translation>Monthly statistics report</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>The first day is after the last day.</translation>
    </message>
    <message>
        <source>Export the return lines</source>
        <translation>Export the return lines</translation>
    </message>
    <message>
        <source>Return lines %1 to %2.xlsx</source>
        <translation>Return lines %1 to %2.xlsx</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 of %2 lines</translation>
    </message>
    <message>
        <source>Exporting return lines</source>
        <translation>Exporting return lines</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password — RMA Station</source>
        <translation>Reset password — RMA Station</translation>
    </message>
    <message>
        <source>New password for %1. They must change it at their next log-in.</source>
        <translation>New password for %1. They must change it at their next log-in.</translation>
    </message>
</context>
<context>
    <name>ReturnLinesModel</name>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Model/spec (scan or type)</source>
        <translation>Model/spec (scan or type)</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Mfg date</source>
        <translation>Mfg date</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Announced</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Customer&apos;s reason</source>
        <translation>Customer&apos;s reason</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Ours</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Counted %1, nothing announced: please verify</source>
        <translation>Counted %1, nothing announced: please verify</translation>
    </message>
    <message>
        <source>Counted %1, announced %2: please verify</source>
        <translation>Counted %1, announced %2: please verify</translation>
    </message>
    <message>
        <source>List price %1</source>
        <translation>List price %1</translation>
    </message>
</context>
<context>
    <name>ReturnListModel</name>
    <message>
        <source>RMA no.</source>
        <translation>RMA no.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
</context>
<context>
    <name>ReworkTab</name>
    <message>
        <source>Rework and re-inspection</source>
        <translation>Rework and re-inspection</translation>
    </message>
    <message>
        <source>In rework</source>
        <translation>In rework</translation>
    </message>
    <message>
        <source>Awaiting re-inspection</source>
        <translation>Awaiting re-inspection</translation>
    </message>
    <message>
        <source>Search label, model, customer…</source>
        <translation>Search label, model, customer…</translation>
    </message>
    <message>
        <source>Scan a line label or choose a line</source>
        <translation>Scan a line label or choose a line</translation>
    </message>
    <message>
        <source>planned %1 by %2</source>
        <translation>planned %1 by %2</translation>
    </message>
    <message>
        <source>not planned yet</source>
        <translation>not planned yet</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Return %1 is closed.</source>
        <translation>Return %1 is closed.</translation>
    </message>
    <message>
        <source>All %1 lines of %2 are done: the return can be closed.</source>
        <translation>All %1 lines of %2 are done: the return can be closed.</translation>
    </message>
    <message>
        <source>%1 of %2 lines of %3 are done.</source>
        <translation>%1 of %2 lines of %3 are done.</translation>
    </message>
    <message>
        <source>Materials %1 + Labour %2 (%3 h) + Other %4 = %5</source>
        <translation>Materials %1 + Labour %2 (%3 h) + Other %4 = %5</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>The line is “%1”</source>
        <translation>The line is “%1”</translation>
    </message>
    <message>
        <source>No line chosen</source>
        <translation>No line chosen</translation>
    </message>
    <message>
        <source>Finish the rework first</source>
        <translation>Finish the rework first</translation>
    </message>
    <message>
        <source>Every line of the return must be done first</source>
        <translation>Every line of the return must be done first</translation>
    </message>
    <message>
        <source>Plan saved.</source>
        <translation>Plan saved.</translation>
    </message>
    <message>
        <source>Materials and labour saved.</source>
        <translation>Materials and labour saved.</translation>
    </message>
    <message>
        <source>Rework finished: the line awaits re-inspection.</source>
        <translation>Rework finished: the line awaits re-inspection.</translation>
    </message>
    <message>
        <source>Re-inspection saved: the line is done.</source>
        <translation>Re-inspection saved: the line is done.</translation>
    </message>
    <message>
        <source>the release of %1 after re-inspection (release)</source>
        <translation>the release of %1 after re-inspection (release)</translation>
    </message>
    <message>
        <source>Return %1 closed.</source>
        <translation>Return %1 closed.</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <source>Save amendment…</source>
        <translation>Save amendment…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>Save the amendment first</source>
        <translation>Save the amendment first</translation>
    </message>
    <message>
        <source>Amend rework of %1</source>
        <translation>Amend rework of %1</translation>
    </message>
    <message>
        <source>Why are the rework records amended?</source>
        <translation>Why are the rework records amended?</translation>
    </message>
    <message>
        <source>Rework amended.</source>
        <translation>Rework amended.</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>Reopen %1</translation>
    </message>
    <message>
        <source>Why is the line reopened?</source>
        <translation>Why is the line reopened?</translation>
    </message>
    <message>
        <source>Line reopened.</source>
        <translation>Line reopened.</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Line to rework</source>
        <translation>Line to rework</translation>
    </message>
    <message>
        <source>RMA no.:</source>
        <translation>RMA no.:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Model/spec:</source>
        <translation>Model/spec:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <source>Disposition:</source>
        <translation>Disposition:</translation>
    </message>
    <message>
        <source>Liability:</source>
        <translation>Liability:</translation>
    </message>
    <message>
        <source>Final cause:</source>
        <translation>Final cause:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Reload, keep my input</source>
        <translation>Reload, keep my input</translation>
    </message>
    <message>
        <source>Rework plan (within 2 days)</source>
        <translation>Rework plan (within 2 days)</translation>
    </message>
    <message>
        <source>&amp;Planned for:</source>
        <translation>&amp;Planned for:</translation>
    </message>
    <message>
        <source>Rework &amp;quantity:</source>
        <translation>Rework &amp;quantity:</translation>
    </message>
    <message>
        <source>Save p&amp;lan</source>
        <translation>Save p&amp;lan</translation>
    </message>
    <message>
        <source>Materials and labour hours (external loss cost)</source>
        <translation>Materials and labour hours (external loss cost)</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Add material</source>
        <translation>Add material</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>Labour</translation>
    </message>
    <message>
        <source>Add worker</source>
        <translation>Add worker</translation>
    </message>
    <message>
        <source>&amp;Other costs:</source>
        <translation>&amp;Other costs:</translation>
    </message>
    <message>
        <source>Save &amp;costs</source>
        <translation>Save &amp;costs</translation>
    </message>
    <message>
        <source>&amp;Finish rework</source>
        <translation>&amp;Finish rework</translation>
    </message>
    <message>
        <source>Re-inspection</source>
        <translation>Re-inspection</translation>
    </message>
    <message>
        <source>Qu&amp;alified:</source>
        <translation>Qu&amp;alified:</translation>
    </message>
    <message>
        <source>&amp;Unqualified:</source>
        <translation>&amp;Unqualified:</translation>
    </message>
    <message>
        <source>Scrappe&amp;d:</source>
        <translation>Scrappe&amp;d:</translation>
    </message>
    <message>
        <source>Save re-inspec&amp;tion</source>
        <translation>Save re-inspec&amp;tion</translation>
    </message>
    <message>
        <source>Close the return</source>
        <translation>Close the return</translation>
    </message>
    <message>
        <source>Close &amp;return</source>
        <translation>Close &amp;return</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Only an administrator or a manager may change the shared settings.</source>
        <translation>Only an administrator or a manager may change the shared settings.</translation>
    </message>
    <message>
        <source>Warehouse receiving</source>
        <translation>Warehouse receiving</translation>
    </message>
    <message>
        <source>QA inspection</source>
        <translation>QA inspection</translation>
    </message>
    <message>
        <source>Production rework</source>
        <translation>Production rework</translation>
    </message>
    <message>
        <source>Reports and statistics</source>
        <translation>Reports and statistics</translation>
    </message>
    <message>
        <source>Printing slips and labels</source>
        <translation>Printing slips and labels</translation>
    </message>
    <message>
        <source>PDF file (no printer)</source>
        <translation>PDF file (no printer)</translation>
    </message>
    <message>
        <source>Not a database address: write e.g. postgresql+psycopg://user@server/rma, or leave it empty for the embedded database</source>
        <translation>Not a database address: write e.g. postgresql+psycopg://user@server/rma, or leave it empty for the embedded database</translation>
    </message>
    <message>
        <source>Every controlled form needs its form number and revision: %1</source>
        <translation>Every controlled form needs its form number and revision: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Testing the database connection…</source>
        <translation>Testing the database connection…</translation>
    </message>
    <message>
        <source>Connected: the database answers.</source>
        <translation>Connected: the database answers.</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Cannot connect: %1</translation>
    </message>
    <message>
        <source>The data is on the server now: OK saves its address, and the station uses it from the next start.</source>
        <translation>The data is on the server now: OK saves its address, and the station uses it from the next start.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>empty = the embedded database on this computer</source>
        <translation>empty = the embedded database on this computer</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Station &amp;role:</source>
        <translation>Station &amp;role:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Label &amp;printer:</source>
        <translation>Label &amp;printer:</translation>
    </message>
    <message>
        <source>Label &amp;size:</source>
        <translation>Label &amp;size:</translation>
    </message>
    <message>
        <source>Printer r&amp;esolution:</source>
        <translation>Printer r&amp;esolution:</translation>
    </message>
    <message>
        <source>&amp;Move this station&apos;s data to a server…</source>
        <translation>&amp;Move this station&apos;s data to a server…</translation>
    </message>
    <message>
        <source>Shared by all stations</source>
        <translation>Shared by all stations</translation>
    </message>
    <message>
        <source>&amp;Hourly labour rate (yuan):</source>
        <translation>&amp;Hourly labour rate (yuan):</translation>
    </message>
    <message>
        <source>e.g. 35.50</source>
        <translation>e.g. 35.50</translation>
    </message>
    <message>
        <source>Controlled form</source>
        <translation>Controlled form</translation>
    </message>
    <message>
        <source>Form No.</source>
        <translation>Form No.</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Return handling notice</source>
        <translation>Return handling notice</translation>
    </message>
    <message>
        <source>Return analysis and handling form</source>
        <translation>Return analysis and handling form</translation>
    </message>
    <message>
        <source>Liaison note</source>
        <translation>Liaison note</translation>
    </message>
    <message>
        <source>Rework and re-inspection record</source>
        <translation>Rework and re-inspection record</translation>
    </message>
    <message>
        <source>These values are kept in the database and apply to every station.</source>
        <translation>These values are kept in the database and apply to every station.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>handling notice</source>
        <translation>handling notice</translation>
    </message>
    <message>
        <source>analysis form</source>
        <translation>analysis form</translation>
    </message>
    <message>
        <source>liaison note</source>
        <translation>liaison note</translation>
    </message>
    <message>
        <source>rework record</source>
        <translation>rework record</translation>
    </message>
    <message>
        <source>Labour rate (yuan per hour):</source>
        <translation>Labour rate (yuan per hour):</translation>
    </message>
    <message>
        <source>Company name on the forms:</source>
        <translation>Company name on the forms:</translation>
    </message>
    <message>
        <source>Form number, %1:</source>
        <translation>Form number, %1:</translation>
    </message>
    <message>
        <source>Revision, %1:</source>
        <translation>Revision, %1:</translation>
    </message>
    <message>
        <source>These values are kept in the database and apply to every station.</source>
        <translation>These values are kept in the database and apply to every station.</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <source>Settings saved for every station.</source>
        <translation>Settings saved for every station.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Handling notice (客退品处理通知单)</source>
        <translation>Handling notice (客退品处理通知单)</translation>
    </message>
    <message>
        <source>Analysis form (退货分析处理单)</source>
        <translation>Analysis form (退货分析处理单)</translation>
    </message>
    <message>
        <source>Liaison note (联络单)</source>
        <translation>Liaison note (联络单)</translation>
    </message>
    <message>
        <source>Rework order (返工单)</source>
        <translation>Rework order (返工单)</translation>
    </message>
    <message>
        <source>Monthly statistics (顾客退货月统计表)</source>
        <translation>Monthly statistics (顾客退货月统计表)</translation>
    </message>
    <message>
        <source>Form No. (编号)</source>
        <translation>Form No. (编号)</translation>
    </message>
    <message>
        <source>Rev. (版次)</source>
        <translation>Rev. (版次)</translation>
    </message>
    <message>
        <source>Warehouse receiving</source>
        <translation>Warehouse receiving</translation>
    </message>
    <message>
        <source>QA inspection</source>
        <translation>QA inspection</translation>
    </message>
    <message>
        <source>Production rework</source>
        <translation>Production rework</translation>
    </message>
    <message>
        <source>Reports and statistics</source>
        <translation>Reports and statistics</translation>
    </message>
    <message>
        <source>Printing slips and labels</source>
        <translation>Printing slips and labels</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>Fill this database with demo data?

Invented customers, products and a year of returns, and the users admin, wh, sales, mgr, qa, eng and pmc with the password 1234 (to be changed at the first log-in). The status bar and every printed form say DEMO DATA (演示数据).

This database is then for trying the station out only: for real work, set up a new, empty database.</source>
        <translation>Fill this database with demo data?

Invented customers, products and a year of returns, and the users admin, wh, sales, mgr, qa, eng and pmc with the password 1234 (to be changed at the first log-in). The status bar and every printed form say DEMO DATA (演示数据).

This database is then for trying the station out only: for real work, set up a new, empty database.</translation>
    </message>
    <message>
        <source>Set up — RMA Station</source>
        <translation>Set up — RMA Station</translation>
    </message>
    <message>
        <source>Set up the station</source>
        <translation>Set up the station</translation>
    </message>
    <message>
        <source>This database is new and empty. Enter your company, the numbers of your controlled forms and the first administrator: then the station is ready for real work.</source>
        <translation>This database is new and empty. Enter your company, the numbers of your controlled forms and the first administrator: then the station is ready for real work.</translation>
    </message>
    <message>
        <source>Company and forms</source>
        <translation>Company and forms</translation>
    </message>
    <message>
        <source>&amp;Company name:</source>
        <translation>&amp;Company name:</translation>
    </message>
    <message>
        <source>Printed in the header of every form: form number (编号) and revision (版次).</source>
        <translation>Printed in the header of every form: form number (编号) and revision (版次).</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>&amp;Station role:</source>
        <translation>&amp;Station role:</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Password &amp;again:</translation>
    </message>
    <message>
        <source>&amp;Set up and log in</source>
        <translation>&amp;Set up and log in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Only to try the station out</source>
        <translation>Only to try the station out</translation>
    </message>
    <message>
        <source>Demo data: invented customers, products and a year of returns, and users whose password is 1234. NOT for real work: every form prints DEMO.</source>
        <translation>Demo data: invented customers, products and a year of returns, and users whose password is 1234. NOT for real work: every form prints DEMO.</translation>
    </message>
    <message>
        <source>Try it with &amp;demo data…</source>
        <translation>Try it with &amp;demo data…</translation>
    </message>
</context>
<context>
    <name>ShipmentDialog</name>
    <message>
        <source>Record a replacement shipment</source>
        <translation>Record a replacement shipment</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Line:</translation>
    </message>
    <message>
        <source>Ship date:</source>
        <translation>Ship date:</translation>
    </message>
    <message>
        <source>Delivery note no.:</source>
        <translation>Delivery note no.:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>%1 signs: %2. Enter your password to sign.</source>
        <translation>%1 signs: %2. Enter your password to sign.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>Signatures</name>
    <message>
        <source>Signature void: %1 signed at %2; the record was changed since, not through the station — sign again</source>
        <extracomment>refusals that leave the dialog open for another try</extracomment>
        <translation>Signature void: %1 signed at %2; the record was changed since, not through the station — sign again</translation>
    </message>
    <message>
        <source>Signature void: %1 signed at %2; voided by %3 at %4 — sign again</source>
        <translation>Signature void: %1 signed at %2; voided by %3 at %4 — sign again</translation>
    </message>
    <message>
        <source>Signed (%1) by %2 at %3</source>
        <translation>Signed (%1) by %2 at %3</translation>
    </message>
</context>
<context>
    <name>StationContext</name>
    <message>
        <source>Saving…</source>
        <extracomment>return lines whose state or content changed (ids) returns (handling notices) whose state or content changed (ids) customers, products, users or business settings changed an expected error or a short notice for the status bar, already in the user&apos;s language the database connection was lost (the DatabaseUnavailable); the window shows its banner the connection is back; kept actions have been run again how many actions are kept, waiting for the database (after each change) the window&apos;s language changed (&quot;zh_CN&quot; / &quot;en&quot;) a user asked to print the labels and handling notice of a return (its id) live refresh (ui.live): another station&apos;s changes (a ui.live.RemoteChange), after the linesChanged / returnsChanged / referenceChanged it announced with `remote` True True while ui.live announces another station&apos;s changes on the signals above: a view never takes them for its own save, and a form with unsaved input is not read over after linesChanged/returnsChanged of one action: the same ids and who made the change an action of a form (the initiator, or None) started (True) or ended (False: after its on_done) while linesChanged/returnsChanged are emitted: the form whose action it was (None: another form without one, another station, a refresh)</extracomment>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>TraceButton</name>
    <message>
        <source>Related…</source>
        <translation>Related…</translation>
    </message>
    <message>
        <source>The other returns of this line&apos;s model and lot, with their decisions</source>
        <translation>The other returns of this line&apos;s model and lot, with their decisions</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>RMA no.</source>
        <translation>RMA no.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Liability</source>
        <translation>Liability</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Edit user %1</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <source>User name, name or department…</source>
        <translation>User name, name or department…</translation>
    </message>
    <message>
        <source>Reactivated.</source>
        <translation>Reactivated.</translation>
    </message>
    <message>
        <source>Deactivated: the user can no longer log in.</source>
        <translation>Deactivated: the user can no longer log in.</translation>
    </message>
</context>
<context>
    <name>WarrantyPanel</name>
    <message>
        <source>Ship/invoice date…</source>
        <translation>Ship/invoice date…</translation>
    </message>
    <message>
        <source>Confirm out of warranty…</source>
        <translation>Confirm out of warranty…</translation>
    </message>
    <message>
        <source>Warranty:</source>
        <translation>Warranty:</translation>
    </message>
    <message>
        <source>Sales confirm out-of-warranty lines</source>
        <translation>Sales confirm out-of-warranty lines</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
</TS>
