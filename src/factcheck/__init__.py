"""factcheck: check claims against reference facts and the provenance of their sources."""

__version__ = "0.1.0"
