"""The report's sections, one module per area; :data:`genorisk.report.summary.SECTIONS` orders them."""
