"""Entry script of the frozen ``laomo`` program (PyInstaller): the same as the ``laomo`` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
