# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'labels_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QScrollArea, QSizePolicy,
    QSplitter, QVBoxLayout, QWidget)

class Ui_LabelsTab(object):
    def setupUi(self, LabelsTab):
        if not LabelsTab.objectName():
            LabelsTab.setObjectName(u"LabelsTab")
        LabelsTab.resize(1200, 800)
        self.mainLayout = QVBoxLayout(LabelsTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.splitter = QSplitter(LabelsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.leftPane = QWidget(self.splitter)
        self.leftPane.setObjectName(u"leftPane")
        self.leftLayout = QVBoxLayout(self.leftPane)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, 0, 0, 0)
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.returnLabel = QLabel(self.leftPane)
        self.returnLabel.setObjectName(u"returnLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.returnLabel)

        self.findLayout = QHBoxLayout()
        self.findLayout.setObjectName(u"findLayout")
        self.rmaEdit = QLineEdit(self.leftPane)
        self.rmaEdit.setObjectName(u"rmaEdit")

        self.findLayout.addWidget(self.rmaEdit)

        self.loadButton = QPushButton(self.leftPane)
        self.loadButton.setObjectName(u"loadButton")

        self.findLayout.addWidget(self.loadButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.findLayout)

        self.formLabel = QLabel(self.leftPane)
        self.formLabel.setObjectName(u"formLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.formLabel)

        self.formCombo = QComboBox(self.leftPane)
        self.formCombo.setObjectName(u"formCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formCombo)

        self.sizeLabel = QLabel(self.leftPane)
        self.sizeLabel.setObjectName(u"sizeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sizeLabel)

        self.sizeCombo = QComboBox(self.leftPane)
        self.sizeCombo.setObjectName(u"sizeCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sizeCombo)

        self.dpiLabel = QLabel(self.leftPane)
        self.dpiLabel.setObjectName(u"dpiLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dpiLabel)

        self.dpiCombo = QComboBox(self.leftPane)
        self.dpiCombo.setObjectName(u"dpiCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dpiCombo)

        self.sheetLabel = QLabel(self.leftPane)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sheetLabel)

        self.sheetCombo = QComboBox(self.leftPane)
        self.sheetCombo.setObjectName(u"sheetCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sheetCombo)


        self.leftLayout.addLayout(self.formLayout)

        self.linesLabel = QLabel(self.leftPane)
        self.linesLabel.setObjectName(u"linesLabel")

        self.leftLayout.addWidget(self.linesLabel)

        self.linesList = QListWidget(self.leftPane)
        self.linesList.setObjectName(u"linesList")

        self.leftLayout.addWidget(self.linesList)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.printButton = QPushButton(self.leftPane)
        self.printButton.setObjectName(u"printButton")

        self.buttonLayout.addWidget(self.printButton)

        self.saveButton = QPushButton(self.leftPane)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)


        self.leftLayout.addLayout(self.buttonLayout)

        self.batchLabel = QLabel(self.leftPane)
        self.batchLabel.setObjectName(u"batchLabel")

        self.leftLayout.addWidget(self.batchLabel)

        self.batchLayout = QHBoxLayout()
        self.batchLayout.setObjectName(u"batchLayout")
        self.batchDate = QDateEdit(self.leftPane)
        self.batchDate.setObjectName(u"batchDate")
        self.batchDate.setDisplayFormat(u"yyyy-MM-dd")
        self.batchDate.setCalendarPopup(True)

        self.batchLayout.addWidget(self.batchDate)

        self.batchButton = QPushButton(self.leftPane)
        self.batchButton.setObjectName(u"batchButton")

        self.batchLayout.addWidget(self.batchButton)


        self.leftLayout.addLayout(self.batchLayout)

        self.statusLabel = QLabel(self.leftPane)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.leftLayout.addWidget(self.statusLabel)

        self.splitter.addWidget(self.leftPane)
        self.previewArea = QScrollArea(self.splitter)
        self.previewArea.setObjectName(u"previewArea")
        self.previewArea.setStyleSheet(u"QScrollArea { background: #8a8f99; }")
        self.previewArea.setWidgetResizable(True)
        self.previewHost = QWidget()
        self.previewHost.setObjectName(u"previewHost")
        self.previewLayout = QVBoxLayout(self.previewHost)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)
        self.previewArea.setWidget(self.previewHost)
        self.splitter.addWidget(self.previewArea)

        self.mainLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.returnLabel.setBuddy(self.rmaEdit)
        self.formLabel.setBuddy(self.formCombo)
        self.sizeLabel.setBuddy(self.sizeCombo)
        self.dpiLabel.setBuddy(self.dpiCombo)
        self.sheetLabel.setBuddy(self.sheetCombo)
        self.linesLabel.setBuddy(self.linesList)
        self.batchLabel.setBuddy(self.batchDate)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LabelsTab)

        QMetaObject.connectSlotsByName(LabelsTab)
    # setupUi

    def retranslateUi(self, LabelsTab):
        self.returnLabel.setText(QCoreApplication.translate("LabelsTab", u"&Return:", None))
        self.rmaEdit.setPlaceholderText(QCoreApplication.translate("LabelsTab", u"RMA number or scanned label", None))
        self.loadButton.setText(QCoreApplication.translate("LabelsTab", u"&Open", None))
        self.formLabel.setText(QCoreApplication.translate("LabelsTab", u"Pr&int:", None))
        self.sizeLabel.setText(QCoreApplication.translate("LabelsTab", u"Label si&ze:", None))
        self.dpiLabel.setText(QCoreApplication.translate("LabelsTab", u"Printer r&esolution:", None))
        self.sheetLabel.setText(QCoreApplication.translate("LabelsTab", u"&Layout:", None))
        self.linesLabel.setText(QCoreApplication.translate("LabelsTab", u"Lines to print:", None))
        self.printButton.setText(QCoreApplication.translate("LabelsTab", u"&Print\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("LabelsTab", u"Save P&DF\u2026", None))
        self.batchLabel.setText(QCoreApplication.translate("LabelsTab", u"Batch: labels of every return received on", None))
        self.batchButton.setText(QCoreApplication.translate("LabelsTab", u"Print the day's labels", None))
        pass
    # retranslateUi

