"""A trainer's JupyterLab under JupyterHub, to adapt the workbook: only for trainers who choose it on the hub's
spawn page (``wijwerken_widgets/app/hub/spawn.py``); participants never get this configuration."""

from wijwerken_widgets.core import paths

c = get_config()  # noqa: F821 (given by the Jupyter server)

c.ServerApp.root_dir = str(paths.workbooks_dir().parent)
c.ServerApp.default_url = "/lab"
c.ServerApp.allow_root = True
c.MappingKernelManager.cull_idle_timeout = 2 * 60 * 60
c.MappingKernelManager.cull_interval = 5 * 60
