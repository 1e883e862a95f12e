"""Domain: the language model of strictpy: rules, findings, facts; no I/O."""
