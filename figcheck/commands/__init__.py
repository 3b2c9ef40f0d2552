"""The click commands, one module each. Each module imports only click (and the record
types of figcheck.model, which `figcheck --help` loads anyway) at the top, and imports the
library inside its command, so that `figcheck --help` stays fast."""
