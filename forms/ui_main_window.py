# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QStatusBar, QTabWidget, QToolBar,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        self.actionImport = QAction(MainWindow)
        self.actionImport.setObjectName(u"actionImport")
        self.actionBackup = QAction(MainWindow)
        self.actionBackup.setObjectName(u"actionBackup")
        self.actionRestore = QAction(MainWindow)
        self.actionRestore.setObjectName(u"actionRestore")
        self.actionMasterData = QAction(MainWindow)
        self.actionMasterData.setObjectName(u"actionMasterData")
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        self.actionSettings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.actionSwitchUser = QAction(MainWindow)
        self.actionSwitchUser.setObjectName(u"actionSwitchUser")
        self.actionChangePassword = QAction(MainWindow)
        self.actionChangePassword.setObjectName(u"actionChangePassword")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionQuit.setMenuRole(QAction.MenuRole.QuitRole)
        self.actionScan = QAction(MainWindow)
        self.actionScan.setObjectName(u"actionScan")
#if QT_CONFIG(shortcut)
        self.actionScan.setShortcut(u"F2")
#endif // QT_CONFIG(shortcut)
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionChinese = QAction(MainWindow)
        self.actionChinese.setObjectName(u"actionChinese")
        self.actionChinese.setText(u"\u7b80\u4f53\u4e2d\u6587")
        self.actionChinese.setCheckable(True)
        self.actionEnglish = QAction(MainWindow)
        self.actionEnglish.setObjectName(u"actionEnglish")
        self.actionEnglish.setText(u"English")
        self.actionEnglish.setCheckable(True)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(4)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(self.centralwidget)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)

        self.centralLayout.addWidget(self.tabs)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuStation = QMenu(self.menubar)
        self.menuStation.setObjectName(u"menuStation")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.scanToolBar = QToolBar(MainWindow)
        self.scanToolBar.setObjectName(u"scanToolBar")
        self.scanToolBar.setMovable(False)
        self.scanToolBar.setFloatable(False)
        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.scanToolBar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuStation.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuStation.addAction(self.actionImport)
        self.menuStation.addAction(self.actionMasterData)
        self.menuStation.addAction(self.actionBackup)
        self.menuStation.addAction(self.actionRestore)
        self.menuStation.addSeparator()
        self.menuStation.addAction(self.actionSettings)
        self.menuStation.addAction(self.actionSwitchUser)
        self.menuStation.addAction(self.actionChangePassword)
        self.menuStation.addSeparator()
        self.menuStation.addAction(self.actionQuit)
        self.menuView.addAction(self.actionScan)
        self.menuView.addAction(self.actionRefresh)
        self.menuView.addSeparator()
        self.menuView.addAction(self.actionChinese)
        self.menuView.addAction(self.actionEnglish)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"RMA Station \u2014 customer returns", None))
        self.actionImport.setText(QCoreApplication.translate("MainWindow", u"&Import a legacy Excel log\u2026", None))
        self.actionBackup.setText(QCoreApplication.translate("MainWindow", u"&Back up the database\u2026", None))
        self.actionRestore.setText(QCoreApplication.translate("MainWindow", u"&Restore a backup\u2026", None))
        self.actionMasterData.setText(QCoreApplication.translate("MainWindow", u"&Master data\u2026", None))
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"&Settings\u2026", None))
        self.actionSwitchUser.setText(QCoreApplication.translate("MainWindow", u"S&witch user\u2026", None))
        self.actionChangePassword.setText(QCoreApplication.translate("MainWindow", u"Change &password\u2026", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionScan.setText(QCoreApplication.translate("MainWindow", u"&Scan a label", None))
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"&Refresh lists", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About RMA Station", None))
        self.menuStation.setTitle(QCoreApplication.translate("MainWindow", u"&Station", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
        self.scanToolBar.setWindowTitle(QCoreApplication.translate("MainWindow", u"Scan", None))
    # retranslateUi

