"""Quality checks: each yields findings, none raises."""
