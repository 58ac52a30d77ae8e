<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>Cannot do that</translation>
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
        <source>Choose a return log (.xlsx). Nothing is written before you press Import.</source>
        <translation>Choose a return log (.xlsx). Nothing is written before you press Import.</translation>
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
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm)</translation>
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
        <source>Confirmed for sales.</source>
        <translation>Confirmed for sales.</translation>
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
        <source>not a ratio</source>
        <translation>not a ratio</translation>
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
        <source>8D opened.</source>
        <translation>8D opened.</translation>
    </message>
    <message>
        <source>Liaison note sent to sales.</source>
        <translation>Liaison note sent to sales.</translation>
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
    <name>LineQueueModel</name>
    <message>
        <source>Label</source>
        <extracomment>how many rows the list holds in all (counted by the database), after each reload</extracomment>
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
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>S&amp;witch user…</translation>
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
        <source>About RMA Station</source>
        <translation>About RMA Station</translation>
    </message>
    <message>
        <source>RMA Station — customer returns from receipt to inspection, rework, re-inspection and statistics.</source>
        <translation>RMA Station — customer returns from receipt to inspection, rework, re-inspection and statistics.</translation>
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
        <source>Return %1 closed.</source>
        <translation>Return %1 closed.</translation>
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
