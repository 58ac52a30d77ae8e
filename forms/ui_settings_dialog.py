# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(620, 500)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.stationGroup = QGroupBox(SettingsDialog)
        self.stationGroup.setObjectName(u"stationGroup")
        self.stationLayout = QGridLayout(self.stationGroup)
        self.stationLayout.setObjectName(u"stationLayout")
        self.databaseLabel = QLabel(self.stationGroup)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.stationLayout.addWidget(self.databaseLabel, 0, 0, 1, 1)

        self.databaseLayout = QHBoxLayout()
        self.databaseLayout.setObjectName(u"databaseLayout")
        self.databaseUrlEdit = QLineEdit(self.stationGroup)
        self.databaseUrlEdit.setObjectName(u"databaseUrlEdit")
        self.databaseUrlEdit.setMinimumSize(QSize(300, 0))

        self.databaseLayout.addWidget(self.databaseUrlEdit)

        self.testConnectionButton = QPushButton(self.stationGroup)
        self.testConnectionButton.setObjectName(u"testConnectionButton")

        self.databaseLayout.addWidget(self.testConnectionButton)


        self.stationLayout.addLayout(self.databaseLayout, 0, 1, 1, 1)

        self.databaseMessageLabel = QLabel(self.stationGroup)
        self.databaseMessageLabel.setObjectName(u"databaseMessageLabel")
        self.databaseMessageLabel.setStyleSheet(u"color: #c00000;")
        self.databaseMessageLabel.setWordWrap(True)

        self.stationLayout.addWidget(self.databaseMessageLabel, 1, 1, 1, 1)

        self.roleLabel = QLabel(self.stationGroup)
        self.roleLabel.setObjectName(u"roleLabel")

        self.stationLayout.addWidget(self.roleLabel, 2, 0, 1, 1)

        self.roleCombo = QComboBox(self.stationGroup)
        self.roleCombo.setObjectName(u"roleCombo")

        self.stationLayout.addWidget(self.roleCombo, 2, 1, 1, 1)

        self.languageLabel = QLabel(self.stationGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.stationLayout.addWidget(self.languageLabel, 3, 0, 1, 1)

        self.languageCombo = QComboBox(self.stationGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.stationLayout.addWidget(self.languageCombo, 3, 1, 1, 1)

        self.printerLabel = QLabel(self.stationGroup)
        self.printerLabel.setObjectName(u"printerLabel")

        self.stationLayout.addWidget(self.printerLabel, 4, 0, 1, 1)

        self.printerCombo = QComboBox(self.stationGroup)
        self.printerCombo.setObjectName(u"printerCombo")

        self.stationLayout.addWidget(self.printerCombo, 4, 1, 1, 1)

        self.labelSizeLabel = QLabel(self.stationGroup)
        self.labelSizeLabel.setObjectName(u"labelSizeLabel")

        self.stationLayout.addWidget(self.labelSizeLabel, 5, 0, 1, 1)

        self.labelSizeCombo = QComboBox(self.stationGroup)
        self.labelSizeCombo.setObjectName(u"labelSizeCombo")

        self.stationLayout.addWidget(self.labelSizeCombo, 5, 1, 1, 1)

        self.dpiLabel = QLabel(self.stationGroup)
        self.dpiLabel.setObjectName(u"dpiLabel")

        self.stationLayout.addWidget(self.dpiLabel, 6, 0, 1, 1)

        self.dpiCombo = QComboBox(self.stationGroup)
        self.dpiCombo.setObjectName(u"dpiCombo")

        self.stationLayout.addWidget(self.dpiCombo, 6, 1, 1, 1)

        self.moveToServerButton = QPushButton(self.stationGroup)
        self.moveToServerButton.setObjectName(u"moveToServerButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.moveToServerButton.sizePolicy().hasHeightForWidth())
        self.moveToServerButton.setSizePolicy(sizePolicy)

        self.stationLayout.addWidget(self.moveToServerButton, 7, 1, 1, 1)

        self.stationLayout.setColumnStretch(1, 1)

        self.mainLayout.addWidget(self.stationGroup)

        self.sharedGroup = QGroupBox(SettingsDialog)
        self.sharedGroup.setObjectName(u"sharedGroup")
        self.sharedLayout = QGridLayout(self.sharedGroup)
        self.sharedLayout.setObjectName(u"sharedLayout")
        self.labourRateLabel = QLabel(self.sharedGroup)
        self.labourRateLabel.setObjectName(u"labourRateLabel")

        self.sharedLayout.addWidget(self.labourRateLabel, 0, 0, 1, 1)

        self.labourRateEdit = QLineEdit(self.sharedGroup)
        self.labourRateEdit.setObjectName(u"labourRateEdit")
        self.labourRateEdit.setMaxLength(12)

        self.sharedLayout.addWidget(self.labourRateEdit, 0, 1, 1, 1)

        self.labourRateErrorLabel = QLabel(self.sharedGroup)
        self.labourRateErrorLabel.setObjectName(u"labourRateErrorLabel")
        self.labourRateErrorLabel.setStyleSheet(u"color: #c00000;")
        self.labourRateErrorLabel.setWordWrap(True)

        self.sharedLayout.addWidget(self.labourRateErrorLabel, 1, 1, 1, 2)

        self.formHeaderLabel = QLabel(self.sharedGroup)
        self.formHeaderLabel.setObjectName(u"formHeaderLabel")
        self.formHeaderLabel.setStyleSheet(u"font-weight: bold;")

        self.sharedLayout.addWidget(self.formHeaderLabel, 2, 0, 1, 1)

        self.formNoHeaderLabel = QLabel(self.sharedGroup)
        self.formNoHeaderLabel.setObjectName(u"formNoHeaderLabel")
        self.formNoHeaderLabel.setStyleSheet(u"font-weight: bold;")

        self.sharedLayout.addWidget(self.formNoHeaderLabel, 2, 1, 1, 1)

        self.formRevHeaderLabel = QLabel(self.sharedGroup)
        self.formRevHeaderLabel.setObjectName(u"formRevHeaderLabel")
        self.formRevHeaderLabel.setStyleSheet(u"font-weight: bold;")

        self.sharedLayout.addWidget(self.formRevHeaderLabel, 2, 2, 1, 1)

        self.noticeFormLabel = QLabel(self.sharedGroup)
        self.noticeFormLabel.setObjectName(u"noticeFormLabel")

        self.sharedLayout.addWidget(self.noticeFormLabel, 3, 0, 1, 1)

        self.noticeFormNoEdit = QLineEdit(self.sharedGroup)
        self.noticeFormNoEdit.setObjectName(u"noticeFormNoEdit")
        self.noticeFormNoEdit.setMaxLength(40)

        self.sharedLayout.addWidget(self.noticeFormNoEdit, 3, 1, 1, 1)

        self.noticeFormRevEdit = QLineEdit(self.sharedGroup)
        self.noticeFormRevEdit.setObjectName(u"noticeFormRevEdit")
        self.noticeFormRevEdit.setMaxLength(8)
        self.noticeFormRevEdit.setMaximumSize(QSize(80, 16777215))

        self.sharedLayout.addWidget(self.noticeFormRevEdit, 3, 2, 1, 1)

        self.analysisFormLabel = QLabel(self.sharedGroup)
        self.analysisFormLabel.setObjectName(u"analysisFormLabel")

        self.sharedLayout.addWidget(self.analysisFormLabel, 4, 0, 1, 1)

        self.analysisFormNoEdit = QLineEdit(self.sharedGroup)
        self.analysisFormNoEdit.setObjectName(u"analysisFormNoEdit")
        self.analysisFormNoEdit.setMaxLength(40)

        self.sharedLayout.addWidget(self.analysisFormNoEdit, 4, 1, 1, 1)

        self.analysisFormRevEdit = QLineEdit(self.sharedGroup)
        self.analysisFormRevEdit.setObjectName(u"analysisFormRevEdit")
        self.analysisFormRevEdit.setMaxLength(8)
        self.analysisFormRevEdit.setMaximumSize(QSize(80, 16777215))

        self.sharedLayout.addWidget(self.analysisFormRevEdit, 4, 2, 1, 1)

        self.liaisonFormLabel = QLabel(self.sharedGroup)
        self.liaisonFormLabel.setObjectName(u"liaisonFormLabel")

        self.sharedLayout.addWidget(self.liaisonFormLabel, 5, 0, 1, 1)

        self.liaisonFormNoEdit = QLineEdit(self.sharedGroup)
        self.liaisonFormNoEdit.setObjectName(u"liaisonFormNoEdit")
        self.liaisonFormNoEdit.setMaxLength(40)

        self.sharedLayout.addWidget(self.liaisonFormNoEdit, 5, 1, 1, 1)

        self.liaisonFormRevEdit = QLineEdit(self.sharedGroup)
        self.liaisonFormRevEdit.setObjectName(u"liaisonFormRevEdit")
        self.liaisonFormRevEdit.setMaxLength(8)
        self.liaisonFormRevEdit.setMaximumSize(QSize(80, 16777215))

        self.sharedLayout.addWidget(self.liaisonFormRevEdit, 5, 2, 1, 1)

        self.reworkFormLabel = QLabel(self.sharedGroup)
        self.reworkFormLabel.setObjectName(u"reworkFormLabel")

        self.sharedLayout.addWidget(self.reworkFormLabel, 6, 0, 1, 1)

        self.reworkFormNoEdit = QLineEdit(self.sharedGroup)
        self.reworkFormNoEdit.setObjectName(u"reworkFormNoEdit")
        self.reworkFormNoEdit.setMaxLength(40)

        self.sharedLayout.addWidget(self.reworkFormNoEdit, 6, 1, 1, 1)

        self.reworkFormRevEdit = QLineEdit(self.sharedGroup)
        self.reworkFormRevEdit.setObjectName(u"reworkFormRevEdit")
        self.reworkFormRevEdit.setMaxLength(8)
        self.reworkFormRevEdit.setMaximumSize(QSize(80, 16777215))

        self.sharedLayout.addWidget(self.reworkFormRevEdit, 6, 2, 1, 1)

        self.formsErrorLabel = QLabel(self.sharedGroup)
        self.formsErrorLabel.setObjectName(u"formsErrorLabel")
        self.formsErrorLabel.setStyleSheet(u"color: #c00000;")
        self.formsErrorLabel.setWordWrap(True)

        self.sharedLayout.addWidget(self.formsErrorLabel, 7, 1, 1, 2)

        self.sharedNoteLabel = QLabel(self.sharedGroup)
        self.sharedNoteLabel.setObjectName(u"sharedNoteLabel")
        self.sharedNoteLabel.setWordWrap(True)
        self.sharedNoteLabel.setStyleSheet(u"color: #555555;")

        self.sharedLayout.addWidget(self.sharedNoteLabel, 8, 0, 1, 3)

        self.sharedErrorLabel = QLabel(self.sharedGroup)
        self.sharedErrorLabel.setObjectName(u"sharedErrorLabel")
        self.sharedErrorLabel.setStyleSheet(u"color: #c00000;")
        self.sharedErrorLabel.setWordWrap(True)

        self.sharedLayout.addWidget(self.sharedErrorLabel, 9, 0, 1, 3)

        self.sharedLayout.setColumnStretch(1, 1)

        self.mainLayout.addWidget(self.sharedGroup)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.databaseLabel.setBuddy(self.databaseUrlEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.languageLabel.setBuddy(self.languageCombo)
        self.printerLabel.setBuddy(self.printerCombo)
        self.labelSizeLabel.setBuddy(self.labelSizeCombo)
        self.dpiLabel.setBuddy(self.dpiCombo)
        self.labourRateLabel.setBuddy(self.labourRateEdit)
        self.noticeFormLabel.setBuddy(self.noticeFormNoEdit)
        self.analysisFormLabel.setBuddy(self.analysisFormNoEdit)
        self.liaisonFormLabel.setBuddy(self.liaisonFormNoEdit)
        self.reworkFormLabel.setBuddy(self.reworkFormNoEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.stationGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"This station", None))
        self.databaseLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Database:", None))
        self.databaseUrlEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"empty = the embedded database on this computer", None))
        self.testConnectionButton.setText(QCoreApplication.translate("SettingsDialog", u"&Test connection", None))
        self.roleLabel.setText(QCoreApplication.translate("SettingsDialog", u"Station &role:", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Language:", None))
        self.printerLabel.setText(QCoreApplication.translate("SettingsDialog", u"Label &printer:", None))
        self.labelSizeLabel.setText(QCoreApplication.translate("SettingsDialog", u"Label &size:", None))
        self.dpiLabel.setText(QCoreApplication.translate("SettingsDialog", u"Printer r&esolution:", None))
        self.moveToServerButton.setText(QCoreApplication.translate("SettingsDialog", u"&Move this station's data to a server\u2026", None))
        self.sharedGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Shared by all stations", None))
        self.labourRateLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Hourly labour rate (yuan):", None))
        self.labourRateEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"e.g. 35.50", None))
        self.formHeaderLabel.setText(QCoreApplication.translate("SettingsDialog", u"Controlled form", None))
        self.formNoHeaderLabel.setText(QCoreApplication.translate("SettingsDialog", u"Form No.", None))
        self.formRevHeaderLabel.setText(QCoreApplication.translate("SettingsDialog", u"Revision", None))
        self.noticeFormLabel.setText(QCoreApplication.translate("SettingsDialog", u"Return handling notice", None))
        self.analysisFormLabel.setText(QCoreApplication.translate("SettingsDialog", u"Return analysis and handling form", None))
        self.liaisonFormLabel.setText(QCoreApplication.translate("SettingsDialog", u"Liaison note", None))
        self.reworkFormLabel.setText(QCoreApplication.translate("SettingsDialog", u"Rework and re-inspection record", None))
        self.sharedNoteLabel.setText(QCoreApplication.translate("SettingsDialog", u"These values are kept in the database and apply to every station.", None))
    # retranslateUi

