"""Core helpers without widgets or store: paths, Dutch dates, HTML, downloads, YAML files, the kernel warm-up."""
