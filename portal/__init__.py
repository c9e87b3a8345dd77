"""Fangxin: a portal that turns consumer complaints into resolved cases."""
