"""A participant's single-user server serves the workbook and nothing else.

JupyterHub's single-user server is a full Jupyter server. Its own APIs ask the server's authorizer before they act
(``@authorized``: an action on a resource such as ``contents``, ``kernels``, ``terminals``); Voilà's pages do not.
`WorkbookAuthorizer` allows only what a Voilà page needs from them, talking to the kernel Voilà started for it:
its websocket (``execute`` on ``kernels``) and its model (``read`` of ``/api/kernels/<id>``, which the page asks for
before it connects). Listing, starting, restarting or deleting kernels, the files
and contents APIs, sessions, terminals, nbconvert, config and events are refused, and every refusal is logged.
What the websocket may carry is limited by ``MappingKernelManager.allowed_message_types`` (the allow-list standalone
Voilà uses: widget messages, no ``execute_request``), set in ``deploy/jupyterhub/jupyter_server_config.py``.
"""

from __future__ import annotations

from typing import Any

from jupyterhub.singleuser.extension import JupyterHubAuthorizer

ALLOWED = frozenset({("execute", "kernels")})
"""(action, resource) pairs a Voilà page needs from the Jupyter server's own APIs."""
ALLOWED_FOR_ONE_KERNEL = frozenset({("read", "kernels")})
"""Pairs allowed only on one kernel's address (``/api/kernels/<id>``), never on the list."""

VOILA_MESSAGE_TYPES = ["comm_open", "comm_close", "comm_msg", "comm_info_request", "kernel_info_request",
                       "shutdown_request"]
"""The kernel messages a page may send: standalone Voilà's allow-list (``voila/app.py``)."""


class WorkbookAuthorizer(JupyterHubAuthorizer):  # type: ignore[misc]
    """The hub's check (the user may use this server) and, on top, only :data:`ALLOWED`."""

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        one_kernel = bool(getattr(handler, "path_kwargs", {}).get("kernel_id"))
        if (action, resource) not in ALLOWED and not (one_kernel and (action, resource) in ALLOWED_FOR_ONE_KERNEL):
            handler.log.warning("refused %s on %s: the workbook server serves only its pages", action, resource)
            return False
        return bool(super().is_authorized(handler, user, action, resource))
