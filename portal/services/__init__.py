"""Domain rules in plain Python. Nothing in this package imports Reflex.

Every public function takes the acting user (an ``Actor``) first and checks
what that user may do, because any browser can call any event handler.
"""
