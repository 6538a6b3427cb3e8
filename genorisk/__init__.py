"""genorisk: genograms, cumulative risk and multi-agency records for UK child-safeguarding practice."""

__version__ = "0.1.0"
