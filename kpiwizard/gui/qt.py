"""The one place the program imports Qt from.

Keeping every Qt import here (as Anki's ``aqt.qt`` does) means a binding change, a missing module
or a version quirk is handled once, and the core can be checked to import none of it.

Names are looked up on first use (``__getattr__`` below), not all at import: PySide6 builds each
class's Python enums the first time the class is touched, and doing that for every name here cost
about 25 ms of CPU before the first window. The list below is what type checkers see and what
the program may use.
"""

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

_MODULES = (QtCore, QtGui, QtWidgets)


def __getattr__(name: str) -> object:
    for module in _MODULES:
        try:
            value = getattr(module, name)
        except AttributeError:
            continue
        globals()[name] = value  # later look-ups are plain module attributes
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    from PySide6.QtCore import (  # noqa: F401
        QByteArray,
        QCoreApplication,
        QDate,
        QEvent,
        QLibraryInfo,
        QLocale,
        QLockFile,
        QObject,
        QPointF,
        QRect,
        QRectF,
        QRunnable,
        QSettings,
        QSize,
        QStandardPaths,
        Qt,
        QThreadPool,
        QTimer,
        QTranslator,
        QUrl,
        Signal,
        Slot,
        QtMsgType,
        qInstallMessageHandler,
    )
    from PySide6.QtGui import (  # noqa: F401
        QAction,
        QActionGroup,
        QColor,
        QDesktopServices,
        QFileOpenEvent,
        QFont,
        QFontDatabase,
        QFontMetrics,
        QGuiApplication,
        QIcon,
        QKeySequence,
        QPainter,
        QPainterPath,
        QPalette,
        QPen,
        QUndoCommand,
        QUndoStack,
        QWindow,
    )
    from PySide6.QtWidgets import (  # noqa: F401
        QAbstractItemView,
        QAbstractSpinBox,
        QApplication,
        QButtonGroup,
        QCalendarWidget,
        QCheckBox,
        QComboBox,
        QDateEdit,
        QDialog,
        QDialogButtonBox,
        QDoubleSpinBox,
        QFileDialog,
        QFormLayout,
        QFrame,
        QGridLayout,
        QGroupBox,
        QHBoxLayout,
        QHeaderView,
        QLabel,
        QLineEdit,
        QListWidget,
        QListWidgetItem,
        QMainWindow,
        QMenu,
        QMessageBox,
        QPlainTextEdit,
        QProgressBar,
        QPushButton,
        QRadioButton,
        QScrollArea,
        QSizePolicy,
        QSpinBox,
        QSplitter,
        QStackedWidget,
        QTableWidget,
        QTableWidgetItem,
        QTabWidget,
        QTextBrowser,
        QToolButton,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
        QWidget,
        QWizard,
        QWizardPage,
    )
