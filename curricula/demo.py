"""Demo content of the curricula app (filled by its issue)."""


def load(stdout=None):
    """Create this app's demo content; idempotent."""
