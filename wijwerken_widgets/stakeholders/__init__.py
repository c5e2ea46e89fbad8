"""Dag 2's stakeholderkaart: the model (``model``), tables and exports (``tables``), network insight
(``insight``) and the pictures (``graph_html``, ``grid_svg``, ``energy_svg``). No widgets here: the exercise
widgets live in ``wijwerken_widgets`` itself and read the group's map through ``map_session``."""
