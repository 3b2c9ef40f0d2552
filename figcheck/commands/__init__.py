"""The click commands, one module each. Each module imports only click at the top and
imports the library inside its command, so that `figcheck --help` stays fast."""
