"""The dual-track timeline: actual and alternate events from data/timeline.yml."""
