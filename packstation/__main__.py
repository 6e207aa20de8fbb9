"""`python -m packstation` runs the same entry point as the `packstation` command."""

import sys

from packstation.cli import main

sys.exit(main())
