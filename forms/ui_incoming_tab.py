# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incoming_tab.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_IncomingTab(object):
    def setupUi(self, IncomingTab):
        if not IncomingTab.objectName():
            IncomingTab.setObjectName(u"IncomingTab")
        self.tabLayout = QHBoxLayout(IncomingTab)
        self.tabLayout.setObjectName(u"tabLayout")
        self.tabLayout.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(IncomingTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(self.listPane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.statusCombo = QComboBox(self.listPane)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.newButton = QPushButton(self.listPane)
        self.newButton.setObjectName(u"newButton")

        self.filterLayout.addWidget(self.newButton)


        self.listLayout.addLayout(self.filterLayout)

        self.returnsView = QTableView(self.listPane)
        self.returnsView.setObjectName(u"returnsView")
        self.returnsView.setAlternatingRowColors(True)
        self.returnsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.returnsView.setMinimumSize(QSize(0, 200))

        self.listLayout.addWidget(self.returnsView)

        self.countLabel = QLabel(self.listPane)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.listLayout.addWidget(self.countLabel)

        self.splitter.addWidget(self.listPane)
        self.formScroll = QScrollArea(self.splitter)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setWidgetResizable(True)
        self.formScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.formPane = QWidget()
        self.formPane.setObjectName(u"formPane")
        self.formLayout = QVBoxLayout(self.formPane)
        self.formLayout.setObjectName(u"formLayout")
        self.titleLayout = QHBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLabel = QLabel(self.formPane)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"")
        self.titleLabel.setStyleSheet(u"font-size: 14pt; font-weight: bold;")

        self.titleLayout.addWidget(self.titleLabel)

        self.titleSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleLayout.addItem(self.titleSpacer)

        self.stateLabel = QLabel(self.formPane)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setText(u"")
        self.stateLabel.setStyleSheet(u"color: #555555;")

        self.titleLayout.addWidget(self.stateLabel)

        self.titleLayout.setStretch(1, 1)

        self.formLayout.addLayout(self.titleLayout)

        self.headerGroup = QGroupBox(self.formPane)
        self.headerGroup.setObjectName(u"headerGroup")
        self.headerLayout = QGridLayout(self.headerGroup)
        self.headerLayout.setObjectName(u"headerLayout")
        self.customerLabel = QLabel(self.headerGroup)
        self.customerLabel.setObjectName(u"customerLabel")

        self.headerLayout.addWidget(self.customerLabel, 0, 0, 1, 1)

        self.customerCombo = QComboBox(self.headerGroup)
        self.customerCombo.setObjectName(u"customerCombo")
        self.customerCombo.setEditable(True)
        self.customerCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(2)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.customerCombo.sizePolicy().hasHeightForWidth())
        self.customerCombo.setSizePolicy(sizePolicy)

        self.headerLayout.addWidget(self.customerCombo, 0, 1, 1, 1)

        self.arrivalLabel = QLabel(self.headerGroup)
        self.arrivalLabel.setObjectName(u"arrivalLabel")

        self.headerLayout.addWidget(self.arrivalLabel, 0, 2, 1, 1)

        self.arrivalCombo = QComboBox(self.headerGroup)
        self.arrivalCombo.setObjectName(u"arrivalCombo")

        self.headerLayout.addWidget(self.arrivalCombo, 0, 3, 1, 1)

        self.orderLabel = QLabel(self.headerGroup)
        self.orderLabel.setObjectName(u"orderLabel")

        self.headerLayout.addWidget(self.orderLabel, 1, 0, 1, 1)

        self.orderEdit = QLineEdit(self.headerGroup)
        self.orderEdit.setObjectName(u"orderEdit")

        self.headerLayout.addWidget(self.orderEdit, 1, 1, 1, 1)

        self.deliveryLabel = QLabel(self.headerGroup)
        self.deliveryLabel.setObjectName(u"deliveryLabel")

        self.headerLayout.addWidget(self.deliveryLabel, 1, 2, 1, 1)

        self.deliveryEdit = QLineEdit(self.headerGroup)
        self.deliveryEdit.setObjectName(u"deliveryEdit")

        self.headerLayout.addWidget(self.deliveryEdit, 1, 3, 1, 1)

        self.invoiceLabel = QLabel(self.headerGroup)
        self.invoiceLabel.setObjectName(u"invoiceLabel")

        self.headerLayout.addWidget(self.invoiceLabel, 2, 0, 1, 1)

        self.invoiceEdit = QLineEdit(self.headerGroup)
        self.invoiceEdit.setObjectName(u"invoiceEdit")

        self.headerLayout.addWidget(self.invoiceEdit, 2, 1, 1, 1)

        self.receivedLabel = QLabel(self.headerGroup)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.headerLayout.addWidget(self.receivedLabel, 2, 2, 1, 1)

        self.receivedDateEdit = QDateEdit(self.headerGroup)
        self.receivedDateEdit.setObjectName(u"receivedDateEdit")
        self.receivedDateEdit.setCalendarPopup(True)
        self.receivedDateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.headerLayout.addWidget(self.receivedDateEdit, 2, 3, 1, 1)

        self.locationLabel = QLabel(self.headerGroup)
        self.locationLabel.setObjectName(u"locationLabel")

        self.headerLayout.addWidget(self.locationLabel, 3, 0, 1, 1)

        self.locationCombo = QComboBox(self.headerGroup)
        self.locationCombo.setObjectName(u"locationCombo")
        self.locationCombo.setEditable(True)
        self.locationCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.headerLayout.addWidget(self.locationCombo, 3, 1, 1, 1)

        self.urgencyLabel = QLabel(self.headerGroup)
        self.urgencyLabel.setObjectName(u"urgencyLabel")

        self.headerLayout.addWidget(self.urgencyLabel, 3, 2, 1, 1)

        self.urgencyCombo = QComboBox(self.headerGroup)
        self.urgencyCombo.setObjectName(u"urgencyCombo")

        self.headerLayout.addWidget(self.urgencyCombo, 3, 3, 1, 1)

        self.notesLabel = QLabel(self.headerGroup)
        self.notesLabel.setObjectName(u"notesLabel")

        self.headerLayout.addWidget(self.notesLabel, 4, 0, 1, 1)

        self.notesEdit = QLineEdit(self.headerGroup)
        self.notesEdit.setObjectName(u"notesEdit")

        self.headerLayout.addWidget(self.notesEdit, 4, 1, 1, 3)

        self.headerMessageLabel = QLabel(self.headerGroup)
        self.headerMessageLabel.setObjectName(u"headerMessageLabel")
        self.headerMessageLabel.setStyleSheet(u"color: #c00000;")
        self.headerMessageLabel.setWordWrap(True)
        self.headerMessageLabel.setText(u"")

        self.headerLayout.addWidget(self.headerMessageLabel, 5, 0, 1, 4)

        self.headerLayout.setColumnStretch(1, 2)
        self.headerLayout.setColumnStretch(3, 1)

        self.formLayout.addWidget(self.headerGroup)

        self.linesGroup = QGroupBox(self.formPane)
        self.linesGroup.setObjectName(u"linesGroup")
        self.linesLayout = QVBoxLayout(self.linesGroup)
        self.linesLayout.setObjectName(u"linesLayout")
        self.lineButtonsLayout = QHBoxLayout()
        self.lineButtonsLayout.setObjectName(u"lineButtonsLayout")
        self.addLineButton = QPushButton(self.linesGroup)
        self.addLineButton.setObjectName(u"addLineButton")

        self.lineButtonsLayout.addWidget(self.addLineButton)

        self.removeLineButton = QPushButton(self.linesGroup)
        self.removeLineButton.setObjectName(u"removeLineButton")

        self.lineButtonsLayout.addWidget(self.removeLineButton)

        self.lineButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lineButtonsLayout.addItem(self.lineButtonsSpacer)

        self.totalsLabel = QLabel(self.linesGroup)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setText(u"")

        self.lineButtonsLayout.addWidget(self.totalsLabel)

        self.lineButtonsLayout.setStretch(2, 1)

        self.linesLayout.addLayout(self.lineButtonsLayout)

        self.linesView = QTableView(self.linesGroup)
        self.linesView.setObjectName(u"linesView")
        self.linesView.setAlternatingRowColors(True)
        self.linesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.linesView.setMinimumSize(QSize(0, 160))

        self.linesLayout.addWidget(self.linesView)

        self.linesMessageLabel = QLabel(self.linesGroup)
        self.linesMessageLabel.setObjectName(u"linesMessageLabel")
        self.linesMessageLabel.setStyleSheet(u"color: #c00000;")
        self.linesMessageLabel.setWordWrap(True)
        self.linesMessageLabel.setText(u"")

        self.linesLayout.addWidget(self.linesMessageLabel)


        self.formLayout.addWidget(self.linesGroup)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.registerButton = QPushButton(self.formPane)
        self.registerButton.setObjectName(u"registerButton")

        self.actionsLayout.addWidget(self.registerButton)

        self.printButton = QPushButton(self.formPane)
        self.printButton.setObjectName(u"printButton")

        self.actionsLayout.addWidget(self.printButton)

        self.cancelReturnButton = QPushButton(self.formPane)
        self.cancelReturnButton.setObjectName(u"cancelReturnButton")

        self.actionsLayout.addWidget(self.cancelReturnButton)

        self.actionsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.newButton2 = QPushButton(self.formPane)
        self.newButton2.setObjectName(u"newButton2")

        self.actionsLayout.addWidget(self.newButton2)

        self.actionsLayout.setStretch(3, 1)

        self.formLayout.addLayout(self.actionsLayout)

        self.approvalGroup = QGroupBox(self.formPane)
        self.approvalGroup.setObjectName(u"approvalGroup")
        self.approvalLayout = QGridLayout(self.approvalGroup)
        self.approvalLayout.setObjectName(u"approvalLayout")
        self.salesStateLabel = QLabel(self.approvalGroup)
        self.salesStateLabel.setObjectName(u"salesStateLabel")
        self.salesStateLabel.setText(u"")
        self.salesStateLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.salesStateLabel.setWordWrap(True)

        self.approvalLayout.addWidget(self.salesStateLabel, 0, 0, 1, 3)

        self.requirementsLabel = QLabel(self.approvalGroup)
        self.requirementsLabel.setObjectName(u"requirementsLabel")

        self.approvalLayout.addWidget(self.requirementsLabel, 1, 0, 1, 1)

        self.requirementsEdit = QPlainTextEdit(self.approvalGroup)
        self.requirementsEdit.setObjectName(u"requirementsEdit")
        self.requirementsEdit.setTabChangesFocus(True)
        self.requirementsEdit.setMaximumSize(QSize(16777215, 76))
        self.requirementsEdit.setMinimumSize(QSize(0, 48))

        self.approvalLayout.addWidget(self.requirementsEdit, 1, 1, 1, 1)

        self.confirmButton = QPushButton(self.approvalGroup)
        self.confirmButton.setObjectName(u"confirmButton")

        self.approvalLayout.addWidget(self.confirmButton, 1, 2, 1, 1)

        self.approvalStateLabel = QLabel(self.approvalGroup)
        self.approvalStateLabel.setObjectName(u"approvalStateLabel")
        self.approvalStateLabel.setText(u"")
        self.approvalStateLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.approvalStateLabel.setWordWrap(True)

        self.approvalLayout.addWidget(self.approvalStateLabel, 2, 0, 1, 3)

        self.approvalNoteLabel = QLabel(self.approvalGroup)
        self.approvalNoteLabel.setObjectName(u"approvalNoteLabel")

        self.approvalLayout.addWidget(self.approvalNoteLabel, 3, 0, 1, 1)

        self.approvalNoteEdit = QLineEdit(self.approvalGroup)
        self.approvalNoteEdit.setObjectName(u"approvalNoteEdit")

        self.approvalLayout.addWidget(self.approvalNoteEdit, 3, 1, 1, 1)

        self.approveButton = QPushButton(self.approvalGroup)
        self.approveButton.setObjectName(u"approveButton")

        self.approvalLayout.addWidget(self.approveButton, 3, 2, 1, 1)

        self.approvalMessageLabel = QLabel(self.approvalGroup)
        self.approvalMessageLabel.setObjectName(u"approvalMessageLabel")
        self.approvalMessageLabel.setStyleSheet(u"color: #c00000;")
        self.approvalMessageLabel.setWordWrap(True)
        self.approvalMessageLabel.setText(u"")

        self.approvalLayout.addWidget(self.approvalMessageLabel, 4, 0, 1, 3)

        self.approvalLayout.setColumnStretch(1, 1)

        self.formLayout.addWidget(self.approvalGroup)

        self.formSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formLayout.addItem(self.formSpacer)

        self.formLayout.setStretch(2, 1)
        self.formScroll.setWidget(self.formPane)
        self.splitter.addWidget(self.formScroll)

        self.tabLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.customerLabel.setBuddy(self.customerCombo)
        self.arrivalLabel.setBuddy(self.arrivalCombo)
        self.orderLabel.setBuddy(self.orderEdit)
        self.deliveryLabel.setBuddy(self.deliveryEdit)
        self.invoiceLabel.setBuddy(self.invoiceEdit)
        self.receivedLabel.setBuddy(self.receivedDateEdit)
        self.locationLabel.setBuddy(self.locationCombo)
        self.urgencyLabel.setBuddy(self.urgencyCombo)
        self.notesLabel.setBuddy(self.notesEdit)
        self.requirementsLabel.setBuddy(self.requirementsEdit)
        self.approvalNoteLabel.setBuddy(self.approvalNoteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IncomingTab)

        self.registerButton.setDefault(True)


        QMetaObject.connectSlotsByName(IncomingTab)
    # setupUi

    def retranslateUi(self, IncomingTab):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("IncomingTab", u"Search RMA no., customer, order\u2026", None))
        self.newButton.setText(QCoreApplication.translate("IncomingTab", u"&New return", None))
        self.headerGroup.setTitle(QCoreApplication.translate("IncomingTab", u"Return", None))
        self.customerLabel.setText(QCoreApplication.translate("IncomingTab", u"&Customer:", None))
        self.arrivalLabel.setText(QCoreApplication.translate("IncomingTab", u"Arrived b&y:", None))
        self.orderLabel.setText(QCoreApplication.translate("IncomingTab", u"&Order no.:", None))
        self.deliveryLabel.setText(QCoreApplication.translate("IncomingTab", u"&Delivery no.:", None))
        self.invoiceLabel.setText(QCoreApplication.translate("IncomingTab", u"&Invoice no.:", None))
        self.receivedLabel.setText(QCoreApplication.translate("IncomingTab", u"&Received on:", None))
        self.locationLabel.setText(QCoreApplication.translate("IncomingTab", u"Isolat&ed at:", None))
        self.urgencyLabel.setText(QCoreApplication.translate("IncomingTab", u"&Urgency:", None))
        self.notesLabel.setText(QCoreApplication.translate("IncomingTab", u"No&tes:", None))
        self.linesGroup.setTitle(QCoreApplication.translate("IncomingTab", u"Returned goods (scan the product label or type the model)", None))
        self.addLineButton.setText(QCoreApplication.translate("IncomingTab", u"&Add line", None))
        self.removeLineButton.setText(QCoreApplication.translate("IncomingTab", u"Remove &line", None))
        self.registerButton.setText(QCoreApplication.translate("IncomingTab", u"Re&gister return", None))
        self.printButton.setText(QCoreApplication.translate("IncomingTab", u"Print la&bels and notice", None))
        self.cancelReturnButton.setText(QCoreApplication.translate("IncomingTab", u"Cancel return\u2026", None))
        self.newButton2.setText(QCoreApplication.translate("IncomingTab", u"&New return", None))
        self.approvalGroup.setTitle(QCoreApplication.translate("IncomingTab", u"Sales confirmation and approval", None))
        self.requirementsLabel.setText(QCoreApplication.translate("IncomingTab", u"Handling re&quirements:", None))
        self.requirementsEdit.setPlaceholderText(QCoreApplication.translate("IncomingTab", u"e.g. exchange under warranty, credit the customer", None))
        self.confirmButton.setText(QCoreApplication.translate("IncomingTab", u"Con&firm (sales)", None))
        self.approvalNoteLabel.setText(QCoreApplication.translate("IncomingTab", u"A&pproval note:", None))
        self.approveButton.setText(QCoreApplication.translate("IncomingTab", u"Approve (&manager)", None))
        pass
    # retranslateUi

