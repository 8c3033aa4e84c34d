"""劳模之家 (laomo): the model-worker register for 劳动模范协会 offices."""

__version__ = "0.1.0"
APP_NAME = "laomo"
APP_DISPLAY_NAME = "劳模之家"
