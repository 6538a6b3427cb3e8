"""``python -m genorisk``: the same as the ``genorisk`` command."""

import sys

from genorisk.cli.main import main

sys.exit(main())
