"""The application layer: the ``wijwerken`` command and the Voilà server it starts."""
