"""One module per wizard page. Each page is a thin view over ``ProjectDocument``."""
