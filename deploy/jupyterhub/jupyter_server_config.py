"""The single-user server of the workbook under JupyterHub: Voilà's pages and nothing else.

Started by the hub as ``jupyterhub-singleuser --config=<this file>`` (``wijwerken_widgets/app/hub/spawn.py``).
No JupyterLab, no terminals, no file or contents access: the Jupyter server's own APIs answer 403 except the
kernel websocket a Voilà page talks to (``WorkbookAuthorizer``), and that websocket carries widget messages only
(no ``execute_request``: standalone Voilà's allow-list). The hub's ``disable_user_config`` keeps a user's own
Jupyter configuration out.
"""

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
# A page's kernel that nobody has used for this long stops, also while its tab stays open (cull_connected): a
# participant's typed text is kept by the page's drafts (see README "Nothing typed is lost").
c.MappingKernelManager.cull_idle_timeout = 45 * 60
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = True
c.VoilaConfiguration.template = "wijwerken"
c.VoilaConfiguration.file_allowlist = [r".*\.(png|jpg|gif|svg)"]
