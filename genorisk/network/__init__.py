"""The professional network around a case, Qt-free: who knows what, meetings, follow-up, the ecomap.

- :mod:`.matrix`: the information-sharing matrix (agencies × status told / plan / minutes /
  assessment / invited) with its gaps;
- :mod:`.timescales`: the Working Together timescales, counted in working days;
- :mod:`.followup`: outstanding and overdue actions, supervision concerns carried forward, sign-offs;
- :mod:`.ecomap`: the family and its professional network laid out by Graphviz;
- :mod:`.editing`: the named commands practitioners issue on these records.
"""
