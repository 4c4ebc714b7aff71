"""Demo content of the skills app (filled by its issue)."""


def load(stdout=None):
    """Create this app's demo content; idempotent."""
