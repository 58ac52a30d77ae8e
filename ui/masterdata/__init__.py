"""资料维护 — master data in the window: the lists, the users, the shared settings, and the
small dialogs the receiving desk uses to add a customer or a model on the spot."""
