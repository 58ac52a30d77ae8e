# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rework_tab.ui'
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
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_ReworkTab(object):
    def setupUi(self, ReworkTab):
        if not ReworkTab.objectName():
            ReworkTab.setObjectName(u"ReworkTab")
        self.tabLayout = QHBoxLayout(ReworkTab)
        self.tabLayout.setObjectName(u"tabLayout")
        self.tabLayout.setContentsMargins(4, 4, 4, 4)
        self.splitter = QSplitter(ReworkTab)
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

        self.dispositionLabel = QLabel(self.infoGroup)
        self.dispositionLabel.setObjectName(u"dispositionLabel")

        self.infoLayout.addWidget(self.dispositionLabel, 2, 0, 1, 1)

        self.dispositionValue = QLabel(self.infoGroup)
        self.dispositionValue.setObjectName(u"dispositionValue")
        self.dispositionValue.setText(u"")
        self.dispositionValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dispositionValue.setWordWrap(True)

        self.infoLayout.addWidget(self.dispositionValue, 2, 1, 1, 1)

        self.liabilityLabel = QLabel(self.infoGroup)
        self.liabilityLabel.setObjectName(u"liabilityLabel")

        self.infoLayout.addWidget(self.liabilityLabel, 2, 2, 1, 1)

        self.liabilityValue = QLabel(self.infoGroup)
        self.liabilityValue.setObjectName(u"liabilityValue")
        self.liabilityValue.setText(u"")
        self.liabilityValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.liabilityValue.setWordWrap(True)

        self.infoLayout.addWidget(self.liabilityValue, 2, 3, 1, 1)

        self.causeLabel = QLabel(self.infoGroup)
        self.causeLabel.setObjectName(u"causeLabel")

        self.infoLayout.addWidget(self.causeLabel, 3, 0, 1, 1)

        self.causeValue = QLabel(self.infoGroup)
        self.causeValue.setObjectName(u"causeValue")
        self.causeValue.setText(u"")
        self.causeValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.causeValue.setWordWrap(True)

        self.infoLayout.addWidget(self.causeValue, 3, 1, 1, 3)

        self.dueLabel = QLabel(self.infoGroup)
        self.dueLabel.setObjectName(u"dueLabel")

        self.infoLayout.addWidget(self.dueLabel, 4, 0, 1, 1)

        self.dueValue = QLabel(self.infoGroup)
        self.dueValue.setObjectName(u"dueValue")
        self.dueValue.setText(u"")
        self.dueValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dueValue.setWordWrap(True)

        self.infoLayout.addWidget(self.dueValue, 4, 1, 1, 1)

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

        self.planGroup = QGroupBox(self.formPane)
        self.planGroup.setObjectName(u"planGroup")
        self.planLayout = QGridLayout(self.planGroup)
        self.planLayout.setObjectName(u"planLayout")
        self.plannedLabel = QLabel(self.planGroup)
        self.plannedLabel.setObjectName(u"plannedLabel")

        self.planLayout.addWidget(self.plannedLabel, 0, 0, 1, 1)

        self.plannedDateEdit = QDateEdit(self.planGroup)
        self.plannedDateEdit.setObjectName(u"plannedDateEdit")
        self.plannedDateEdit.setCalendarPopup(True)
        self.plannedDateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.planLayout.addWidget(self.plannedDateEdit, 0, 1, 1, 1)

        self.reworkQtyLabel = QLabel(self.planGroup)
        self.reworkQtyLabel.setObjectName(u"reworkQtyLabel")

        self.planLayout.addWidget(self.reworkQtyLabel, 0, 2, 1, 1)

        self.reworkQtyEdit = QLineEdit(self.planGroup)
        self.reworkQtyEdit.setObjectName(u"reworkQtyEdit")
        self.reworkQtyEdit.setMaximumSize(QSize(100, 16777215))

        self.planLayout.addWidget(self.reworkQtyEdit, 0, 3, 1, 1)

        self.planSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.planLayout.addItem(self.planSpacer, 0, 4, 1, 1)

        self.savePlanButton = QPushButton(self.planGroup)
        self.savePlanButton.setObjectName(u"savePlanButton")

        self.planLayout.addWidget(self.savePlanButton, 0, 5, 1, 1)

        self.planMessageLabel = QLabel(self.planGroup)
        self.planMessageLabel.setObjectName(u"planMessageLabel")
        self.planMessageLabel.setStyleSheet(u"color: #c00000;")
        self.planMessageLabel.setWordWrap(True)
        self.planMessageLabel.setText(u"")

        self.planLayout.addWidget(self.planMessageLabel, 1, 0, 1, 6)

        self.planLayout.setColumnStretch(4, 1)

        self.formLayout.addWidget(self.planGroup)

        self.costsGroup = QGroupBox(self.formPane)
        self.costsGroup.setObjectName(u"costsGroup")
        self.costsLayout = QGridLayout(self.costsGroup)
        self.costsLayout.setObjectName(u"costsLayout")
        self.materialsLabel = QLabel(self.costsGroup)
        self.materialsLabel.setObjectName(u"materialsLabel")
        self.materialsLabel.setStyleSheet(u"font-weight: bold;")

        self.costsLayout.addWidget(self.materialsLabel, 0, 0, 1, 1)

        self.addMaterialButton = QPushButton(self.costsGroup)
        self.addMaterialButton.setObjectName(u"addMaterialButton")

        self.costsLayout.addWidget(self.addMaterialButton, 0, 1, 1, 1)

        self.removeMaterialButton = QPushButton(self.costsGroup)
        self.removeMaterialButton.setObjectName(u"removeMaterialButton")

        self.costsLayout.addWidget(self.removeMaterialButton, 0, 2, 1, 1)

        self.materialsView = QTableView(self.costsGroup)
        self.materialsView.setObjectName(u"materialsView")
        self.materialsView.setAlternatingRowColors(True)
        self.materialsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.materialsView.setMinimumSize(QSize(0, 110))

        self.costsLayout.addWidget(self.materialsView, 1, 0, 1, 3)

        self.labourLabel = QLabel(self.costsGroup)
        self.labourLabel.setObjectName(u"labourLabel")
        self.labourLabel.setStyleSheet(u"font-weight: bold;")

        self.costsLayout.addWidget(self.labourLabel, 2, 0, 1, 1)

        self.addLabourButton = QPushButton(self.costsGroup)
        self.addLabourButton.setObjectName(u"addLabourButton")

        self.costsLayout.addWidget(self.addLabourButton, 2, 1, 1, 1)

        self.removeLabourButton = QPushButton(self.costsGroup)
        self.removeLabourButton.setObjectName(u"removeLabourButton")

        self.costsLayout.addWidget(self.removeLabourButton, 2, 2, 1, 1)

        self.labourView = QTableView(self.costsGroup)
        self.labourView.setObjectName(u"labourView")
        self.labourView.setAlternatingRowColors(True)
        self.labourView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.labourView.setMinimumSize(QSize(0, 90))

        self.costsLayout.addWidget(self.labourView, 3, 0, 1, 3)

        self.otherCostLayout = QHBoxLayout()
        self.otherCostLayout.setObjectName(u"otherCostLayout")
        self.otherCostLabel = QLabel(self.costsGroup)
        self.otherCostLabel.setObjectName(u"otherCostLabel")

        self.otherCostLayout.addWidget(self.otherCostLabel)

        self.otherCostEdit = QLineEdit(self.costsGroup)
        self.otherCostEdit.setObjectName(u"otherCostEdit")
        self.otherCostEdit.setMaximumSize(QSize(110, 16777215))

        self.otherCostLayout.addWidget(self.otherCostEdit)

        self.otherCostSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.otherCostLayout.addItem(self.otherCostSpacer)

        self.totalLabel = QLabel(self.costsGroup)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setText(u"")
        self.totalLabel.setStyleSheet(u"font-weight: bold;")

        self.otherCostLayout.addWidget(self.totalLabel)

        self.otherCostLayout.setStretch(2, 1)

        self.costsLayout.addLayout(self.otherCostLayout, 4, 0, 1, 3)

        self.costsMessageLabel = QLabel(self.costsGroup)
        self.costsMessageLabel.setObjectName(u"costsMessageLabel")
        self.costsMessageLabel.setStyleSheet(u"color: #c00000;")
        self.costsMessageLabel.setWordWrap(True)
        self.costsMessageLabel.setText(u"")

        self.costsLayout.addWidget(self.costsMessageLabel, 5, 0, 1, 3)

        self.costsButtonsLayout = QHBoxLayout()
        self.costsButtonsLayout.setObjectName(u"costsButtonsLayout")
        self.costsButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.costsButtonsLayout.addItem(self.costsButtonsSpacer)

        self.saveCostsButton = QPushButton(self.costsGroup)
        self.saveCostsButton.setObjectName(u"saveCostsButton")

        self.costsButtonsLayout.addWidget(self.saveCostsButton)

        self.finishButton = QPushButton(self.costsGroup)
        self.finishButton.setObjectName(u"finishButton")

        self.costsButtonsLayout.addWidget(self.finishButton)


        self.costsLayout.addLayout(self.costsButtonsLayout, 6, 0, 1, 3)

        self.costsLayout.setColumnStretch(0, 1)

        self.formLayout.addWidget(self.costsGroup)

        self.reinspectionGroup = QGroupBox(self.formPane)
        self.reinspectionGroup.setObjectName(u"reinspectionGroup")
        self.reinspectionLayout = QGridLayout(self.reinspectionGroup)
        self.reinspectionLayout.setObjectName(u"reinspectionLayout")
        self.qualifiedLabel = QLabel(self.reinspectionGroup)
        self.qualifiedLabel.setObjectName(u"qualifiedLabel")

        self.reinspectionLayout.addWidget(self.qualifiedLabel, 0, 0, 1, 1)

        self.qualifiedEdit = QLineEdit(self.reinspectionGroup)
        self.qualifiedEdit.setObjectName(u"qualifiedEdit")
        self.qualifiedEdit.setMaximumSize(QSize(80, 16777215))

        self.reinspectionLayout.addWidget(self.qualifiedEdit, 0, 1, 1, 1)

        self.unqualifiedLabel = QLabel(self.reinspectionGroup)
        self.unqualifiedLabel.setObjectName(u"unqualifiedLabel")

        self.reinspectionLayout.addWidget(self.unqualifiedLabel, 0, 2, 1, 1)

        self.unqualifiedEdit = QLineEdit(self.reinspectionGroup)
        self.unqualifiedEdit.setObjectName(u"unqualifiedEdit")
        self.unqualifiedEdit.setMaximumSize(QSize(80, 16777215))

        self.reinspectionLayout.addWidget(self.unqualifiedEdit, 0, 3, 1, 1)

        self.scrappedLabel = QLabel(self.reinspectionGroup)
        self.scrappedLabel.setObjectName(u"scrappedLabel")

        self.reinspectionLayout.addWidget(self.scrappedLabel, 0, 4, 1, 1)

        self.scrappedEdit = QLineEdit(self.reinspectionGroup)
        self.scrappedEdit.setObjectName(u"scrappedEdit")
        self.scrappedEdit.setMaximumSize(QSize(80, 16777215))

        self.reinspectionLayout.addWidget(self.scrappedEdit, 0, 5, 1, 1)

        self.sumLabel = QLabel(self.reinspectionGroup)
        self.sumLabel.setObjectName(u"sumLabel")
        self.sumLabel.setText(u"")
        self.sumLabel.setStyleSheet(u"font-weight: bold;")

        self.reinspectionLayout.addWidget(self.sumLabel, 0, 6, 1, 1)

        self.saveReinspectionButton = QPushButton(self.reinspectionGroup)
        self.saveReinspectionButton.setObjectName(u"saveReinspectionButton")

        self.reinspectionLayout.addWidget(self.saveReinspectionButton, 0, 7, 1, 1)

        self.reinspectionMessageLabel = QLabel(self.reinspectionGroup)
        self.reinspectionMessageLabel.setObjectName(u"reinspectionMessageLabel")
        self.reinspectionMessageLabel.setStyleSheet(u"color: #c00000;")
        self.reinspectionMessageLabel.setWordWrap(True)
        self.reinspectionMessageLabel.setText(u"")

        self.reinspectionLayout.addWidget(self.reinspectionMessageLabel, 1, 0, 1, 8)

        self.reinspectionLayout.setColumnStretch(6, 1)

        self.formLayout.addWidget(self.reinspectionGroup)

        self.closeGroup = QGroupBox(self.formPane)
        self.closeGroup.setObjectName(u"closeGroup")
        self.closeLayout = QHBoxLayout(self.closeGroup)
        self.closeLayout.setObjectName(u"closeLayout")
        self.returnProgressLabel = QLabel(self.closeGroup)
        self.returnProgressLabel.setObjectName(u"returnProgressLabel")
        self.returnProgressLabel.setText(u"")
        self.returnProgressLabel.setWordWrap(True)

        self.closeLayout.addWidget(self.returnProgressLabel)

        self.closeReturnButton = QPushButton(self.closeGroup)
        self.closeReturnButton.setObjectName(u"closeReturnButton")

        self.closeLayout.addWidget(self.closeReturnButton)

        self.closeLayout.setStretch(0, 1)

        self.formLayout.addWidget(self.closeGroup)

        self.formSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formLayout.addItem(self.formSpacer)

        self.formScroll.setWidget(self.formPane)
        self.splitter.addWidget(self.formScroll)

        self.tabLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.plannedLabel.setBuddy(self.plannedDateEdit)
        self.reworkQtyLabel.setBuddy(self.reworkQtyEdit)
        self.otherCostLabel.setBuddy(self.otherCostEdit)
        self.qualifiedLabel.setBuddy(self.qualifiedEdit)
        self.unqualifiedLabel.setBuddy(self.unqualifiedEdit)
        self.scrappedLabel.setBuddy(self.scrappedEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReworkTab)

        QMetaObject.connectSlotsByName(ReworkTab)
    # setupUi

    def retranslateUi(self, ReworkTab):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ReworkTab", u"Search label, model, customer\u2026", None))
        self.overdueCheck.setText(QCoreApplication.translate("ReworkTab", u"Overdue only", None))
        self.infoGroup.setTitle(QCoreApplication.translate("ReworkTab", u"Line to rework", None))
        self.rmaLabel.setText(QCoreApplication.translate("ReworkTab", u"RMA no.:", None))
        self.customerLabel.setText(QCoreApplication.translate("ReworkTab", u"Customer:", None))
        self.modelLabel.setText(QCoreApplication.translate("ReworkTab", u"Model/spec:", None))
        self.qtyLabel.setText(QCoreApplication.translate("ReworkTab", u"Quantity:", None))
        self.dispositionLabel.setText(QCoreApplication.translate("ReworkTab", u"Disposition:", None))
        self.liabilityLabel.setText(QCoreApplication.translate("ReworkTab", u"Liability:", None))
        self.causeLabel.setText(QCoreApplication.translate("ReworkTab", u"Final cause:", None))
        self.dueLabel.setText(QCoreApplication.translate("ReworkTab", u"Due:", None))
        self.reloadKeepButton.setText(QCoreApplication.translate("ReworkTab", u"Reload, keep my input", None))
        self.planGroup.setTitle(QCoreApplication.translate("ReworkTab", u"Rework plan (within 2 days)", None))
        self.plannedLabel.setText(QCoreApplication.translate("ReworkTab", u"&Planned for:", None))
        self.reworkQtyLabel.setText(QCoreApplication.translate("ReworkTab", u"Rework &quantity:", None))
        self.savePlanButton.setText(QCoreApplication.translate("ReworkTab", u"Save p&lan", None))
        self.costsGroup.setTitle(QCoreApplication.translate("ReworkTab", u"Materials and labour hours (external loss cost)", None))
        self.materialsLabel.setText(QCoreApplication.translate("ReworkTab", u"Materials", None))
        self.addMaterialButton.setText(QCoreApplication.translate("ReworkTab", u"Add material", None))
        self.removeMaterialButton.setText(QCoreApplication.translate("ReworkTab", u"Remove", None))
        self.labourLabel.setText(QCoreApplication.translate("ReworkTab", u"Labour", None))
        self.addLabourButton.setText(QCoreApplication.translate("ReworkTab", u"Add worker", None))
        self.removeLabourButton.setText(QCoreApplication.translate("ReworkTab", u"Remove", None))
        self.otherCostLabel.setText(QCoreApplication.translate("ReworkTab", u"&Other costs:", None))
        self.saveCostsButton.setText(QCoreApplication.translate("ReworkTab", u"Save &costs", None))
        self.finishButton.setText(QCoreApplication.translate("ReworkTab", u"&Finish rework", None))
        self.reinspectionGroup.setTitle(QCoreApplication.translate("ReworkTab", u"Re-inspection", None))
        self.qualifiedLabel.setText(QCoreApplication.translate("ReworkTab", u"Qu&alified:", None))
        self.unqualifiedLabel.setText(QCoreApplication.translate("ReworkTab", u"&Unqualified:", None))
        self.scrappedLabel.setText(QCoreApplication.translate("ReworkTab", u"Scrappe&d:", None))
        self.saveReinspectionButton.setText(QCoreApplication.translate("ReworkTab", u"Save re-inspec&tion", None))
        self.closeGroup.setTitle(QCoreApplication.translate("ReworkTab", u"Close the return", None))
        self.closeReturnButton.setText(QCoreApplication.translate("ReworkTab", u"Close &return", None))
        pass
    # retranslateUi

