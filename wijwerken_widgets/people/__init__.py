"""People and identity: cohort settings, personal codes, cohorts in the store, who is using a kernel."""
