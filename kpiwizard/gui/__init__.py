"""The Qt layer: thin views over ``kpiwizard.core``. Every Qt import goes through ``gui.qt``."""
