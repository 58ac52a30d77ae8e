# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'move_to_server_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_MoveToServerDialog(object):
    def setupUi(self, MoveToServerDialog):
        if not MoveToServerDialog.objectName():
            MoveToServerDialog.setObjectName(u"MoveToServerDialog")
        MoveToServerDialog.resize(640, 460)
        self.mainLayout = QVBoxLayout(MoveToServerDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(MoveToServerDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.urlLayout = QHBoxLayout()
        self.urlLayout.setObjectName(u"urlLayout")
        self.urlLabel = QLabel(MoveToServerDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.urlLayout.addWidget(self.urlLabel)

        self.urlEdit = QLineEdit(MoveToServerDialog)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setMinimumSize(QSize(320, 0))
        self.urlEdit.setPlaceholderText(u"postgresql+psycopg://rma@dbserver/rma")

        self.urlLayout.addWidget(self.urlEdit)

        self.testButton = QPushButton(MoveToServerDialog)
        self.testButton.setObjectName(u"testButton")

        self.urlLayout.addWidget(self.testButton)


        self.mainLayout.addLayout(self.urlLayout)

        self.statusLabel = QLabel(MoveToServerDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.resultText = QPlainTextEdit(MoveToServerDialog)
        self.resultText.setObjectName(u"resultText")
        self.resultText.setReadOnly(True)

        self.mainLayout.addWidget(self.resultText)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.copyButton = QPushButton(MoveToServerDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonLayout.addWidget(self.copyButton)

        self.switchButton = QPushButton(MoveToServerDialog)
        self.switchButton.setObjectName(u"switchButton")

        self.buttonLayout.addWidget(self.switchButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(MoveToServerDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.urlLabel.setBuddy(self.urlEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MoveToServerDialog)

        QMetaObject.connectSlotsByName(MoveToServerDialog)
    # setupUi

    def retranslateUi(self, MoveToServerDialog):
        MoveToServerDialog.setWindowTitle(QCoreApplication.translate("MoveToServerDialog", u"Move this station's data to a server", None))
        self.introLabel.setText(QCoreApplication.translate("MoveToServerDialog", u"Copies everything of this station \u2014 returns, users, counters and the audit trail \u2014 into an empty server database in one transaction, then checks every table (row counts and checksums). Nothing here is changed. A server database that has no tables yet gets them first.", None))
        self.urlLabel.setText(QCoreApplication.translate("MoveToServerDialog", u"&Server:", None))
        self.testButton.setText(QCoreApplication.translate("MoveToServerDialog", u"&Test", None))
        self.copyButton.setText(QCoreApplication.translate("MoveToServerDialog", u"&Copy to the server", None))
        self.switchButton.setText(QCoreApplication.translate("MoveToServerDialog", u"&Use the server for this station", None))
        self.closeButton.setText(QCoreApplication.translate("MoveToServerDialog", u"Close", None))
    # retranslateUi

