# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.resize(640, 740)
        self.mainLayout = QVBoxLayout(SetupDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(SetupDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setStyleSheet(u"font-size: 15pt; font-weight: bold;")

        self.mainLayout.addWidget(self.headingLabel)

        self.introLabel = QLabel(SetupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.databaseLabel = QLabel(SetupDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setStyleSheet(u"color: #555;")
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.databaseLabel)

        self.companyGroup = QGroupBox(SetupDialog)
        self.companyGroup.setObjectName(u"companyGroup")
        self.companyLayout = QVBoxLayout(self.companyGroup)
        self.companyLayout.setObjectName(u"companyLayout")
        self.companyForm = QFormLayout()
        self.companyForm.setObjectName(u"companyForm")
        self.companyLabel = QLabel(self.companyGroup)
        self.companyLabel.setObjectName(u"companyLabel")

        self.companyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.companyEdit = QLineEdit(self.companyGroup)
        self.companyEdit.setObjectName(u"companyEdit")

        self.companyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.companyEdit)


        self.companyLayout.addLayout(self.companyForm)

        self.formsHint = QLabel(self.companyGroup)
        self.formsHint.setObjectName(u"formsHint")
        self.formsHint.setWordWrap(True)

        self.companyLayout.addWidget(self.formsHint)

        self.formsGrid = QGridLayout()
        self.formsGrid.setObjectName(u"formsGrid")

        self.companyLayout.addLayout(self.formsGrid)


        self.mainLayout.addWidget(self.companyGroup)

        self.stationGroup = QGroupBox(SetupDialog)
        self.stationGroup.setObjectName(u"stationGroup")
        self.stationForm = QFormLayout(self.stationGroup)
        self.stationForm.setObjectName(u"stationForm")
        self.roleLabel = QLabel(self.stationGroup)
        self.roleLabel.setObjectName(u"roleLabel")

        self.stationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(self.stationGroup)
        self.roleCombo.setObjectName(u"roleCombo")

        self.stationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.roleCombo)


        self.mainLayout.addWidget(self.stationGroup)

        self.adminGroup = QGroupBox(SetupDialog)
        self.adminGroup.setObjectName(u"adminGroup")
        self.adminForm = QFormLayout(self.adminGroup)
        self.adminForm.setObjectName(u"adminForm")
        self.loginLabel = QLabel(self.adminGroup)
        self.loginLabel.setObjectName(u"loginLabel")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.loginLabel)

        self.loginEdit = QLineEdit(self.adminGroup)
        self.loginEdit.setObjectName(u"loginEdit")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.loginEdit)

        self.nameLabel = QLabel(self.adminGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.adminForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.adminGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.adminForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.passwordLabel = QLabel(self.adminGroup)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.adminForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.adminGroup)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.adminForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.againLabel = QLabel(self.adminGroup)
        self.againLabel.setObjectName(u"againLabel")

        self.adminForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.againEdit = QLineEdit(self.adminGroup)
        self.againEdit.setObjectName(u"againEdit")
        self.againEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.adminForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.againEdit)


        self.mainLayout.addWidget(self.adminGroup)

        self.errorLabel = QLabel(SetupDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.setupButtons = QHBoxLayout()
        self.setupButtons.setObjectName(u"setupButtons")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.setupButtons.addItem(self.buttonSpacer)

        self.setupButton = QPushButton(SetupDialog)
        self.setupButton.setObjectName(u"setupButton")

        self.setupButtons.addWidget(self.setupButton)

        self.cancelButton = QPushButton(SetupDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.setupButtons.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.setupButtons)

        self.demoGroup = QGroupBox(SetupDialog)
        self.demoGroup.setObjectName(u"demoGroup")
        self.demoGroup.setStyleSheet(u"QGroupBox { border: 2px dashed #c07000; margin-top: 1.2em; padding: 6px; } QGroupBox::title { color: #c07000; subcontrol-origin: margin; left: 8px; }")
        self.demoLayout = QHBoxLayout(self.demoGroup)
        self.demoLayout.setObjectName(u"demoLayout")
        self.demoNoteLabel = QLabel(self.demoGroup)
        self.demoNoteLabel.setObjectName(u"demoNoteLabel")
        self.demoNoteLabel.setWordWrap(True)

        self.demoLayout.addWidget(self.demoNoteLabel)

        self.demoButton = QPushButton(self.demoGroup)
        self.demoButton.setObjectName(u"demoButton")
        self.demoButton.setAutoDefault(False)

        self.demoLayout.addWidget(self.demoButton)


        self.mainLayout.addWidget(self.demoGroup)

#if QT_CONFIG(shortcut)
        self.companyLabel.setBuddy(self.companyEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.loginLabel.setBuddy(self.loginEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.againLabel.setBuddy(self.againEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.companyEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.loginEdit)
        QWidget.setTabOrder(self.loginEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.againEdit)
        QWidget.setTabOrder(self.againEdit, self.setupButton)
        QWidget.setTabOrder(self.setupButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.demoButton)

        self.retranslateUi(SetupDialog)

        self.setupButton.setDefault(True)


        QMetaObject.connectSlotsByName(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", u"Set up \u2014 RMA Station", None))
        self.headingLabel.setText(QCoreApplication.translate("SetupDialog", u"Set up the station", None))
        self.introLabel.setText(QCoreApplication.translate("SetupDialog", u"This database is new and empty. Enter your company, the numbers of your controlled forms and the first administrator: then the station is ready for real work.", None))
        self.companyGroup.setTitle(QCoreApplication.translate("SetupDialog", u"Company and forms", None))
        self.companyLabel.setText(QCoreApplication.translate("SetupDialog", u"&Company name:", None))
        self.formsHint.setText(QCoreApplication.translate("SetupDialog", u"Printed in the header of every form: form number (\u7f16\u53f7) and revision (\u7248\u6b21).", None))
        self.stationGroup.setTitle(QCoreApplication.translate("SetupDialog", u"This station", None))
        self.roleLabel.setText(QCoreApplication.translate("SetupDialog", u"&Station role:", None))
        self.adminGroup.setTitle(QCoreApplication.translate("SetupDialog", u"First administrator", None))
        self.loginLabel.setText(QCoreApplication.translate("SetupDialog", u"&Login:", None))
        self.nameLabel.setText(QCoreApplication.translate("SetupDialog", u"&Name:", None))
        self.passwordLabel.setText(QCoreApplication.translate("SetupDialog", u"&Password:", None))
        self.againLabel.setText(QCoreApplication.translate("SetupDialog", u"Password &again:", None))
        self.setupButton.setText(QCoreApplication.translate("SetupDialog", u"&Set up and log in", None))
        self.cancelButton.setText(QCoreApplication.translate("SetupDialog", u"Cancel", None))
        self.demoGroup.setTitle(QCoreApplication.translate("SetupDialog", u"Only to try the station out", None))
        self.demoNoteLabel.setText(QCoreApplication.translate("SetupDialog", u"Demo data: invented customers, products and a year of returns, and users whose password is 1234. NOT for real work: every form prints DEMO.", None))
        self.demoButton.setText(QCoreApplication.translate("SetupDialog", u"Try it with &demo data\u2026", None))
    # retranslateUi

