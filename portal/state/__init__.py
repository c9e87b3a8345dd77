"""Thin Reflex states. Each handler resolves the signed-in actor and calls a service."""
