"""A group's Dag 4 work (rode draden, terugleggen, actieplan): its item types, session and analyses."""
