"""Dialogs and the reusable form widgets they are built from (dates, provenance, a person's facts)."""
