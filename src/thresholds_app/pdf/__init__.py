"""Lays a rationale or the guidance book out as PDF with reportlab (nothing else)."""
