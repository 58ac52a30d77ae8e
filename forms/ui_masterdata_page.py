# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'masterdata_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_MasterDataPage(object):
    def setupUi(self, MasterDataPage):
        if not MasterDataPage.objectName():
            MasterDataPage.setObjectName(u"MasterDataPage")
        MasterDataPage.resize(900, 560)
        self.mainLayout = QVBoxLayout(MasterDataPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchLabel = QLabel(MasterDataPage)
        self.searchLabel.setObjectName(u"searchLabel")

        self.filterLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(MasterDataPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.inactiveCheck = QCheckBox(MasterDataPage)
        self.inactiveCheck.setObjectName(u"inactiveCheck")

        self.filterLayout.addWidget(self.inactiveCheck)

        self.countLabel = QLabel(MasterDataPage)
        self.countLabel.setObjectName(u"countLabel")

        self.filterLayout.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.filterLayout)

        self.tableView = QTableView(MasterDataPage)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setSortingEnabled(True)

        self.mainLayout.addWidget(self.tableView)

        self.messageLabel = QLabel(MasterDataPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.addButton = QPushButton(MasterDataPage)
        self.addButton.setObjectName(u"addButton")

        self.buttonLayout.addWidget(self.addButton)

        self.editButton = QPushButton(MasterDataPage)
        self.editButton.setObjectName(u"editButton")

        self.buttonLayout.addWidget(self.editButton)

        self.activeButton = QPushButton(MasterDataPage)
        self.activeButton.setObjectName(u"activeButton")

        self.buttonLayout.addWidget(self.activeButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.importButton = QPushButton(MasterDataPage)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MasterDataPage)

        QMetaObject.connectSlotsByName(MasterDataPage)
    # setupUi

    def retranslateUi(self, MasterDataPage):
        self.searchLabel.setText(QCoreApplication.translate("MasterDataPage", u"&Search:", None))
        self.inactiveCheck.setText(QCoreApplication.translate("MasterDataPage", u"Show &inactive", None))
        self.addButton.setText(QCoreApplication.translate("MasterDataPage", u"&Add\u2026", None))
        self.editButton.setText(QCoreApplication.translate("MasterDataPage", u"&Edit\u2026", None))
        self.activeButton.setText(QCoreApplication.translate("MasterDataPage", u"&Deactivate", None))
        self.importButton.setText(QCoreApplication.translate("MasterDataPage", u"From E&xcel\u2026", None))
        pass
    # retranslateUi

