"""How the product runs on more than one app server: object storage, the front, the cluster."""
