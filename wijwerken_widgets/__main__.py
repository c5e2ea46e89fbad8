"""``python -m wijwerken_widgets`` is the ``wijwerken`` command."""

import sys

from .cli import main

sys.exit(main())
