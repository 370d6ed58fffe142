"""Outputs for editors and publishers: term tables in several formats."""
