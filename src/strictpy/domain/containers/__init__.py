"""Container inputs: pure parsers of Dockerfiles, compose files and ignore files."""
