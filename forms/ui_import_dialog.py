# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(1100, 640)
        self.mainLayout = QVBoxLayout(ImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLabel = QLabel(ImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileLayout.addWidget(self.fileLabel)

        self.fileEdit = QLineEdit(ImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.chooseButton = QPushButton(ImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.mainLayout.addLayout(self.fileLayout)

        self.summaryLabel = QLabel(ImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.previewTabs = QTabWidget(ImportDialog)
        self.previewTabs.setObjectName(u"previewTabs")
        self.rowsPage = QWidget()
        self.rowsPage.setObjectName(u"rowsPage")
        self.rowsLayout = QVBoxLayout(self.rowsPage)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsView = QTableView(self.rowsPage)
        self.rowsView.setObjectName(u"rowsView")
        self.rowsView.setAlternatingRowColors(True)
        self.rowsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rowsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.rowsLayout.addWidget(self.rowsView)

        self.previewTabs.addTab(self.rowsPage, "")
        self.rejectsPage = QWidget()
        self.rejectsPage.setObjectName(u"rejectsPage")
        self.rejectsLayout = QVBoxLayout(self.rejectsPage)
        self.rejectsLayout.setObjectName(u"rejectsLayout")
        self.rejectsView = QTableView(self.rejectsPage)
        self.rejectsView.setObjectName(u"rejectsView")
        self.rejectsView.setAlternatingRowColors(True)
        self.rejectsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rejectsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejectsView.setWordWrap(True)

        self.rejectsLayout.addWidget(self.rejectsView)

        self.previewTabs.addTab(self.rejectsPage, "")

        self.mainLayout.addWidget(self.previewTabs)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.rejectsButton = QPushButton(ImportDialog)
        self.rejectsButton.setObjectName(u"rejectsButton")

        self.buttonLayout.addWidget(self.rejectsButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.importButton = QPushButton(ImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.closeButton = QPushButton(ImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Import a legacy Excel log", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportDialog", u"&File:", None))
        self.chooseButton.setText(QCoreApplication.translate("ImportDialog", u"&Choose file\u2026", None))
        self.previewTabs.setTabText(self.previewTabs.indexOf(self.rowsPage), QCoreApplication.translate("ImportDialog", u"Rows to import", None))
        self.previewTabs.setTabText(self.previewTabs.indexOf(self.rejectsPage), QCoreApplication.translate("ImportDialog", u"Rejected rows", None))
        self.rejectsButton.setText(QCoreApplication.translate("ImportDialog", u"Save &rejected rows\u2026", None))
        self.importButton.setText(QCoreApplication.translate("ImportDialog", u"&Import", None))
        self.closeButton.setText(QCoreApplication.translate("ImportDialog", u"Close", None))
    # retranslateUi

