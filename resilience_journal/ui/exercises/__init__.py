"""Guided exercises that log themselves as decompression: paced breathing and 5-4-3-2-1 grounding."""
