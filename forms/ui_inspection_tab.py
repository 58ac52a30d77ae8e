# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspection_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

class Ui_InspectionTab(object):
    def setupUi(self, InspectionTab):
        if not InspectionTab.objectName():
            InspectionTab.setObjectName(u"InspectionTab")
        self.tabLayout = QHBoxLayout(InspectionTab)
        self.tabLayout.setObjectName(u"tabLayout")
        self.tabLayout.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(InspectionTab)
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

        self.stageCombo = QComboBox(self.listPane)
        self.stageCombo.setObjectName(u"stageCombo")

        self.filterLayout.addWidget(self.stageCombo)

        self.overdueCheck = QCheckBox(self.listPane)
        self.overdueCheck.setObjectName(u"overdueCheck")

        self.filterLayout.addWidget(self.overdueCheck)


        self.listLayout.addLayout(self.filterLayout)

        self.queueView = QTableView(self.listPane)
        self.queueView.setObjectName(u"queueView")
        self.queueView.setAlternatingRowColors(True)
        self.queueView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queueView.setMinimumSize(QSize(0, 200))

        self.listLayout.addWidget(self.queueView)

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

        self.infoGroup = QGroupBox(self.formPane)
        self.infoGroup.setObjectName(u"infoGroup")
        self.infoLayout = QGridLayout(self.infoGroup)
        self.infoLayout.setObjectName(u"infoLayout")
        self.rmaLabel = QLabel(self.infoGroup)
        self.rmaLabel.setObjectName(u"rmaLabel")

        self.infoLayout.addWidget(self.rmaLabel, 0, 0, 1, 1)

        self.rmaValue = QLabel(self.infoGroup)
        self.rmaValue.setObjectName(u"rmaValue")
        self.rmaValue.setText(u"")
        self.rmaValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rmaValue.setWordWrap(True)

        self.infoLayout.addWidget(self.rmaValue, 0, 1, 1, 1)

        self.customerLabel = QLabel(self.infoGroup)
        self.customerLabel.setObjectName(u"customerLabel")

        self.infoLayout.addWidget(self.customerLabel, 0, 2, 1, 1)

        self.customerValue = QLabel(self.infoGroup)
        self.customerValue.setObjectName(u"customerValue")
        self.customerValue.setText(u"")
        self.customerValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.customerValue.setWordWrap(True)

        self.infoLayout.addWidget(self.customerValue, 0, 3, 1, 1)

        self.modelLabel = QLabel(self.infoGroup)
        self.modelLabel.setObjectName(u"modelLabel")

        self.infoLayout.addWidget(self.modelLabel, 1, 0, 1, 1)

        self.modelValue = QLabel(self.infoGroup)
        self.modelValue.setObjectName(u"modelValue")
        self.modelValue.setText(u"")
        self.modelValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.modelValue.setWordWrap(True)

        self.infoLayout.addWidget(self.modelValue, 1, 1, 1, 1)

        self.qtyLabel = QLabel(self.infoGroup)
        self.qtyLabel.setObjectName(u"qtyLabel")

        self.infoLayout.addWidget(self.qtyLabel, 1, 2, 1, 1)

        self.qtyValue = QLabel(self.infoGroup)
        self.qtyValue.setObjectName(u"qtyValue")
        self.qtyValue.setText(u"")
        self.qtyValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qtyValue.setWordWrap(True)

        self.infoLayout.addWidget(self.qtyValue, 1, 3, 1, 1)

        self.reasonLabel = QLabel(self.infoGroup)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.infoLayout.addWidget(self.reasonLabel, 2, 0, 1, 1)

        self.reasonValue = QLabel(self.infoGroup)
        self.reasonValue.setObjectName(u"reasonValue")
        self.reasonValue.setText(u"")
        self.reasonValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasonValue.setWordWrap(True)

        self.infoLayout.addWidget(self.reasonValue, 2, 1, 1, 3)

        self.conditionLabel = QLabel(self.infoGroup)
        self.conditionLabel.setObjectName(u"conditionLabel")

        self.infoLayout.addWidget(self.conditionLabel, 3, 0, 1, 1)

        self.conditionValue = QLabel(self.infoGroup)
        self.conditionValue.setObjectName(u"conditionValue")
        self.conditionValue.setText(u"")
        self.conditionValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conditionValue.setWordWrap(True)

        self.infoLayout.addWidget(self.conditionValue, 3, 1, 1, 1)

        self.dueLabel = QLabel(self.infoGroup)
        self.dueLabel.setObjectName(u"dueLabel")

        self.infoLayout.addWidget(self.dueLabel, 3, 2, 1, 1)

        self.dueValue = QLabel(self.infoGroup)
        self.dueValue.setObjectName(u"dueValue")
        self.dueValue.setText(u"")
        self.dueValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dueValue.setWordWrap(True)

        self.infoLayout.addWidget(self.dueValue, 3, 3, 1, 1)

        self.infoLayout.setColumnStretch(1, 1)
        self.infoLayout.setColumnStretch(3, 1)

        self.formLayout.addWidget(self.infoGroup)

        self.conflictFrame = QFrame(self.formPane)
        self.conflictFrame.setObjectName(u"conflictFrame")
        self.conflictFrame.setStyleSheet(u"#conflictFrame { background: #ffe9d6; border: 1px solid #e07b00; border-radius: 3px; }")
        self.conflictFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflictLayout = QHBoxLayout(self.conflictFrame)
        self.conflictLayout.setObjectName(u"conflictLayout")
        self.conflictLabel = QLabel(self.conflictFrame)
        self.conflictLabel.setObjectName(u"conflictLabel")
        self.conflictLabel.setText(u"")
        self.conflictLabel.setWordWrap(True)

        self.conflictLayout.addWidget(self.conflictLabel)

        self.reloadKeepButton = QPushButton(self.conflictFrame)
        self.reloadKeepButton.setObjectName(u"reloadKeepButton")

        self.conflictLayout.addWidget(self.reloadKeepButton)

        self.conflictLayout.setStretch(0, 1)

        self.formLayout.addWidget(self.conflictFrame)

        self.benchLayout = QHBoxLayout()
        self.benchLayout.setObjectName(u"benchLayout")
        self.inspectionGroup = QGroupBox(self.formPane)
        self.inspectionGroup.setObjectName(u"inspectionGroup")
        self.inspectionLayout = QGridLayout(self.inspectionGroup)
        self.inspectionLayout.setObjectName(u"inspectionLayout")
        self.findingsLabel = QLabel(self.inspectionGroup)
        self.findingsLabel.setObjectName(u"findingsLabel")

        self.inspectionLayout.addWidget(self.findingsLabel, 0, 0, 1, 1)

        self.findingsEdit = QPlainTextEdit(self.inspectionGroup)
        self.findingsEdit.setObjectName(u"findingsEdit")
        self.findingsEdit.setTabChangesFocus(True)
        self.findingsEdit.setMaximumSize(QSize(16777215, 84))
        self.findingsEdit.setMinimumSize(QSize(0, 56))

        self.inspectionLayout.addWidget(self.findingsEdit, 0, 1, 1, 1)

        self.defectLabel = QLabel(self.inspectionGroup)
        self.defectLabel.setObjectName(u"defectLabel")

        self.inspectionLayout.addWidget(self.defectLabel, 1, 0, 1, 1)

        self.defectCombo = QComboBox(self.inspectionGroup)
        self.defectCombo.setObjectName(u"defectCombo")

        self.inspectionLayout.addWidget(self.defectCombo, 1, 1, 1, 1)

        self.opinionLabel = QLabel(self.inspectionGroup)
        self.opinionLabel.setObjectName(u"opinionLabel")

        self.inspectionLayout.addWidget(self.opinionLabel, 2, 0, 1, 1)

        self.opinionEdit = QPlainTextEdit(self.inspectionGroup)
        self.opinionEdit.setObjectName(u"opinionEdit")
        self.opinionEdit.setTabChangesFocus(True)
        self.opinionEdit.setMaximumSize(QSize(16777215, 84))
        self.opinionEdit.setMinimumSize(QSize(0, 56))

        self.inspectionLayout.addWidget(self.opinionEdit, 2, 1, 1, 1)

        self.inspectedByLabel = QLabel(self.inspectionGroup)
        self.inspectedByLabel.setObjectName(u"inspectedByLabel")
        self.inspectedByLabel.setText(u"")
        self.inspectedByLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.inspectedByLabel.setWordWrap(True)

        self.inspectionLayout.addWidget(self.inspectedByLabel, 3, 0, 1, 2)

        self.inspectionMessageLabel = QLabel(self.inspectionGroup)
        self.inspectionMessageLabel.setObjectName(u"inspectionMessageLabel")
        self.inspectionMessageLabel.setStyleSheet(u"color: #c00000;")
        self.inspectionMessageLabel.setWordWrap(True)
        self.inspectionMessageLabel.setText(u"")

        self.inspectionLayout.addWidget(self.inspectionMessageLabel, 4, 0, 1, 2)

        self.inspectionButtonsLayout = QHBoxLayout()
        self.inspectionButtonsLayout.setObjectName(u"inspectionButtonsLayout")
        self.inspectionButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.inspectionButtonsLayout.addItem(self.inspectionButtonsSpacer)

        self.saveInspectionButton = QPushButton(self.inspectionGroup)
        self.saveInspectionButton.setObjectName(u"saveInspectionButton")

        self.inspectionButtonsLayout.addWidget(self.saveInspectionButton)


        self.inspectionLayout.addLayout(self.inspectionButtonsLayout, 5, 0, 1, 2)

        self.inspectionLayout.setColumnStretch(1, 1)

        self.benchLayout.addWidget(self.inspectionGroup)

        self.decisionGroup = QGroupBox(self.formPane)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionLayout = QGridLayout(self.decisionGroup)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.finalCauseLabel = QLabel(self.decisionGroup)
        self.finalCauseLabel.setObjectName(u"finalCauseLabel")

        self.decisionLayout.addWidget(self.finalCauseLabel, 0, 0, 1, 1)

        self.finalCauseEdit = QPlainTextEdit(self.decisionGroup)
        self.finalCauseEdit.setObjectName(u"finalCauseEdit")
        self.finalCauseEdit.setTabChangesFocus(True)
        self.finalCauseEdit.setMaximumSize(QSize(16777215, 84))
        self.finalCauseEdit.setMinimumSize(QSize(0, 56))

        self.decisionLayout.addWidget(self.finalCauseEdit, 0, 1, 1, 3)

        self.liabilityLabel = QLabel(self.decisionGroup)
        self.liabilityLabel.setObjectName(u"liabilityLabel")

        self.decisionLayout.addWidget(self.liabilityLabel, 1, 0, 1, 1)

        self.liabilityCombo = QComboBox(self.decisionGroup)
        self.liabilityCombo.setObjectName(u"liabilityCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.liabilityCombo.sizePolicy().hasHeightForWidth())
        self.liabilityCombo.setSizePolicy(sizePolicy)

        self.decisionLayout.addWidget(self.liabilityCombo, 1, 1, 1, 3)

        self.dispositionLabel = QLabel(self.decisionGroup)
        self.dispositionLabel.setObjectName(u"dispositionLabel")

        self.decisionLayout.addWidget(self.dispositionLabel, 2, 0, 1, 1)

        self.dispositionCombo = QComboBox(self.decisionGroup)
        self.dispositionCombo.setObjectName(u"dispositionCombo")
        sizePolicy.setHeightForWidth(self.dispositionCombo.sizePolicy().hasHeightForWidth())
        self.dispositionCombo.setSizePolicy(sizePolicy)

        self.decisionLayout.addWidget(self.dispositionCombo, 2, 1, 1, 3)

        self.refundLabel = QLabel(self.decisionGroup)
        self.refundLabel.setObjectName(u"refundLabel")

        self.decisionLayout.addWidget(self.refundLabel, 3, 0, 1, 1)

        self.refundEdit = QLineEdit(self.decisionGroup)
        self.refundEdit.setObjectName(u"refundEdit")
        self.refundEdit.setMaximumSize(QSize(90, 16777215))

        self.decisionLayout.addWidget(self.refundEdit, 3, 1, 1, 1)

        self.refundAmountLabel = QLabel(self.decisionGroup)
        self.refundAmountLabel.setObjectName(u"refundAmountLabel")
        self.refundAmountLabel.setText(u"")

        self.decisionLayout.addWidget(self.refundAmountLabel, 3, 2, 1, 2)

        self.seriousCheck = QCheckBox(self.decisionGroup)
        self.seriousCheck.setObjectName(u"seriousCheck")

        self.decisionLayout.addWidget(self.seriousCheck, 4, 1, 1, 3)

        self.decidedByLabel = QLabel(self.decisionGroup)
        self.decidedByLabel.setObjectName(u"decidedByLabel")
        self.decidedByLabel.setText(u"")
        self.decidedByLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.decidedByLabel.setWordWrap(True)

        self.decisionLayout.addWidget(self.decidedByLabel, 5, 0, 1, 4)

        self.decisionMessageLabel = QLabel(self.decisionGroup)
        self.decisionMessageLabel.setObjectName(u"decisionMessageLabel")
        self.decisionMessageLabel.setStyleSheet(u"color: #c00000;")
        self.decisionMessageLabel.setWordWrap(True)
        self.decisionMessageLabel.setText(u"")

        self.decisionLayout.addWidget(self.decisionMessageLabel, 6, 0, 1, 4)

        self.decisionButtonsLayout = QHBoxLayout()
        self.decisionButtonsLayout.setObjectName(u"decisionButtonsLayout")
        self.decisionButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decisionButtonsLayout.addItem(self.decisionButtonsSpacer)

        self.saveDecisionButton = QPushButton(self.decisionGroup)
        self.saveDecisionButton.setObjectName(u"saveDecisionButton")

        self.decisionButtonsLayout.addWidget(self.saveDecisionButton)


        self.decisionLayout.addLayout(self.decisionButtonsLayout, 7, 0, 1, 4)

        self.decisionLayout.setColumnStretch(2, 1)

        self.benchLayout.addWidget(self.decisionGroup)

        self.benchLayout.setStretch(0, 1)
        self.benchLayout.setStretch(1, 1)

        self.formLayout.addLayout(self.benchLayout)

        self.followUpLayout = QHBoxLayout()
        self.followUpLayout.setObjectName(u"followUpLayout")
        self.correctiveGroup = QGroupBox(self.formPane)
        self.correctiveGroup.setObjectName(u"correctiveGroup")
        self.correctiveLayout = QGridLayout(self.correctiveGroup)
        self.correctiveLayout.setObjectName(u"correctiveLayout")
        self.ownerLabel = QLabel(self.correctiveGroup)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.correctiveLayout.addWidget(self.ownerLabel, 0, 0, 1, 1)

        self.ownerEdit = QLineEdit(self.correctiveGroup)
        self.ownerEdit.setObjectName(u"ownerEdit")

        self.correctiveLayout.addWidget(self.ownerEdit, 0, 1, 1, 1)

        self.caDueLabel = QLabel(self.correctiveGroup)
        self.caDueLabel.setObjectName(u"caDueLabel")

        self.correctiveLayout.addWidget(self.caDueLabel, 0, 2, 1, 1)

        self.caDueDateEdit = QDateEdit(self.correctiveGroup)
        self.caDueDateEdit.setObjectName(u"caDueDateEdit")
        self.caDueDateEdit.setCalendarPopup(True)
        self.caDueDateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.correctiveLayout.addWidget(self.caDueDateEdit, 0, 3, 1, 1)

        self.problemLabel = QLabel(self.correctiveGroup)
        self.problemLabel.setObjectName(u"problemLabel")

        self.correctiveLayout.addWidget(self.problemLabel, 1, 0, 1, 1)

        self.problemEdit = QLineEdit(self.correctiveGroup)
        self.problemEdit.setObjectName(u"problemEdit")

        self.correctiveLayout.addWidget(self.problemEdit, 1, 1, 1, 3)

        self.containmentLabel = QLabel(self.correctiveGroup)
        self.containmentLabel.setObjectName(u"containmentLabel")

        self.correctiveLayout.addWidget(self.containmentLabel, 2, 0, 1, 1)

        self.containmentEdit = QLineEdit(self.correctiveGroup)
        self.containmentEdit.setObjectName(u"containmentEdit")

        self.correctiveLayout.addWidget(self.containmentEdit, 2, 1, 1, 3)

        self.rootCauseLabel = QLabel(self.correctiveGroup)
        self.rootCauseLabel.setObjectName(u"rootCauseLabel")

        self.correctiveLayout.addWidget(self.rootCauseLabel, 3, 0, 1, 1)

        self.rootCauseEdit = QLineEdit(self.correctiveGroup)
        self.rootCauseEdit.setObjectName(u"rootCauseEdit")

        self.correctiveLayout.addWidget(self.rootCauseEdit, 3, 1, 1, 3)

        self.correctiveLabel = QLabel(self.correctiveGroup)
        self.correctiveLabel.setObjectName(u"correctiveLabel")

        self.correctiveLayout.addWidget(self.correctiveLabel, 4, 0, 1, 1)

        self.correctiveEdit = QLineEdit(self.correctiveGroup)
        self.correctiveEdit.setObjectName(u"correctiveEdit")

        self.correctiveLayout.addWidget(self.correctiveEdit, 4, 1, 1, 3)

        self.preventiveLabel = QLabel(self.correctiveGroup)
        self.preventiveLabel.setObjectName(u"preventiveLabel")

        self.correctiveLayout.addWidget(self.preventiveLabel, 5, 0, 1, 1)

        self.preventiveEdit = QLineEdit(self.correctiveGroup)
        self.preventiveEdit.setObjectName(u"preventiveEdit")

        self.correctiveLayout.addWidget(self.preventiveEdit, 5, 1, 1, 3)

        self.correctiveListLabel = QLabel(self.correctiveGroup)
        self.correctiveListLabel.setObjectName(u"correctiveListLabel")
        self.correctiveListLabel.setText(u"")
        self.correctiveListLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.correctiveListLabel.setWordWrap(True)

        self.correctiveLayout.addWidget(self.correctiveListLabel, 6, 0, 1, 4)

        self.correctiveMessageLabel = QLabel(self.correctiveGroup)
        self.correctiveMessageLabel.setObjectName(u"correctiveMessageLabel")
        self.correctiveMessageLabel.setStyleSheet(u"color: #c00000;")
        self.correctiveMessageLabel.setWordWrap(True)
        self.correctiveMessageLabel.setText(u"")

        self.correctiveLayout.addWidget(self.correctiveMessageLabel, 7, 0, 1, 4)

        self.correctiveButtonsLayout = QHBoxLayout()
        self.correctiveButtonsLayout.setObjectName(u"correctiveButtonsLayout")
        self.correctiveButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.correctiveButtonsLayout.addItem(self.correctiveButtonsSpacer)

        self.openCorrectiveButton = QPushButton(self.correctiveGroup)
        self.openCorrectiveButton.setObjectName(u"openCorrectiveButton")

        self.correctiveButtonsLayout.addWidget(self.openCorrectiveButton)


        self.correctiveLayout.addLayout(self.correctiveButtonsLayout, 8, 0, 1, 4)

        self.correctiveLayout.setColumnStretch(1, 1)

        self.followUpLayout.addWidget(self.correctiveGroup)

        self.liaisonGroup = QGroupBox(self.formPane)
        self.liaisonGroup.setObjectName(u"liaisonGroup")
        self.liaisonLayout = QGridLayout(self.liaisonGroup)
        self.liaisonLayout.setObjectName(u"liaisonLayout")
        self.liaisonReasonLabel = QLabel(self.liaisonGroup)
        self.liaisonReasonLabel.setObjectName(u"liaisonReasonLabel")

        self.liaisonLayout.addWidget(self.liaisonReasonLabel, 0, 0, 1, 1)

        self.liaisonReasonCombo = QComboBox(self.liaisonGroup)
        self.liaisonReasonCombo.setObjectName(u"liaisonReasonCombo")

        self.liaisonLayout.addWidget(self.liaisonReasonCombo, 0, 1, 1, 1)

        self.liaisonTextLabel = QLabel(self.liaisonGroup)
        self.liaisonTextLabel.setObjectName(u"liaisonTextLabel")

        self.liaisonLayout.addWidget(self.liaisonTextLabel, 1, 0, 1, 1)

        self.liaisonTextEdit = QPlainTextEdit(self.liaisonGroup)
        self.liaisonTextEdit.setObjectName(u"liaisonTextEdit")
        self.liaisonTextEdit.setTabChangesFocus(True)
        self.liaisonTextEdit.setMaximumSize(QSize(16777215, 84))
        self.liaisonTextEdit.setMinimumSize(QSize(0, 56))

        self.liaisonLayout.addWidget(self.liaisonTextEdit, 1, 1, 1, 1)

        self.liaisonListLabel = QLabel(self.liaisonGroup)
        self.liaisonListLabel.setObjectName(u"liaisonListLabel")
        self.liaisonListLabel.setText(u"")
        self.liaisonListLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.liaisonListLabel.setWordWrap(True)

        self.liaisonLayout.addWidget(self.liaisonListLabel, 2, 0, 1, 2)

        self.liaisonMessageLabel = QLabel(self.liaisonGroup)
        self.liaisonMessageLabel.setObjectName(u"liaisonMessageLabel")
        self.liaisonMessageLabel.setStyleSheet(u"color: #c00000;")
        self.liaisonMessageLabel.setWordWrap(True)
        self.liaisonMessageLabel.setText(u"")

        self.liaisonLayout.addWidget(self.liaisonMessageLabel, 3, 0, 1, 2)

        self.liaisonButtonsLayout = QHBoxLayout()
        self.liaisonButtonsLayout.setObjectName(u"liaisonButtonsLayout")
        self.liaisonButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.liaisonButtonsLayout.addItem(self.liaisonButtonsSpacer)

        self.sendLiaisonButton = QPushButton(self.liaisonGroup)
        self.sendLiaisonButton.setObjectName(u"sendLiaisonButton")

        self.liaisonButtonsLayout.addWidget(self.sendLiaisonButton)


        self.liaisonLayout.addLayout(self.liaisonButtonsLayout, 4, 0, 1, 2)

        self.liaisonLayout.setColumnStretch(1, 1)

        self.followUpLayout.addWidget(self.liaisonGroup)

        self.followUpLayout.setStretch(0, 3)
        self.followUpLayout.setStretch(1, 2)

        self.formLayout.addLayout(self.followUpLayout)

        self.formSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formLayout.addItem(self.formSpacer)

        self.formScroll.setWidget(self.formPane)
        self.splitter.addWidget(self.formScroll)

        self.tabLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.findingsLabel.setBuddy(self.findingsEdit)
        self.defectLabel.setBuddy(self.defectCombo)
        self.opinionLabel.setBuddy(self.opinionEdit)
        self.finalCauseLabel.setBuddy(self.finalCauseEdit)
        self.liabilityLabel.setBuddy(self.liabilityCombo)
        self.dispositionLabel.setBuddy(self.dispositionCombo)
        self.refundLabel.setBuddy(self.refundEdit)
        self.ownerLabel.setBuddy(self.ownerEdit)
        self.caDueLabel.setBuddy(self.caDueDateEdit)
        self.problemLabel.setBuddy(self.problemEdit)
        self.containmentLabel.setBuddy(self.containmentEdit)
        self.rootCauseLabel.setBuddy(self.rootCauseEdit)
        self.correctiveLabel.setBuddy(self.correctiveEdit)
        self.preventiveLabel.setBuddy(self.preventiveEdit)
        self.liaisonReasonLabel.setBuddy(self.liaisonReasonCombo)
        self.liaisonTextLabel.setBuddy(self.liaisonTextEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InspectionTab)

        QMetaObject.connectSlotsByName(InspectionTab)
    # setupUi

    def retranslateUi(self, InspectionTab):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("InspectionTab", u"Search label, model, customer\u2026", None))
        self.overdueCheck.setText(QCoreApplication.translate("InspectionTab", u"Overdue only", None))
        self.infoGroup.setTitle(QCoreApplication.translate("InspectionTab", u"Returned line", None))
        self.rmaLabel.setText(QCoreApplication.translate("InspectionTab", u"RMA no.:", None))
        self.customerLabel.setText(QCoreApplication.translate("InspectionTab", u"Customer:", None))
        self.modelLabel.setText(QCoreApplication.translate("InspectionTab", u"Model/spec:", None))
        self.qtyLabel.setText(QCoreApplication.translate("InspectionTab", u"Quantity:", None))
        self.reasonLabel.setText(QCoreApplication.translate("InspectionTab", u"Customer's reason:", None))
        self.conditionLabel.setText(QCoreApplication.translate("InspectionTab", u"Condition:", None))
        self.dueLabel.setText(QCoreApplication.translate("InspectionTab", u"Due:", None))
        self.reloadKeepButton.setText(QCoreApplication.translate("InspectionTab", u"Reload, keep my input", None))
        self.inspectionGroup.setTitle(QCoreApplication.translate("InspectionTab", u"QA inspection", None))
        self.findingsLabel.setText(QCoreApplication.translate("InspectionTab", u"&Findings:", None))
        self.findingsEdit.setPlaceholderText(QCoreApplication.translate("InspectionTab", u"What the inspection found", None))
        self.defectLabel.setText(QCoreApplication.translate("InspectionTab", u"Defect cate&gory:", None))
        self.opinionLabel.setText(QCoreApplication.translate("InspectionTab", u"Preliminary &opinion:", None))
        self.saveInspectionButton.setText(QCoreApplication.translate("InspectionTab", u"Sav&e inspection", None))
        self.decisionGroup.setTitle(QCoreApplication.translate("InspectionTab", u"Engineering decision", None))
        self.finalCauseLabel.setText(QCoreApplication.translate("InspectionTab", u"Final &cause:", None))
        self.finalCauseEdit.setPlaceholderText(QCoreApplication.translate("InspectionTab", u"Cause within our responsibility", None))
        self.liabilityLabel.setText(QCoreApplication.translate("InspectionTab", u"&Liability:", None))
#if QT_CONFIG(tooltip)
        self.liabilityCombo.setToolTip(QCoreApplication.translate("InspectionTab", u"Type the digit 1\u20139 to choose", None))
#endif // QT_CONFIG(tooltip)
        self.dispositionLabel.setText(QCoreApplication.translate("InspectionTab", u"D&isposition:", None))
        self.refundLabel.setText(QCoreApplication.translate("InspectionTab", u"&Refund ratio:", None))
        self.refundEdit.setPlaceholderText(QCoreApplication.translate("InspectionTab", u"0\u2013100 %", None))
        self.seriousCheck.setText(QCoreApplication.translate("InspectionTab", u"Serious problem (analysis meeting, 8D)", None))
        self.saveDecisionButton.setText(QCoreApplication.translate("InspectionTab", u"Save &decision", None))
        self.correctiveGroup.setTitle(QCoreApplication.translate("InspectionTab", u"8D corrective action (serious problems)", None))
        self.ownerLabel.setText(QCoreApplication.translate("InspectionTab", u"O&wner:", None))
        self.caDueLabel.setText(QCoreApplication.translate("InspectionTab", u"Due b&y:", None))
        self.problemLabel.setText(QCoreApplication.translate("InspectionTab", u"Problem:", None))
        self.containmentLabel.setText(QCoreApplication.translate("InspectionTab", u"Containment:", None))
        self.rootCauseLabel.setText(QCoreApplication.translate("InspectionTab", u"Root cause:", None))
        self.correctiveLabel.setText(QCoreApplication.translate("InspectionTab", u"Corrective action:", None))
        self.preventiveLabel.setText(QCoreApplication.translate("InspectionTab", u"Preventive action:", None))
        self.openCorrectiveButton.setText(QCoreApplication.translate("InspectionTab", u"Open &8D", None))
        self.liaisonGroup.setTitle(QCoreApplication.translate("InspectionTab", u"Liaison note to sales", None))
        self.liaisonReasonLabel.setText(QCoreApplication.translate("InspectionTab", u"Reaso&n:", None))
        self.liaisonTextLabel.setText(QCoreApplication.translate("InspectionTab", u"Te&xt:", None))
        self.sendLiaisonButton.setText(QCoreApplication.translate("InspectionTab", u"Send liaison no&te", None))
        pass
    # retranslateUi

