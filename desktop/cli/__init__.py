"""The ``laomo`` command (a package: ``main`` dispatches, ``parser`` declares the options,
``common`` holds what every command shares, one module per command group)."""

from desktop.cli.main import main

__all__ = ["main"]
