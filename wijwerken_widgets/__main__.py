"""``python -m wijwerken_widgets`` is the ``wijwerken`` command."""

import sys

from wijwerken_widgets.app.cli import main

sys.exit(main())
