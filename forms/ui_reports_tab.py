# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QDateEdit, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTabWidget, QToolButton,
    QVBoxLayout, QWidget)

class Ui_ReportsTab(object):
    def setupUi(self, ReportsTab):
        if not ReportsTab.objectName():
            ReportsTab.setObjectName(u"ReportsTab")
        ReportsTab.resize(1400, 800)
        self.mainLayout = QVBoxLayout(ReportsTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.monthLabel = QLabel(ReportsTab)
        self.monthLabel.setObjectName(u"monthLabel")

        self.topLayout.addWidget(self.monthLabel)

        self.prevButton = QToolButton(ReportsTab)
        self.prevButton.setObjectName(u"prevButton")
        self.prevButton.setArrowType(Qt.ArrowType.LeftArrow)

        self.topLayout.addWidget(self.prevButton)

        self.monthEdit = QDateEdit(ReportsTab)
        self.monthEdit.setObjectName(u"monthEdit")
        self.monthEdit.setDisplayFormat(u"yyyy-MM")
        self.monthEdit.setCalendarPopup(True)

        self.topLayout.addWidget(self.monthEdit)

        self.nextButton = QToolButton(ReportsTab)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setArrowType(Qt.ArrowType.RightArrow)

        self.topLayout.addWidget(self.nextButton)

        self.stateLabel = QLabel(ReportsTab)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setStyleSheet(u"color: #777777;")

        self.topLayout.addWidget(self.stateLabel)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.xlsxButton = QPushButton(ReportsTab)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.topLayout.addWidget(self.xlsxButton)

        self.pdfButton = QPushButton(ReportsTab)
        self.pdfButton.setObjectName(u"pdfButton")

        self.topLayout.addWidget(self.pdfButton)

        self.exportBox = QGroupBox(ReportsTab)
        self.exportBox.setObjectName(u"exportBox")
        self.exportLayout = QHBoxLayout(self.exportBox)
        self.exportLayout.setObjectName(u"exportLayout")
        self.exportLayout.setContentsMargins(8, 2, 8, 2)
        self.fromLabel = QLabel(self.exportBox)
        self.fromLabel.setObjectName(u"fromLabel")

        self.exportLayout.addWidget(self.fromLabel)

        self.fromEdit = QDateEdit(self.exportBox)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.fromEdit.setCalendarPopup(True)

        self.exportLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(self.exportBox)
        self.toLabel.setObjectName(u"toLabel")

        self.exportLayout.addWidget(self.toLabel)

        self.toEdit = QDateEdit(self.exportBox)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.toEdit.setCalendarPopup(True)

        self.exportLayout.addWidget(self.toEdit)

        self.exportButton = QPushButton(self.exportBox)
        self.exportButton.setObjectName(u"exportButton")

        self.exportLayout.addWidget(self.exportButton)


        self.topLayout.addWidget(self.exportBox)


        self.mainLayout.addLayout(self.topLayout)

        self.cardsLayout = QGridLayout()
        self.cardsLayout.setObjectName(u"cardsLayout")

        self.mainLayout.addLayout(self.cardsLayout)

        self.splitter = QSplitter(ReportsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.tablesPane = QWidget(self.splitter)
        self.tablesPane.setObjectName(u"tablesPane")
        self.tablesLayout = QVBoxLayout(self.tablesPane)
        self.tablesLayout.setObjectName(u"tablesLayout")
        self.tablesLayout.setContentsMargins(0, 0, 0, 0)
        self.tableTabs = QTabWidget(self.tablesPane)
        self.tableTabs.setObjectName(u"tableTabs")

        self.tablesLayout.addWidget(self.tableTabs)

        self.noteLabel = QLabel(self.tablesPane)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setStyleSheet(u"color: #777777;")

        self.tablesLayout.addWidget(self.noteLabel)

        self.splitter.addWidget(self.tablesPane)
        self.chartTabs = QTabWidget(self.splitter)
        self.chartTabs.setObjectName(u"chartTabs")
        self.splitter.addWidget(self.chartTabs)

        self.mainLayout.addWidget(self.splitter)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.monthLabel.setBuddy(self.monthEdit)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportsTab)

        QMetaObject.connectSlotsByName(ReportsTab)
    # setupUi

    def retranslateUi(self, ReportsTab):
        self.monthLabel.setText(QCoreApplication.translate("ReportsTab", u"&Month:", None))
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("ReportsTab", u"Previous month", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("ReportsTab", u"Next month", None))
#endif // QT_CONFIG(tooltip)
        self.xlsxButton.setText(QCoreApplication.translate("ReportsTab", u"Export &Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.xlsxButton.setToolTip(QCoreApplication.translate("ReportsTab", u"The monthly statistics as a workbook with charts", None))
#endif // QT_CONFIG(tooltip)
        self.pdfButton.setText(QCoreApplication.translate("ReportsTab", u"Export P&DF\u2026", None))
#if QT_CONFIG(tooltip)
        self.pdfButton.setToolTip(QCoreApplication.translate("ReportsTab", u"The monthly statistics on A4 for the distribution list", None))
#endif // QT_CONFIG(tooltip)
        self.exportBox.setTitle(QCoreApplication.translate("ReportsTab", u"Return lines", None))
        self.fromLabel.setText(QCoreApplication.translate("ReportsTab", u"&From", None))
        self.toLabel.setText(QCoreApplication.translate("ReportsTab", u"&to", None))
        self.exportButton.setText(QCoreApplication.translate("ReportsTab", u"Export &returns\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("ReportsTab", u"Every line received in these days, with its return, decision and costs, as a workbook", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

