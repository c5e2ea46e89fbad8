"""The workbook under JupyterHub: what ``deploy/jupyterhub/`` configures the hub and each single-user server with.

``authorizer`` locks a participant's single-user server down to the Voilà pages; ``spawn`` decides per hub user what
their server may be (the workbook; JupyterLab only for trainers who choose it) and with which environment.
"""
