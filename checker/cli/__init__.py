"""The command-line side: flags, configuration, batches, writing outputs and exit codes (main.py is the entry)."""
