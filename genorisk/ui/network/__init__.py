"""The network panels (issue 6): agencies, meetings, supervision, voice of the child, summary."""
