"""Small reusable widgets: charts, the strategy map, the audit panel, help buttons."""
