"""Entry script frozen by PyInstaller: the same `main` as the `packstation` console script."""

import sys

from packstation.cli import main

if __name__ == "__main__":
    sys.exit(main())
