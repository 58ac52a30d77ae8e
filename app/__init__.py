"""RMA Station core: the domain and its services. Nothing in here imports Qt."""
