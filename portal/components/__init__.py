"""Reusable UI pieces. Components load no data; states do."""
