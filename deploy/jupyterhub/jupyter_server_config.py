"""The single-user server of the workbook under JupyterHub: Voilà's pages and nothing else.

Started by the hub as ``jupyterhub-singleuser --config=<this file>`` (``wijwerken_widgets/app/hub/spawn.py``).
No JupyterLab, no terminals, no file or contents access: the Jupyter server's own APIs answer 403 except the
kernel websocket a Voilà page talks to (``WorkbookAuthorizer``), and that websocket carries widget messages only
(no ``execute_request``: standalone Voilà's allow-list). The hub's ``disable_user_config`` keeps a user's own
Jupyter configuration out.
"""

import os

from wijwerken_widgets.app.hub.authorizer import VOILA_MESSAGE_TYPES
from wijwerken_widgets.core import paths

c = get_config()  # noqa: F821 (given by the Jupyter server)

c.ServerApp.jpserver_extensions = {
    "voila": True,
    "jupyterlab": False,
    "notebook": False,
    "nbclassic": False,
    "jupyter_lsp": False,
    "jupyter_server_terminals": False,
}
c.ServerApp.terminals_enabled = False
c.ServerApp.authorizer_class = "wijwerken_widgets.app.hub.authorizer.WorkbookAuthorizer"
c.ServerApp.root_dir = str(paths.workbooks_dir())
c.ServerApp.default_url = "/voila/render/start.ipynb"
c.ServerApp.allow_root = True  # the hub's spawner decides the user; in a container that may be root
c.ContentsManager.allow_hidden = False
c.MappingKernelManager.allowed_message_types = VOILA_MESSAGE_TYPES
# A page's kernel that nobody has used for this long stops, also while its tab stays open (cull_connected). The
# hub sets the limit (WIJWERKEN_IDLE_SECONDS, app/hub/spawn.py); the page warns first and counts reading (scrolling)
# as use (ui/idle.py), and a participant's typed text is kept by the page's drafts.
idle = int(os.environ.get("WIJWERKEN_IDLE_SECONDS", 45 * 60))
c.MappingKernelManager.cull_idle_timeout = idle
c.MappingKernelManager.cull_interval = max(1, min(60, idle // 10))
c.MappingKernelManager.cull_connected = True
# The page tells its kernel that someone is there (scrolling, reading) with a kernel_info_request
# (static/wijwerken-idle.js): count it as activity, unlike the server's default.
c.MappingKernelManager.untracked_message_types = [
    "comm_info_request", "comm_info_reply", "shutdown_request", "shutdown_reply", "interrupt_request",
    "interrupt_reply", "debug_request", "debug_reply", "stream", "display_data", "update_display_data",
    "execute_input", "execute_result", "error", "status", "clear_output", "debug_event", "input_request",
    "input_reply",
]
c.VoilaConfiguration.template = "wijwerken"
c.VoilaConfiguration.file_allowlist = [r".*\.(png|jpg|gif|svg)"]
